import type { Db } from '../db/client';

/**
 * How a person proves who they are. Password login is the first; MitID through NemLog-in
 * (SAML) and the municipality's single sign-on (OpenID Connect) send the browser to a provider
 * and back (the signin area's routes), then use the same session machinery as the password.
 * A session remembers the authenticator that started it (`sessions.provider`).
 */
export interface CredentialsAuthenticator {
  readonly id: string;
  readonly kind: 'credentials';
  /** Returns the user id, or null when the credentials are wrong or the user is inactive. */
  verify(db: Db, input: { email: string; password: string }): Promise<string | null>;
}

export interface RedirectAuthenticator {
  readonly id: string;
  readonly kind: 'redirect';
  /**
   * Where the browser goes to end the provider's session as well (SAML LogoutRequest, OIDC
   * end-session), or null where the provider has none. Called before our session ends.
   */
  logoutUrl(db: Db, sessionId: string): Promise<string | null>;
}

export type Authenticator = CredentialsAuthenticator | RedirectAuthenticator;
