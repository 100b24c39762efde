import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import { CprCipher } from '../crypto/cpr-cipher';
import { buildApp } from '../http/app';
import type { AppContext } from '../context';
import { passwordAuthenticator } from '../auth/password-authenticator';
import { openTestDatabase } from './test-db';
import { TEST_PASSWORD } from './factories';

export interface TestApp {
  app: FastifyInstance;
  ctx: AppContext;
  close(): Promise<void>;
  /** Logs in and returns the Cookie header value for later requests. */
  login(email: string, password?: string): Promise<string>;
}

export async function createTestApp(
  opts: {
    loggerInstance?: FastifyServerOptions['loggerInstance'];
    ready?: boolean;
    trustProxy?: boolean;
  } = {},
): Promise<TestApp> {
  const database = await openTestDatabase();
  const ctx: AppContext = {
    database,
    db: database.db,
    cipher: CprCipher.random(),
    authenticators: new Map([[passwordAuthenticator.id, passwordAuthenticator]]),
    settings: { sessionIdleMinutes: 60, sessionMaxHours: 12, trustProxy: opts.trustProxy ?? false },
  };
  const app = await buildApp(
    ctx,
    opts.loggerInstance ? { loggerInstance: opts.loggerInstance } : {},
  );
  if (opts.ready !== false) await app.ready();
  return {
    app,
    ctx,
    close: async () => {
      await app.close();
      await database.close();
    },
    login: async (email, password = TEST_PASSWORD) => {
      const res = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email, password },
      });
      if (res.statusCode !== 200)
        throw new Error(`login failed for ${email}: ${res.statusCode} ${res.body}`);
      const cookie = res.cookies.find((c) => c.name === 'dl_session');
      if (!cookie) throw new Error('no session cookie');
      return `dl_session=${cookie.value}`;
    },
  };
}
