// Who may call each of this area's routes, for review in one place beside the code: the
// role × route check (src/app/checks/route-table.test.ts) fails until a new route is listed
// here, and calls every route listed with every role.
export const ROUTE_ACCESS: Readonly<Record<string, string>> = {
  'GET /api/taskforce/indicators': 'taskforce,analyst,admin',
  'GET /api/taskforce/indicators.csv': 'taskforce,analyst,admin',
  'POST /api/taskforce/indicators/recount': 'taskforce,analyst,admin',
  'GET /api/taskforce/pilots': 'taskforce,analyst,admin',
  'GET /api/taskforce/journey': 'taskforce,analyst,admin',
  'GET /api/taskforce/journey.csv': 'taskforce,analyst,admin',
  'GET /api/taskforce/budget': 'taskforce,analyst,admin',
  'GET /api/taskforce/budget.csv': 'taskforce,analyst,admin',
  'PUT /api/taskforce/targets': 'taskforce',
  'PUT /api/taskforce/budget': 'taskforce',
  'POST /api/taskforce/spending': 'taskforce',
  'GET /api/taskforce/reports': 'taskforce,analyst,admin',
  'POST /api/taskforce/reports': 'taskforce',
  'GET /api/taskforce/reports/:id/report.pdf': 'taskforce,analyst,admin',
  'GET /api/taskforce/reports/:id/report.docx': 'taskforce,analyst,admin',
  'GET /api/taskforce/actions': 'taskforce,analyst,admin',
  'POST /api/taskforce/actions': 'taskforce',
  'PATCH /api/taskforce/actions/:id': 'taskforce',
  'GET /api/taskforce/link-targets': 'taskforce',
  'GET /api/taskforce/centres': 'taskforce,analyst,admin',
  'POST /api/taskforce/centres': 'admin',
  'PUT /api/taskforce/centres/:id': 'admin',
};
