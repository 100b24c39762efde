import { expect } from 'vitest';
import type { AuditScenarios } from '../../app/testing/audit-fixture';
import { companyMembers } from '../../companies/companies.schema';

// A consultant's virtual event with one company (the company user acts for it): the citizen is
// invited, registers, the company accepts, the consultant schedules and publishes, the day runs,
// the company records an outcome, the caseworker reads it, and the citizen finally declines.
export const auditScenarios: AuditScenarios = (f) => ({
  'GET /api/matchmaking/events/:id': {
    role: 'company_consultant',
    method: 'GET',
    url: () => `/api/matchmaking/events/${f.ids.eventId}`,
    payload: async () => {
      const company = await f.call('company_consultant', 'POST', '/api/companies', {
        cvr: '10000009',
        name: 'Audit Partner ApS',
        industryCode: '620100',
        employees: 12,
      });
      f.ids.companyId = company.json<{ id: string }>().id;
      await f.db.insert(companyMembers).values({
        municipalityId: f.municipalityId,
        companyId: f.ids.companyId,
        userId: f.companyUserId,
      });
      const event = await f.call('company_consultant', 'POST', '/api/matchmaking/events', {
        name: 'Audit event',
        format: 'virtual',
        on: '2027-02-01',
        startsAt: '10:00',
        slotMinutes: 15,
        slotCount: 2,
        maxMeetings: 1,
      });
      expect(event.statusCode, event.body).toBe(201);
      f.ids.eventId = event.json<{ id: string }>().id;
      const place = await f.call(
        'company_consultant',
        'POST',
        `/api/matchmaking/events/${f.ids.eventId}/companies`,
        { companyId: f.ids.companyId, tables: 1, videoLinks: ['https://meet.example.com/a'] },
      );
      f.ids.eventCompanyId = place.json<{ id: string }>().id;
      return undefined;
    },
    action: 'matching.event.read',
    namesCitizen: false,
    purpose: 'matchmaking',
  },
  'POST /api/matchmaking/events/:id/invitations': {
    role: 'company_consultant',
    method: 'POST',
    url: () => `/api/matchmaking/events/${f.ids.eventId}/invitations`,
    payload: () => Promise.resolve({ citizenIds: [f.citizenId] }),
    action: 'matching.candidate.invite',
    namesCitizen: true,
    purpose: 'matchmaking',
  },
  'GET /api/me/matchmaking': {
    role: 'citizen',
    method: 'GET',
    url: () => '/api/me/matchmaking',
    action: 'matching.self.read',
    namesCitizen: true,
    purpose: 'self_access',
  },
  'PUT /api/me/matchmaking/:id': {
    role: 'citizen',
    method: 'PUT',
    url: () => `/api/me/matchmaking/${f.ids.eventId}`,
    payload: () => Promise.resolve({ wishes: [f.ids.eventCompanyId] }),
    action: 'matching.self.register',
    namesCitizen: true,
    purpose: 'self_access',
  },
  'GET /api/companies/:id/matchmaking': {
    role: 'company',
    method: 'GET',
    url: () => `/api/companies/${f.ids.companyId}/matchmaking`,
    action: 'matching.company.read',
    namesCitizen: false,
    purpose: 'matchmaking',
  },
  'POST /api/companies/:id/matchmaking/:eventId/answers': {
    role: 'company',
    method: 'POST',
    url: () => `/api/companies/${f.ids.companyId}/matchmaking/${f.ids.eventId}/answers`,
    payload: async () => {
      const views = await f.call('company', 'GET', `/api/companies/${f.ids.companyId}/matchmaking`);
      const [view] = views.json<{ candidates: { id: string }[] }[]>();
      return { candidateId: view!.candidates[0]!.id, answer: 'accept' };
    },
    action: 'matching.company.answer',
    namesCitizen: true,
    purpose: 'matchmaking',
  },
  'POST /api/matchmaking/events/:id/rules': {
    role: 'company_consultant',
    method: 'POST',
    url: () => `/api/matchmaking/events/${f.ids.eventId}/rules`,
    payload: () =>
      Promise.resolve({
        citizenId: f.citizenId,
        eventCompanyId: f.ids.eventCompanyId,
        rule: 'pin',
        slot: 0,
      }),
    action: 'matching.meeting.rule',
    namesCitizen: true,
    purpose: 'matchmaking',
  },
  'POST /api/matchmaking/events/:id/schedule': {
    role: 'company_consultant',
    method: 'POST',
    url: () => `/api/matchmaking/events/${f.ids.eventId}/schedule`,
    payload: { fair: true },
    action: 'matching.event.schedule',
    namesCitizen: false,
    purpose: 'matchmaking',
  },
  'POST /api/matchmaking/events/:id/publish': {
    role: 'company_consultant',
    method: 'POST',
    url: () => `/api/matchmaking/events/${f.ids.eventId}/publish`,
    action: 'matching.event.publish',
    namesCitizen: false,
    purpose: 'matchmaking',
  },
  'GET /api/me/matchmaking/:id/agenda.ics': {
    role: 'citizen',
    method: 'GET',
    url: () => `/api/me/matchmaking/${f.ids.eventId}/agenda.ics`,
    action: 'matching.self.agenda',
    namesCitizen: true,
    purpose: 'self_access',
  },
  'POST /api/matchmaking/events/:id/check-in': {
    role: 'company_consultant',
    method: 'POST',
    url: () => `/api/matchmaking/events/${f.ids.eventId}/check-in`,
    payload: () => Promise.resolve({ citizenId: f.citizenId, present: true }),
    action: 'matching.candidate.check_in',
    namesCitizen: true,
    purpose: 'matchmaking',
  },
  'POST /api/matchmaking/events/:id/reschedule': {
    role: 'company_consultant',
    method: 'POST',
    url: () => `/api/matchmaking/events/${f.ids.eventId}/reschedule`,
    payload: { fromSlot: 1 },
    action: 'matching.event.reschedule',
    namesCitizen: false,
    purpose: 'matchmaking',
  },
  'POST /api/matchmaking/meetings/:id/outcome': {
    role: 'company',
    method: 'POST',
    url: () => `/api/matchmaking/meetings/${f.ids.meetingId}/outcome`,
    payload: async () => {
      const views = await f.call('company', 'GET', `/api/companies/${f.ids.companyId}/matchmaking`);
      const [view] = views.json<{ agenda: { meetingId: string }[] }[]>();
      f.ids.meetingId = view!.agenda[0]!.meetingId;
      return { outcome: 'second_interview' };
    },
    action: 'matching.meeting.outcome',
    namesCitizen: true,
    purpose: 'matchmaking',
  },
  'GET /api/citizens/:id/matchmaking': {
    role: 'caseworker',
    method: 'GET',
    url: () => `/api/citizens/${f.citizenId}/matchmaking`,
    action: 'matching.meetings.read',
    namesCitizen: true,
    purpose: 'case_management',
  },
  'POST /api/me/matchmaking/:id/decline': {
    role: 'citizen',
    method: 'POST',
    url: () => `/api/me/matchmaking/${f.ids.eventId}/decline`,
    action: 'matching.self.decline',
    namesCitizen: true,
    purpose: 'self_access',
  },
  'PUT /api/me/candidate-profile': {
    role: 'citizen',
    method: 'PUT',
    url: () => '/api/me/candidate-profile',
    payload: { consent: true, pitch: 'Klar til en ny rolle.', languages: ['da'] },
    action: 'matching.pool.join',
    namesCitizen: true,
    purpose: 'self_access',
  },
  'GET /api/me/candidate-profile': {
    role: 'citizen',
    method: 'GET',
    url: () => '/api/me/candidate-profile',
    action: 'matching.pool.self_read',
    namesCitizen: true,
    purpose: 'self_access',
  },
  'PUT /api/me/candidate-profile/cv': {
    role: 'citizen',
    method: 'PUT',
    url: () => '/api/me/candidate-profile/cv?name=cv.pdf',
    headers: { 'content-type': 'application/pdf' },
    payload: Buffer.from('%PDF-1.4\n% audit\n'),
    action: 'matching.pool.cv',
    namesCitizen: true,
    purpose: 'self_access',
  },
  'GET /api/job-roles/:id/candidates': {
    role: 'company',
    method: 'GET',
    url: () => `/api/job-roles/${f.ids.roleId}/candidates`,
    payload: async () => {
      const role = await f.call(
        'company_consultant',
        'POST',
        `/api/companies/${f.ids.companyId}/roles`,
        {
          title: 'Cloud-administrator',
          people: 1,
          competences: [{ competence: '5.1', level: 3 }],
          languages: [],
          workplaceLearning: [],
        },
      );
      expect(role.statusCode, role.body).toBe(201);
      f.ids.roleId = role.json<{ id: string }>().id;
      return undefined;
    },
    action: 'matching.pool.read',
    namesCitizen: false,
    purpose: 'matchmaking',
  },
  'POST /api/job-roles/:id/contact-requests': {
    role: 'company_consultant',
    method: 'POST',
    url: () => `/api/job-roles/${f.ids.roleId}/contact-requests`,
    payload: async () => {
      const list = await f.call(
        'company_consultant',
        'GET',
        `/api/job-roles/${f.ids.roleId}/candidates`,
      );
      f.ids.candidateId = list.json<{ candidates: { id: string }[] }>().candidates[0]!.id;
      return { candidateId: f.ids.candidateId, send: true };
    },
    action: 'matching.pool.request',
    namesCitizen: true,
    purpose: 'matchmaking',
  },
  'POST /api/me/contact-requests/:id': {
    role: 'citizen',
    method: 'POST',
    url: () => `/api/me/contact-requests/${f.ids.requestId}`,
    payload: async () => {
      const mine = await f.call('citizen', 'GET', '/api/me/candidate-profile');
      f.ids.requestId = mine.json<{ requests: { id: string }[] }>().requests[0]!.id;
      return { answer: 'accept' };
    },
    action: 'matching.pool.accept',
    namesCitizen: true,
    purpose: 'self_access',
  },
  'GET /api/job-roles/:id/candidates/:candidateId/cv': {
    role: 'company',
    method: 'GET',
    url: () => `/api/job-roles/${f.ids.roleId}/candidates/${f.ids.candidateId}/cv`,
    action: 'matching.pool.cv_read',
    namesCitizen: true,
    purpose: 'matchmaking',
  },
  'DELETE /api/me/candidate-profile': {
    role: 'citizen',
    method: 'DELETE',
    url: () => '/api/me/candidate-profile',
    action: 'matching.pool.leave',
    namesCitizen: true,
    purpose: 'self_access',
  },
});
