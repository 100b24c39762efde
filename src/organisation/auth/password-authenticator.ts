import type { CredentialsAuthenticator } from '../../platform/auth/authenticator';
import { dummyHash, verifyPassword } from '../../platform/auth/password';
import { passwordUsersByEmail } from '../organisation.store';

export const passwordAuthenticator: CredentialsAuthenticator = {
  id: 'password',
  kind: 'credentials',
  async verify(db, { email, password }) {
    // The same address may log in to several municipalities, each with its own password; the
    // password picks the account (the oldest first, should two share one).
    // A municipality that has switched passwords off (MitID and single sign-on only) lets none in.
    const candidates = await passwordUsersByEmail(db, email);
    if (candidates.length === 0) {
      await verifyPassword(await dummyHash(), password);
      return null;
    }
    for (const u of candidates) if (await verifyPassword(u.passwordHash!, password)) return u.id;
    return null;
  },
};
