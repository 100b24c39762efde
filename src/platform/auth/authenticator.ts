import type { Db } from '../db/client';

/**
 * How a person proves who they are. Password login is the first; MitID/NemLog-in (SAML) and
 * OIDC are redirect-based and plug in beside it: they resolve an external identity to a user
 * and then use the same session machinery (`startSession`).
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
  /** URL to send the browser to (SAML AuthnRequest, OIDC authorization request). */
  startUrl(returnTo: string): Promise<string>;
  /** Validates the provider's response and returns the user id it maps to, or null. */
  complete(db: Db, params: Record<string, string>): Promise<string | null>;
}

export type Authenticator = CredentialsAuthenticator | RedirectAuthenticator;
