import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/test-app';
import { buildMunicipality, buildUser } from '../testing/factories';
import { ROLES, type Role } from '../../platform/auth/roles';
import { MODULES } from '../modules';
import type { AreaModule } from '../../platform/module';
import { buildApp } from '../../platform/http/app';
import { endpoint, keyOf } from '../../platform/http/endpoint';

// What the web client may show comes from the routes' own access: each capability is the right
// to call one route, so the menu, the home page and the page guards follow the server.
let t: TestApp;
let m: { id: string };
beforeAll(async () => {
  t = await createTestApp();
  m = await buildMunicipality(t.ctx.db);
});
afterAll(async () => t.close());

async function capabilitiesOf(roles: Role[]) {
  const cookie = await t.login((await buildUser(t.ctx.db, m.id, roles)).email);
  const res = await t.app.inject({ url: '/api/auth/session', headers: { cookie } });
  return { cookie, caps: res.json().user.capabilities as string[] };
}

describe('capabilities', () => {
  it('are what each role may call, from the routes’ access declarations', async () => {
    expect((await capabilitiesOf(['citizen'])).caps).toEqual([
      'candidatePool',
      'myData',
      'myMatchmaking',
      'myPlan',
      'ownTest',
    ]);
    const admin = (await capabilitiesOf(['admin'])).caps;
    expect(admin).toEqual(
      expect.arrayContaining(['users.manage', 'sites.manage', 'testAdmin', 'workshopAdmin']),
    );
    expect(admin).not.toContain('caseload');
    expect((await capabilitiesOf(['caseworker', 'ementor'])).caps).toEqual(
      expect.arrayContaining(['caseload', 'testCodes', 'workshopQueue']),
    );
  });

  it('for every role, each capability’s route lets the role through, and others refuse it', async () => {
    const routeOf = new Map<string, string>(
      MODULES.flatMap((mod) =>
        Object.entries(mod.capabilities ?? {}).map(([cap, ep]) => [cap, keyOf(ep)] as const),
      ),
    );
    for (const role of ROLES) {
      const { cookie, caps } = await capabilitiesOf([role]);
      for (const [cap, key] of routeOf) {
        const [method, url] = key.split(' ') as [string, string];
        const res = await t.app.inject({
          method: method as 'GET',
          url: url.replace(/:id/g, '00000000-0000-4000-8000-000000000000'),
          headers: { cookie },
          ...(method === 'GET' ? {} : { payload: {} }),
        });
        const refused = res.statusCode === 401 || res.statusCode === 403;
        expect(refused, `${role} ${cap} ${key} → ${res.statusCode}`).toBe(!caps.includes(cap));
      }
    }
  });

  it('a capability that names no route stops the server from starting', async () => {
    const broken: AreaModule = {
      name: 'broken',
      capabilities: {
        caseload: endpoint({
          method: 'GET',
          path: '/api/no-such-route',
          access: { kind: 'authenticated' },
          tags: [],
        }),
      },
    };
    const app = await buildApp(t.ctx, [broken]);
    await expect(app.ready()).rejects.toThrow(/Capability caseload names no route/);
  });
});
