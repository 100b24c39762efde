import type { CredentialsAuthenticator } from '../../platform/auth/authenticator';
import { dummyHash, verifyPassword } from '../../platform/auth/password';
import { findUsersByEmail } from '../organisation.store';

export const passwordAuthenticator: CredentialsAuthenticator = {
  id: 'password',
  kind: 'credentials',
  async verify(db, { email, password }) {
    // The same address may log in to several municipalities, each with its own password; the
    // password picks the account (the oldest first, should two share one).
    const candidates = (await findUsersByEmail(db, email)).filter(
      (u) => u.active && u.passwordHash,
    );
    if (candidates.length === 0) {
      await verifyPassword(await dummyHash(), password);
      return null;
    }
    for (const u of candidates) if (await verifyPassword(u.passwordHash!, password)) return u.id;
    return null;
  },
};
