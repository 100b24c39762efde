import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../app/testing/test-app';
import { buildCitizen, buildMunicipality } from '../app/testing/factories';
import { importRegister } from './register-import';
import { registerWeeks } from './pilots.schema';

let t: TestApp;
let m: { id: string };
let citizenId: string;

beforeAll(async () => {
  t = await createTestApp();
  m = await buildMunicipality(t.ctx.db);
  citizenId = (
    await buildCitizen(t.ctx.db, t.ctx.cipher, {
      municipalityId: m.id,
      caseworkerId: null,
      cpr: '010190-1234',
    })
  ).id;
});
afterAll(async () => t.close());

describe('register import', () => {
  it('writes every row of a good file, skips people who are not citizens here', async () => {
    const csv = [
      'cpr,week,benefit,employed,education',
      '0101901234,2026-W01,dagpenge,0,0',
      '010190-1234,2026-W02,,1,0',
      '0202021111,2026-W01,kontanthjaelp,0,0',
    ].join('\n');
    const progress: string[] = [];
    const report = await importRegister(t.ctx.db, t.ctx.cipher, m.id, csv, {
      onProgress: (phase) => progress.push(phase),
    });
    expect(report).toEqual({
      rows: 3,
      imported: 2,
      unknownPeople: 1,
      problems: [],
      problemCount: 0,
    });
    expect(progress).toContain('write');
    const rows = await t.ctx.db
      .select()
      .from(registerWeeks)
      .where(eq(registerWeeks.citizenId, citizenId));
    expect(rows.map((r) => [r.week, r.benefit, r.employed])).toEqual([
      ['2025-12-29', 'dagpenge', false],
      ['2026-01-05', null, true],
    ]);
  });

  it('re-importing a week replaces it', async () => {
    const csv = 'cpr,week,benefit,employed,education\n0101901234,2026-W01,,1,0\n';
    expect((await importRegister(t.ctx.db, t.ctx.cipher, m.id, csv)).imported).toBe(1);
    const [row] = await t.ctx.db
      .select()
      .from(registerWeeks)
      .where(and(eq(registerWeeks.citizenId, citizenId), eq(registerWeeks.week, '2025-12-29')));
    expect(row).toMatchObject({ benefit: null, employed: true });
  });

  it('lists every bad row and writes nothing when one row is wrong', async () => {
    const csv = [
      'cpr,week,benefit,employed,education',
      '0101901234,2026-W10,dagpenge,0,0',
      '12345,2026-W11,dagpenge,0,0',
      '0101901234,2026-11,løn,2,0',
    ].join('\n');
    const report = await importRegister(t.ctx.db, t.ctx.cipher, m.id, csv);
    expect(report.imported).toBe(0);
    expect(report.problemCount).toBe(4);
    expect(report.problems).toEqual([
      { line: 3, column: 'cpr', message: 'cpr_format' },
      { line: 4, column: 'week', message: 'week_format' },
      { line: 4, column: 'benefit', message: 'benefit_unknown' },
      { line: 4, column: 'employed', message: 'not_0_or_1' },
    ]);
    const w10 = await t.ctx.db
      .select()
      .from(registerWeeks)
      .where(eq(registerWeeks.week, '2026-03-02'));
    expect(w10).toEqual([]);
  });

  it('refuses a file without the needed columns', async () => {
    const report = await importRegister(t.ctx.db, t.ctx.cipher, m.id, 'cpr,uge\n1,2\n');
    expect(report.problems[0]).toMatchObject({ line: 1, message: 'missing_columns' });
    expect(report.imported).toBe(0);
  });
});
