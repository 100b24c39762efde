import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq, isNotNull } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../platform/testing/test-app';
import { seedDemo } from './seed-demo';
import { DEMO_PASSWORD, LAST_NAMES } from './demo-data';
import { citizens } from '../people/people.schema';
import { sites, users } from '../organisation/organisation.schema';
import { parseCpr } from '../people';
import { ROLES } from '../platform/auth/roles';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await seedDemo(t.ctx.db, t.ctx.cipher);
});
afterAll(async () => t.close());

describe('Copenhagen demo', () => {
  it('has the two workshop sites', async () => {
    const rows = await t.ctx.db.select().from(sites);
    expect(rows.map((s) => s.name).sort()).toEqual([
      'Jobcenter København, Gammel Køge Landevej',
      'Jobcenter København, Lærkevej',
    ]);
    expect(rows.every((s) => s.hasWorkshop)).toBe(true);
  });

  it.each(ROLES)('%s@demo.digiloft.dk logs in with the demo password', async (role) => {
    const cookie = await t.login(`${role}@demo.digiloft.dk`, DEMO_PASSWORD);
    const res = await t.app.inject({ url: '/api/auth/session', headers: { cookie } });
    expect(res.json().user.roles).toContain(role);
  });

  it('has 200 fictitious citizens spread over the caseworkers’ caseloads', async () => {
    const rows = await t.ctx.db.select().from(citizens);
    expect(rows).toHaveLength(200);
    for (const r of rows) {
      const digits = t.ctx.cipher.decrypt(r.cprCipher);
      // Day + 60: outside what the CPR register issues, so never a real person's number.
      expect(Number(digits.slice(0, 2))).toBeGreaterThan(60);
      expect(parseCpr(digits, { allowFictitious: true }).ok).toBe(true);
      expect(parseCpr(digits).ok).toBe(false);
      expect(LAST_NAMES).toContain(r.lastName);
    }
    const perCaseworker = await t.ctx.db
      .select({ cw: citizens.caseworkerId, n: count() })
      .from(citizens)
      .groupBy(citizens.caseworkerId);
    expect(perCaseworker).toHaveLength(3);
    for (const p of perCaseworker) expect(p.n).toBeGreaterThan(50);
    const flagged = rows.filter((r) => r.digitallyVulnerable);
    expect(flagged.length).toBeGreaterThan(20);
    expect(flagged.every((r) => r.vulnerableReason)).toBe(true);
  });

  it('links the demo citizen login to a record on the demo caseworker’s caseload', async () => {
    const cookie = await t.login('caseworker@demo.digiloft.dk', DEMO_PASSWORD);
    const res = await t.app.inject({
      url: '/api/citizens?q=Borger%20Demosen',
      headers: { cookie },
    });
    expect(res.json()).toHaveLength(1);
    const linked = await t.ctx.db.select().from(citizens).where(isNotNull(citizens.userId));
    expect(linked).toHaveLength(1);
    const [u] = await t.ctx.db.select().from(users).where(eq(users.id, linked[0]!.userId!));
    expect(u!.email).toBe('citizen@demo.digiloft.dk');
  });

  it('is idempotent', async () => {
    expect(await seedDemo(t.ctx.db, t.ctx.cipher)).toEqual({
      created: false,
      users: 0,
      citizens: 0,
    });
    expect(await t.ctx.db.select().from(citizens)).toHaveLength(200);
  });
});
