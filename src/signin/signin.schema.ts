import {
  bigserial,
  boolean,
  index,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, municipalityId, stampedAt, tstz, updatedAt } from '../platform/db/columns';
import type { Role } from '../platform/auth/roles';
import { municipalities, users } from '../organisation/organisation.schema';
import { sessions } from '../organisation/auth/auth.schema';

/**
 * How a municipality's people log in besides the password: MitID through NemLog-in (SAML,
 * citizens) and the municipality's own identity provider (OpenID Connect, staff). The client
 * secret is encrypted with the data key.
 */
export const loginSettings = pgTable('login_settings', {
  municipalityId: municipalityId()
    .primaryKey()
    .references(() => municipalities.id),
  oidcEnabled: boolean('oidc_enabled').notNull().default(false),
  oidcIssuer: text('oidc_issuer'),
  oidcClientId: text('oidc_client_id'),
  oidcSecretCipher: text('oidc_secret_cipher'),
  /** Lower-case e-mail domains staff may log in from (`kk.dk`); empty: any. */
  oidcDomains: text('oidc_domains').array().notNull().default([]),
  /** The claim that lists a user's groups, and which roles each group grants. */
  oidcGroupsClaim: text('oidc_groups_claim'),
  oidcGroupRoles: jsonb('oidc_group_roles').$type<Record<string, Role[]>>().notNull().default({}),
  samlEnabled: boolean('saml_enabled').notNull().default(false),
  /** NemLog-in's metadata: fetched from the URL, or pasted (the file) when there is no URL. */
  samlIdpMetadataUrl: text('saml_idp_metadata_url'),
  samlIdpMetadata: text('saml_idp_metadata'),
  /**
   * When the metadata last came from its URL (it is fetched again daily: NemLog-in changes its
   * certificates), and why the last try failed, if it did (the saved copy is used meanwhile).
   */
  samlIdpMetadataFetchedAt: tstz('saml_idp_metadata_fetched_at'),
  samlIdpMetadataError: text('saml_idp_metadata_error'),
  updatedBy: uuid('updated_by').references(() => users.id),
  updatedAt: updatedAt(),
});

/**
 * A login on its way through a provider: what we sent (PKCE verifier, nonce, SAML request id)
 * so the answer can be checked against it. Used once, then deleted.
 */
export const loginFlows = pgTable(
  'login_flows',
  {
    /** SHA-256 of the OIDC `state` or the SAML RelayState. */
    id: text('id').primaryKey(),
    municipalityId: municipalityId().references(() => municipalities.id),
    method: text('method').$type<'mitid' | 'oidc'>().notNull(),
    nonce: text('nonce'),
    codeVerifier: text('code_verifier'),
    /** The SAML AuthnRequest's ID the response must answer (InResponseTo). */
    requestId: text('request_id'),
    next: text('next'),
    createdAt: createdAt(),
    expiresAt: tstz('expires_at').notNull(),
  },
  (t) => [index('login_flows_request_idx').on(t.requestId)],
);

/** What ending a provider's session needs, per Digiløft session it started. */
export const federatedSessions = pgTable(
  'federated_sessions',
  {
    sessionId: text('session_id')
      .primaryKey()
      .references(() => sessions.id, { onDelete: 'cascade' }),
    municipalityId: municipalityId().references(() => municipalities.id),
    method: text('method').$type<'mitid' | 'oidc'>().notNull(),
    /** SAML: the NameID (a pseudonym, never the CPR number) and SessionIndex. */
    nameId: text('name_id'),
    sessionIndex: text('session_index'),
    /** OIDC: the ID token (encrypted), sent back as `id_token_hint` at logout. */
    idTokenCipher: text('id_token_cipher'),
    createdAt: createdAt(),
  },
  (t) => [index('federated_sessions_name_idx').on(t.municipalityId, t.nameId)],
);

/**
 * Every SAML message sent or received, as it went over the wire (assertions stay encrypted),
 * kept 180 days for NemLog-in's audit and then deleted. An assertion's ID is unique: the
 * same assertion posted twice is a replay.
 */
export const samlMessages = pgTable(
  'saml_messages',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    municipalityId: municipalityId().references(() => municipalities.id),
    direction: text('direction').$type<'in' | 'out'>().notNull(),
    type: text('type').notNull(),
    messageId: text('message_id'),
    inResponseTo: text('in_response_to'),
    assertionId: text('assertion_id'),
    /** Why it was refused, when it was. */
    refusal: text('refusal'),
    xml: text('xml').notNull(),
    at: stampedAt('at'),
  },
  (t) => [
    index('saml_messages_at_idx').on(t.at),
    uniqueIndex('saml_messages_assertion_uq').on(t.assertionId),
  ],
);

/**
 * Which Digiløft user a provider's subject is, once found by e-mail: the next login finds them
 * by subject, so a changed address at the provider does not lock them out.
 */
export const oidcIdentities = pgTable(
  'oidc_identities',
  {
    municipalityId: municipalityId().references(() => municipalities.id),
    issuer: text('issuer').notNull(),
    subject: text('subject').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.municipalityId, t.issuer, t.subject] })],
);
