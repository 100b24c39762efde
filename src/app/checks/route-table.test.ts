import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/test-app';
import { buildMunicipality, buildUser } from '../testing/factories';
import { ROLES, type Role } from '../../platform/auth/roles';

// The authoritative role × route table. A new route fails this test until it is added here,
// so who may call what is always reviewed in one place.
const EXPECTED: Record<string, string> = {
  'GET /api/health': 'public',
  'GET /api/openapi.json': 'public',
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
  'POST /api/tests/code': 'public',
  'POST /api/tests/start': 'citizen',
  'GET /api/tests/current': 'test_taker',
  'POST /api/tests/consent': 'test_taker',
  'POST /api/tests/answer': 'test_taker',
  'POST /api/tests/pause': 'test_taker',
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
  'GET /api/workshops/:id/public': 'public',
  'POST /api/workshops/:id/check-in': 'public',
  'GET /api/tickets/current': 'public',
  'POST /api/tickets/current/leave': 'public',
  'GET /api/workshops/:id/snapshot': 'public',
  'GET /api/workshops/:id/live': 'public',
  'GET /api/workshops': 'ementor,admin,caseworker,analyst',
  'GET /api/workshops/:id/queue': 'ementor',
  'POST /api/workshops/:id/queue/next': 'ementor',
  'POST /api/workshops/:id/walk-in': 'ementor',
  'POST /api/queue-tickets/:id/no-show': 'ementor',
  'POST /api/queue-tickets/:id/hand-over': 'ementor',
  'GET /api/queue-tickets/:id/assessments': 'ementor',
  'POST /api/queue-tickets/:id/visit': 'ementor',
  'GET /api/workshops/:id/ementors': 'ementor',
  'GET /api/workshops/:id/settings': 'admin',
  'PUT /api/workshops/:id/settings': 'admin',
  'GET /api/workshops/:id/closures': 'admin,ementor',
  'POST /api/workshops/:id/closures': 'admin',
  'DELETE /api/workshops/:id/closures/:closureId': 'admin',
  'GET /api/workshops/:id/slots': 'public',
  'POST /api/workshop-appointments/:id/arrive': 'ementor',
  'GET /api/workshops/:id/door-poster': 'ementor,admin',
  'GET /api/workshops/:id/stats': 'ementor,admin,analyst',
  'GET /api/citizens/:id/workshop-visits': 'caseworker',
  'GET /api/workshops/:id/stats.csv': 'ementor,admin,analyst',
  'POST /api/workshops/:id/appointments': 'public',
  'POST /api/appointments/manage': 'public',
  'POST /api/appointments/cancel': 'public',
  'POST /api/appointments/move': 'public',
  'GET /api/workshops/:id/appointments': 'ementor,admin',
  'GET /api/workshops/:id/shifts': 'admin,ementor',
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
  'GET /api/learning/offers': 'admin,pilot_manager,caseworker,ementor,analyst',
  'POST /api/learning/offers': 'admin,pilot_manager',
  'GET /api/learning/offers/:id': 'admin,pilot_manager,caseworker,ementor,analyst',
  'PUT /api/learning/offers/:id': 'admin,pilot_manager',
  'POST /api/learning/offers/:id/retire': 'admin,pilot_manager',
  'POST /api/learning/offers/:id/sessions': 'admin,pilot_manager',
  'DELETE /api/learning/offers/:id/sessions/:sessionId': 'admin,pilot_manager',
  'GET /api/learning/offers/:id/enrolments': 'admin,pilot_manager',
  'GET /api/esco/occupations': 'admin,pilot_manager,caseworker,ementor,analyst',
  'GET /api/citizens/:id/learning': 'caseworker',
  'POST /api/citizens/:id/learning/plan': 'caseworker',
  'POST /api/learning/enrolments': 'caseworker',
  'POST /api/learning/enrolments/:id/cancel': 'caseworker,admin,pilot_manager,citizen',
  'POST /api/learning/enrolments/:id/attendance': 'caseworker,admin,pilot_manager',
  'POST /api/learning/enrolments/:id/complete': 'caseworker,admin,pilot_manager',
  'GET /api/me/learning': 'citizen',
  'POST /api/me/learning/items/:id/decision': 'citizen',
  'POST /api/me/badges/claim': 'citizen',
  'GET /api/me/badges/:id/credential': 'citizen',
  'GET /api/me/badges/:id/certificate': 'citizen',
  'POST /api/badges/:id/revoke': 'caseworker,admin',
  'GET /api/learning/stats': 'analyst,admin,pilot_manager',
  'POST /api/badges/verify': 'public',
  'GET /api/badges/keys/:kid': 'public',
  'GET /api/badges/status/:id': 'public',
  'GET /api/badges/jwks': 'public',
  'GET /api/badges/issuers/:id': 'public',
  'GET /api/badges/revocations/:id': 'public',
  'GET /api/badges/:id': 'public',
  'POST /api/register-imports': 'pilot_manager',
  'GET /api/pilots/:id/evaluation': 'pilot_manager,analyst',
  'GET /api/pilots/:id/evaluation.pdf': 'pilot_manager,analyst',
  'GET /api/pilots/:id/evaluation.csv': 'pilot_manager,analyst',
  'POST /api/workshops/:id/shifts': 'admin',
  'DELETE /api/workshops/:id/shifts/:shiftId': 'admin',
  'PATCH /api/assessment/items/:id': 'admin',
  'POST /api/assessment/calibrations': 'admin',
  'GET /api/assessment/calibrations': 'admin',
  'POST /api/assessment/calibrations/:id/:decision': 'admin',
  // Last: it ends the session it is called with.
  'POST /api/auth/logout': 'public',
};

let t: TestApp;
const cookies = new Map<Role, string>();

beforeAll(async () => {
  t = await createTestApp();
  const m = await buildMunicipality(t.ctx.db);
  for (const role of ROLES) {
    const u = await buildUser(t.ctx.db, m.id, [role]);
    cookies.set(role, await t.login(u.email));
  }
});
afterAll(async () => t.close());

function apiRoutes() {
  return t.app
    .routeTable()
    .filter(
      (r) => r.url.startsWith('/api') && !r.url.startsWith('/api/docs') && r.method !== 'HEAD',
    );
}

function allowed(accessDecl: string, role: Role | null): boolean {
  if (accessDecl === 'public') return true;
  if (role === null) return false;
  if (accessDecl === 'authenticated') return true;
  // Without a test cookie, only a logged-in citizen may use the test-taking routes.
  if (accessDecl === 'test_taker') return role === 'citizen';
  return accessDecl.split(',').includes(role);
}

describe('role × route table', () => {
  it('lists exactly the routes the app has, each with the access it declares', () => {
    const actual = Object.fromEntries(apiRoutes().map((r) => [`${r.method} ${r.url}`, r.access]));
    expect(actual).toEqual(EXPECTED);
  });

  const cases: [string, Role | null][] = [];
  for (const key of Object.keys(EXPECTED)) {
    for (const role of [null, ...ROLES] as (Role | null)[]) cases.push([key, role]);
  }

  it.each(cases)('%s as %s', async (key, role) => {
    const [method, path] = key.split(' ') as [string, string];
    const url = path.replace(/:id/g, '00000000-0000-4000-8000-000000000000');
    const res = await t.app.inject({
      method: method as 'GET',
      url,
      headers: role ? { cookie: cookies.get(role)! } : {},
      ...(method === 'GET' ? {} : { payload: {} }),
    });
    expect(res.statusCode).toBeLessThan(500);
    if (!allowed(EXPECTED[key]!, role)) {
      expect(res.statusCode).toBe(role === null ? 401 : 403);
    } else {
      expect([401, 403]).not.toContain(res.statusCode);
    }
  });
});
