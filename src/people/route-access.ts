// Who may call each of this area's routes, for review in one place beside the code: the
// role × route check (src/app/checks/route-table.test.ts) fails until a new route is listed
// here, and calls every route listed with every role.
export const ROUTE_ACCESS: Readonly<Record<string, string>> = {
  'GET /api/citizens': 'caseworker',
  'POST /api/citizens/lookup': 'caseworker',
  'POST /api/citizens': 'caseworker',
  'GET /api/citizens/:id': 'caseworker',
  'PATCH /api/citizens/:id': 'caseworker',
  'POST /api/citizens/:id/vulnerability': 'caseworker',
  'POST /api/citizens/:id/notes': 'caseworker',
  'GET /api/me/citizen': 'citizen',
  'GET /api/me/audit': 'citizen',
  'GET /api/me/audit/export': 'citizen',
};
