import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../testing/test-app';
import { TEST_PASSWORD, buildMunicipality, buildUser } from '../testing/factories';
import { loginAttempts, sessions } from './auth.schema';

let t: TestApp;
let m: { id: string };

beforeAll(async () => {
  t = await createTestApp();
  m = await buildMunicipality(t.ctx.db);
});
afterAll(async () => t.close());

const login = (email: string, password: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password }, headers });

describe('POST /api/auth/login', () => {
  it('logs in with e-mail and password and sets a safe session cookie', async () => {
    const u = await buildUser(t.ctx.db, m.id, ['caseworker']);
    const res = await login(u.email.toUpperCase(), TEST_PASSWORD);
    expect(res.statusCode).toBe(200);
    expect(res.json().user).toMatchObject({ id: u.id, roles: ['caseworker'] });
    const cookie = res.cookies.find((c) => c.name === 'dl_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    expect(cookie.secure).toBeFalsy();
    expect(cookie.value.length).toBeGreaterThan(30);
    // The token is not what is stored.
    const stored = await t.ctx.db.select().from(sessions).where(eq(sessions.userId, u.id));
    expect(stored).toHaveLength(1);
    expect(stored[0]!.id).not.toBe(cookie.value);
  });

  it('refuses a wrong password with 401 and a Danish message', async () => {
    const u = await buildUser(t.ctx.db, m.id, ['caseworker']);
    const res = await login(u.email, 'wrong password!!');
    expect(res.statusCode).toBe(401);
    expect(res.json()).toEqual({
      error: { code: 'invalid_credentials', message: 'Forkert e-mail eller adgangskode.' },
    });
    expect(res.cookies.find((c) => c.name === 'dl_session')).toBeUndefined();
  });

  it('answers in English when the browser prefers it', async () => {
    const res = await login('nobody@test.invalid', 'x', { 'accept-language': 'en-GB,en;q=0.9' });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.message).toBe('Wrong e-mail or password.');
  });

  it('rejects malformed input with 400 and writes nothing', async () => {
    const before = await t.ctx.db.select().from(loginAttempts);
    for (const payload of [{}, { email: 'a' }, { email: 5, password: [] }]) {
      const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('validation_failed');
    }
    const text = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: 'not json',
    });
    expect(text.statusCode).toBe(415);
    expect(text.json().error.message).toBe('Forespørgslen skal sendes som JSON.');
    const broken = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"email":',
    });
    expect(broken.statusCode).toBe(400);
    expect(await t.ctx.db.select().from(loginAttempts)).toHaveLength(before.length);
  });

  it('refuses an inactive user', async () => {
    const u = await buildUser(t.ctx.db, m.id, ['admin'], { active: false });
    expect((await login(u.email, TEST_PASSWORD)).statusCode).toBe(401);
  });

  it('issues a new session id at login and ends the one sent along', async () => {
    const u = await buildUser(t.ctx.db, m.id, ['analyst']);
    const first = await t.login(u.email);
    const res = await login(u.email, TEST_PASSWORD, { cookie: first });
    const second = `dl_session=${res.cookies.find((c) => c.name === 'dl_session')!.value}`;
    expect(second).not.toBe(first);
    const old = await t.app.inject({ url: '/api/auth/session', headers: { cookie: first } });
    expect(old.json().user).toBeNull();
    const now = await t.app.inject({ url: '/api/auth/session', headers: { cookie: second } });
    expect(now.json().user.id).toBe(u.id);
  });

  it('sets Secure on the cookie behind HTTPS', async () => {
    const proxied = await createTestApp({ trustProxy: true });
    try {
      const mm = await buildMunicipality(proxied.ctx.db);
      const u = await buildUser(proxied.ctx.db, mm.id, ['admin']);
      const res = await proxied.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: u.email, password: TEST_PASSWORD },
        headers: { 'x-forwarded-proto': 'https' },
      });
      expect(res.cookies.find((c) => c.name === 'dl_session')!.secure).toBe(true);
    } finally {
      await proxied.close();
    }
  });

  it('throttles guessing: after 5 failures even the right password gets 429', async () => {
    const u = await buildUser(t.ctx.db, m.id, ['admin']);
    for (let i = 0; i < 5; i++)
      expect((await login(u.email, `wrong-${i}-password`)).statusCode).toBe(401);
    const res = await login(u.email, TEST_PASSWORD);
    expect(res.statusCode).toBe(429);
    expect(res.headers['retry-after']).toBe('900');
    expect(res.json().error.code).toBe('too_many_attempts');
    // Other accounts from other addresses are unaffected.
    const v = await buildUser(t.ctx.db, m.id, ['admin']);
    expect(
      (await login(v.email, TEST_PASSWORD, { 'x-forwarded-for': '10.0.0.9' })).statusCode,
    ).toBe(200);
  });
});

describe('sessions', () => {
  it('logout ends the session', async () => {
    const u = await buildUser(t.ctx.db, m.id, ['company']);
    const cookie = await t.login(u.email);
    const out = await t.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie },
    });
    expect(out.statusCode).toBe(204);
    const after = await t.app.inject({ url: '/api/sites', headers: { cookie } });
    expect(after.statusCode).toBe(401);
    expect(after.json().error.code).toBe('unauthenticated');
  });

  it('expires an idle session', async () => {
    const u = await buildUser(t.ctx.db, m.id, ['company']);
    const cookie = await t.login(u.email);
    await t.ctx.db
      .update(sessions)
      .set({ lastSeenAt: new Date(Date.now() - 61 * 60_000) })
      .where(eq(sessions.userId, u.id));
    expect((await t.app.inject({ url: '/api/sites', headers: { cookie } })).statusCode).toBe(401);
  });

  it('switches language and keeps it on the user', async () => {
    const u = await buildUser(t.ctx.db, m.id, ['company']);
    const cookie = await t.login(u.email);
    const res = await t.app.inject({
      method: 'PATCH',
      url: '/api/me/preferences',
      headers: { cookie },
      payload: { locale: 'en' },
    });
    expect(res.json().user.locale).toBe('en');
    const denied = await t.app.inject({ url: '/api/users', headers: { cookie } });
    expect(denied.statusCode).toBe(403);
    expect(denied.json().error.message).toBe('You do not have access to this.');
  });

  it('refuses state changes from another origin', async () => {
    const u = await buildUser(t.ctx.db, m.id, ['company']);
    const cookie = await t.login(u.email);
    const res = await t.app.inject({
      method: 'PATCH',
      url: '/api/me/preferences',
      headers: { cookie, origin: 'https://evil.example' },
      payload: { locale: 'en' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('cross_origin');
  });
});
