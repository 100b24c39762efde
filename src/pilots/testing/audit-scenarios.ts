import { expect } from 'vitest';
import type { AuditScenarios } from '../../app/testing/audit-fixture';

// A pilot manager's pilot, recruiting: the caseworker refers their citizen to it, the lottery
// enrols them, the pilot manager records their participation.
export const auditScenarios: AuditScenarios = (f) => ({
  'POST /api/pilots/:id/referrals': {
    role: 'caseworker',
    method: 'POST',
    url: () => `/api/pilots/${f.ids.pilotId}/referrals`,
    payload: async () => {
      const created = await f.call('pilot_manager', 'POST', '/api/pilots', {
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
      });
      f.ids.pilotId = created.json<{ id: string }>().id;
      return { citizenId: f.citizenId };
    },
    action: 'pilot.referral.create',
    namesCitizen: true,
    purpose: 'case_management',
  },
  'GET /api/pilots/:id/enrolments': {
    role: 'pilot_manager',
    method: 'GET',
    url: () => `/api/pilots/${f.ids.pilotId}/enrolments`,
    action: 'pilot.enrolment.list',
    namesCitizen: false,
    purpose: 'pilot_management',
  },
  'PATCH /api/pilot-enrolments/:id': {
    role: 'pilot_manager',
    method: 'PATCH',
    url: () => `/api/pilot-enrolments/${f.ids.enrolmentId}`,
    payload: async () => {
      const pilot = `/api/pilots/${f.ids.pilotId}`;
      await f.call('pilot_manager', 'POST', `${pilot}/status`, {
        to: 'recruiting',
        reason: 'Rekruttering begynder',
      });
      const drawn = await f.call('pilot_manager', 'POST', `${pilot}/lottery`, {});
      expect(drawn.statusCode, drawn.body).toBe(200);
      const list = await f.call('pilot_manager', 'GET', `${pilot}/enrolments`);
      f.ids.enrolmentId = list.json<{ id: string }[]>()[0]!.id;
      return { sessionsAttended: 3 };
    },
    action: 'pilot.participation.update',
    namesCitizen: true,
    purpose: 'pilot_management',
  },
});
