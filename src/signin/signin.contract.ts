// Logging in through a provider over HTTP: MitID through NemLog-in (SAML) for citizens, the
// municipality's single sign-on (OpenID Connect) for staff, and the admin's settings for both.
import { z } from 'zod';
import { Role } from '../platform/auth/roles.contract';
import { said, singleLine } from '../platform/http/text';
import { endpoint } from '../platform/http/endpoint';
import { access } from '../platform/http/access';
import { settingsRules } from '../organisation';

const Code = z.object({ code: z.string().regex(/^[0-9a-z]{3,12}$/, said('municipality_code')) });
const Next = z.object({
  /** A path on this site to land on after login (never another origin). */
  next: z
    .string()
    .max(500)
    .regex(/^\/(?!\/)[\w\-/.?=&#%]*$/, said('next_path'))
    .optional(),
});
const Domain = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^(?=.{1,253}$)([a-z0-9-]+\.)+[a-z]{2,}$/, said('login_domain'));
const HttpsUrl = z.url(said('login_url')).max(2000);

export const LoginSettingsInput = z.object({
  passwordLogin: z.boolean(),
  mitid: z.object({
    enabled: z.boolean(),
    metadataUrl: HttpsUrl.nullable(),
    /** NemLog-in's metadata file, pasted, where there is no URL. */
    metadataXml: z.string().max(200_000).nullable(),
  }),
  oidc: z.object({
    enabled: z.boolean(),
    issuer: HttpsUrl.nullable(),
    clientId: singleLine().max(200).nullable(),
    /** Left out: the saved secret stays. Null: no secret. */
    clientSecret: z.string().max(500).nullable().optional(),
    domains: z.array(Domain).max(20),
    groupsClaim: singleLine().max(100).nullable(),
    groupRoles: z
      .array(z.object({ group: singleLine().min(1).max(200), roles: z.array(Role).min(1) }))
      .max(50),
  }),
});
export type LoginSettingsInput = z.infer<typeof LoginSettingsInput>;

export const LoginSettingsView = z.object({
  passwordLogin: z.boolean(),
  mitid: z.object({
    enabled: z.boolean(),
    metadataUrl: z.string().nullable(),
    /** Whether NemLog-in's metadata is saved (fetched from the URL or pasted). */
    hasMetadata: z.boolean(),
    /** When the metadata last came from its URL (fetched again daily), and why the last try failed. */
    metadataFetchedAt: z.string().nullable(),
    metadataError: z.string().nullable(),
    /** The installation has its certificates for NemLog-in (SAML_* settings). */
    certificates: z.boolean(),
    /** Our metadata, as NemLog-in registers it. */
    spMetadataUrl: z.string(),
  }),
  oidc: z.object({
    enabled: z.boolean(),
    issuer: z.string().nullable(),
    clientId: z.string().nullable(),
    hasSecret: z.boolean(),
    domains: z.array(z.string()),
    groupsClaim: z.string().nullable(),
    groupRoles: z.array(z.object({ group: z.string(), roles: z.array(Role) })),
    /** The redirect URI to register with the provider. */
    redirectUri: z.string(),
  }),
  updatedAt: z.iso.datetime().nullable(),
});
export type LoginSettingsView = z.infer<typeof LoginSettingsView>;

export const ProviderCheckInput = z.object({ provider: z.enum(['mitid', 'oidc']) });
export const ProviderCheck = z.object({
  ok: z.boolean(),
  /** What the provider said about itself, or why it could not be reached. */
  detail: z.string(),
});

export const LoginMethods = z.object({
  municipalities: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      password: z.boolean(),
      mitid: z.boolean(),
      sso: z.boolean(),
    }),
  ),
});
export type LoginMethods = z.infer<typeof LoginMethods>;

const ADMIN = access.roles('admin');
const PROVIDER = ['signin'] as const;

export const signinApi = {
  methods: endpoint({
    method: 'GET',
    path: '/api/signin/methods',
    access: access.public(),
    tags: PROVIDER,
    description:
      'How people of each municipality may log in: password, MitID, the municipality’s own login.',
    response: { 200: LoginMethods },
  }),
  getSettings: endpoint({
    method: 'GET',
    path: '/api/signin/settings',
    access: ADMIN,
    governedBy: settingsRules('manage'),
    tags: PROVIDER,
    description:
      'The municipality’s login settings: password on or off, MitID (NemLog-in), single sign-on (OpenID Connect). The client secret is never shown.',
    response: { 200: LoginSettingsView },
  }),
  putSettings: endpoint({
    method: 'PUT',
    path: '/api/signin/settings',
    access: ADMIN,
    governedBy: settingsRules('manage'),
    tags: PROVIDER,
    description:
      'Sets how the municipality’s people log in. NemLog-in’s metadata is fetched from its URL when one is given. Password login can be switched off only while single sign-on is on; the client secret is encrypted with the data key (leave it out to keep the saved one).',
    body: LoginSettingsInput,
    response: { 200: LoginSettingsView },
  }),
  checkProvider: endpoint({
    method: 'POST',
    path: '/api/signin/settings/check',
    access: ADMIN,
    governedBy: settingsRules('manage'),
    tags: PROVIDER,
    description:
      'Tests the connection: fetches NemLog-in’s metadata (and saves the fresh copy) or the OpenID provider’s discovery document, and says what it found or why it failed.',
    body: ProviderCheckInput,
    response: { 200: ProviderCheck },
  }),
  mitidMetadata: endpoint({
    method: 'GET',
    path: '/api/signin/mitid/:code/metadata',
    access: access.public(),
    sessionless: true,
    tags: PROVIDER,
    description:
      'Our SAML metadata for NemLog-in: entity id, signing and encryption certificates, assertion consumer and logout endpoints, requested attributes, contact.',
    params: Code,
    produces: 'application/samlmetadata+xml',
  }),
  mitidStart: endpoint({
    method: 'GET',
    path: '/api/signin/mitid/:code/start',
    access: access.public(),
    tags: PROVIDER,
    description:
      'Sends the browser to NemLog-in with a signed AuthnRequest (NSIS Substantial or higher).',
    params: Code,
    query: Next,
  }),
  mitidAcs: endpoint({
    method: 'POST',
    path: '/api/signin/mitid/:code/acs',
    access: access.public(),
    crossSite: true,
    tags: PROVIDER,
    description:
      'Assertion consumer service (HTTP-POST binding): reads NemLog-in’s response, lets the citizen in, or sends them to the login page with the reason.',
    params: Code,
    body: z.object({
      SAMLResponse: z.string().min(1).max(500_000),
      RelayState: z.string().max(200).optional(),
    }),
    consumes: ['application/x-www-form-urlencoded'],
  }),
  mitidSlo: endpoint({
    method: 'GET',
    path: '/api/signin/mitid/:code/slo',
    access: access.public(),
    tags: PROVIDER,
    description:
      'Single logout (HTTP-Redirect binding): NemLog-in’s LogoutRequest ends the citizen’s sessions here and is answered; its LogoutResponse ends a logout we began.',
    params: Code,
    query: z.object({
      SAMLRequest: z.string().max(100_000).optional(),
      SAMLResponse: z.string().max(100_000).optional(),
      RelayState: z.string().max(200).optional(),
      SigAlg: z.string().max(200).optional(),
      Signature: z.string().max(2000).optional(),
    }),
  }),
  oidcStart: endpoint({
    method: 'GET',
    path: '/api/signin/oidc/:code/start',
    access: access.public(),
    tags: PROVIDER,
    description:
      'Sends the browser to the municipality’s identity provider (authorization code with PKCE, state and nonce).',
    params: Code,
    query: Next,
  }),
  oidcCallback: endpoint({
    method: 'GET',
    path: '/api/signin/oidc/callback',
    access: access.public(),
    tags: PROVIDER,
    description:
      'Where the identity provider sends the browser back: checks state, nonce and issuer, finds the user (who must exist and be active), and lets them in.',
    query: z.object({
      state: z.string().max(200).optional(),
      code: z.string().max(4000).optional(),
      iss: z.string().max(2000).optional(),
      session_state: z.string().max(2000).optional(),
      error: z.string().max(200).optional(),
      error_description: z.string().max(2000).optional(),
    }),
  }),
};
