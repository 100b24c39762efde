import type { RedirectAuthenticator } from '../platform/auth/authenticator';
import type { AppContext } from '../platform/context';
import { providerLogoutUrl } from './signin.use-cases';

/** MitID and single sign-on as the session machinery sees them: ways in that have a way out. */
export function signinAuthenticators(
  ctx: Pick<AppContext, 'cipher' | 'settings'>,
): RedirectAuthenticator[] {
  const logoutUrl = (db: AppContext['db'], sessionId: string) =>
    providerLogoutUrl({ ...ctx, db }, sessionId);
  return [
    { id: 'mitid', kind: 'redirect', logoutUrl },
    { id: 'oidc', kind: 'redirect', logoutUrl },
  ];
}
