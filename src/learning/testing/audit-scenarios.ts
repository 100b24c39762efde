import type { TestResult } from '../../assessment/assessment.model';
import { assessments } from '../../assessment/assessment.schema';
import { clock } from '../../platform/clock';
import type { AuditFixture, AuditScenarios } from '../../app/testing/audit-fixture';

const OCCUPATION = 'f2b15a0e-e65a-438a-affb-29b9d50b77d1'; // ESCO: software developer

// A learning plan, enrolment in offers with attendance and completion, and Open Badges.
export const auditScenarios: AuditScenarios = (f) => ({
  'POST /api/citizens/:id/learning/plan': {
    role: 'caseworker',
    method: 'POST',
    url: () => `/api/citizens/${f.citizenId}/learning/plan`,
    payload: { occupationId: OCCUPATION },
    action: 'learning.plan.create',
    namesCitizen: true,
    purpose: 'case_management',
  },
  'GET /api/citizens/:id/learning': {
    role: 'caseworker',
    method: 'GET',
    url: () => `/api/citizens/${f.citizenId}/learning`,
    action: 'learning.plan.read',
    namesCitizen: true,
    purpose: 'case_management',
  },
  'POST /api/learning/enrolments': {
    role: 'caseworker',
    method: 'POST',
    url: () => '/api/learning/enrolments',
    payload: async () => ({ offerId: await newOffer(f), citizenId: f.citizenId }),
    action: 'learning.enrolment.create',
    namesCitizen: true,
    purpose: 'case_management',
  },
  'GET /api/learning/offers/:id/enrolments': {
    role: 'pilot_manager',
    method: 'GET',
    url: () => `/api/learning/offers/${f.ids.offerId}/enrolments`,
    payload: async () => {
      f.ids.learningEnrolmentId = await enrolInNewOffer(f);
      return undefined;
    },
    action: 'learning.enrolment.read',
    namesCitizen: true,
    purpose: 'learning_management',
  },
  'POST /api/learning/enrolments/:id/attendance': {
    role: 'pilot_manager',
    method: 'POST',
    url: () => `/api/learning/enrolments/${f.ids.learningEnrolmentId}/attendance`,
    payload: () => Promise.resolve({ sessionId: f.ids.sessionId, present: true }),
    action: 'learning.attendance.update',
    namesCitizen: true,
    purpose: 'learning_management',
  },
  'POST /api/learning/enrolments/:id/complete': {
    role: 'pilot_manager',
    method: 'POST',
    url: () => `/api/learning/enrolments/${f.ids.learningEnrolmentId}/complete`,
    payload: { outcome: 'completed' },
    action: 'learning.enrolment.complete',
    namesCitizen: true,
    purpose: 'learning_management',
  },
  'POST /api/learning/enrolments/:id/cancel': {
    role: 'citizen',
    method: 'POST',
    url: () => `/api/learning/enrolments/${f.ids.learningEnrolmentId}/cancel`,
    payload: async () => {
      f.ids.learningEnrolmentId = await enrolInNewOffer(f);
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
    url: () => `/api/me/learning/items/${f.ids.planItemId}/decision`,
    payload: async () => {
      const res = await f.call('citizen', 'GET', '/api/me/learning');
      f.ids.planItemId = res.json<{ plan: { items: { id: string }[] } }>().plan.items[0]!.id;
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
      await f.db.insert(assessments).values({
        municipalityId: f.municipalityId,
        citizenId: f.citizenId,
        status: 'completed',
        foundationCut: -1.125,
        jobGoalCut: 0.375,
        seed: 1,
        theta: 0,
        triageGroup: 'building_blocks',
        completedAt: clock.now(),
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
    url: () => `/api/me/badges/${f.ids.badgeId}/credential`,
    payload: async () => {
      const res = await f.call('citizen', 'GET', '/api/me/learning');
      f.ids.badgeId = res.json<{ badges: { id: string }[] }>().badges[0]!.id;
      return undefined;
    },
    action: 'badge.download',
    namesCitizen: true,
    purpose: 'self_access',
  },
  'GET /api/me/badges/:id/certificate': {
    role: 'citizen',
    method: 'GET',
    url: () => `/api/me/badges/${f.ids.badgeId}/certificate`,
    action: 'badge.certificate',
    namesCitizen: true,
    purpose: 'self_access',
  },
  'POST /api/badges/:id/revoke': {
    role: 'caseworker',
    method: 'POST',
    url: () => `/api/badges/${f.ids.badgeId}/revoke`,
    payload: { reason: 'Udstedt ved en fejl' },
    action: 'badge.revoke',
    namesCitizen: true,
    purpose: 'case_management',
  },
});

let offers = 0;

/** A learning offer (made by the pilot manager) with one session. */
async function newOffer(f: AuditFixture): Promise<string> {
  const res = await f.call('pilot_manager', 'POST', '/api/learning/offers', {
    name: `Kursus ${++offers}`,
    providerKind: 'jobcentre',
    providerName: 'Jobcenter',
    methods: ['classroom'],
    format: 'on_site',
    hoursPerWeek: 10,
    weeks: 4,
    lifts: [{ competence: '1.1', level: 3 }],
    languages: ['da'],
    capacity: 5,
  });
  const offerId = res.json<{ id: string }>().id;
  f.ids.offerId = offerId;
  const s = await f.call('pilot_manager', 'POST', `/api/learning/offers/${offerId}/sessions`, {
    startsAt: '2031-02-03T08:00:00Z',
    endsAt: '2031-02-03T10:00:00Z',
    location: 'Lokale 1',
  });
  f.ids.sessionId = s.json<{ sessions: { id: string }[] }>().sessions[0]!.id;
  return offerId;
}

async function enrolInNewOffer(f: AuditFixture): Promise<string> {
  const offerId = await newOffer(f);
  const res = await f.call('caseworker', 'POST', '/api/learning/enrolments', {
    offerId,
    citizenId: f.citizenId,
  });
  return res.json<{ id: string }>().id;
}
