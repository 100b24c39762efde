import type { AuditScenarios } from '../../app/testing/audit-fixture';

// A citizen checks in at the workshop, the eMentor calls them and logs the visit; a citizen
// books a time; the caseworker reads the visits.
export const auditScenarios: AuditScenarios = (f) => ({
  'POST /api/workshops/:id/check-in': {
    role: 'citizen',
    method: 'POST',
    url: () => `/api/workshops/${f.workshopId}/check-in`,
    payload: () => {
      f.atOpeningHours();
      return Promise.resolve({ firstName: 'Borger', topic: 'mitid' });
    },
    action: 'workshop.check_in',
    namesCitizen: true,
    purpose: 'self_access',
  },
  'GET /api/workshops/:id/queue': {
    role: 'ementor',
    method: 'GET',
    url: () => `/api/workshops/${f.workshopId}/queue`,
    action: 'workshop.queue.read',
    namesCitizen: false,
    purpose: 'digital_guidance',
  },
  // The check-in above put the citizen in the queue; the eMentor calls them first.
  'POST /api/queue-tickets/:id/visit': {
    role: 'ementor',
    method: 'POST',
    url: () => `/api/queue-tickets/${f.ids.ticketId}/visit`,
    payload: async () => {
      f.atOpeningHours();
      const res = await f.call('ementor', 'POST', `/api/workshops/${f.workshopId}/queue/next`);
      f.ids.ticketId = res.json<{ id: string }>().id;
      return { topics: ['mitid'], device: 'own', resolved: true, minutes: 10 };
    },
    action: 'workshop.visit.create',
    namesCitizen: true,
    purpose: 'digital_guidance',
  },
  // A logged-in citizen books a time (the admin's shift makes one bookable).
  'POST /api/workshops/:id/appointments': {
    role: 'citizen',
    method: 'POST',
    url: () => `/api/workshops/${f.workshopId}/appointments`,
    payload: async () => {
      f.atOpeningHours();
      await f.call('admin', 'POST', `/api/workshops/${f.workshopId}/shifts`, {
        userId: f.ementorId,
        day: '2026-11-27',
        start: '09:00',
        end: '13:00',
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
    url: () => `/api/citizens/${f.citizenId}/workshop-visits`,
    action: 'workshop.visit.read',
    namesCitizen: true,
    purpose: 'case_management',
  },
});
