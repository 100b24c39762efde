import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { desc, eq } from 'drizzle-orm';
import { TEST_PUBLIC_URL, createTestApp, type TestApp } from '../../app/testing/test-app';
import { TEST_PASSWORD, buildMunicipality, buildUser } from '../../app/testing/factories';
import { loginAttempts, sessions } from './auth.schema';
import { auditLog } from '../../platform/audit';

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

  it('records the login and its method for the admin and in the audit log', async () => {
    const u = await buildUser(t.ctx.db, m.id, ['caseworker']);
    await login(u.email, TEST_PASSWORD);
    const admin = await t.login((await buildUser(t.ctx.db, m.id, ['admin'])).email);
    const users = await t.app.inject({
      method: 'GET',
      url: '/api/users',
      headers: { cookie: admin },
    });
    const row = users
      .json<{ id: string; lastLoginAt: string | null; lastLoginMethod: string | null }[]>()
      .find((x) => x.id === u.id);
    expect(row).toMatchObject({ lastLoginMethod: 'password' });
    expect(row!.lastLoginAt).not.toBeNull();
    const audit = await t.ctx.db.select().from(auditLog).where(eq(auditLog.entityId, u.id));
    expect(audit.filter((a) => a.action === 'auth.login')).toEqual([
      expect.objectContaining({ actorId: u.id, details: { method: 'password' } }),
    ]);
    // A refused login leaves no login row.
    await login(u.email, 'wrong password!!');
    const after = await t.ctx.db.select().from(auditLog).where(eq(auditLog.entityId, u.id));
    expect(after.filter((a) => a.action === 'auth.login')).toHaveLength(1);
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

  it('throttles guessing with growing waits, not a lock-out of the right password', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(new Date('2026-11-30T10:00:00Z'));
      const u = await buildUser(t.ctx.db, m.id, ['admin']);
      // The owner logs in once from their phone: it is now a known device of the account.
      const first = await login(u.email, TEST_PASSWORD);
      expect(first.statusCode).toBe(200);
      const device = first.cookies.find((c) => c.name === 'dl_device')!;
      expect(device.httpOnly).toBe(true);
      expect(device.path).toBe('/api/auth');

      // A guesser who knows the e-mail: three free tries, then 2 s, 4 s, … to wait.
      for (let i = 0; i < 3; i++)
        expect((await login(u.email, `wrong-${i}-password`)).statusCode).toBe(401);
      expect((await login(u.email, 'wrong-3-password')).statusCode).toBe(401);
      const wait = await login(u.email, 'wrong-4-password');
      expect(wait.statusCode).toBe(429);
      expect(wait.headers['retry-after']).toBe('2');
      expect(wait.json().error.message).toContain('2 sekunder');
      vi.setSystemTime(new Date('2026-11-30T10:00:02Z'));
      expect((await login(u.email, 'wrong-5-password')).statusCode).toBe(401);
      expect((await login(u.email, 'wrong-6-password')).headers['retry-after']).toBe('4');

      // Meanwhile the owner, on the device that logged in before, gets in with the password …
      const owner = await login(u.email, TEST_PASSWORD, { cookie: `dl_device=${device.value}` });
      expect(owner.statusCode, owner.body).toBe(200);
      // … which is worth nothing for another account, or forged.
      const v = await buildUser(t.ctx.db, m.id, ['admin']);
      const forged = await login(v.email, 'wrong password!!', {
        cookie: `dl_device=${device.value}`,
      });
      expect(forged.statusCode).toBe(401);
      const [row] = await t.ctx.db
        .select()
        .from(loginAttempts)
        .orderBy(desc(loginAttempts.id))
        .limit(1);
      expect(row!.device).toBeNull();

      // Other accounts are unaffected.
      expect((await login(v.email, TEST_PASSWORD)).statusCode).toBe(200);
    } finally {
      vi.useRealTimers();
    }
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
    expect(out.statusCode).toBe(200);
    // A password session has no provider to end as well.
    expect(out.json()).toEqual({ next: null });
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

  it('refuses cookie-carrying writes with Origin null or with neither Origin nor Referer', async () => {
    const u = await buildUser(t.ctx.db, m.id, ['company']);
    const cookie = await t.login(u.email);
    const patch = (headers: Record<string, string | undefined>) =>
      t.app.inject({
        method: 'PATCH',
        url: '/api/me/preferences',
        headers: { cookie, ...headers },
        payload: { locale: 'en' },
      });
    for (const headers of [
      { origin: 'null' },
      { origin: undefined },
      { origin: undefined, referer: 'https://evil.example/page' },
      { origin: 'not a url' },
    ]) {
      const res = await patch(headers);
      expect(res.statusCode, JSON.stringify(headers)).toBe(403);
      expect(res.json().error.code).toBe('cross_origin');
    }
    // Our own page: by Origin, or by Referer where a privacy setting dropped the Origin.
    expect((await patch({ origin: TEST_PUBLIC_URL })).statusCode).toBe(200);
    expect((await patch({ origin: undefined, referer: `${TEST_PUBLIC_URL}/mig` })).statusCode).toBe(
      200,
    );
    const session = await t.app.inject({ url: '/api/auth/session', headers: { cookie } });
    expect(session.json().user.locale).toBe('en');
  });
});

// Last: it leaves this address with more failures than it may make without waiting.
describe('an address that guessed a lot', () => {
  it('test codes have their own counter: failed logins from an address do not stop them', async () => {
    // More failed logins from this address than it may make without waiting …
    const answers = new Set<number>();
    for (let i = 0; i < 31; i++)
      answers.add((await login(`nobody-${i}@test.invalid`, 'wrong password!!')).statusCode);
    expect(answers).toEqual(new Set([401, 429]));
    // … and a test code from it is still checked.
    const code = await t.app.inject({
      method: 'POST',
      url: '/api/tests/code',
      payload: { code: 'ABCD-EFGH' },
    });
    expect(code.statusCode).toBe(400);
    expect(code.json().error.code).toBe('code_invalid');
  });
});
