import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { and, eq, gt, sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../testing/test-app';
import { buildCitizen, buildMunicipality, buildSite, buildUser } from '../testing/factories';
import type { AuditFixture, AuditScenario, AuditScenarios } from '../testing/audit-fixture';
import { auditLog } from '../../platform/audit/audit.schema';
import { citizens } from '../../people/people.schema';
import { testCodes } from '../../assessment/assessment.schema';
import { MODULES } from '../modules';

// Each area declares, next to its code, one call per route of its that touches citizen data
// and the audit row the call must leave (src/<area>/testing/audit-scenarios.ts). They run in
// the module list's order, so an area's scenarios may build on those of the areas below it.
const AREA_SCENARIOS = import.meta.glob<AuditScenarios>('../../*/testing/audit-scenarios.ts', {
  eager: true,
  import: 'auditScenarios',
});

let t: TestApp;
const actorIds: Record<string, string> = {};
const cookies: Record<string, string> = {};

// Filled in by beforeAll; the scenarios read it only when they run.
const fixture: AuditFixture = {
  get db() {
    return t.ctx.db;
  },
  municipalityId: '',
  citizenId: '',
  ementorId: '',
  companyUserId: '',
  workshopId: '',
  citizenCodeId: '',
  ids: {},
  call: (role, method, url, payload) =>
    t.app.inject({
      method,
      url,
      headers: { cookie: cookies[role]! },
      ...(payload ? { payload } : {}),
    }),
  anonymous: (method, url, payload) =>
    t.app.inject({ method, url, ...(payload ? { payload } : {}) }),
  atOpeningHours() {
    // Only Date is faked: the app's one clock reads it, and it writes the timestamps.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-26T10:00:00Z'));
  },
};

const SCENARIOS_BY_AREA: [string, Readonly<Record<string, AuditScenario>>][] = Object.entries(
  AREA_SCENARIOS,
)
  .map(([file, scenarios]): [string, Readonly<Record<string, AuditScenario>>] => [
    file.split('/')[2]!,
    scenarios(fixture),
  ])
  .sort(([a], [b]) => areaOrder(a) - areaOrder(b));
const SCENARIOS: Record<string, AuditScenario> = Object.assign(
  {},
  ...SCENARIOS_BY_AREA.map(([, s]) => s),
);

function areaOrder(area: string): number {
  const i = MODULES.findIndex((m) => m.name === area);
  if (i < 0) throw new Error(`audit scenarios in ${area}, which is not in the module list`);
  return i;
}

beforeAll(async () => {
  t = await createTestApp();
  const m = await buildMunicipality(t.ctx.db);
  fixture.municipalityId = m.id;
  const cw = await buildUser(t.ctx.db, m.id, ['caseworker']);
  const cu = await buildUser(t.ctx.db, m.id, ['citizen']);
  actorIds.caseworker = cw.id;
  actorIds.citizen = cu.id;
  const c = await buildCitizen(t.ctx.db, t.ctx.cipher, {
    municipalityId: m.id,
    caseworkerId: cw.id,
    userId: cu.id,
    cpr: '050580-1234',
  });
  fixture.citizenId = c.id;
  cookies.caseworker = await t.login(cw.email);
  cookies.citizen = await t.login(cu.email);
  const em = await buildUser(t.ctx.db, m.id, ['ementor']);
  actorIds.ementor = fixture.ementorId = em.id;
  cookies.ementor = await t.login(em.email);
  cookies.admin = await t.login((await buildUser(t.ctx.db, m.id, ['admin'])).email);
  const pm = await buildUser(t.ctx.db, m.id, ['pilot_manager']);
  actorIds.pilot_manager = pm.id;
  cookies.pilot_manager = await t.login(pm.email);
  const cc = await buildUser(t.ctx.db, m.id, ['company_consultant']);
  actorIds.company_consultant = cc.id;
  cookies.company_consultant = await t.login(cc.email);
  const cm = await buildUser(t.ctx.db, m.id, ['company']);
  actorIds.company = fixture.companyUserId = cm.id;
  cookies.company = await t.login(cm.email);
  fixture.workshopId = (await buildSite(t.ctx.db, m.id)).id;
  await fixture.call('caseworker', 'POST', '/api/test-codes', { citizenId: c.id });
  const [code] = await t.ctx.db.select({ id: testCodes.id }).from(testCodes);
  fixture.citizenCodeId = code!.id;
});
afterAll(async () => t.close());
afterEach(() => {
  vi.useRealTimers();
});

describe('audit coverage', () => {
  it('every route that touches citizen data is marked as such and has a scenario here', () => {
    const routes = t.app.routeTable().filter((r) => r.method !== 'HEAD');
    const touching = routes.filter((r) =>
      /\/api\/(citizens|me\/(citizen|audit)|tests|test-codes)/.test(r.url),
    );
    for (const r of touching) expect(r.personalData, `${r.method} ${r.url}`).toBe(true);
    const flagged = routes.filter((r) => r.personalData).map((r) => `${r.method} ${r.url}`);
    expect(flagged.sort()).toEqual(Object.keys(SCENARIOS).sort());
  });

  it('each area declares scenarios for its own routes only, each route once', () => {
    const declared = SCENARIOS_BY_AREA.flatMap(([, s]) => Object.keys(s));
    expect(declared.length).toBe(new Set(declared).size);
    for (const [area, scenarios] of SCENARIOS_BY_AREA) {
      const own = new Set(
        (MODULES.find((m) => m.name === area)!.contracts ?? []).flatMap((c) =>
          Object.values(c).map((ep) => `${ep.method} ${ep.path}`),
        ),
      );
      for (const key of Object.keys(scenarios)) expect(own, `${area}: ${key}`).toContain(key);
    }
  });

  it.each(Object.entries(SCENARIOS))('%s writes its audit row', async (_key, s) => {
    const payload = typeof s.payload === 'function' ? await s.payload() : s.payload;
    const [{ max }] = (await t.ctx.db
      .select({ max: sql<number>`coalesce(max(${auditLog.id}), 0)` })
      .from(auditLog)) as [{ max: number }];
    const res = await t.app.inject({
      method: s.method,
      url: s.url(),
      headers: {
        ...(s.role === 'anonymous' ? {} : { cookie: cookies[s.role]! }),
        ...(s.headers ?? {}),
      },
      ...(payload ? { payload } : {}),
    });
    expect(res.statusCode, res.body).toBeLessThan(300);
    const rows = await t.ctx.db
      .select()
      .from(auditLog)
      .where(gt(auditLog.id, Number(max)));
    expect(rows).toHaveLength(1);
    const row = rows[0]!;
    const created =
      s.action === 'citizen.create' ? res.json<{ id: string }>().id : fixture.citizenId;
    expect(row).toMatchObject({
      action: s.action,
      purpose: s.purpose,
      actorRole: s.role === 'anonymous' ? 'citizen' : s.role,
      actorId: actorIds[s.role] ?? null,
      citizenId: s.namesCitizen ? created : null,
    });
    expect(row.at).toBeInstanceOf(Date);
  });

  it('a failed audit write undoes the change it describes (same transaction)', async () => {
    await t.ctx.db.execute(sql`
      create function audit_fail() returns trigger language plpgsql as $$
      begin raise exception 'audit unavailable'; end $$`);
    await t.ctx.db.execute(
      sql`create trigger audit_fail before insert on audit_log for each row execute function audit_fail()`,
    );
    try {
      const res = await t.app.inject({
        method: 'PATCH',
        url: `/api/citizens/${fixture.citizenId}`,
        headers: { cookie: cookies.caseworker! },
        payload: { city: 'Ikke-gemt' },
      });
      expect(res.statusCode).toBe(500);
      const [row] = await t.ctx.db
        .select()
        .from(citizens)
        .where(and(eq(citizens.id, fixture.citizenId)));
      expect(row!.city).not.toBe('Ikke-gemt');
    } finally {
      await t.ctx.db.execute(sql`drop trigger audit_fail on audit_log`);
      await t.ctx.db.execute(sql`drop function audit_fail()`);
    }
  });
});
