import type { CredentialsAuthenticator } from './authenticator';
import { dummyHash, verifyPassword } from './password';
import { findUserByEmail } from '../../organisation/organisation.store';

export const passwordAuthenticator: CredentialsAuthenticator = {
  id: 'password',
  kind: 'credentials',
  async verify(db, { email, password }) {
    const user = await findUserByEmail(db, email);
    if (!user || !user.passwordHash || !user.active) {
      await verifyPassword(await dummyHash(), password);
      return null;
    }
    return (await verifyPassword(user.passwordHash, password)) ? user.id : null;
  },
};
