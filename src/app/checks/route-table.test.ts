import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/test-app';
import { buildMunicipality, buildUser } from '../testing/factories';
import { ROLES, type Role } from '../../platform/auth/roles';

// The role × route table: each area lists its routes' access in its route-access.ts, next to
// its code; the platform's own routes are here. A route missing from a list fails this test.
const AREA_TABLES = import.meta.glob<Readonly<Record<string, string>>>('../../*/route-access.ts', {
  eager: true,
  import: 'ROUTE_ACCESS',
});
const EXPECTED: Record<string, string> = Object.assign(
  {
    'GET /api/health': 'public',
    'GET /api/speech/languages': 'public',
    'POST /api/speech': 'public',
    'GET /api/openapi.json': 'public',
  },
  ...Object.values(AREA_TABLES),
);
// Logging out ends the session the cases share: it goes last.
const LAST = 'POST /api/auth/logout';

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
  it('lists each route in one area’s table only', () => {
    const listed = Object.values(AREA_TABLES).flatMap((table) => Object.keys(table));
    expect(listed.length).toBe(new Set(listed).size);
  });

  it('lists exactly the routes the app has, each with the access it declares', () => {
    const actual = Object.fromEntries(apiRoutes().map((r) => [`${r.method} ${r.url}`, r.access]));
    expect(actual).toEqual(EXPECTED);
  });

  const cases: [string, Role | null][] = [];
  const keys = Object.keys(EXPECTED).sort((a, b) => Number(a === LAST) - Number(b === LAST));
  for (const key of keys) {
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
