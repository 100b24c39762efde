import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getTableColumns, getTableName } from 'drizzle-orm';
import { PgTable } from 'drizzle-orm/pg-core';
import { createTestApp, type TestApp } from '../testing/test-app';
import { buildCitizen, buildMunicipality, buildSite, buildUser } from '../testing/factories';
import { TABLES as schema } from '../tables';
import { MODULES } from '../modules';

// Tables no one tenant owns: the platform's installation-wide settings and rate counters, and
// those each area declares with its reason (the tenants themselves, pre-login throttling).
const NOT_TENANT_OWNED = [
  'platform_settings',
  'rate_counters',
  ...MODULES.flatMap((m) => Object.keys(m.untenantedTables ?? {})),
];

describe('every tenant table carries municipality_id', () => {
  const tables = Object.values(schema).filter((v): v is PgTable => v instanceof PgTable);
  it.each(tables.map((tb) => [getTableName(tb), tb] as const))('%s', (name, table) => {
    const cols = Object.values(getTableColumns(table)).map((c) => c.name);
    if (NOT_TENANT_OWNED.includes(name)) return;
    expect(cols).toContain('municipality_id');
  });
});

describe('municipality isolation', () => {
  let t: TestApp;
  let a: { id: string };
  let aCitizen: { id: string };
  let aUser: { id: string };
  let aSite: { id: string };
  let bAdmin: string;
  let bCaseworker: string;

  beforeAll(async () => {
    t = await createTestApp();
    a = await buildMunicipality(t.ctx.db, { name: 'A-kommune' });
    const b = await buildMunicipality(t.ctx.db, { name: 'B-kommune' });
    const aCw = await buildUser(t.ctx.db, a.id, ['caseworker']);
    aUser = aCw;
    aSite = await buildSite(t.ctx.db, a.id);
    aCitizen = await buildCitizen(t.ctx.db, t.ctx.cipher, {
      municipalityId: a.id,
      caseworkerId: aCw.id,
      cpr: '030377-1234',
    });
    // B's caseworker is also named as caseworker nowhere in A; roles alike, tenant differs.
    bAdmin = await t.login((await buildUser(t.ctx.db, b.id, ['admin'])).email);
    bCaseworker = await t.login((await buildUser(t.ctx.db, b.id, ['caseworker'])).email);
  });
  afterAll(async () => t.close());

  it('B’s admin sees none of A’s users or sites and can change none of them', async () => {
    const users = await t.app.inject({
      url: '/api/users?includeInactive=true',
      headers: { cookie: bAdmin },
    });
    expect(users.json().map((u: { id: string }) => u.id)).not.toContain(aUser.id);
    expect(
      (await t.app.inject({ url: `/api/users/${aUser.id}`, headers: { cookie: bAdmin } }))
        .statusCode,
    ).toBe(404);
    const patch = await t.app.inject({
      method: 'PATCH',
      url: `/api/users/${aUser.id}`,
      headers: { cookie: bAdmin },
      payload: { active: false },
    });
    expect(patch.statusCode).toBe(404);
    const sites = await t.app.inject({ url: '/api/sites', headers: { cookie: bAdmin } });
    expect(sites.json().map((s: { id: string }) => s.id)).not.toContain(aSite.id);
    const sitePatch = await t.app.inject({
      method: 'PATCH',
      url: `/api/sites/${aSite.id}`,
      headers: { cookie: bAdmin },
      payload: { name: 'Overtaget' },
    });
    expect(sitePatch.statusCode).toBe(404);
    const aCw = await t.login((await buildUser(t.ctx.db, a.id, ['admin'])).email);
    const still = await t.app.inject({ url: `/api/users/${aUser.id}`, headers: { cookie: aCw } });
    expect(still.json().active).toBe(true);
  });

  it('B’s caseworker can neither read, find nor change A’s citizen', async () => {
    expect(
      (
        await t.app.inject({
          url: `/api/citizens/${aCitizen.id}`,
          headers: { cookie: bCaseworker },
        })
      ).statusCode,
    ).toBe(404);
    const lookup = await t.app.inject({
      method: 'POST',
      url: '/api/citizens/lookup',
      headers: { cookie: bCaseworker },
      payload: { cpr: '030377-1234' },
    });
    expect(lookup.statusCode).toBe(404);
    const patch = await t.app.inject({
      method: 'PATCH',
      url: `/api/citizens/${aCitizen.id}`,
      headers: { cookie: bCaseworker },
      payload: { firstName: 'X' },
    });
    expect(patch.statusCode).toBe(404);
    const list = await t.app.inject({ url: '/api/citizens', headers: { cookie: bCaseworker } });
    expect(list.json()).toEqual([]);
    // The same CPR number may exist in B as a separate record: tenants do not share data.
    const create = await t.app.inject({
      method: 'POST',
      url: '/api/citizens',
      headers: { cookie: bCaseworker },
      payload: { cpr: '030377-1234', firstName: 'B', lastName: 'Borger' },
    });
    expect(create.statusCode).toBe(201);
  });

  it('B’s caseworker cannot put a citizen on a caseworker of A', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/citizens',
      headers: { cookie: bCaseworker },
      payload: { cpr: '040477-1234', firstName: 'B', lastName: 'Borger', caseworkerId: aUser.id },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('caseworker_invalid');
  });
});
