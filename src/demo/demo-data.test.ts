import { describe, expect, it } from 'vitest';
import { demoGroups, fictitiousCpr, prng, uniqueFictitiousCprs } from './demo-data';

describe('fictitious CPR numbers', () => {
  it('repeat when drawn freely at a municipality’s size (why the unique generator exists)', () => {
    const rand = prng(20200101);
    const seen = new Set<string>();
    let repeats = 0;
    for (let i = 0; i < 100_000; i++) {
      const cpr = fictitiousCpr(rand, i);
      if (seen.has(cpr)) repeats++;
      seen.add(cpr);
    }
    expect(repeats).toBeGreaterThan(0);
  });

  it('never repeat from the unique generator, and stay fictitious (day + 60) and well formed', () => {
    const next = uniqueFictitiousCprs(prng(20200101));
    const seen = new Set<string>();
    for (let i = 0; i < 100_000; i++) {
      const cpr = next(i);
      expect(seen.has(cpr)).toBe(false);
      seen.add(cpr);
      if (i % 997 === 0) {
        expect(cpr).toMatch(/^\d{6}-\d{4}$/);
        expect(Number(cpr.slice(0, 2))).toBeGreaterThan(60);
      }
    }
  });

  it('draw the same numbers as before where nothing repeats (the demo’s people do not change)', () => {
    const free = prng(7);
    const unique = uniqueFictitiousCprs(prng(7));
    for (let i = 0; i < 800; i++) expect(unique(i)).toBe(fictitiousCpr(free, i));
  });
});

describe('demo groups', () => {
  it('add up to the number asked for: half the Azure cohort, a quarter the traineeship', () => {
    expect(demoGroups(800)).toEqual({ general: 200, cohort: 400, earlyStop: 200 });
    expect(demoGroups(100_000)).toEqual({ general: 25_000, cohort: 50_000, earlyStop: 25_000 });
    for (const n of [20, 21, 22, 23, 2000, 99_999]) {
      const g = demoGroups(n);
      expect(g.general + g.cohort + g.earlyStop).toBe(n);
    }
  });
});
