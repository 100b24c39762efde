// Who may call each of this area's routes, for review in one place beside the code: the
// role × route check (src/app/checks/route-table.test.ts) fails until a new route is listed
// here, and calls every route listed with every role.
export const ROUTE_ACCESS: Readonly<Record<string, string>> = {
  'GET /api/pilots': 'pilot_manager,analyst,caseworker',
  'POST /api/pilots': 'pilot_manager',
  'GET /api/pilots/:id': 'pilot_manager,analyst,caseworker',
  'PATCH /api/pilots/:id': 'pilot_manager',
  'POST /api/pilots/:id/status': 'pilot_manager',
  'POST /api/pilots/:id/partners': 'pilot_manager',
  'DELETE /api/pilots/:id/partners/:partnerId': 'pilot_manager',
  'POST /api/pilots/:id/referrals': 'caseworker,pilot_manager',
  'GET /api/pilots/:id/enrolments': 'pilot_manager',
  'POST /api/pilots/:id/lottery': 'pilot_manager',
  'GET /api/pilots/:id/lottery': 'pilot_manager,analyst,caseworker',
  'PATCH /api/pilot-enrolments/:id': 'pilot_manager',
  'POST /api/register-imports': 'pilot_manager',
  'GET /api/pilots/:id/evaluation': 'pilot_manager,analyst',
  'GET /api/pilots/:id/evaluation.pdf': 'pilot_manager,analyst',
  'GET /api/pilots/:id/evaluation.csv': 'pilot_manager,analyst',
  'GET /api/pilots/power': 'pilot_manager',
  'GET /api/pilots/portfolio': 'pilot_manager,analyst',
  'POST /api/pilots/:id/looks': 'pilot_manager',
};
