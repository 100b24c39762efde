// Who may call each of this area's routes (see src/organisation/route-access.ts).
export const ROUTE_ACCESS: Readonly<Record<string, string>> = {
  'GET /api/signin/methods': 'public',
  'GET /api/signin/settings': 'admin',
  'PUT /api/signin/settings': 'admin',
  'POST /api/signin/settings/check': 'admin',
  'GET /api/signin/mitid/:code/metadata': 'public',
  'GET /api/signin/mitid/:code/start': 'public',
  'POST /api/signin/mitid/:code/acs': 'public',
  'GET /api/signin/mitid/:code/slo': 'public',
  'GET /api/signin/oidc/:code/start': 'public',
  'GET /api/signin/oidc/callback': 'public',
};
