import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../platform/random';
import {
  AREAS,
  CONTINUED_CAT,
  DEFAULT_CAT,
  classify,
  posterior,
  predictDecision,
  remainingInformation,
  selectNext,
  shouldStop,
  startState,
  update,
  type BankItem,
} from './cat.model';
import { simulate } from './simulate';
import { information } from '../irt';

function syntheticBank(n: number, seed = 3): BankItem[] {
  const rand = mulberry32(seed);
  return Array.from({ length: n }, (_, i) => {
    const a = 0.8 + rand() * 1.4;
    const b = -2.5 + rand() * 5;
    return { id: `i${i}`, area: AREAS[i % 5]!, model: { kind: '2pl', a, d: -a * b }, scored: true };
  });
}

const cuts = { foundation: -0.5, jobGoal: 0.7 };

describe('triage', () => {
  it('classifies against the cut scores', () => {
    expect(classify(-1, cuts)).toBe('foundation');
    expect(classify(0, cuts)).toBe('building_blocks');
    expect(classify(0.7, cuts)).toBe('no_need');
  });

  it('starts at the prior and moves with answers', () => {
    const bank = syntheticBank(20);
    let s = startState();
    const p0 = posterior(s, cuts);
    expect(p0.theta).toBeCloseTo(0, 6);
    expect(p0.groups.foundation + p0.groups.building_blocks + p0.groups.no_need).toBeCloseTo(1, 10);
    for (const item of bank.slice(0, 8)) s = update(s, item, 0);
    const low = posterior(s, cuts);
    expect(low.theta).toBeLessThan(-0.8);
    expect(low.groups.foundation).toBeGreaterThan(0.8);
    expect(low.se).toBeLessThan(p0.se);
  });

  it('self-ratings are counted as shown but do not move θ', () => {
    const rating: BankItem = {
      id: 'sr',
      area: '2',
      model: { kind: 'grm', a: 1, d: [1, 0, -1] },
      scored: false,
    };
    const s = update(startState(), rating, 3);
    expect(s.administered).toEqual(['sr']);
    expect(posterior(s, cuts).theta).toBeCloseTo(0, 6);
  });
});

describe('item selection', () => {
  const bank = syntheticBank(300);

  it('never repeats an item and balances the five areas', () => {
    const rand = mulberry32(9);
    let s = startState();
    for (let i = 0; i < 20; i++) {
      const next = selectNext(bank, s, posterior(s, cuts).theta, DEFAULT_CAT, rand)!;
      expect(s.administered).not.toContain(next.id);
      s = update(s, next, i % 2);
    }
    expect(Object.values(s.areaCounts)).toEqual([4, 4, 4, 4, 4]);
  });

  it('picks among the most informative items at θ', () => {
    const rand = mulberry32(1);
    const s = startState();
    const chosen = selectNext(bank, s, 2, { ...DEFAULT_CAT, randomesque: 1 }, rand)!;
    const sameArea = bank.filter((i) => i.area === chosen.area && i.model.kind === '2pl');
    const info = (i: BankItem) => {
      const m = i.model as { a: number; d: number };
      const p = 1 / (1 + Math.exp(-(m.a * 2 + m.d)));
      return m.a * m.a * p * (1 - p);
    };
    expect(info(chosen)).toBeCloseTo(Math.max(...sameArea.map(info)), 10);
  });

  it('spreads exposure with randomesque selection', () => {
    const firsts = new Set<string>();
    for (let seed = 0; seed < 40; seed++)
      firsts.add(selectNext(bank, startState(), 0, DEFAULT_CAT, mulberry32(seed))!.id);
    expect(firsts.size).toBeGreaterThan(2);
  });

  it('stops when confident, at the maximum length, or when the bank is used up', () => {
    const p = {
      group: 'foundation' as const,
      probability: 0.99,
      groups: { foundation: 0.99, building_blocks: 0.01, no_need: 0 },
    };
    const s = { ...startState(), administered: Array.from({ length: 6 }, (_, i) => `x${i}`) };
    expect(shouldStop(s, p, DEFAULT_CAT, 10)).toBe('confident');
    expect(shouldStop({ ...s, administered: ['a'] }, p, DEFAULT_CAT, 10)).toBeNull();
    const unsure = {
      ...p,
      probability: 0.5,
      groups: { foundation: 0.5, building_blocks: 0.5, no_need: 0 },
    };
    expect(
      shouldStop(
        { ...s, administered: Array.from({ length: DEFAULT_CAT.maxItems }, String) },
        unsure,
        DEFAULT_CAT,
        10,
      ),
    ).toBe('max_items');
    expect(shouldStop(s, unsure, DEFAULT_CAT, 0)).toBe('bank_exhausted');
  });
});

describe('predicted whole-bank decision', () => {
  const p = { theta: -0.3, se: 0.4, groups: { foundation: 0, building_blocks: 1, no_need: 0 } };

  it('is certain when nothing is left in the bank', () => {
    const d = predictDecision(p, 0, cuts);
    expect(d).toMatchObject({ group: 'building_blocks', probability: 1 });
    expect(predictDecision({ ...p, theta: 0.8 }, 0, cuts).group).toBe('no_need');
  });

  it('grows less sure the more the rest of the bank could still change', () => {
    const little = predictDecision(p, 2, cuts);
    const much = predictDecision(p, 200, cuts);
    expect(little.group).toBe('building_blocks');
    expect(little.probability).toBeGreaterThan(much.probability);
    const sum = much.groups.foundation + much.groups.building_blocks + much.groups.no_need;
    expect(sum).toBeCloseTo(1, 6);
    // With the rest of the bank far larger than what is known, the prediction tends to the
    // posterior itself: P(θ < −0.5) for N(−0.3, 0.4²) = Φ(−0.5) ≈ 0.3085.
    expect(predictDecision(p, 1e9, cuts).groups.foundation).toBeCloseTo(0.3085, 3);
  });

  it('counts only scored items not given yet', () => {
    const bank = syntheticBank(10);
    const all = remainingInformation(bank, startState(), 0);
    const s = update(startState(), bank[0]!, 1);
    expect(remainingInformation(bank, s, 0)).toBeCloseTo(all - information(bank[0]!.model, 0), 10);
  });
});

describe('simulation', () => {
  it('the adaptive test agrees with the full bank using far fewer items', () => {
    const r = simulate(syntheticBank(200), cuts, {
      respondents: 300,
      seed: 5,
      settings: CONTINUED_CAT,
    });
    expect(r.agreement).toBeGreaterThan(0.9);
    expect(r.mean_items).toBeLessThan(r.fixed_form_items);
    expect(r.fixed_form_agreement).toBeGreaterThanOrEqual(r.agreement);
  });

  it('counts the tests that stop undecided at the cap; those that stop decided agree more', () => {
    const capped = simulate(syntheticBank(200), cuts, { respondents: 300, seed: 5 });
    const on = simulate(syntheticBank(200), cuts, {
      respondents: 300,
      seed: 5,
      settings: CONTINUED_CAT,
    });
    expect(capped.p90_items).toBeLessThanOrEqual(DEFAULT_CAT.maxItems);
    expect(capped.stopped_at_cap).toBeGreaterThan(on.stopped_at_cap);
    expect(capped.confident_agreement).toBeGreaterThan(capped.agreement);
    // Going on past the cap is what brings the undecided to the whole bank's answer.
    expect(on.agreement).toBeGreaterThan(capped.agreement);
  });

  it('times the tests: a minute an item makes minutes equal the items', () => {
    const bank = syntheticBank(200);
    const plain = simulate(bank, cuts, { respondents: 200, seed: 8 });
    const timed = simulate(bank, cuts, {
      respondents: 200,
      seed: 8,
      seconds: { item: () => 60, fixed: 0 },
    });
    // The same citizens and the same tests: timing changes nothing else.
    expect(timed.mean_items).toBe(plain.mean_items);
    expect(timed.median_minutes).toBe(plain.median_items);
    expect(timed.p90_minutes).toBe(plain.p90_items);
    expect(plain.within_15_minutes).toBeUndefined();
    // Half a minute for the start puts the tests of exactly 15 items over the limit.
    const start = simulate(bank, cuts, {
      respondents: 200,
      seed: 8,
      seconds: { item: () => 60, fixed: 30 },
    });
    expect(start.within_15_minutes!).toBeLessThan(timed.within_15_minutes!);
    expect(timed.within_15_minutes!).toBeGreaterThan(0);
  });
});
