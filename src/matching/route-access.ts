// Who may call each of this area's routes, for review in one place beside the code: the
// role × route check (src/app/checks/route-table.test.ts) fails until a new route is listed
// here, and calls every route listed with every role.
export const ROUTE_ACCESS: Readonly<Record<string, string>> = {
  'GET /api/matchmaking/events': 'company_consultant,admin',
  'POST /api/matchmaking/events': 'company_consultant',
  'GET /api/matchmaking/events/:id': 'company_consultant,admin',
  'POST /api/matchmaking/events/:id/companies': 'company_consultant',
  'POST /api/matchmaking/events/:id/invitations': 'company_consultant',
  'POST /api/matchmaking/events/:id/rules': 'company_consultant',
  'POST /api/matchmaking/events/:id/schedule': 'company_consultant',
  'POST /api/matchmaking/events/:id/publish': 'company_consultant',
  'POST /api/matchmaking/events/:id/check-in': 'company_consultant',
  'POST /api/matchmaking/events/:id/reschedule': 'company_consultant',
  'GET /api/me/matchmaking': 'citizen',
  'PUT /api/me/matchmaking/:id': 'citizen',
  'POST /api/me/matchmaking/:id/decline': 'citizen',
  'GET /api/me/matchmaking/:id/agenda.ics': 'citizen',
  'GET /api/companies/:id/matchmaking': 'company,company_consultant',
  'POST /api/companies/:id/matchmaking/:eventId/answers': 'company,company_consultant',
  'PUT /api/companies/:id/matchmaking/:eventId/slots': 'company,company_consultant',
  'GET /api/companies/:id/matchmaking/:eventId/agenda.ics': 'company,company_consultant',
  'POST /api/matchmaking/meetings/:id/outcome': 'company,company_consultant',
  'GET /api/citizens/:id/matchmaking': 'caseworker',
  'GET /api/matchmaking/pilots': 'company_consultant',
  'GET /api/matchmaking/stats': 'company_consultant,analyst,pilot_manager,admin',
};
