import { describe, expect, it } from 'vitest';
import { evaluatePilot, type Person } from './evaluate-pilot.model';
import { AZURE_DESIGN, seeded, syntheticWeeks, trueRate } from './synthetic-register';
import type { DecisionRule } from './pilots.model';

const rule: DecisionRule = {
  outcomeWeeks: 26,
  minimumEffect: 5,
  method: 'lottery',
  stretchWeeks: 4,
};

function lotteryStudy(n: number, seed: number): Person[] {
  const rand = seeded(seed);
  return Array.from({ length: n }, (_, i) => {
    const participant = i % 2 === 0;
    return {
      id: `p${i}`,
      arm: participant ? 'participant' : 'control',
      age: 25 + Math.floor(rand() * 30),
      female: rand() < 0.5,
      digitalLevel: null,
      weeks: syntheticWeeks(AZURE_DESIGN, participant, rand),
    };
  });
}

describe('evaluating a pilot against its lottery control group', () => {
  const result = evaluatePilot(rule, AZURE_DESIGN.programmeWeeks, lotteryStudy(3000, 42));

  it('recovers the true effect: rates at 13/26/52 weeks and the difference', () => {
    expect(result.method).toBe('lottery');
    expect(result).toMatchObject({ nTreated: 1500, nControl: 1500 });
    // Exit needs 4 weeks in work, so the exit week is the first of them: the truth is the
    // simple first-week rate. The 95 % interval covers it.
    for (const r of result.rates) {
      const truth =
        (trueRate(AZURE_DESIGN, true, r.weeks) - trueRate(AZURE_DESIGN, false, r.weeks)) * 100;
      expect(r.difference!.ci95[0]).toBeLessThan(truth);
      expect(r.difference!.ci95[1]).toBeGreaterThan(truth);
      expect(r.treated!.ci95[0]).toBeLessThanOrEqual(r.treated!.rate);
    }
  });

  it('shows the lock-in while the programme runs, then a hazard ratio above 1', () => {
    expect(result.lockIn.weeks).toBe(8);
    expect(result.lockIn.difference).toBeLessThan(0);
    expect(result.cox.hr).toBeGreaterThan(1);
    expect(result.logrank.p).toBeLessThan(0.01);
    // Randomised: the groups are alike before the start.
    for (const b of result.balance) expect(Math.abs(b.before)).toBeLessThan(0.1);
  });

  it('continues the pilot by the pre-registered rule', () => {
    expect(result.verdict).toBe('continue');
    const strict = evaluatePilot(
      { ...rule, minimumEffect: 60 },
      AZURE_DESIGN.programmeWeeks,
      lotteryStudy(3000, 42),
    );
    expect(strict.verdict).toBe('close');
  });

  it('is too early before the outcome weeks have passed', () => {
    const short = lotteryStudy(400, 7).map((p) => ({
      ...p,
      weeks: p.weeks.filter((w) => w.offset < 20),
    }));
    expect(evaluatePilot(rule, 8, short).verdict).toBe('too_early');
  });
});

describe('evaluating a pilot without a lottery: propensity-matched comparison', () => {
  it('removes the bias of who took part', () => {
    const rand = seeded(9);
    const people: Person[] = [];
    // Younger people find work faster and were more likely to be picked for the pilot.
    for (let i = 0; i < 4000; i++) {
      const age = 25 + Math.floor(rand() * 35);
      const frailty = age < 40 ? 1.6 : 0.6;
      const participant = i < 600 ? rand() < (age < 40 ? 0.8 : 0.2) : false;
      const arm = i < 600 && participant ? 'participant' : 'pool';
      people.push({
        id: `q${i}`,
        arm,
        age,
        female: rand() < 0.5,
        digitalLevel: rand() < 0.5 ? rand() * 2 - 1 : null,
        weeks: syntheticWeeks(AZURE_DESIGN, arm === 'participant', rand, frailty),
      });
    }
    const result = evaluatePilot({ ...rule, method: 'matching' }, 8, people);
    expect(result.method).toBe('matching');
    const age = result.balance.find((b) => b.covariate === 'age')!;
    expect(Math.abs(age.before)).toBeGreaterThan(0.3);
    expect(Math.abs(age.after!)).toBeLessThan(0.1);
    expect(result.cox.hr).toBeGreaterThan(1.2);
  });
});

describe('small pilots', () => {
  it('reports an unbounded hazard ratio as not estimable instead of infinity', () => {
    // All three participants find work before any control does (monotone likelihood).
    const weeks = (exit: number) =>
      Array.from({ length: 40 }, (_, o) => ({
        offset: o - 4,
        benefit: o - 4 >= exit ? null : 'dagpenge',
        employed: o - 4 >= exit,
      }));
    const people: Person[] = [5, 6, 7, 20, 21, 22].map((exit, i) => ({
      id: `s${i}`,
      arm: i < 3 ? 'participant' : 'control',
      age: 40,
      female: false,
      digitalLevel: null,
      weeks: weeks(exit),
    }));
    const r = evaluatePilot(rule, 6, people);
    expect(r.cox).toEqual({ hr: null, ci95: null, p: null });
    expect(JSON.stringify(r)).not.toMatch(/Infinity|NaN/);
    // 36 weeks of data: the 52-week rate is not there yet; the others are finite.
    expect(r.rates.map((x) => x.difference === null)).toEqual([false, false, true]);
    for (const x of r.rates.slice(0, 2)) expect(Number.isFinite(x.difference!.ci95[1])).toBe(true);
  });
});
