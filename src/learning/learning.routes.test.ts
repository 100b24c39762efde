import type { TestResult } from '../assessment/assessment.model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, isNull } from 'drizzle-orm';
import { createLocalJWKSet, decodeProtectedHeader, importJWK, jwtVerify } from 'jose';
import { decodeList } from '@digitalbazaar/vc-bitstring-status-list';
import { TEST_PUBLIC_URL, createTestApp, type TestApp } from '../app/testing/test-app';
import { expandStrict } from '../platform/testing/json-ld';
import { hasPoppler, readablePdf } from '../platform/testing/poppler';
import { buildCitizen, buildMunicipality, buildSite, buildUser } from '../app/testing/factories';
import { auditLog } from '../platform/audit';
import { outbox } from '../platform/messaging/outbox.schema';
import { municipalMailServer } from '../app/testing/mail';
import { assessments } from '../assessment/assessment.schema';
import { withdrawTest } from '../assessment/test-session';
import { workshopVisits } from '../workshops/workshops.schema';
import { citizens } from '../people/people.schema';
import { users } from '../organisation/organisation.schema';
import { learningEnrolments } from './learning.schema';
import { esco } from './esco';

let t: TestApp;
let m: { id: string };
let admin: string;
let cw: string;
let cwId: string;
let otherCw: string;
let analyst: string;
let siteId: string;

beforeAll(async () => {
  t = await createTestApp();
  m = await buildMunicipality(t.ctx.db);
  siteId = (await buildSite(t.ctx.db, m.id)).id;
  admin = await t.login((await buildUser(t.ctx.db, m.id, ['admin'])).email);
  const caseworker = await buildUser(t.ctx.db, m.id, ['caseworker']);
  cwId = caseworker.id;
  cw = await t.login(caseworker.email);
  otherCw = await t.login((await buildUser(t.ctx.db, m.id, ['caseworker'])).email);
  analyst = await t.login((await buildUser(t.ctx.db, m.id, ['analyst'])).email);
});
afterAll(async () => t.close());

const call = (
  method: 'GET' | 'POST' | 'PUT',
  url: string,
  cookie: string,
  payload?: unknown,
  contentType?: string,
) =>
  t.app.inject({
    method,
    url,
    headers: { cookie, ...(contentType ? { 'content-type': contentType } : {}) },
    ...(payload !== undefined ? { payload: payload as object } : {}),
  });

const OFFER = {
  name: 'Python på arbejdspladsen',
  description: 'Programmering i små opgaver hos en it-virksomhed.',
  providerKind: 'company',
  providerName: 'Kodehuset ApS',
  hostCvr: '13612870',
  methods: ['workplace', 'e_learning'],
  format: 'hybrid',
  hoursPerWeek: 20,
  weeks: 6,
  lifts: [{ competence: '3.4', level: 5 }],
  prerequisites: [],
  languages: ['da', 'en'],
  capacity: 1,
  priceDkk: 0,
};

async function createOffer(body: object = OFFER) {
  const res = await call('POST', '/api/learning/offers', admin, body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string }>().id;
}

async function citizenWithLogin(email?: string) {
  const u = await buildUser(t.ctx.db, m.id, ['citizen'], email ? { email } : {});
  const c = await buildCitizen(t.ctx.db, t.ctx.cipher, {
    municipalityId: m.id,
    caseworkerId: cwId,
    userId: u.id,
  });
  if (email) await t.ctx.db.update(citizens).set({ email }).where(eq(citizens.id, c.id));
  return { citizen: c, cookie: await t.login(u.email) };
}

/**
 * A completed test with exactly the given level per DigComp area (only the part of the result the
 * plan reads; assessment/scripted-test.ts makes whole results from answers, levels by estimate).
 */
async function giveTest(
  citizenId: string,
  levels: Record<string, number>,
  completedAt = new Date(),
) {
  await t.ctx.db.insert(assessments).values({
    municipalityId: m.id,
    citizenId,
    status: 'completed',
    foundationCut: -1.125,
    jobGoalCut: 0.375,
    seed: 1,
    theta: 0,
    triageGroup: 'building_blocks',
    completedAt,
    // Only the areas matter to plans and badges.
    result: {
      areas: Object.entries(levels).map(([area, level]) => ({ area, items: 4, theta: 0, level })),
    } as unknown as TestResult,
  });
}

const developer = () => esco().search('software developer', 1)[0]!;

describe('the catalogue', () => {
  it('admins create offers with sessions; bad input is refused and changes nothing; caseworkers read it', async () => {
    const bad = await call('POST', '/api/learning/offers', admin, {
      ...OFFER,
      lifts: [{ competence: '9.9', level: 5 }],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toMatch(/lifts/);
    const id = await createOffer({ ...OFFER, name: 'Kontorpakken', capacity: 12 });
    const session = await call('POST', `/api/learning/offers/${id}/sessions`, admin, {
      startsAt: '2030-03-04T08:00:00Z',
      endsAt: '2030-03-04T11:00:00Z',
      siteId,
    });
    expect(session.statusCode, session.body).toBe(201);
    expect(session.json().sessions).toEqual([
      expect.objectContaining({ siteId, place: expect.stringContaining(',') }),
    ]);
    const backwards = await call('POST', `/api/learning/offers/${id}/sessions`, admin, {
      startsAt: '2030-03-04T11:00:00Z',
      endsAt: '2030-03-04T08:00:00Z',
    });
    expect(backwards.statusCode).toBe(400);
    // A session put in by mistake is taken out again; another offer's session is not found.
    const extra = await call('POST', `/api/learning/offers/${id}/sessions`, admin, {
      startsAt: '2030-03-11T08:00:00Z',
      endsAt: '2030-03-11T11:00:00Z',
      location: 'Lokale 2',
    });
    const extraId = extra.json().sessions[1].id;
    const removed = await t.app.inject({
      method: 'DELETE',
      url: `/api/learning/offers/${id}/sessions/${extraId}`,
      headers: { cookie: admin },
    });
    expect(removed.json().sessions).toHaveLength(1);
    const again = await t.app.inject({
      method: 'DELETE',
      url: `/api/learning/offers/${id}/sessions/${extraId}`,
      headers: { cookie: admin },
    });
    expect(again.statusCode).toBe(404);
    const list = await call('GET', '/api/learning/offers', cw);
    expect(list.json().map((o: { name: string }) => o.name)).toContain('Kontorpakken');
    expect((await call('GET', `/api/learning/offers/${id}`, cw)).json().permissions).toEqual({
      manage: false,
      seeEnrolments: false,
    });
    expect((await call('POST', '/api/learning/offers', cw, OFFER)).statusCode).toBe(403);
  });
});

describe('learning plans', () => {
  it('turn a test and an ESCO job goal into ranked, explained suggestions; only for the own caseload', async () => {
    const found = await call('GET', '/api/esco/occupations?q=software%20dev', cw);
    expect(found.json().attribution).toBe(
      'This service uses the ESCO classification of the European Commission.',
    );
    expect(found.json().occupations[0].label).toBe('software developer');

    const c = await buildCitizen(t.ctx.db, t.ctx.cipher, {
      municipalityId: m.id,
      caseworkerId: cwId,
    });
    await giveTest(c.id, { '1': 4, '2': 2, '3': 3, '4': 4, '5': 4 });
    // An eMentor suggested a course in 3.4 after a workshop visit.
    await t.ctx.db.insert(workshopVisits).values({
      municipalityId: m.id,
      siteId,
      citizenId: c.id,
      ementorId: cwId,
      topics: ['other'],
      competences: ['3.4'],
      device: 'own',
      resolved: true,
      minutes: 20,
      onBehalfWithPowerOfAttorney: false,
      courseSuggested: true,
    });
    const offerId = await createOffer({ ...OFFER, name: 'Kodeforløb med praktik', capacity: 5 });

    const res = await call('POST', `/api/citizens/${c.id}/learning/plan`, cw, {
      occupationId: developer().id,
    });
    expect(res.statusCode, res.body).toBe(201);
    const plan = res.json().plan;
    expect(plan.occupationLabel).toBe('software developer');
    expect(plan.testedAt).not.toBeNull();
    expect(plan.gaps.find((g: { competence: string }) => g.competence === '3.4')).toMatchObject({
      required: 5,
      tested: 3,
      gap: 2,
    });
    // Basics missing in area 2 → workshop help first; then the offer with its reasons.
    expect(plan.items[0]).toMatchObject({ kind: 'workshop', rank: 1 });
    const course = plan.items.find((i: { refId: string }) => i.refId === offerId);
    expect(course.reasons.map((r: { code: string }) => r.code)).toEqual([
      'covers_gap',
      'workplace_based',
      'short_intensive',
      'ementor_suggested',
    ]);

    expect(
      (
        await call('POST', `/api/citizens/${c.id}/learning/plan`, otherCw, {
          occupationId: developer().id,
        })
      ).statusCode,
    ).toBe(404);
    const unknown = await call('POST', `/api/citizens/${c.id}/learning/plan`, cw, {
      occupationId: '00000000-0000-0000-0000-000000000000',
    });
    expect(unknown.statusCode).toBe(400);
    // A new plan replaces the active one.
    const again = await call('POST', `/api/citizens/${c.id}/learning/plan`, cw, {
      occupationId: esco().search('receptionist', 1)[0]!.id,
    });
    expect(again.json().plan.occupationLabel).toBe('receptionist');
    const audit = await t.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.citizenId, c.id), eq(auditLog.action, 'learning.plan.create')));
    expect(audit).toHaveLength(2);
  });
});

describe('places', () => {
  it('enrolments racing for the last place: exactly one gets it, the others are waitlisted', async () => {
    const offerId = await createOffer({ ...OFFER, name: 'Sidste plads', capacity: 1 });
    // Several at once, so the requests' transactions really overlap on PostgreSQL.
    const racers = await Promise.all(
      Array.from({ length: 8 }, () =>
        buildCitizen(t.ctx.db, t.ctx.cipher, { municipalityId: m.id, caseworkerId: cwId }),
      ),
    );
    const results = await Promise.all(
      racers.map((c) => call('POST', '/api/learning/enrolments', cw, { offerId, citizenId: c.id })),
    );
    expect(results.map((r) => r.statusCode)).toEqual(racers.map(() => 201));
    expect(results.filter((r) => r.json().status === 'enrolled')).toHaveLength(1);
    const rows = await t.ctx.db
      .select()
      .from(learningEnrolments)
      .where(eq(learningEnrolments.offerId, offerId));
    expect(rows.filter((r) => r.status === 'enrolled')).toHaveLength(1);
    expect(rows.filter((r) => r.status === 'waitlisted')).toHaveLength(7);
    // The waiting list is in order, 1 to 7.
    const places = results.map((r) => r.json().waitlistPlace).filter((p) => p !== null);
    expect(places.sort()).toEqual([1, 2, 3, 4, 5, 6, 7]);
    // The same citizen twice is refused.
    expect(
      (await call('POST', '/api/learning/enrolments', cw, { offerId, citizenId: racers[0]!.id }))
        .statusCode,
    ).toBe(409);
  });

  it('a citizen who chose Arabic for their login gets the place and the reminder in Arabic', async () => {
    const offerId = await createOffer({ ...OFFER, name: 'Kursus på arabisk', capacity: 1 });
    await call('POST', `/api/learning/offers/${offerId}/sessions`, admin, {
      startsAt: '2031-05-05T07:00:00Z',
      endsAt: '2031-05-05T10:00:00Z',
      location: 'Kodehuset, Vesterbrogade 1',
    });
    const reader = await citizenWithLogin(`arabic-${Date.now()}@example.dk`);
    await t.ctx.db.update(users).set({ locale: 'ar' }).where(eq(users.id, reader.citizen.userId!));
    const other = await citizenWithLogin(`polish-${Date.now()}@example.dk`);
    await t.ctx.db.update(users).set({ locale: 'pl' }).where(eq(users.id, other.citizen.userId!));
    const placed = (
      await call('POST', '/api/learning/enrolments', cw, { offerId, citizenId: reader.citizen.id })
    ).json();
    const waiting = (
      await call('POST', '/api/learning/enrolments', cw, { offerId, citizenId: other.citizen.id })
    ).json();
    const sent = async (id: string) =>
      (
        await t.ctx.db
          .select()
          .from(outbox)
          .where(eq(outbox.ref, `learning-enrolment:${id}`))
      ).map((x) => [x.subject, x.body]);
    const [place, remind] = await sent(placed.id);
    expect(place![0]).toBe('تم تسجيلك: Kursus på arabisk');
    // Monday 5 May 2031 at 09:00 in Copenhagen, in Arabic with the clock's digits.
    expect(place![1]).toMatch(/الاثنين.*09:00.*Kodehuset, Vesterbrogade 1/);
    expect(remind![0]).toBe('تذكير: Kursus på arabisk غدًا');
    expect(await sent(waiting.id)).toEqual([
      [
        'Na liście oczekujących: Kursus på arabisk',
        'Kurs „Kursus på arabisk” jest pełny. Masz numer 1 na liście oczekujących. Dostaniesz wiadomość, gdy będzie dla Ciebie miejsce.',
      ],
    ]);
  });

  it('a cancellation moves the next in line up and tells them; reminders of the cancelled place go', async () => {
    const offerId = await createOffer({ ...OFFER, name: 'Kø-kursus', capacity: 1 });
    await call('POST', `/api/learning/offers/${offerId}/sessions`, admin, {
      startsAt: '2031-05-05T07:00:00Z',
      endsAt: '2031-05-05T10:00:00Z',
      location: 'Kodehuset, Vesterbrogade 1',
    });
    const first = await citizenWithLogin(`first-${Date.now()}@example.dk`);
    const secondEmail = `second-${Date.now()}@example.dk`;
    const second = await citizenWithLogin(secondEmail);
    await t.ctx.db.update(users).set({ locale: 'en' }).where(eq(users.id, second.citizen.userId!));
    const e1 = (
      await call('POST', '/api/learning/enrolments', cw, { offerId, citizenId: first.citizen.id })
    ).json();
    const e2 = (
      await call('POST', '/api/learning/enrolments', cw, { offerId, citizenId: second.citizen.id })
    ).json();
    expect([e1.status, e2.status, e2.waitlistPlace]).toEqual(['enrolled', 'waitlisted', 1]);
    const pending = (ref: string) =>
      t.ctx.db
        .select()
        .from(outbox)
        .where(and(eq(outbox.ref, `learning-enrolment:${ref}`), isNull(outbox.sentAt)));
    expect((await pending(e1.id)).map((x) => x.subject)).toEqual([
      'Du er tilmeldt: Kø-kursus',
      'Påmindelse: Kø-kursus i morgen',
    ]);

    // The citizen cancels their own place.
    const cancel = await call('POST', `/api/learning/enrolments/${e1.id}/cancel`, first.cookie, {
      reason: 'Har fået job',
    });
    expect(cancel.statusCode, cancel.body).toBe(200);
    expect(cancel.json().status).toBe('cancelled');
    expect(await pending(e1.id)).toEqual([]);
    const promoted = (await call('GET', '/api/me/learning', second.cookie)).json().enrolments[0];
    expect(promoted).toMatchObject({ status: 'enrolled', waitlistPlace: null });
    // In the language the citizen chose for their login.
    expect((await pending(e2.id)).map((x) => x.subject)).toEqual([
      'You got a place: Kø-kursus',
      'Reminder: Kø-kursus tomorrow',
    ]);
    // The place goes out through the municipality's mail server, in English, to the citizen.
    const smtp = await municipalMailServer(t, admin);
    try {
      await smtp.deliver();
      const theirs = () => smtp.received.filter((x) => x.envelopeTo.includes(secondEmail));
      for (let i = 0; i < 100 && theirs().length < 2; i++)
        await new Promise((r) => setTimeout(r, 50));
      const place = theirs().find((x) => x.subject === 'You got a place: Kø-kursus');
      expect(place?.text).toMatch(/Kodehuset, Vesterbrogade 1/);
      expect(place?.from?.value[0]?.address).toBe('noreply@jobcenter.example.dk');
    } finally {
      await smtp.close();
    }
    // Another caseworker's citizen: not found; a cancelled place cannot be cancelled again.
    expect(
      (await call('POST', `/api/learning/enrolments/${e2.id}/cancel`, otherCw, { reason: 'x y' }))
        .statusCode,
    ).toBe(404);
    expect(
      (await call('POST', `/api/learning/enrolments/${e1.id}/cancel`, cw, { reason: 'igen' }))
        .statusCode,
    ).toBe(409);
  });

  it('more places on an offer move the waiting list up', async () => {
    const offerId = await createOffer({ ...OFFER, name: 'Udvidet hold', capacity: 1 });
    const cs = await Promise.all(
      [1, 2, 3].map(() =>
        buildCitizen(t.ctx.db, t.ctx.cipher, { municipalityId: m.id, caseworkerId: cwId }),
      ),
    );
    for (const c of cs)
      await call('POST', '/api/learning/enrolments', cw, { offerId, citizenId: c.id });
    const res = await call('PUT', `/api/learning/offers/${offerId}`, admin, {
      ...OFFER,
      name: 'Udvidet hold',
      capacity: 2,
    });
    expect(res.json()).toMatchObject({ enrolled: 2, waitlisted: 1 });
  });
});

describe('completion and Open Badges', () => {
  it('completing a course issues a signed Open Badge 3.0 that verifies against the published key', async () => {
    const { citizen, cookie } = await citizenWithLogin();
    const offerId = await createOffer({ ...OFFER, name: 'Azure Fundamentals', capacity: 3 });
    const withSession = (
      await call('POST', `/api/learning/offers/${offerId}/sessions`, admin, {
        startsAt: '2030-01-06T08:00:00Z',
        endsAt: '2030-01-06T12:00:00Z',
        siteId,
      })
    ).json();
    const e = (
      await call('POST', '/api/learning/enrolments', cw, { offerId, citizenId: citizen.id })
    ).json();
    const att = await call('POST', `/api/learning/enrolments/${e.id}/attendance`, cw, {
      sessionId: withSession.sessions[0].id,
      present: true,
    });
    expect(att.json()).toMatchObject({ attended: 1 });
    const done = await call('POST', `/api/learning/enrolments/${e.id}/complete`, admin, {
      outcome: 'completed',
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ status: 'completed', badgeId: expect.any(String) });
    expect(
      (
        await call('POST', `/api/learning/enrolments/${e.id}/complete`, admin, {
          outcome: 'completed',
        })
      ).statusCode,
    ).toBe(409);

    const mine = (await call('GET', '/api/me/learning', cookie)).json();
    expect(mine.badges).toEqual([
      expect.objectContaining({ kind: 'offer', name: 'Azure Fundamentals', revokedAt: null }),
    ]);
    const file = await call('GET', `/api/me/badges/${mine.badges[0].id}/credential`, cookie);
    expect(file.headers['content-type']).toContain('application/vc+jwt');
    const jwt = file.body;

    // jose, against the keys published at /api/badges/jwks.
    const jwks = (await call('GET', '/api/badges/jwks', '')).json();
    const { payload, protectedHeader } = await jwtVerify(jwt, createLocalJWKSet(jwks));
    expect(protectedHeader).toMatchObject({ alg: 'RS256', typ: 'JWT' });
    expect(decodeProtectedHeader(jwt).kid).toBe(jwks.keys[0].kid);
    // The kid is a URL that resolves to the key (1EdTech's validator fetches it).
    const kidUrl = new URL(decodeProtectedHeader(jwt).kid!);
    expect(kidUrl.origin).toBe(TEST_PUBLIC_URL);
    const jwk = (await call('GET', kidUrl.pathname, '')).json();
    await jwtVerify(jwt, await importJWK(jwk, 'RS256'));

    // The Open Badges 3.0 structure (required members of AchievementCredential and its parts).
    const cred = payload as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(cred['@context']).toEqual([
      'https://www.w3.org/ns/credentials/v2',
      'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
      'https://purl.imsglobal.org/spec/ob/v3p0/extensions.json',
    ]);
    expect(cred.type).toEqual(
      expect.arrayContaining(['VerifiableCredential', 'OpenBadgeCredential']),
    );
    for (const key of ['id', 'name', 'issuer', 'validFrom', 'credentialSubject'])
      expect(cred).toHaveProperty(key);
    expect(cred.id).toBe(`urn:uuid:${mine.badges[0].id}`);
    expect(cred.validFrom).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(cred.issuer).toMatchObject({
      type: ['Profile'],
      id: expect.stringContaining(`/api/badges/issuers/${m.id}`),
    });
    const subject = cred.credentialSubject;
    expect(subject.type).toEqual(['AchievementSubject']);
    expect(subject.identifier[0]).toMatchObject({
      type: 'IdentityObject',
      hashed: true,
      identityHash: expect.stringMatching(/^sha256\$[0-9a-f]{64}$/),
    });
    expect(JSON.stringify(cred)).not.toContain(citizen.firstName);
    expect(subject.achievement).toMatchObject({
      type: ['Achievement'],
      name: 'Azure Fundamentals',
      criteria: { narrative: expect.any(String) },
      description: expect.any(String),
    });
    expect(subject.achievement.alignment[0]).toMatchObject({
      type: ['Alignment'],
      targetCode: '3.4',
      targetFramework: 'DigComp 2.2',
    });
    // VC-JWT registered claims mirror the credential (no jti: no context defines it).
    expect([payload.iss, payload.sub]).toEqual([cred.issuer.id, subject.id]);
    expect(payload.jti).toBeUndefined();
    expect(payload.nbf).toBe(Date.parse(cred.validFrom) / 1000);
    // A strict JSON-LD verifier (safe mode, bundled contexts) expands the payload as it is,
    // and the issuer profile.
    await expandStrict(payload);
    const profile = await call('GET', new URL(cred.issuer.id).pathname, '');
    await expandStrict(profile.json());
    // Revocation: a bit in the issuer's W3C Bitstring Status List, signed by the same key.
    const status = cred.credentialStatus;
    expect(status).toMatchObject({
      type: 'BitstringStatusListEntry',
      statusPurpose: 'revocation',
      statusListIndex: expect.stringMatching(/^\d+$/),
    });
    const statusBit = async () => {
      const res = await call('GET', new URL(status.statusListCredential).pathname, '');
      expect(res.headers['content-type']).toContain('application/vc+jwt');
      const list = await jwtVerify(res.body, await importJWK(jwk, 'RS256'));
      await expandStrict(list.payload);
      expect(list.payload).toMatchObject({
        type: ['VerifiableCredential', 'BitstringStatusListCredential'],
        credentialSubject: { type: 'BitstringStatusList', statusPurpose: 'revocation' },
      });
      const decoded = await decodeList({
        encodedList: (list.payload.credentialSubject as { encodedList: string }).encodedList,
      });
      expect(decoded.length).toBeGreaterThanOrEqual(131_072);
      return decoded.getStatus(Number(status.statusListIndex));
    };
    expect(await statusBit()).toBe(false);

    const ok = await call('POST', '/api/badges/verify', '', jwt, 'application/vc+jwt');
    expect(ok.json()).toMatchObject({
      valid: true,
      revoked: false,
      reason: 'ok',
      badge: { name: 'Azure Fundamentals' },
    });
    expect((await call('POST', '/api/badges/verify', '', { credential: jwt })).json().valid).toBe(
      true,
    );

    // Tampered: a changed payload no longer matches the signature.
    const [h, p, s] = jwt.split('.');
    const forged = JSON.parse(Buffer.from(p!, 'base64url').toString());
    forged.name = 'Azure Expert';
    const tampered = `${h}.${Buffer.from(JSON.stringify(forged)).toString('base64url')}.${s}`;
    expect((await call('POST', '/api/badges/verify', '', tampered, 'text/plain')).json()).toEqual({
      valid: false,
      revoked: false,
      reason: 'bad_signature',
    });

    // Garbage is never a 5xx.
    for (const [body, type] of [
      ['hello', 'text/plain'],
      ['a.b.c', 'application/jwt'],
      [{}, undefined],
      [[1, 2], undefined],
      ['', 'text/plain'],
    ] as const) {
      const r = await call('POST', '/api/badges/verify', '', body, type);
      expect(r.statusCode, JSON.stringify(body)).toBeLessThan(500);
      if (r.statusCode === 200) expect(r.json().valid).toBe(false);
    }

    // Revoked by the caseworker: fails, says so, and is on the public list.
    const rev = await call('POST', `/api/badges/${mine.badges[0].id}/revoke`, cw, {
      reason: 'Udstedt ved en fejl',
    });
    expect(rev.statusCode, rev.body).toBe(200);
    expect((await call('POST', '/api/badges/verify', '', jwt, 'text/plain')).json()).toMatchObject({
      valid: false,
      revoked: true,
      reason: 'revoked',
    });
    const list = (await call('GET', `/api/badges/revocations/${m.id}`, '')).json();
    expect(list.revokedCredentials).toContain(cred.id);
    expect(await statusBit()).toBe(true);

    const pdf = await call('GET', `/api/me/badges/${mine.badges[0].id}/certificate`, cookie);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    if (hasPoppler) {
      const text = readablePdf(pdf.rawPayload, {
        title: 'Kompetencebevis: Azure Fundamentals',
        lang: 'da-DK',
      });
      expect(text).toContain(`${citizen.firstName} ${citizen.lastName}`);
      // The printed link opens the check page (which exists), from the configured address.
      expect(text.replace(/\s+/g, '')).toContain(
        `${TEST_PUBLIC_URL}/badges/tjek?id=${mine.badges[0].id}`,
      );
    }
  });

  it('a citizen claims a badge for a level shown in the test, once; decides on plan items', async () => {
    const { citizen, cookie } = await citizenWithLogin();
    await giveTest(citizen.id, { '1': 3, '2': 4, '3': 2, '4': 3, '5': null as unknown as number });
    const before = (await call('GET', '/api/me/learning', cookie)).json();
    expect(before.claimable).toEqual([
      { area: '1', level: 3 },
      { area: '2', level: 4 },
      { area: '3', level: 2 },
      { area: '4', level: 3 },
    ]);
    const claim = await call('POST', '/api/me/badges/claim', cookie, { area: '2' });
    expect(claim.statusCode, claim.body).toBe(201);
    expect(claim.json().name).toContain('niveau 4');
    expect((await call('POST', '/api/me/badges/claim', cookie, { area: '2' })).json().id).toBe(
      claim.json().id,
    );
    expect((await call('POST', '/api/me/badges/claim', cookie, { area: '5' })).statusCode).toBe(
      400,
    );

    await call('POST', `/api/citizens/${citizen.id}/learning/plan`, cw, {
      occupationId: developer().id,
    });
    const plan = (await call('GET', '/api/me/learning', cookie)).json().plan;
    const decided = await call(
      'POST',
      `/api/me/learning/items/${plan.items[0].id}/decision`,
      cookie,
      { decision: 'accepted' },
    );
    expect(decided.json().plan.items[0]).toMatchObject({
      status: 'accepted',
      decidedAt: expect.any(String),
    });
    // Someone else's plan item is not found.
    const other = await citizenWithLogin();
    expect(
      (
        await call('POST', `/api/me/learning/items/${plan.items[0].id}/decision`, other.cookie, {
          decision: 'declined',
        })
      ).statusCode,
    ).toBe(404);
  });

  it('a test badge stops holding when the citizen withdraws consent to that test', async () => {
    const { citizen, cookie } = await citizenWithLogin();
    await giveTest(citizen.id, { '1': 3, '2': 3, '3': 3, '4': 3, '5': 3 });
    const badge = (await call('POST', '/api/me/badges/claim', cookie, { area: '4' })).json();
    const jwt = (await call('GET', `/api/me/badges/${badge.id}/credential`, cookie)).body;
    expect((await call('POST', '/api/badges/verify', '', jwt, 'text/plain')).json().valid).toBe(
      true,
    );
    const [test] = await t.ctx.db
      .select()
      .from(assessments)
      .where(eq(assessments.citizenId, citizen.id));
    await t.ctx.db.transaction((tx) => withdrawTest(tx, test!));
    expect((await call('POST', '/api/badges/verify', '', jwt, 'text/plain')).json()).toMatchObject({
      valid: false,
      revoked: true,
    });
    const mine = (await call('GET', '/api/me/learning', cookie)).json();
    expect(mine.badges[0]).toMatchObject({ testWithdrawn: true, revokedAt: expect.any(String) });
    expect(mine.claimable).toEqual([]);
    const list = (await call('GET', `/api/badges/revocations/${m.id}`, '')).json();
    expect(list.revokedCredentials).toContain(`urn:uuid:${badge.id}`);
  });

  it('a re-test shows the change in the citizen’s progress', async () => {
    const { citizen, cookie } = await citizenWithLogin();
    await giveTest(
      citizen.id,
      { '1': 2, '2': 2, '3': 1, '4': 2, '5': 1 },
      new Date('2026-01-10T10:00:00Z'),
    );
    await giveTest(
      citizen.id,
      { '1': 3, '2': 4, '3': 2, '4': 3, '5': 2 },
      new Date('2026-04-10T10:00:00Z'),
    );
    const progress = (await call('GET', '/api/me/learning', cookie)).json().progress;
    expect(
      progress.map((p: { areas: { level: number }[] }) => p.areas.map((a) => a.level)),
    ).toEqual([
      [2, 2, 1, 2, 1],
      [3, 4, 2, 3, 2],
    ]);
  });
});

describe('statistics', () => {
  it('count places, completion by method and provider, and waiting lists; for analysts, not caseworkers', async () => {
    const res = await call('GET', '/api/learning/stats', analyst);
    expect(res.statusCode).toBe(200);
    const s = res.json();
    expect(s.totals.completed).toBeGreaterThanOrEqual(1);
    expect(
      s.byMethod.find((g: { key: string }) => g.key === 'workplace').completed,
    ).toBeGreaterThanOrEqual(1);
    expect(s.byProvider[0].key).toBe('Kodehuset ApS');
    expect(s.waiting.map((w: { name: string }) => w.name)).toContain('Sidste plads');
    expect((await call('GET', '/api/learning/stats', cw)).statusCode).toBe(403);
  });
});
