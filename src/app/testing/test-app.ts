import type { FastifyInstance, FastifyServerOptions, InjectOptions } from 'fastify';
import { CprCipher } from '../../platform/crypto/cpr-cipher';
import type { AppContext, SamlKeys } from '../../platform/context';
import { openTestDatabase } from '../../platform/testing/test-db';
import { buildContext } from '../context';
import { buildServer } from '../server';
import { TEST_PASSWORD } from './factories';

/** The public address test apps are configured with (what links must start with). */
export const TEST_PUBLIC_URL = 'https://digiloft.test.example';

export interface TestApp {
  app: FastifyInstance;
  ctx: AppContext;
  close(): Promise<void>;
  /** Logs in and returns the Cookie header value for later requests. */
  login(email: string, password?: string): Promise<string>;
}

/** The app's context as tests run it: no web build, a random CPR key. */
export function testContext(
  database: AppContext['database'],
  opts: { trustProxy?: boolean; publicUrl?: string; saml?: SamlKeys; speechEngine?: string } = {},
): AppContext {
  return buildContext(
    {
      sessionIdleMinutes: 60,
      sessionMaxHours: 12,
      trustProxy: opts.trustProxy ?? false,
      publicUrl: opts.publicUrl ?? TEST_PUBLIC_URL,
      saml: opts.saml ?? null,
      ...(opts.speechEngine ? { speechEngine: opts.speechEngine } : {}),
    },
    database,
    CprCipher.random(),
    {},
  );
}

export async function createTestApp(
  opts: {
    loggerInstance?: FastifyServerOptions['loggerInstance'];
    ready?: boolean;
    trustProxy?: boolean;
    publicUrl?: string;
    /** Certificates for NemLog-in (src/signin/testing/saml-idp.ts makes throwaway ones). */
    saml?: SamlKeys;
    /** eSpeak NG's program, or "off" for a machine without server speech. */
    speechEngine?: string;
  } = {},
): Promise<TestApp> {
  const database = await openTestDatabase();
  const ctx = testContext(database, opts);
  const app = await buildServer(
    ctx,
    opts.loggerInstance ? { loggerInstance: opts.loggerInstance } : {},
  );
  browserLike(app, ctx.settings.publicUrl);
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

/**
 * Makes `app.inject` send what a browser on our own pages sends with a write that carries
 * cookies: its Origin. A test that passes its own Origin or Referer (or none, with
 * `origin: undefined` set explicitly) is left as it is.
 */
function browserLike(app: FastifyInstance, publicUrl: string) {
  const inject = app.inject.bind(app) as (opts: InjectOptions | string) => unknown;
  const patched = (opts?: InjectOptions | string) => {
    if (opts === undefined) return (inject as () => unknown)();
    if (typeof opts === 'string') return inject(opts);
    const headers = { ...(opts.headers ?? {}) } as Record<string, unknown>;
    const method = String(opts.method ?? 'GET').toUpperCase();
    const write = !['GET', 'HEAD', 'OPTIONS'].includes(method);
    if (write && headers.cookie && !('origin' in headers) && !('referer' in headers))
      headers.origin = publicUrl;
    for (const k of ['origin', 'referer']) if (headers[k] === undefined) delete headers[k];
    return inject({ ...opts, headers: headers as InjectOptions['headers'] });
  };
  (app as unknown as { inject: typeof patched }).inject = patched;
}
