// Who may call each of this area's routes, for review in one place beside the code: the
// role × route check (src/app/checks/route-table.test.ts) fails until a new route is listed
// here, and calls every route listed with every role.
export const ROUTE_ACCESS: Readonly<Record<string, string>> = {
  'POST /api/tests/code': 'public',
  'POST /api/tests/start': 'citizen',
  'GET /api/tests/current': 'test_taker',
  'POST /api/tests/consent': 'test_taker',
  'POST /api/tests/answer': 'test_taker',
  'POST /api/tests/pause': 'test_taker',
  'POST /api/tests/continue': 'test_taker',
  'POST /api/tests/help': 'test_taker',
  'POST /api/tests/withdraw': 'test_taker',
  'POST /api/test-codes': 'caseworker,ementor',
  'GET /api/test-codes': 'caseworker,ementor',
  'GET /api/test-codes/:id': 'caseworker,ementor',
  'POST /api/citizens/:id/assessments/link': 'caseworker',
  'GET /api/test-poster': 'caseworker,ementor',
  'GET /api/citizens/:id/assessments': 'caseworker',
  'GET /api/assessment/settings': 'admin',
  'PUT /api/assessment/settings': 'admin',
  'GET /api/assessment/items': 'admin',
  'POST /api/assessment/items': 'admin',
  'GET /api/queue-tickets/:id/assessments': 'ementor',
  'PATCH /api/assessment/items/:id': 'admin',
  'POST /api/assessment/calibrations': 'admin',
  'GET /api/assessment/calibrations': 'admin',
  'POST /api/assessment/calibrations/:id/:decision': 'admin',
};
