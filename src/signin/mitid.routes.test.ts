// MitID through NemLog-in against a real SAML identity provider (samlify, throwaway
// certificates): the login end to end through the routes, each refusal the OIOSAML 3 profile
// demands, single logout from either side, the metadata, and the 180 days' keeping.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { createTestApp, TEST_PUBLIC_URL, type TestApp } from '../app/testing/test-app';
import { buildCitizen, buildMunicipality, buildUser, testCpr } from '../app/testing/factories';
import { auditLog } from '../platform/audit';
import { asSystem } from '../platform/use-case';
import { citizens } from '../people/people.schema';
import { users } from '../organisation/organisation.schema';
import { sessions } from '../organisation/auth/auth.schema';
import { startSamlIdp, throwawaySamlKeys, type Citizen, type TestIdp } from './testing/saml-idp';
import { Hops } from './testing/hops';
import { loginSettings, samlMessages } from './signin.schema';
import { signinModule } from './index';
import { runJob, type Job } from '../platform/module';

let t: TestApp;
let idp: TestIdp;
let m: { id: string; code: string };
let admin: string;
const HOST = new URL(TEST_PUBLIC_URL).host;
const digits = (cpr: string) => cpr.replace('-', '');

beforeAll(async () => {
  t = await createTestApp({ saml: await throwawaySamlKeys() });
  idp = await startSamlIdp();
  m = await buildMunicipality(t.ctx.db);
  admin = await t.login((await buildUser(t.ctx.db, m.id, ['admin'])).email);
  const metadata = await t.app.inject({ url: `/api/signin/mitid/${m.code}/metadata` });
  expect(metadata.statusCode).toBe(200);
  idp.trust(metadata.body);
  const res = await t.app.inject({
    method: 'PUT',
    url: '/api/signin/settings',
    headers: { cookie: admin },
    payload: {
      passwordLogin: true,
      mitid: { enabled: true, metadataUrl: `${idp.url}/metadata`, metadataXml: null },
      oidc: {
        enabled: false,
        issuer: null,
        clientId: null,
        domains: [],
        groupsClaim: null,
        groupRoles: [],
      },
    },
  });
  expect(res.statusCode, res.body).toBe(200);
}, 120_000);
afterAll(async () => {
  await idp.close();
  await t.close();
});

/** The citizen presses "Log ind med MitID"; NemLog-in answers as `who` says. */
async function mitid(who: Citizen, hops = new Hops(t.app, TEST_PUBLIC_URL)) {
  const start = await hops.go(`${TEST_PUBLIC_URL}/api/signin/mitid/${m.code}/start?next=/min-plan`);
  expect(start.status).toBe(303);
  const answer = await idp.respond(start.location!, who);
  const posted = await hops.go(answer.acs, {
    method: 'POST',
    form: { SAMLResponse: answer.SAMLResponse, RelayState: answer.RelayState },
  });
  return { hops, posted, answer };
}

const citizenCount = async () =>
  (
    await t.ctx.db
      .select({ n: sql<number>`count(*)::int` })
      .from(citizens)
      .where(eq(citizens.municipalityId, m.id))
  )[0]!.n;
const userCount = async () =>
  (
    await t.ctx.db
      .select({ n: sql<number>`count(*)::int` })
      .from(users)
      .where(eq(users.municipalityId, m.id))
  )[0]!.n;

describe('MitID through NemLog-in (OIOSAML 3)', () => {
  it('publishes our metadata: certificates, endpoints, requested attributes, contact', async () => {
    const res = await t.app.inject({ url: `/api/signin/mitid/${m.code}/metadata` });
    expect(res.headers['content-type']).toContain('application/samlmetadata+xml');
    const xml = res.body;
    expect(xml).toContain(`entityID="${TEST_PUBLIC_URL}/api/signin/mitid/${m.code}/metadata"`);
    expect(xml).toContain(`Location="${TEST_PUBLIC_URL}/api/signin/mitid/${m.code}/acs"`);
    expect(xml).toContain(`Location="${TEST_PUBLIC_URL}/api/signin/mitid/${m.code}/slo"`);
    // Only the binding the logout endpoint answers is offered.
    expect(xml.match(/SingleLogoutService /g)).toHaveLength(1);
    expect(xml).toContain(
      'SingleLogoutService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect"',
    );
    expect(xml).toMatch(/KeyDescriptor use="signing"/);
    expect(xml).toMatch(/KeyDescriptor use="encryption"/);
    expect(xml).toContain('Name="https://data.gov.dk/model/core/eid/cprNumber"');
    expect(xml).toContain('<ContactPerson contactType="technical">');
    expect(xml).toContain('AuthnRequestsSigned="true"');
  });

  it('sends a signed AuthnRequest asking for NSIS Substantial at least', async () => {
    const hops = new Hops(t.app, TEST_PUBLIC_URL);
    const start = await hops.go(`${TEST_PUBLIC_URL}/api/signin/mitid/${m.code}/start`);
    const u = new URL(start.location!);
    expect(u.origin + u.pathname).toBe(`${idp.url}/sso`);
    expect(u.searchParams.get('Signature')).toBeTruthy();
    expect(u.searchParams.get('SigAlg')).toBe('http://www.w3.org/2001/04/xmldsig-more#rsa-sha256');
    await idp.respond(start.location!, { cpr: testCpr() }); // the IdP checks our signature
    const request = idp.received.at(-1)!;
    expect(request).toContain('Comparison="minimum"');
    expect(request).toContain('https://data.gov.dk/concept/core/nsis/loa/Substantial');
  });

  it('logs a known citizen in, makes their login once, and lands them on their page', async () => {
    const cpr = testCpr();
    const citizen = await buildCitizen(t.ctx.db, t.ctx.cipher, {
      municipalityId: m.id,
      caseworkerId: null,
      cpr,
    });
    const before = { citizens: await citizenCount(), users: await userCount() };
    const { hops, posted } = await mitid({ cpr: digits(cpr), nameId: 'pid-borger-1' });
    expect(posted.status).toBe(303);
    expect(posted.location).toBe(`${TEST_PUBLIC_URL}/min-plan`);
    const cookie = `dl_session=${hops.cookie(HOST, 'dl_session')}`;
    const me = (await t.app.inject({ url: '/api/auth/session', headers: { cookie } })).json().user;
    expect(me.roles).toEqual(['citizen']);
    const [linked] = await t.ctx.db.select().from(citizens).where(eq(citizens.id, citizen.id));
    expect(linked!.userId).toBe(me.id);
    expect(await citizenCount()).toBe(before.citizens);
    expect(await userCount()).toBe(before.users + 1);
    // A second login finds the same login: no second user, never a second citizen.
    const again = await mitid({ cpr: digits(cpr), nameId: 'pid-borger-1' });
    expect(again.posted.location).toBe(`${TEST_PUBLIC_URL}/min-plan`);
    expect(await userCount()).toBe(before.users + 1);
    const [u] = await t.ctx.db.select().from(users).where(eq(users.id, me.id));
    expect(u!.lastLoginMethod).toBe('mitid');
    // No CPR number in any address the browser saw, nor in the audit rows.
    for (const visited of [...hops.visited, ...again.hops.visited])
      expect(visited).not.toContain(digits(cpr));
    const audit = await t.ctx.db.select().from(auditLog).where(eq(auditLog.municipalityId, m.id));
    expect(JSON.stringify(audit)).not.toContain(digits(cpr));
    expect(
      audit.filter((a) => a.action === 'auth.login' && a.actorId === me.id).map((a) => a.details),
    ).toEqual([{ method: 'mitid' }, { method: 'mitid' }]);
  });

  const refusedCases: [string, Citizen | 'replay', string][] = [
    ['an unsigned assertion', { cpr: 'KNOWN', fault: 'unsigned' }, 'saml_signature'],
    [
      'an assertion signed with another key',
      { cpr: 'KNOWN', fault: 'wrongly_signed' },
      'saml_signature',
    ],
    ['an unencrypted assertion', { cpr: 'KNOWN', fault: 'unencrypted' }, 'saml_unencrypted'],
    [
      'an assertion for another audience',
      { cpr: 'KNOWN', fault: 'wrong_audience' },
      'saml_audience',
    ],
    ['an expired assertion', { cpr: 'KNOWN', fault: 'expired' }, 'saml_expired'],
    [
      'an answer to a request we did not send',
      { cpr: 'KNOWN', fault: 'wrong_in_response_to' },
      'saml_unsolicited',
    ],
    ['NSIS level Low', { cpr: 'KNOWN', level: 'Low' }, 'saml_level'],
    ['a missing CPR number', { cpr: null }, 'saml_no_cpr'],
    ['an unknown CPR number', { cpr: 'UNKNOWN' }, 'mitid_unknown_citizen'],
    ['a replayed assertion', 'replay', 'saml_replayed'],
  ];

  it.each(refusedCases)(
    'refuses %s: login page with the reason, no session, no account, kept with the reason',
    async (_name, who, reason) => {
      const cpr = testCpr();
      await buildCitizen(t.ctx.db, t.ctx.cipher, { municipalityId: m.id, caseworkerId: null, cpr });
      const before = { citizens: await citizenCount(), users: await userCount() };
      const sessionsBefore = (
        await t.ctx.db.select().from(sessions).where(eq(sessions.municipalityId, m.id))
      ).length;
      let result;
      if (who === 'replay') {
        const first = await mitid({ cpr: digits(cpr) });
        expect(first.posted.location).toBe(`${TEST_PUBLIC_URL}/min-plan`);
        const thief = new Hops(t.app, TEST_PUBLIC_URL);
        const posted = await thief.go(first.answer.acs, {
          method: 'POST',
          form: { SAMLResponse: first.answer.SAMLResponse, RelayState: first.answer.RelayState },
        });
        result = { hops: thief, posted };
        before.users += 1;
      } else {
        const value =
          who.cpr === 'KNOWN' ? digits(cpr) : who.cpr === 'UNKNOWN' ? '0101011234' : who.cpr;
        result = await mitid({ ...who, cpr: value });
      }
      expect(result.posted.status).toBe(303);
      expect(result.posted.location).toBe(`${TEST_PUBLIC_URL}/login?fejl=${reason}`);
      expect(result.hops.cookie(HOST, 'dl_session')).toBeUndefined();
      expect(await citizenCount()).toBe(before.citizens);
      expect(await userCount()).toBe(before.users);
      const sessionsAfter = (
        await t.ctx.db.select().from(sessions).where(eq(sessions.municipalityId, m.id))
      ).length;
      expect(sessionsAfter).toBe(sessionsBefore + (who === 'replay' ? 1 : 0));
      const kept = await t.ctx.db
        .select()
        .from(samlMessages)
        .where(and(eq(samlMessages.municipalityId, m.id), eq(samlMessages.refusal, reason)));
      expect(kept.length).toBeGreaterThan(0);
      expect(kept.at(-1)!.xml).toContain('Response');
    },
  );

  it('single logout we begin: a signed LogoutRequest to NemLog-in, whose answer brings the browser back', async () => {
    const cpr = testCpr();
    await buildCitizen(t.ctx.db, t.ctx.cipher, { municipalityId: m.id, caseworkerId: null, cpr });
    const { hops } = await mitid({ cpr: digits(cpr), nameId: 'pid-slo-sp' });
    const cookie = `dl_session=${hops.cookie(HOST, 'dl_session')}`;
    const out = await t.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie },
    });
    const next = new URL(out.json().next);
    expect(next.origin + next.pathname).toBe(`${idp.url}/slo`);
    expect(
      (await t.app.inject({ url: '/api/auth/session', headers: { cookie } })).json().user,
    ).toBeNull();
    const back = await hops.follow(next.href);
    expect(idp.received.at(-1)).toContain('pid-slo-sp');
    expect(back.url).toBe(`${TEST_PUBLIC_URL}/login?logget_ud=1`);
  });

  it('single logout NemLog-in begins: the citizen’s session here ends and we answer, signed', async () => {
    const cpr = testCpr();
    await buildCitizen(t.ctx.db, t.ctx.cipher, { municipalityId: m.id, caseworkerId: null, cpr });
    const { hops } = await mitid({ cpr: digits(cpr), nameId: 'pid-slo-idp' });
    const cookie = `dl_session=${hops.cookie(HOST, 'dl_session')}`;
    expect(
      (await t.app.inject({ url: '/api/auth/session', headers: { cookie } })).json().user,
    ).not.toBeNull();
    const request = new URL(idp.logoutRequest('pid-slo-idp', idp.lastSessionIndex));
    const res = await new Hops(t.app, TEST_PUBLIC_URL).go(
      `${TEST_PUBLIC_URL}/api/signin/mitid/${m.code}/slo${request.search}`,
    );
    expect(res.status).toBe(303);
    const answer = new URL(res.location!);
    expect(answer.origin + answer.pathname).toBe(`${idp.url}/slo`);
    expect(answer.searchParams.get('SAMLResponse')).toBeTruthy();
    expect(answer.searchParams.get('Signature')).toBeTruthy();
    expect(
      (await t.app.inject({ url: '/api/auth/session', headers: { cookie } })).json().user,
    ).toBeNull();

    // A LogoutRequest with its signature broken changes nothing and is refused with a 400.
    const forged = new URL(request.href);
    forged.searchParams.set('Signature', Buffer.from('forged').toString('base64'));
    const bad = await t.app.inject({ url: `/api/signin/mitid/${m.code}/slo${forged.search}` });
    expect(bad.statusCode).toBe(400);
  });

  it('keeps every SAML message 180 days, then deletes it', async () => {
    const kept = await t.ctx.db
      .select()
      .from(samlMessages)
      .where(eq(samlMessages.municipalityId, m.id));
    expect(new Set(kept.map((k) => k.type))).toEqual(
      new Set(['AuthnRequest', 'Response', 'LogoutRequest', 'LogoutResponse']),
    );
    const job: Job = signinModule.jobs.find((j) => j.name.startsWith('SAML messages'))!;
    const in179 = new Date(Date.now() + 179 * 86_400_000);
    await asSystem(t.ctx.db, (task) => job.run(task, t.ctx), in179);
    expect(
      (await t.ctx.db.select().from(samlMessages).where(eq(samlMessages.municipalityId, m.id)))
        .length,
    ).toBe(kept.length);
    const in181 = new Date(Date.now() + 181 * 86_400_000);
    await asSystem(t.ctx.db, (task) => job.run(task, t.ctx), in181);
    expect(
      (await t.ctx.db.select().from(samlMessages).where(eq(samlMessages.municipalityId, m.id)))
        .length,
    ).toBe(0);
  });

  it('the admin tests the connection to NemLog-in’s metadata', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/signin/settings/check',
      headers: { cookie: admin },
      payload: { provider: 'mitid' },
    });
    expect(res.json()).toMatchObject({ ok: true });
    expect(res.json().detail).toContain(idp.entityId);
    const view = (
      await t.app.inject({ url: '/api/signin/settings', headers: { cookie: admin } })
    ).json();
    expect(view.mitid).toMatchObject({ enabled: true, hasMetadata: true, certificates: true });
    const methods = (await t.app.inject({ url: '/api/signin/methods' })).json();
    expect(methods.municipalities.find((x: { code: string }) => x.code === m.code)).toMatchObject({
      mitid: true,
      sso: false,
      password: true,
    });
  });

  it('fetches NemLog-in’s metadata again daily: a renewed copy is saved and audited, a failed fetch keeps the copy and tells the admin', async () => {
    const job: Job = signinModule.jobs.find((j) => j.name.startsWith('NemLog-in metadata'))!;
    expect(job.transaction).toBe(false);
    const run = (at: Date) => runJob(job, t.ctx, at);
    const view = async () =>
      (await t.app.inject({ url: '/api/signin/settings', headers: { cookie: admin } })).json<{
        mitid: { metadataFetchedAt: string | null; metadataError: string | null };
      }>().mitid;
    const stored = async () =>
      (
        await t.ctx.db.select().from(loginSettings).where(eq(loginSettings.municipalityId, m.id))
      )[0]!;
    const refreshed = async () =>
      (
        await t.ctx.db
          .select()
          .from(auditLog)
          .where(
            and(
              eq(auditLog.municipalityId, m.id),
              eq(auditLog.action, 'settings.login.metadata_refreshed'),
            ),
          )
      ).length;
    const first = await view();
    expect(first.metadataError).toBeNull();
    const fetchedAt = new Date(first.metadataFetchedAt!);
    const original = idp.metadata;
    try {
      // NemLog-in publishes a renewed file; within the day nothing is fetched.
      idp.metadata = original.replace(`${idp.url}/sso"`, `${idp.url}/sso-renewed"`);
      expect(idp.metadata).not.toBe(original);
      await run(new Date(fetchedAt.getTime() + 3600_000));
      expect((await stored()).samlIdpMetadata).toBe(original);
      // A day on: the renewed copy, audited as the system's doing.
      const dayOn = new Date(fetchedAt.getTime() + 86_400_000);
      await run(dayOn);
      expect((await stored()).samlIdpMetadata).toBe(idp.metadata);
      expect(await view()).toMatchObject({
        metadataFetchedAt: dayOn.toISOString(),
        metadataError: null,
      });
      expect(await refreshed()).toBe(1);
      // The next day the address answers with something unusable: the copy stays, the admin sees why.
      const renewed = idp.metadata;
      idp.metadata = 'Service Unavailable';
      const twoDaysOn = new Date(dayOn.getTime() + 86_400_000);
      await run(twoDaysOn);
      expect((await stored()).samlIdpMetadata).toBe(renewed);
      const failed = await view();
      expect(failed.metadataFetchedAt).toBe(dayOn.toISOString());
      expect(failed.metadataError).toBeTruthy();
      // A failed fetch is tried again at the next run (hourly); success clears the warning, and
      // an unchanged copy is not audited again.
      idp.metadata = renewed;
      await run(new Date(twoDaysOn.getTime() + 3600_000));
      expect((await view()).metadataError).toBeNull();
      expect(await refreshed()).toBe(1);
    } finally {
      idp.metadata = original;
      await run(new Date(fetchedAt.getTime() + 10 * 86_400_000));
    }
  });
});
