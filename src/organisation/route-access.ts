// Who may call each of this area's routes, for review in one place beside the code: the
// role × route check (src/app/checks/route-table.test.ts) fails until a new route is listed
// here, and calls every route listed with every role.
export const ROUTE_ACCESS: Readonly<Record<string, string>> = {
  'POST /api/auth/login': 'public',
  'GET /api/auth/session': 'public',
  'PATCH /api/me/preferences': 'authenticated',
  'GET /api/users': 'admin',
  'POST /api/users': 'admin',
  'GET /api/users/:id': 'admin',
  'PATCH /api/users/:id': 'admin',
  'GET /api/staff/caseworkers': 'caseworker,admin',
  'GET /api/sites': 'authenticated',
  'POST /api/sites': 'admin',
  'PATCH /api/sites/:id': 'admin',
  'GET /api/settings/mail': 'admin',
  'PUT /api/settings/mail': 'admin',
  'POST /api/settings/mail/check': 'admin',
  'GET /api/settings/delivery': 'admin',
  // Called last by the check: it ends the session it is called with.
  'POST /api/auth/logout': 'public',
};
