// Wiring: the database, the CPR cipher, the ways to log in and the session lookup → AppContext.
import type { Config } from '../platform/config';
import type { Database } from '../platform/db/client';
import type { CprCipher } from '../platform/crypto/cpr-cipher';
import type { AppContext, AppSettings } from '../platform/context';
import type { Authenticator } from '../platform/auth/authenticator';
import { WEB_ROOT } from '../platform/bootstrap';
import { passwordAuthenticator, resolveSession } from '../organisation';
import { signinAuthenticators } from '../signin';
import { espeakEngine } from '../platform/speech/speech';

export function buildContext(
  config: Pick<Config, 'sessionIdleMinutes' | 'sessionMaxHours' | 'trustProxy' | 'publicUrl'> &
    Partial<Pick<Config, 'saml' | 'samlContact' | 'speechEngine'>>,
  database: Database,
  cipher: CprCipher,
  opts: { webRoot?: string } = { webRoot: WEB_ROOT },
): AppContext {
  const settings: AppSettings = {
    sessionIdleMinutes: config.sessionIdleMinutes,
    sessionMaxHours: config.sessionMaxHours,
    trustProxy: config.trustProxy,
    publicUrl: config.publicUrl,
    saml: config.saml ?? null,
    samlContact: config.samlContact ?? { name: 'Digiløft', email: 'digiloft@localhost' },
    ...(opts.webRoot ? { webRoot: opts.webRoot } : {}),
  };
  const authenticators: Authenticator[] = [
    passwordAuthenticator,
    ...signinAuthenticators({ cipher, settings }),
  ];
  return {
    database,
    db: database.db,
    cipher,
    authenticators: new Map(authenticators.map((a) => [a.id, a])),
    sessions: { resolve: resolveSession },
    settings,
    speech: espeakEngine(config.speechEngine),
  };
}
