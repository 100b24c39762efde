// Staff single sign-on through the municipality's OpenID Connect provider (Microsoft Entra ID,
// AD FS, …): authorization code with PKCE, `state` and `nonce`, the ID token checked by
// openid-client. Who may come in is Digiløft's decision (signin.use-cases.ts).
import * as client from 'openid-client';

export interface OidcClient {
  issuer: string;
  clientId: string;
  clientSecret: string;
}

const LOOPBACK = /^(localhost|127(\.\d+){3}|\[::1\])$/;
const TTL_MS = 10 * 60_000;
const cache = new Map<string, { config: client.Configuration; at: number }>();

/**
 * The provider's configuration from its discovery document, cached ten minutes per client.
 * Plain http is allowed only on this machine (a test provider); the issuer in the document
 * must be the one configured.
 */
export async function providerConfig(c: OidcClient, fresh = false): Promise<client.Configuration> {
  const key = `${c.issuer}\n${c.clientId}\n${c.clientSecret}`;
  const hit = cache.get(key);
  if (!fresh && hit && performance.now() - hit.at < TTL_MS) return hit.config;
  const url = new URL(c.issuer);
  const insecure = url.protocol === 'http:' && LOOPBACK.test(url.hostname);
  const config = await client.discovery(url, c.clientId, c.clientSecret, undefined, {
    timeout: 10,
    ...(insecure ? { execute: [client.allowInsecureRequests] } : {}),
  });
  cache.set(key, { config, at: performance.now() });
  return config;
}

export interface Started {
  url: string;
  state: string;
  nonce: string;
  codeVerifier: string;
}

export async function authorizationUrl(c: OidcClient, redirectUri: string): Promise<Started> {
  const config = await providerConfig(c);
  const codeVerifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const nonce = client.randomNonce();
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri,
    scope: 'openid email profile',
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    state,
    nonce,
  });
  return { url: url.href, state, nonce, codeVerifier };
}

export interface SignedIn {
  subject: string;
  email: string | null;
  groups: string[];
  idToken: string;
}

/** Exchanges the code and checks the answer: state, nonce, issuer, audience, PKCE. */
export async function completeLogin(
  c: OidcClient,
  callbackUrl: URL,
  expected: { state: string; nonce: string; codeVerifier: string },
  groupsClaim: string | null,
): Promise<SignedIn> {
  const config = await providerConfig(c);
  const tokens = await client.authorizationCodeGrant(config, callbackUrl, {
    pkceCodeVerifier: expected.codeVerifier,
    expectedState: expected.state,
    expectedNonce: expected.nonce,
    idTokenExpected: true,
  });
  const claims = tokens.claims();
  if (!claims || !tokens.id_token) throw new Error('no ID token');
  // Entra ID puts the address in `email` when set, else in `preferred_username` / `upn`.
  const email = [claims.email, claims.preferred_username, claims.upn].find(
    (v): v is string => typeof v === 'string' && v.includes('@'),
  );
  const rawGroups = groupsClaim ? claims[groupsClaim] : undefined;
  const groups = Array.isArray(rawGroups)
    ? rawGroups.filter((g): g is string => typeof g === 'string')
    : typeof rawGroups === 'string'
      ? [rawGroups]
      : [];
  return {
    subject: claims.sub,
    email: email?.toLowerCase() ?? null,
    groups,
    idToken: tokens.id_token,
  };
}

/** Where the browser ends the provider's session, or null if it offers none. */
export async function endSessionUrl(
  c: OidcClient,
  idToken: string | null,
  postLogoutRedirectUri: string,
): Promise<string | null> {
  const config = await providerConfig(c);
  if (!config.serverMetadata().end_session_endpoint) return null;
  return client.buildEndSessionUrl(config, {
    post_logout_redirect_uri: postLogoutRedirectUri,
    ...(idToken ? { id_token_hint: idToken } : {}),
    client_id: c.clientId,
  }).href;
}
