import crypto from 'node:crypto';

/** A random bearer token for a cookie (a code-started test, a queue ticket). */
export function newToken(): string {
  return crypto.randomBytes(32).toString('base64url');
}

/** What is stored of a token: its SHA-256, so a database copy holds no working tokens. */
export const tokenHash = (token: string) =>
  crypto.createHash('sha256').update(token).digest('base64url');
