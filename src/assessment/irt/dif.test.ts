import { describe, expect, it } from 'vitest';
import { mulberry32, normal } from '../../platform/random';
import { p2pl } from './irt.model';
import { eap } from './score';
import { etsClass, mantelHaenszel, thetaStratum, type DifRecord } from './dif';

/**
 * Simulated 2PL answers: the focal group is less able on average (impact, not DIF); one item is
 * planted harder for the focal group by `shift` logits at the same ability.
 */
function simulate(
  seed: number,
  opts: { perGroup: number; items: number; planted: number; shift: number },
) {
  const rand = mulberry32(seed);
  const bank = Array.from({ length: opts.items }, (_, i) => ({
    a: 0.8 + (i % 5) * 0.25,
    d: -1.5 + (3 * i) / (opts.items - 1),
  }));
  const records: DifRecord[] = [];
  for (const group of ['reference', 'focal'] as const)
    for (let n = 0; n < opts.perGroup; n++) {
      const theta = normal(rand) + (group === 'focal' ? -0.5 : 0);
      records.push({
        group,
        answers: bank.map((item, i) => {
          const d = group === 'focal' && i === opts.planted ? item.d - opts.shift : item.d;
          return rand() < p2pl({ a: item.a, d }, theta) ? 1 : 0;
        }),
      });
    }
  return records;
}

describe('Mantel–Haenszel DIF with the ETS classes', () => {
  it('finds the planted item as C and flags the fair items no more than chance would', () => {
    const flaggedFair: number[] = [];
    for (const seed of [1, 2, 3, 4, 5]) {
      const results = mantelHaenszel(
        simulate(seed, { perGroup: 1500, items: 20, planted: 7, shift: 1.2 }),
        20,
      );
      const planted = results[7]!;
      expect(planted.etsClass).toBe('C');
      // A harder item for the focal group: the odds favour the reference group, D-DIF negative.
      expect(planted.alpha!).toBeGreaterThan(1);
      expect(planted.deltaDif!).toBeLessThan(-1.5);
      const fair = results.filter((r) => r.item !== 7);
      expect(fair.every((r) => r.etsClass !== 'C')).toBe(true);
      flaggedFair.push(fair.filter((r) => r.etsClass === 'B').length);
    }
    // B needs p < .05 and |D| ≥ 1: among 5 × 19 fair items, at most the 5 % a test at .05 allows.
    expect(flaggedFair.reduce((s, n) => s + n, 0)).toBeLessThanOrEqual(Math.ceil(0.05 * 5 * 19));
  });

  it('finds nothing when no item is planted, despite the groups differing in ability', () => {
    const results = mantelHaenszel(
      simulate(9, { perGroup: 1500, items: 20, planted: -1, shift: 0 }),
      20,
    );
    expect(results.filter((r) => r.etsClass === 'C')).toEqual([]);
    // Without matching, the focal group's lower ability would look like DIF on every item.
    for (const r of results) expect(Math.abs(r.deltaDif!)).toBeLessThan(1);
  });

  it('finds the planted item in adaptive tests, matched on the ability estimate', () => {
    // Each citizen answers the 12 items nearest their ability (as the adaptive test picks), so
    // no two answer the same set and a rest score compares nothing; the ability estimate does.
    const items = 40;
    const bank = Array.from({ length: items }, (_, i) => ({
      kind: '2pl' as const,
      a: 0.9 + (i % 4) * 0.3,
      d: -(-2.5 + (5 * i) / (items - 1)) * (0.9 + (i % 4) * 0.3),
    }));
    const planted = 20;
    let found = 0;
    let fairC = 0;
    for (const seed of [11, 12, 13]) {
      const rand = mulberry32(seed);
      const records: DifRecord[] = [];
      for (const group of ['reference', 'focal'] as const)
        for (let n = 0; n < 2500; n++) {
          const theta = normal(rand) + (group === 'focal' ? -0.5 : 0);
          const near = bank
            .map((it, i) => ({ i, gap: Math.abs(-it.d / it.a - theta) + rand() * 0.8 }))
            .sort((x, y) => x.gap - y.gap)
            .slice(0, 12)
            .map((x) => x.i);
          const answers: (0 | 1 | null)[] = bank.map(() => null);
          for (const i of near) {
            const d = group === 'focal' && i === planted ? bank[i]!.d - 1.2 : bank[i]!.d;
            answers[i] = rand() < p2pl({ a: bank[i]!.a, d }, theta) ? 1 : 0;
          }
          const estimate = eap(bank, answers).theta;
          records.push({ group, answers, stratum: thetaStratum(estimate) });
        }
      const results = mantelHaenszel(records, items);
      if (results[planted]!.etsClass === 'C') found++;
      fairC += results.filter((r) => r.item !== planted && r.etsClass === 'C').length;
    }
    expect(found).toBe(3);
    expect(fairC).toBe(0);
  });

  it('says nothing about an item too few have answered in a group', () => {
    const records = simulate(3, { perGroup: 60, items: 10, planted: 2, shift: 2 });
    const results = mantelHaenszel(records, 10);
    expect(results.every((r) => r.etsClass === null && r.reference === 60 && r.focal === 60)).toBe(
      true,
    );
    // Unasked items (null) are left out of that item's count only.
    const partly = records.map((r, k) => ({
      ...r,
      answers: r.answers.map((a, i) => (i === 0 && k % 2 ? null : a)),
    }));
    expect(mantelHaenszel(partly, 10, 1)[0]!.reference).toBe(30);
  });

  it('classifies by the ETS rule', () => {
    expect(etsClass(-0.8, 0.1, 0.001)).toBe('A'); // small
    expect(etsClass(-2, 0.8, 0.2)).toBe('A'); // not significant
    expect(etsClass(-1.2, 0.2, 0.001)).toBe('B');
    expect(etsClass(-1.6, 0.5, 0.001)).toBe('B'); // ≥ 1.5 but not significantly above 1
    expect(etsClass(1.8, 0.2, 0.0001)).toBe('C'); // either direction
  });
});
