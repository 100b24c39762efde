import { and, eq, inArray } from 'drizzle-orm';
import type { AuditFixture, AuditScenarios } from '../../app/testing/audit-fixture';
import { computeResult } from '../assessment.model';
import { assessments } from '../assessment.schema';
import { DEFAULT_CUTS } from '../triage';

// The test: a caseworker hands out a code, the citizen takes the test, the caseworker and the
// helping eMentor read the results.
export const auditScenarios: AuditScenarios = (f) => ({
  'POST /api/test-codes': {
    role: 'caseworker',
    method: 'POST',
    url: () => '/api/test-codes',
    payload: () => Promise.resolve({ citizenId: f.citizenId }),
    action: 'assessment.code.create',
    namesCitizen: true,
    purpose: 'case_management',
  },
  'POST /api/tests/code': {
    role: 'anonymous',
    method: 'POST',
    url: () => '/api/tests/code',
    payload: async () => ({ code: await codeFor(f, f.citizenId) }),
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
    payload: async () => {
      const res = await f.call('citizen', 'GET', '/api/tests/current');
      return { itemKey: res.json<{ step: { item: { key: string } } }>().step.item.key, answer: 1 };
    },
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
  // The open test stopped undecided at the cap (set here); the citizen goes on with it.
  'POST /api/tests/continue': {
    role: 'citizen',
    method: 'POST',
    url: () => '/api/tests/continue',
    payload: async () => {
      await f.db
        .update(assessments)
        .set({
          status: 'completed',
          stopReason: 'max_items',
          result: computeResult([], DEFAULT_CUTS, [], 'max_items'),
        })
        .where(
          and(
            eq(assessments.citizenId, f.citizenId),
            inArray(assessments.status, ['in_progress', 'paused']),
          ),
        );
      return undefined;
    },
    action: 'assessment.continue',
    namesCitizen: true,
    purpose: 'self_access',
  },
  'POST /api/tests/help': {
    role: 'citizen',
    method: 'POST',
    url: () => '/api/tests/help',
    action: 'assessment.help',
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
    url: () => `/api/citizens/${f.citizenId}/assessments`,
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
    url: () => `/api/test-codes/${f.citizenCodeId}`,
    action: 'assessment.read',
    namesCitizen: true,
    purpose: 'case_management',
  },
  // The citizen checks in at the workshop and the eMentor calls them: while helping, the
  // eMentor reads their test history.
  'GET /api/queue-tickets/:id/assessments': {
    role: 'ementor',
    method: 'GET',
    url: () => `/api/queue-tickets/${f.ids.helpedTicketId}/assessments`,
    payload: async () => {
      f.atOpeningHours();
      const checkIn = await f.call('citizen', 'POST', `/api/workshops/${f.workshopId}/check-in`, {
        firstName: 'Borger',
        topic: 'mitid',
      });
      if (checkIn.statusCode >= 300) throw new Error(checkIn.body);
      const res = await f.call('ementor', 'POST', `/api/workshops/${f.workshopId}/queue/next`);
      f.ids.helpedTicketId = res.json<{ id: string }>().id;
      return undefined;
    },
    action: 'assessment.read',
    namesCitizen: true,
    purpose: 'digital_guidance',
  },
  // Last: it files a second (anonymous) test on the citizen.
  'POST /api/citizens/:id/assessments/link': {
    role: 'caseworker',
    method: 'POST',
    url: () => `/api/citizens/${f.citizenId}/assessments/link`,
    payload: async () => {
      const res = await f.call('caseworker', 'POST', '/api/test-codes', {});
      const { code } = res.json<{ code: string }>();
      await f.anonymous('POST', '/api/tests/code', { code });
      return { code };
    },
    action: 'assessment.link',
    namesCitizen: true,
    purpose: 'case_management',
  },
});

async function codeFor(f: AuditFixture, citizenId: string): Promise<string> {
  const res = await f.call('caseworker', 'POST', '/api/test-codes', { citizenId });
  return res.json<{ code: string }>().code;
}
