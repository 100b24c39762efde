// Staff single sign-on against a real OpenID provider (oidc-provider) on 127.0.0.1: the whole
// authorization-code flow with PKCE through the app's routes, and each way it must be refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestApp, TEST_PUBLIC_URL, type TestApp } from '../app/testing/test-app';
import { buildMunicipality, buildUser } from '../app/testing/factories';
import { auditLog } from '../platform/audit';
import { users } from '../organisation/organisation.schema';
import { sessions } from '../organisation/auth/auth.schema';
import { startOidcProvider, type TestOidcProvider } from './testing/oidc-provider';
import { Hops } from './testing/hops';
import { federatedSessions, loginSettings } from './signin.schema';

let t: TestApp;
let op: TestOidcProvider;
let m: { id: string; code: string };
let admin: string;
const HOST = new URL(TEST_PUBLIC_URL).host;

const settingsBody = (over: Record<string, unknown> = {}) => ({
  passwordLogin: true,
  mitid: { enabled: false, metadataUrl: null, metadataXml: null },
  oidc: {
    enabled: true,
    issuer: op.issuer,
    clientId: op.clientId,
    clientSecret: op.clientSecret,
    domains: ['kk.dk'],
    groupsClaim: 'groups',
    groupRoles: [{ group: 'digiloft-analytikere', roles: ['analyst'] }],
    ...over,
  },
});

beforeAll(async () => {
  t = await createTestApp();
  op = await startOidcProvider({
    redirectUri: `${TEST_PUBLIC_URL}/api/signin/oidc/callback`,
    postLogoutRedirectUri: `${TEST_PUBLIC_URL}/login?logget_ud=1`,
  });
  m = await buildMunicipality(t.ctx.db);
  admin = await t.login((await buildUser(t.ctx.db, m.id, ['admin'])).email);
  const res = await t.app.inject({
    method: 'PUT',
    url: '/api/signin/settings',
    headers: { cookie: admin },
    payload: settingsBody(),
  });
  expect(res.statusCode, res.body).toBe(200);
}, 60_000);
afterAll(async () => {
  await op.close();
  await t.close();
});

async function staff(email: string, opts: { active?: boolean; groups?: string[] } = {}) {
  const user = await buildUser(t.ctx.db, m.id, ['caseworker'], {
    email,
    ...(opts.active === undefined ? {} : { active: opts.active }),
  });
  const sub = `sub-${user.id}`;
  op.accounts.set(sub, { email: email.toUpperCase(), groups: opts.groups ?? [] });
  op.loginAs = sub;
  return user;
}

/** Start at the login button; the provider logs in whoever `loginAs` names. */
async function signIn(
  hops: Hops,
  tamper?: (authorizeUrl: URL) => void,
  callbackTamper?: (u: URL) => void,
) {
  const start = await hops.go(`${TEST_PUBLIC_URL}/api/signin/oidc/${m.code}/start?next=/borgere`);
  expect(start.status).toBe(303);
  const authorize = new URL(start.location!);
  tamper?.(authorize);
  const atCallback = await hops.follow(authorize.href, (next) =>
    next.startsWith(`${TEST_PUBLIC_URL}/api/signin/oidc/callback`),
  );
  expect(atCallback.url).toContain('/api/signin/oidc/callback');
  const callback = new URL(atCallback.url);
  callbackTamper?.(callback);
  return hops.go(callback.href);
}

const refusals = async (reason: string) =>
  (
    await t.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.municipalityId, m.id), eq(auditLog.action, 'auth.login_refused')))
  ).filter((r) => (r.details as { reason?: string }).reason === reason).length;

describe('staff single sign-on (OpenID Connect)', () => {
  it('logs a member of staff in with code, PKCE, state and nonce, and notes the method', async () => {
    const user = await staff('sagsbehandler.sso@kk.dk');
    const hops = new Hops(t.app, TEST_PUBLIC_URL);
    const start = await hops.go(`${TEST_PUBLIC_URL}/api/signin/oidc/${m.code}/start`);
    const authorize = new URL(start.location!);
    expect(authorize.origin).toBe(op.issuer);
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('state')).toBeTruthy();
    expect(authorize.searchParams.get('nonce')).toBeTruthy();
    expect(authorize.searchParams.get('redirect_uri')).toBe(
      `${TEST_PUBLIC_URL}/api/signin/oidc/callback`,
    );

    const done = await signIn(hops);
    expect(done.status).toBe(303);
    expect(done.location).toBe(`${TEST_PUBLIC_URL}/borgere`);
    const cookie = hops.cookie(HOST, 'dl_session');
    expect(cookie).toBeTruthy();
    const me = await t.app.inject({
      url: '/api/auth/session',
      headers: { cookie: `dl_session=${cookie}` },
    });
    expect(me.json().user.id).toBe(user.id);
    const [row] = await t.ctx.db.select().from(users).where(eq(users.id, user.id));
    expect(row!.lastLoginMethod).toBe('oidc');
    const logins = await t.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'auth.login'), eq(auditLog.entityId, user.id)));
    expect(logins.map((l) => l.details)).toEqual([{ method: 'oidc' }]);
  });

  it('logout ends our session and sends the browser to the provider’s end-session endpoint', async () => {
    await staff('logud.sso@kk.dk');
    const hops = new Hops(t.app, TEST_PUBLIC_URL);
    await signIn(hops);
    const cookie = `dl_session=${hops.cookie(HOST, 'dl_session')}`;
    const out = await t.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie },
    });
    expect(out.statusCode).toBe(200);
    const next = new URL(out.json().next);
    expect(next.origin).toBe(op.issuer);
    expect(next.searchParams.get('id_token_hint')).toBeTruthy();
    expect(next.searchParams.get('post_logout_redirect_uri')).toBe(
      `${TEST_PUBLIC_URL}/login?logget_ud=1`,
    );
    const after = await t.app.inject({ url: '/api/auth/session', headers: { cookie } });
    expect(after.json().user).toBeNull();
    // The provider asks to confirm (its own form, which its page posts at once) and sends the
    // browser back to our login page.
    const confirm = await hops.follow(next.href);
    const action = /<form[^>]*action="([^"]+)"/.exec(confirm.body)![1]!;
    const fields = Object.fromEntries(
      [...confirm.body.matchAll(/<input[^>]*name="([^"]+)"[^>]*value="([^"]*)"/g)].map((x) => [
        x[1]!,
        x[2]!,
      ]),
    );
    const posted = await hops.go(new URL(action, next).href, {
      method: 'POST',
      form: { ...fields, logout: 'yes' },
    });
    const back = await hops.follow(posted.location!);
    expect(back.url).toBe(`${TEST_PUBLIC_URL}/login?logget_ud=1`);
    expect(op.logouts.length).toBeGreaterThan(0);
  });

  it('a group the admin mapped grants its role; roles are never taken away', async () => {
    const user = await staff('analytiker.sso@kk.dk', { groups: ['digiloft-analytikere', 'andet'] });
    const done = await signIn(new Hops(t.app, TEST_PUBLIC_URL));
    expect(done.status).toBe(303);
    const [row] = await t.ctx.db.select().from(users).where(eq(users.id, user.id));
    expect(row!.roles).toEqual(['caseworker', 'analyst']);
  });

  it('refuses a state the browser did not start, and makes no session', async () => {
    await staff('state.sso@kk.dk');
    const hops = new Hops(t.app, TEST_PUBLIC_URL);
    const before = await refusals('sso_state');
    const done = await signIn(hops, undefined, (cb) => cb.searchParams.set('state', 'forfalsket'));
    expect(done.location).toBe(`${TEST_PUBLIC_URL}/login?fejl=sso_state`);
    expect(hops.cookie(HOST, 'dl_session')).toBeUndefined();
    expect(await refusals('sso_state')).toBe(before); // no municipality known: nothing to audit
    // A callback with no state cookie at all (another browser) is refused the same way.
    const other = await signIn(new Hops(t.app, TEST_PUBLIC_URL), undefined, () => undefined);
    expect(other.status).toBe(303);
  });

  it('refuses an ID token with another nonce than the one we sent', async () => {
    await staff('nonce.sso@kk.dk');
    const hops = new Hops(t.app, TEST_PUBLIC_URL);
    const before = await refusals('sso_failed');
    const done = await signIn(hops, (u) => u.searchParams.set('nonce', 'en-anden-nonce'));
    expect(done.location).toBe(`${TEST_PUBLIC_URL}/login?fejl=sso_failed`);
    expect(hops.cookie(HOST, 'dl_session')).toBeUndefined();
    expect(await refusals('sso_failed')).toBe(before + 1);
  });

  it('refuses an answer that names another issuer', async () => {
    await staff('iss.sso@kk.dk');
    const hops = new Hops(t.app, TEST_PUBLIC_URL);
    const done = await signIn(hops, undefined, (cb) =>
      cb.searchParams.set('iss', 'https://evil.example'),
    );
    expect(done.location).toBe(`${TEST_PUBLIC_URL}/login?fejl=sso_failed`);
    expect(hops.cookie(HOST, 'dl_session')).toBeUndefined();
  });

  it('refuses a provider whose discovery document names another issuer', async () => {
    const liar = await startOidcProvider({
      redirectUri: `${TEST_PUBLIC_URL}/api/signin/oidc/callback`,
      postLogoutRedirectUri: `${TEST_PUBLIC_URL}/login`,
      issuerOverride: 'http://127.0.0.1:1',
    });
    try {
      const other = await buildMunicipality(t.ctx.db);
      const otherAdmin = await t.login((await buildUser(t.ctx.db, other.id, ['admin'])).email);
      const body = settingsBody({
        issuer: liar.issuer,
        clientId: liar.clientId,
        clientSecret: liar.clientSecret,
      });
      expect(
        (
          await t.app.inject({
            method: 'PUT',
            url: '/api/signin/settings',
            headers: { cookie: otherAdmin },
            payload: body,
          })
        ).statusCode,
      ).toBe(200);
      const check = await t.app.inject({
        method: 'POST',
        url: '/api/signin/settings/check',
        headers: { cookie: otherAdmin },
        payload: { provider: 'oidc' },
      });
      expect(check.json().ok).toBe(false);
      const start = await new Hops(t.app, TEST_PUBLIC_URL).go(
        `${TEST_PUBLIC_URL}/api/signin/oidc/${other.code}/start`,
      );
      expect(start.location).toBe(`${TEST_PUBLIC_URL}/login?fejl=sso_unavailable`);
    } finally {
      await liar.close();
    }
  });

  it('refuses someone the provider knows but Digiløft does not, or has deactivated', async () => {
    op.accounts.set('sub-fremmed', { email: 'ukendt@kk.dk' });
    op.loginAs = 'sub-fremmed';
    const unknown = await signIn(new Hops(t.app, TEST_PUBLIC_URL));
    expect(unknown.location).toBe(`${TEST_PUBLIC_URL}/login?fejl=sso_unknown_user`);

    const user = await staff('stoppet.sso@kk.dk', { active: false });
    const before = await t.ctx.db.select().from(sessions).where(eq(sessions.userId, user.id));
    const inactive = await signIn(new Hops(t.app, TEST_PUBLIC_URL));
    expect(inactive.location).toBe(`${TEST_PUBLIC_URL}/login?fejl=login_inactive`);
    expect(await t.ctx.db.select().from(sessions).where(eq(sessions.userId, user.id))).toEqual(
      before,
    );
  });

  it('finds a member of staff by the provider’s subject once linked, even after their address changes', async () => {
    const user = await staff('skifter.adresse@kk.dk');
    const sub = op.loginAs!;
    expect((await signIn(new Hops(t.app, TEST_PUBLIC_URL))).location).toBe(
      `${TEST_PUBLIC_URL}/borgere`,
    );
    op.accounts.set(sub, { email: 'nyt.navn@kk.dk' });
    const hops = new Hops(t.app, TEST_PUBLIC_URL);
    expect((await signIn(hops)).location).toBe(`${TEST_PUBLIC_URL}/borgere`);
    const me = await t.app.inject({
      url: '/api/auth/session',
      headers: { cookie: `dl_session=${hops.cookie(HOST, 'dl_session')}` },
    });
    expect(me.json().user.id).toBe(user.id);
  });

  it('refuses an address outside the allowed domains', async () => {
    await staff('konsulent@ekstern.dk');
    const done = await signIn(new Hops(t.app, TEST_PUBLIC_URL));
    expect(done.location).toBe(`${TEST_PUBLIC_URL}/login?fejl=sso_domain`);
  });

  it('keeps the client secret encrypted and never shows it', async () => {
    const [row] = await t.ctx.db
      .select()
      .from(loginSettings)
      .where(eq(loginSettings.municipalityId, m.id));
    expect(row!.oidcSecretCipher).not.toContain(op.clientSecret);
    const view = await t.app.inject({ url: '/api/signin/settings', headers: { cookie: admin } });
    expect(view.body).not.toContain(op.clientSecret);
    expect(view.json().oidc).toMatchObject({
      hasSecret: true,
      issuer: op.issuer,
      domains: ['kk.dk'],
    });
    const check = await t.app.inject({
      method: 'POST',
      url: '/api/signin/settings/check',
      headers: { cookie: admin },
      payload: { provider: 'oidc' },
    });
    expect(check.json()).toMatchObject({ ok: true });
    expect(check.json().detail).toContain(op.issuer);
    // An ID token is kept only encrypted, for the logout.
    const fed = await t.ctx.db
      .select()
      .from(federatedSessions)
      .where(eq(federatedSessions.municipalityId, m.id));
    for (const f of fed) expect(f.idTokenCipher).toMatch(/^v1\./);
  });
});

describe('login settings', () => {
  it('switches password login off once single sign-on is on; passwords then let no one in', async () => {
    const other = await buildMunicipality(t.ctx.db);
    const otherAdmin = await buildUser(t.ctx.db, other.id, ['admin']);
    const cookie = await t.login(otherAdmin.email);
    const caseworker = await buildUser(t.ctx.db, other.id, ['caseworker']);
    const put = (body: object) =>
      t.app.inject({
        method: 'PUT',
        url: '/api/signin/settings',
        headers: { cookie },
        payload: body,
      });

    // Without single sign-on no one on the staff could log in: refused, nothing changed.
    const refused = await put({ ...settingsBody({ enabled: false }), passwordLogin: false });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.code).toBe('password_off_without_sso');
    expect((await t.login(caseworker.email)).startsWith('dl_session=')).toBe(true);

    expect((await put({ ...settingsBody(), passwordLogin: false })).statusCode).toBe(200);
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: caseworker.email, password: 'correct horse battery' },
    });
    expect(login.statusCode).toBe(401);
    const methods = (await t.app.inject({ url: '/api/signin/methods' })).json();
    expect(
      methods.municipalities.find((x: { code: string }) => x.code === other.code),
    ).toMatchObject({
      password: false,
      sso: true,
      mitid: false,
    });
    // Another municipality's people still log in with their passwords.
    expect(
      (await t.login((await buildUser(t.ctx.db, m.id, ['caseworker'])).email)).length,
    ).toBeGreaterThan(0);
  });

  it('refuses bad settings with a clear message and changes nothing', async () => {
    const before = (
      await t.app.inject({ url: '/api/signin/settings', headers: { cookie: admin } })
    ).json();
    const cases: [object, string][] = [
      [settingsBody({ domains: ['ikke et domæne'] }), 'validation'],
      [settingsBody({ issuer: 'ftp://idp.example' }), 'login_url'],
      [settingsBody({ issuer: null }), 'oidc_incomplete'],
      [settingsBody({ groupRoles: [{ group: 'a', roles: ['citizen'] }] }), 'oidc_group_citizen'],
      [
        settingsBody({
          groupRoles: [
            { group: 'a', roles: ['admin'] },
            { group: 'a', roles: ['analyst'] },
          ],
        }),
        'oidc_group_twice',
      ],
      [
        { ...settingsBody(), mitid: { enabled: true, metadataUrl: null, metadataXml: null } },
        'mitid_metadata_missing',
      ],
      [
        {
          ...settingsBody(),
          mitid: { enabled: false, metadataUrl: null, metadataXml: '<ikke-metadata/>' },
        },
        'mitid_metadata_invalid',
      ],
    ];
    for (const [body, code] of cases) {
      const res = await t.app.inject({
        method: 'PUT',
        url: '/api/signin/settings',
        headers: { cookie: admin },
        payload: body,
      });
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      if (code !== 'validation') expect(res.json().error.code).toBe(code);
      expect(res.json().error.message).toMatch(/\S/);
    }
    const after = (
      await t.app.inject({ url: '/api/signin/settings', headers: { cookie: admin } })
    ).json();
    expect(after).toEqual(before);
    // MitID without the installation's certificates cannot be switched on (this app has none).
    const idpXml = `<EntityDescriptor xmlns="urn:oasis:names:tc:SAML:2.0:metadata" entityID="https://idp.example"><IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol"><SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="https://idp.example/sso"/></IDPSSODescriptor></EntityDescriptor>`;
    const noCerts = await t.app.inject({
      method: 'PUT',
      url: '/api/signin/settings',
      headers: { cookie: admin },
      payload: {
        ...settingsBody(),
        mitid: { enabled: true, metadataUrl: null, metadataXml: idpXml },
      },
    });
    expect(noCerts.json().error.code).toBe('mitid_no_certificates');
    expect((await t.app.inject({ url: `/api/signin/mitid/${m.code}/start` })).statusCode).toBe(404);
  });
});
