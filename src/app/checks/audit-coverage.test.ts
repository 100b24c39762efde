import type { TestResult } from '../../assessment/assessment.model';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { and, eq, gt, sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../testing/test-app';
import { buildCitizen, buildMunicipality, buildSite, buildUser } from '../testing/factories';
import { auditLog } from '../../platform/audit/audit.schema';
import { citizens } from '../../people/people.schema';
import { assessments, testCodes } from '../../assessment/assessment.schema';
import { users } from '../../organisation/organisation.schema';

interface Scenario {
  /** `anonymous`: a test taker holding only a test-code cookie. */
  role: 'caseworker' | 'citizen' | 'ementor' | 'pilot_manager' | 'anonymous';
  method: 'GET' | 'POST' | 'PATCH';
  url: (citizenId: string) => string;
  payload?: object | (() => Promise<object | undefined>);
  action: string;
  /** Whether the row names the citizen (a caseload listing names many, so it names none). */
  namesCitizen: boolean;
  purpose: string;
}

const OCCUPATION = 'f2b15a0e-e65a-438a-affb-29b9d50b77d1'; // ESCO: software developer

// One call per route that touches citizen data, with the audit row it must leave behind.
const SCENARIOS: Record<string, Scenario> = {
  'GET /api/citizens': {
    role: 'caseworker',
    method: 'GET',
    url: () => '/api/citizens',
    action: 'citizen.list',
    namesCitizen: false,
    purpose: 'case_management',
  },
  'POST /api/citizens/lookup': {
    role: 'caseworker',
    method: 'POST',
    url: () => '/api/citizens/lookup',
    payload: { cpr: '050580-1234' },
    action: 'citizen.lookup',
    namesCitizen: true,
    purpose: 'case_management',
  },
  'POST /api/citizens': {
    role: 'caseworker',
    method: 'POST',
    url: () => '/api/citizens',
    payload: { cpr: '060680-1234', firstName: 'Ny', lastName: 'Person' },
    action: 'citizen.create',
    namesCitizen: true,
    purpose: 'case_management',
  },
  'GET /api/citizens/:id': {
    role: 'caseworker',
    method: 'GET',
    url: (id) => `/api/citizens/${id}`,
    action: 'citizen.read',
    namesCitizen: true,
    purpose: 'case_management',
  },
  'PATCH /api/citizens/:id': {
    role: 'caseworker',
    method: 'PATCH',
    url: (id) => `/api/citizens/${id}`,
    payload: { city: 'Valby' },
    action: 'citizen.update',
    namesCitizen: true,
    purpose: 'case_management',
  },
  'POST /api/citizens/:id/vulnerability': {
    role: 'caseworker',
    method: 'POST',
    url: (id) => `/api/citizens/${id}/vulnerability`,
    payload: { vulnerable: true, reason: 'Mangler MitID' },
    action: 'citizen.flag_vulnerable',
    namesCitizen: true,
    purpose: 'case_management',
  },
  'POST /api/citizens/:id/notes': {
    role: 'caseworker',
    method: 'POST',
    url: (id) => `/api/citizens/${id}/notes`,
    payload: { body: 'Notat' },
    action: 'citizen.note.create',
    namesCitizen: true,
    purpose: 'case_management',
  },
  'GET /api/me/citizen': {
    role: 'citizen',
    method: 'GET',
    url: () => '/api/me/citizen',
    action: 'citizen.read',
    namesCitizen: true,
    purpose: 'self_access',
  },
  'GET /api/me/audit': {
    role: 'citizen',
    method: 'GET',
    url: () => '/api/me/audit',
    action: 'audit.read',
    namesCitizen: true,
    purpose: 'self_access',
  },
  'GET /api/me/audit/export': {
    role: 'citizen',
    method: 'GET',
    url: () => '/api/me/audit/export?format=csv',
    action: 'audit.export',
    namesCitizen: true,
    purpose: 'self_access',
  },
  'POST /api/test-codes': {
    role: 'caseworker',
    method: 'POST',
    url: () => '/api/test-codes',
    payload: () => Promise.resolve({ citizenId }),
    action: 'assessment.code.create',
    namesCitizen: true,
    purpose: 'case_management',
  },
  'POST /api/tests/code': {
    role: 'anonymous',
    method: 'POST',
    url: () => '/api/tests/code',
    payload: async () => ({ code: await codeFor(citizenId) }),
    action: 'assessment.start',
    namesCitizen: true,
    purpose: 'self_access',
  },
  // The code scenario above already opened a test for this citizen, so this resumes it.
  'POST /api/tests/start': {
    role: 'citizen',
    method: 'POST',
    url: () => '/api/tests/start',
    action: 'assessment.resume',
    namesCitizen: true,
    purpose: 'self_access',
  },
  'GET /api/tests/current': {
    role: 'citizen',
    method: 'GET',
    url: () => '/api/tests/current',
    action: 'assessment.read',
    namesCitizen: true,
    purpose: 'self_access',
  },
  'POST /api/tests/consent': {
    role: 'citizen',
    method: 'POST',
    url: () => '/api/tests/consent',
    payload: { consent: true },
    action: 'assessment.consent',
    namesCitizen: true,
    purpose: 'self_access',
  },
  'POST /api/tests/answer': {
    role: 'citizen',
    method: 'POST',
    url: () => '/api/tests/answer',
    payload: async () => ({ itemKey: await currentItem(), answer: 1 }),
    action: 'assessment.answer',
    namesCitizen: true,
    purpose: 'self_access',
  },
  'POST /api/tests/pause': {
    role: 'citizen',
    method: 'POST',
    url: () => '/api/tests/pause',
    action: 'assessment.pause',
    namesCitizen: true,
    purpose: 'self_access',
  },
  'POST /api/tests/withdraw': {
    role: 'citizen',
    method: 'POST',
    url: () => '/api/tests/withdraw',
    action: 'assessment.withdraw',
    namesCitizen: true,
    purpose: 'self_access',
  },
  'GET /api/citizens/:id/assessments': {
    role: 'caseworker',
    method: 'GET',
    url: (id) => `/api/citizens/${id}/assessments`,
    action: 'assessment.read',
    namesCitizen: true,
    purpose: 'case_management',
  },
  'GET /api/test-codes': {
    role: 'caseworker',
    method: 'GET',
    url: () => '/api/test-codes',
    action: 'assessment.code.list',
    namesCitizen: false,
    purpose: 'case_management',
  },
  'GET /api/test-codes/:id': {
    role: 'caseworker',
    method: 'GET',
    url: () => `/api/test-codes/${citizenCodeId}`,
    action: 'assessment.read',
    namesCitizen: true,
    purpose: 'case_management',
  },
  'POST /api/workshops/:id/check-in': {
    role: 'citizen',
    method: 'POST',
    url: () => `/api/workshops/${workshopId}/check-in`,
    payload: () => {
      atOpeningHours();
      return Promise.resolve({ firstName: 'Borger', topic: 'mitid' });
    },
    action: 'workshop.check_in',
    namesCitizen: true,
    purpose: 'self_access',
  },
  'GET /api/workshops/:id/queue': {
    role: 'ementor',
    method: 'GET',
    url: () => `/api/workshops/${workshopId}/queue`,
    action: 'workshop.queue.read',
    namesCitizen: false,
    purpose: 'digital_guidance',
  },
  // The check-in scenario above put the citizen in the queue; the eMentor calls them, reads
  // their test history while helping, then logs the visit.
  'GET /api/queue-tickets/:id/assessments': {
    role: 'ementor',
    method: 'GET',
    url: () => `/api/queue-tickets/${ticketId}/assessments`,
    payload: async () => {
      atOpeningHours();
      const res = await t.app.inject({
        method: 'POST',
        url: `/api/workshops/${workshopId}/queue/next`,
        headers: { cookie: cookies.ementor! },
      });
      ticketId = res.json<{ id: string }>().id;
      return undefined;
    },
    action: 'assessment.read',
    namesCitizen: true,
    purpose: 'digital_guidance',
  },
  'POST /api/queue-tickets/:id/visit': {
    role: 'ementor',
    method: 'POST',
    url: () => `/api/queue-tickets/${ticketId}/visit`,
    payload: () => {
      atOpeningHours();
      return Promise.resolve({ topics: ['mitid'], device: 'own', resolved: true, minutes: 10 });
    },
    action: 'workshop.visit.create',
    namesCitizen: true,
    purpose: 'digital_guidance',
  },
  // A logged-in citizen books a time (the admin's shift below makes one bookable).
  'POST /api/workshops/:id/appointments': {
    role: 'citizen',
    method: 'POST',
    url: () => `/api/workshops/${workshopId}/appointments`,
    payload: async () => {
      atOpeningHours();
      await t.app.inject({
        method: 'POST',
        url: `/api/workshops/${workshopId}/shifts`,
        headers: { cookie: cookies.admin! },
        payload: { userId: ementorId, day: '2026-11-27', start: '09:00', end: '13:00' },
      });
      return { day: '2026-11-27', start: '10:00', firstName: 'Borger', topic: 'email' };
    },
    action: 'workshop.appointment.book',
    namesCitizen: true,
    purpose: 'self_access',
  },
  'GET /api/citizens/:id/workshop-visits': {
    role: 'caseworker',
    method: 'GET',
    url: (id) => `/api/citizens/${id}/workshop-visits`,
    action: 'workshop.visit.read',
    namesCitizen: true,
    purpose: 'case_management',
  },
  // Last: it files a second (anonymous) test on the citizen.
  'POST /api/citizens/:id/assessments/link': {
    role: 'caseworker',
    method: 'POST',
    url: (id) => `/api/citizens/${id}/assessments/link`,
    payload: async () => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/test-codes',
        headers: { cookie: cookies.caseworker! },
        payload: {},
      });
      const { code } = res.json<{ code: string }>();
      await t.app.inject({ method: 'POST', url: '/api/tests/code', payload: { code } });
      return { code };
    },
    action: 'assessment.link',
    namesCitizen: true,
    purpose: 'case_management',
  },
  // A pilot manager's pilot, recruiting: the caseworker refers their citizen to it.
  'POST /api/pilots/:id/referrals': {
    role: 'caseworker',
    method: 'POST',
    url: () => `/api/pilots/${pilotId}/referrals`,
    payload: async () => {
      const created = await t.app.inject({
        method: 'POST',
        url: '/api/pilots',
        headers: { cookie: cookies.pilot_manager! },
        payload: {
          name: 'Audit pilot',
          targetGroup: { triageGroups: [], jobGoalWords: [] },
          learningMethods: ['classroom'],
          hoursPerWeek: 10,
          weeks: 8,
          capacity: 1,
          startsOn: '2027-01-04',
          endsOn: '2027-03-01',
          budgetDkk: 100000,
          decisionRule: { outcomeWeeks: 26, minimumEffect: 5, method: 'lottery', stretchWeeks: 4 },
        },
      });
      pilotId = created.json<{ id: string }>().id;
      return { citizenId };
    },
    action: 'pilot.referral.create',
    namesCitizen: true,
    purpose: 'case_management',
  },
  'GET /api/pilots/:id/enrolments': {
    role: 'pilot_manager',
    method: 'GET',
    url: () => `/api/pilots/${pilotId}/enrolments`,
    action: 'pilot.enrolment.list',
    namesCitizen: false,
    purpose: 'pilot_management',
  },
  'PATCH /api/pilot-enrolments/:id': {
    role: 'pilot_manager',
    method: 'PATCH',
    url: () => `/api/pilot-enrolments/${enrolmentId}`,
    payload: async () => {
      await t.app.inject({
        method: 'POST',
        url: `/api/pilots/${pilotId}/status`,
        headers: { cookie: cookies.pilot_manager! },
        payload: { to: 'recruiting', reason: 'Rekruttering begynder' },
      });
      const drawn = await t.app.inject({
        method: 'POST',
        url: `/api/pilots/${pilotId}/lottery`,
        headers: { cookie: cookies.pilot_manager! },
        payload: {},
      });
      expect(drawn.statusCode, drawn.body).toBe(200);
      const list = await t.app.inject({
        url: `/api/pilots/${pilotId}/enrolments`,
        headers: { cookie: cookies.pilot_manager! },
      });
      enrolmentId = list.json<{ id: string }[]>()[0]!.id;
      return { sessionsAttended: 3 };
    },
    action: 'pilot.participation.update',
    namesCitizen: true,
    purpose: 'pilot_management',
  },
  'POST /api/citizens/:id/learning/plan': {
    role: 'caseworker',
    method: 'POST',
    url: (id) => `/api/citizens/${id}/learning/plan`,
    payload: { occupationId: OCCUPATION },
    action: 'learning.plan.create',
    namesCitizen: true,
    purpose: 'case_management',
  },
  'GET /api/citizens/:id/learning': {
    role: 'caseworker',
    method: 'GET',
    url: (id) => `/api/citizens/${id}/learning`,
    action: 'learning.plan.read',
    namesCitizen: true,
    purpose: 'case_management',
  },
  'POST /api/learning/enrolments': {
    role: 'caseworker',
    method: 'POST',
    url: () => '/api/learning/enrolments',
    payload: async () => ({ offerId: await newOffer(), citizenId }),
    action: 'learning.enrolment.create',
    namesCitizen: true,
    purpose: 'case_management',
  },
  'GET /api/learning/offers/:id/enrolments': {
    role: 'pilot_manager',
    method: 'GET',
    url: () => `/api/learning/offers/${offerId}/enrolments`,
    payload: async () => {
      learningEnrolmentId = await enrolInNewOffer();
      return undefined;
    },
    action: 'learning.enrolment.read',
    namesCitizen: true,
    purpose: 'learning_management',
  },
  'POST /api/learning/enrolments/:id/attendance': {
    role: 'pilot_manager',
    method: 'POST',
    url: () => `/api/learning/enrolments/${learningEnrolmentId}/attendance`,
    payload: async () => ({ sessionId: sessionId, present: true }),
    action: 'learning.attendance.update',
    namesCitizen: true,
    purpose: 'learning_management',
  },
  'POST /api/learning/enrolments/:id/complete': {
    role: 'pilot_manager',
    method: 'POST',
    url: () => `/api/learning/enrolments/${learningEnrolmentId}/complete`,
    payload: { outcome: 'completed' },
    action: 'learning.enrolment.complete',
    namesCitizen: true,
    purpose: 'learning_management',
  },
  'POST /api/learning/enrolments/:id/cancel': {
    role: 'citizen',
    method: 'POST',
    url: () => `/api/learning/enrolments/${learningEnrolmentId}/cancel`,
    payload: async () => {
      learningEnrolmentId = await enrolInNewOffer();
      return { reason: 'Kan ikke deltage' };
    },
    action: 'learning.enrolment.cancel',
    namesCitizen: true,
    purpose: 'self_access',
  },
  'GET /api/me/learning': {
    role: 'citizen',
    method: 'GET',
    url: () => '/api/me/learning',
    action: 'learning.plan.read',
    namesCitizen: true,
    purpose: 'self_access',
  },
  'POST /api/me/learning/items/:id/decision': {
    role: 'citizen',
    method: 'POST',
    url: () => `/api/me/learning/items/${planItemId}/decision`,
    payload: async () => {
      const res = await t.app.inject({
        url: '/api/me/learning',
        headers: { cookie: cookies.citizen! },
      });
      planItemId = res.json<{ plan: { items: { id: string }[] } }>().plan.items[0]!.id;
      return { decision: 'accepted' };
    },
    action: 'learning.plan.decide',
    namesCitizen: true,
    purpose: 'self_access',
  },
  'POST /api/me/badges/claim': {
    role: 'citizen',
    method: 'POST',
    url: () => '/api/me/badges/claim',
    payload: async () => {
      await t.ctx.db.insert(assessments).values({
        municipalityId: municipalityId,
        citizenId,
        status: 'completed',
        foundationCut: -1.125,
        jobGoalCut: 0.375,
        seed: 1,
        theta: 0,
        triageGroup: 'building_blocks',
        completedAt: new Date(),
        // Only the areas matter to a badge claim.
        result: { areas: [{ area: '1', items: 3, theta: 0, level: 4 }] } as unknown as TestResult,
      });
      return { area: '1' };
    },
    action: 'badge.issue',
    namesCitizen: true,
    purpose: 'self_access',
  },
  'GET /api/me/badges/:id/credential': {
    role: 'citizen',
    method: 'GET',
    url: () => `/api/me/badges/${badgeId}/credential`,
    payload: async () => {
      const res = await t.app.inject({
        url: '/api/me/learning',
        headers: { cookie: cookies.citizen! },
      });
      badgeId = res.json<{ badges: { id: string }[] }>().badges[0]!.id;
      return undefined;
    },
    action: 'badge.download',
    namesCitizen: true,
    purpose: 'self_access',
  },
  'GET /api/me/badges/:id/certificate': {
    role: 'citizen',
    method: 'GET',
    url: () => `/api/me/badges/${badgeId}/certificate`,
    action: 'badge.certificate',
    namesCitizen: true,
    purpose: 'self_access',
  },
  'POST /api/badges/:id/revoke': {
    role: 'caseworker',
    method: 'POST',
    url: () => `/api/badges/${badgeId}/revoke`,
    payload: { reason: 'Udstedt ved en fejl' },
    action: 'badge.revoke',
    namesCitizen: true,
    purpose: 'case_management',
  },
};

/** A learning offer (made by the pilot manager) with one session; its id in `offerId`. */
async function newOffer(): Promise<string> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/learning/offers',
    headers: { cookie: cookies.pilot_manager! },
    payload: {
      name: `Kursus ${Date.now()}`,
      providerKind: 'jobcentre',
      providerName: 'Jobcenter',
      methods: ['classroom'],
      format: 'on_site',
      hoursPerWeek: 10,
      weeks: 4,
      lifts: [{ competence: '1.1', level: 3 }],
      languages: ['da'],
      capacity: 5,
    },
  });
  offerId = res.json<{ id: string }>().id;
  const s = await t.app.inject({
    method: 'POST',
    url: `/api/learning/offers/${offerId}/sessions`,
    headers: { cookie: cookies.pilot_manager! },
    payload: {
      startsAt: '2031-02-03T08:00:00Z',
      endsAt: '2031-02-03T10:00:00Z',
      location: 'Lokale 1',
    },
  });
  sessionId = s.json<{ sessions: { id: string }[] }>().sessions[0]!.id;
  return offerId;
}

async function enrolInNewOffer(): Promise<string> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/learning/enrolments',
    headers: { cookie: cookies.caseworker! },
    payload: { offerId: await newOffer(), citizenId },
  });
  return res.json<{ id: string }>().id;
}

/** Thursday 26 November 2026, 11:00 in Copenhagen: the workshop is open (only Date is faked). */
function atOpeningHours() {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-11-26T10:00:00Z'));
}

async function codeFor(id: string): Promise<string> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/test-codes',
    headers: { cookie: cookies.caseworker! },
    payload: { citizenId: id },
  });
  return res.json<{ code: string }>().code;
}

async function currentItem(): Promise<string> {
  const res = await t.app.inject({
    url: '/api/tests/current',
    headers: { cookie: cookies.citizen! },
  });
  return res.json<{ step: { item: { key: string } } }>().step.item.key;
}

let t: TestApp;
let citizenId: string;
let caseworkerId: string;
let citizenUserId: string;
let citizenCodeId: string;
let workshopId: string;
let ticketId: string;
let pilotId: string;
let enrolmentId: string;
let ementorId: string;
let pilotManagerId: string;
let municipalityId: string;
let offerId: string;
let sessionId: string;
let learningEnrolmentId: string;
let planItemId: string;
let badgeId: string;
const cookies: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  const m = await buildMunicipality(t.ctx.db);
  municipalityId = m.id;
  const cw = await buildUser(t.ctx.db, m.id, ['caseworker']);
  const cu = await buildUser(t.ctx.db, m.id, ['citizen']);
  caseworkerId = cw.id;
  citizenUserId = cu.id;
  const c = await buildCitizen(t.ctx.db, t.ctx.cipher, {
    municipalityId: m.id,
    caseworkerId: cw.id,
    userId: cu.id,
    cpr: '050580-1234',
  });
  citizenId = c.id;
  cookies.caseworker = await t.login(cw.email);
  cookies.citizen = await t.login(cu.email);
  const em = await buildUser(t.ctx.db, m.id, ['ementor']);
  ementorId = em.id;
  cookies.ementor = await t.login(em.email);
  cookies.admin = await t.login((await buildUser(t.ctx.db, m.id, ['admin'])).email);
  pilotManagerId = (await buildUser(t.ctx.db, m.id, ['pilot_manager'])).id;
  cookies.pilot_manager = await t.login(
    (await t.ctx.db.select().from(users).where(eq(users.id, pilotManagerId)))[0]!.email,
  );
  workshopId = (await buildSite(t.ctx.db, m.id)).id;
  await codeFor(citizenId);
  const [code] = await t.ctx.db.select({ id: testCodes.id }).from(testCodes);
  citizenCodeId = code!.id;
});
afterAll(async () => t.close());
afterEach(() => {
  vi.useRealTimers();
});

describe('audit coverage', () => {
  it('every route that touches citizen data is marked as such and has a scenario here', () => {
    const routes = t.app.routeTable().filter((r) => r.method !== 'HEAD');
    const touching = routes.filter((r) =>
      /\/api\/(citizens|me\/(citizen|audit)|tests|test-codes)/.test(r.url),
    );
    for (const r of touching) expect(r.personalData, `${r.method} ${r.url}`).toBe(true);
    const flagged = routes.filter((r) => r.personalData).map((r) => `${r.method} ${r.url}`);
    expect(flagged.sort()).toEqual(Object.keys(SCENARIOS).sort());
  });

  it.each(Object.entries(SCENARIOS))('%s writes its audit row', async (_key, s) => {
    const payload = typeof s.payload === 'function' ? await s.payload() : s.payload;
    const [{ max }] = (await t.ctx.db
      .select({ max: sql<number>`coalesce(max(${auditLog.id}), 0)` })
      .from(auditLog)) as [{ max: number }];
    const res = await t.app.inject({
      method: s.method,
      url: s.url(citizenId),
      headers: s.role === 'anonymous' ? {} : { cookie: cookies[s.role]! },
      ...(payload ? { payload } : {}),
    });
    expect(res.statusCode, res.body).toBeLessThan(300);
    const rows = await t.ctx.db
      .select()
      .from(auditLog)
      .where(gt(auditLog.id, Number(max)));
    expect(rows).toHaveLength(1);
    const row = rows[0]!;
    const created = s.action === 'citizen.create' ? res.json<{ id: string }>().id : citizenId;
    expect(row).toMatchObject({
      action: s.action,
      purpose: s.purpose,
      actorRole: s.role === 'anonymous' ? 'citizen' : s.role,
      actorId:
        s.role === 'caseworker'
          ? caseworkerId
          : s.role === 'citizen'
            ? citizenUserId
            : s.role === 'ementor'
              ? ementorId
              : s.role === 'pilot_manager'
                ? pilotManagerId
                : null,
      citizenId: s.namesCitizen ? created : null,
    });
    expect(row.at).toBeInstanceOf(Date);
  });

  it('a failed audit write undoes the change it describes (same transaction)', async () => {
    await t.ctx.db.execute(sql`
      create function audit_fail() returns trigger language plpgsql as $$
      begin raise exception 'audit unavailable'; end $$`);
    await t.ctx.db.execute(
      sql`create trigger audit_fail before insert on audit_log for each row execute function audit_fail()`,
    );
    try {
      const res = await t.app.inject({
        method: 'PATCH',
        url: `/api/citizens/${citizenId}`,
        headers: { cookie: cookies.caseworker! },
        payload: { city: 'Ikke-gemt' },
      });
      expect(res.statusCode).toBe(500);
      const [row] = await t.ctx.db
        .select()
        .from(citizens)
        .where(and(eq(citizens.id, citizenId)));
      expect(row!.city).not.toBe('Ikke-gemt');
    } finally {
      await t.ctx.db.execute(sql`drop trigger audit_fail on audit_log`);
      await t.ctx.db.execute(sql`drop function audit_fail()`);
    }
  });
});
