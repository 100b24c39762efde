// Who may call each of this area's routes, for review in one place beside the code: the
// role × route check (src/app/checks/route-table.test.ts) fails until a new route is listed
// here, and calls every route listed with every role.
export const ROUTE_ACCESS: Readonly<Record<string, string>> = {
  'GET /api/companies': 'company_consultant,admin',
  'POST /api/companies': 'company_consultant',
  'GET /api/companies/:id': 'company_consultant,admin,company',
  'PUT /api/companies/:id': 'company_consultant',
  'POST /api/companies/:id/units': 'company_consultant',
  'POST /api/companies/:id/contacts': 'company_consultant',
  'POST /api/companies/:id/activities': 'company_consultant',
  'POST /api/companies/:id/invitations': 'company_consultant',
  'GET /api/me/companies': 'company',
  'GET /api/companies/:id/roles': 'company_consultant,admin,company',
  'POST /api/companies/:id/roles': 'company_consultant,company',
  'PUT /api/job-roles/:id': 'company_consultant,company',
  'POST /api/job-roles/:id/status': 'company_consultant,company',
  'GET /api/job-roles/requirements': 'company_consultant,company',
  'POST /api/job-ads/analyse': 'company_consultant',
  'POST /api/job-ads': 'company_consultant',
  'GET /api/job-ads': 'company_consultant',
  'POST /api/company-invitations/lookup': 'public',
  'POST /api/company-invitations/accept': 'public',
};
