// Wiring: the database, the CPR cipher, the ways to log in and the session lookup → AppContext.
import type { Config } from '../platform/config';
import type { Database } from '../platform/db/client';
import type { CprCipher } from '../platform/crypto/cpr-cipher';
import type { AppContext } from '../platform/context';
import type { Authenticator } from '../platform/auth/authenticator';
import { WEB_ROOT } from '../platform/bootstrap';
import { passwordAuthenticator, resolveSession } from '../organisation';

export function buildContext(
  config: Pick<Config, 'sessionIdleMinutes' | 'sessionMaxHours' | 'trustProxy' | 'publicUrl'>,
  database: Database,
  cipher: CprCipher,
  opts: { webRoot?: string } = { webRoot: WEB_ROOT },
): AppContext {
  return {
    database,
    db: database.db,
    cipher,
    authenticators: new Map<string, Authenticator>([
      [passwordAuthenticator.id, passwordAuthenticator],
    ]),
    sessions: { resolve: resolveSession },
    settings: {
      sessionIdleMinutes: config.sessionIdleMinutes,
      sessionMaxHours: config.sessionMaxHours,
      trustProxy: config.trustProxy,
      publicUrl: config.publicUrl,
      ...(opts.webRoot ? { webRoot: opts.webRoot } : {}),
    },
  };
}
