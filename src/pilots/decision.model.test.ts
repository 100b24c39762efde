import { describe, expect, it } from 'vitest';
import { efficacyBoundaries, sizeForProportions } from '../evaluation';
import { mulberry32 } from '../platform/random';
import {
  decide,
  fullRule,
  informationFraction,
  lookDecision,
  lookPlan,
  plannedSize,
  sequentialVerdict,
  type FullRule,
} from './decision.model';

const rule: FullRule = fullRule({
  outcomeWeeks: 26,
  minimumEffect: 5,
  method: 'lottery',
  stretchWeeks: 4,
});
const n = { treated: 60, control: 60 };

describe('the three verdicts', () => {
  it('is too early before everyone is followed to the horizon', () => {
    expect(decide(rule, { estimate: 20, se: 5 }, 20, n).verdict).toBe('too_early');
    expect(decide(rule, null, 30, n).verdict).toBe('too_early');
  });

  it('continues a shown effect worth keeping, closes a ruled-out one, and says when neither', () => {
    expect(decide(rule, { estimate: 12, se: 4 }, 30, n)).toMatchObject({
      verdict: 'continue',
      settle: null,
    });
    // Excludes zero but below the minimum, and the minimum is ruled out: close.
    expect(decide(rule, { estimate: 2, se: 1 }, 30, n).verdict).toBe('close');
    // The demo's Azure pilot: 9.3 (−1.3 to 19.9) against 5 is not decided, never closed.
    const azure = decide(rule, { estimate: 9.3, se: 21.2 / 3.92 }, 30, n);
    expect(azure.verdict).toBe('not_yet_decided');
    expect(azure.interval![0]).toBeCloseTo(-1.3, 1);
    expect(azure.interval![1]).toBeCloseTo(19.9, 1);
    // If 9.3 held, an SE of 9.3/1.96 would show it: (5.41/4.745)² ≈ 1.30 times the people.
    expect(azure.settle).toEqual({ towards: 'continue', participants: 18, controls: 18 });
    // Below the minimum but not ruled out: what would rule it out.
    const small = decide(rule, { estimate: 2, se: 3 }, 30, n);
    expect(small.verdict).toBe('not_yet_decided');
    expect(small.settle?.towards).toBe('close');
  });

  it('follows the rule’s significance level and sides', () => {
    const e = { estimate: 6, se: 3.3 };
    // z = 1.82: not shown two-sided at 5 %, shown one-sided at 5 % (1.645).
    expect(decide(rule, e, 30, n).verdict).toBe('not_yet_decided');
    expect(decide({ ...rule, sides: 1 }, e, 30, n).verdict).toBe('continue');
    expect(decide({ ...rule, alpha: 0.1 }, e, 30, n).verdict).toBe('continue');
  });
});

describe('the size a rule needs', () => {
  it('is power.prop.test’s n, rounded up, and warns when the places cannot reach it', () => {
    const r = { ...rule, minimumEffect: 25 };
    const s = plannedSize(r, 50, 60);
    expect(s.participants).toBe(Math.ceil(sizeForProportions({ p1: 0.5, p2: 0.75 })));
    expect(s.reachable).toBe(true);
    expect(plannedSize({ ...r, power: 0.9 }, 50, 60)).toMatchObject({
      perArm: 77,
      reachable: false,
    });
  });

  it('grows a little with planned looks', () => {
    const fixed = plannedSize(rule, 30, 1000).perArm;
    const obf = plannedSize({ ...rule, looks: [0.5, 1] }, 30, 1000).perArm;
    const pocock = plannedSize({ ...rule, looks: [0.5, 1], spending: 'pocock' }, 30, 1000).perArm;
    expect(obf).toBeGreaterThan(fixed);
    expect(obf).toBeLessThan(fixed * 1.05);
    expect(pocock).toBeGreaterThan(obf);
  });
});

describe('planned looks', () => {
  const planned: FullRule = {
    ...rule,
    minimumEffect: 10,
    looks: [0.5, 1],
    plannedSize: { participants: 400, controls: 400, expectedRate: 30 },
  };
  const seAt = (people: number) => 100 * Math.sqrt((0.3 * 0.7) / people + (0.4 * 0.6) / people);

  it('measures information against the planned size', () => {
    expect(informationFraction(planned, seAt(400))).toBeCloseTo(1, 6);
    expect(informationFraction(planned, seAt(200))).toBeCloseTo(0.5, 6);
    expect(informationFraction(rule, 3)).toBeNull();
  });

  it('is not due between looks (an unplanned look decides nothing), due once reached', () => {
    const early = lookPlan(planned, [], { estimate: 20, se: seAt(150) }, false);
    expect(early.due).toBeNull();
    const at = lookPlan(planned, [], { estimate: 20, se: seAt(210) }, false);
    expect(at.due).toMatchObject({ look: 1, final: false });
    // The boundary at the fraction reached, by O'Brien–Fleming-type spending.
    expect(at.due!.boundary).toBeCloseTo(
      efficacyBoundaries([at.fraction!], { alpha: 0.025 }).z[0]!,
      8,
    );
  });

  it('stops for a clear effect, for futility (non-binding), or goes on', () => {
    const b = 2.96;
    expect(lookDecision(planned, { estimate: 20, se: 5 }, b, false)).toBe('stop_efficacy');
    expect(lookDecision(planned, { estimate: -2, se: 4 }, b, false)).toBe('stop_futility');
    expect(lookDecision(planned, { estimate: 8, se: 5 }, b, false)).toBe('go_on');
    expect(lookDecision(planned, { estimate: 8, se: 5 }, b, true)).toBe('final');
    const record = { look: 1, fraction: 0.5, boundary: b, z: 4, estimate: 20, se: 5 };
    expect(sequentialVerdict([{ ...record, decision: 'stop_efficacy' }], planned)).toBe('continue');
    expect(sequentialVerdict([{ ...record, decision: 'go_on' }], planned)).toBeNull();
    // After a stop nothing more is due.
    const after = lookPlan(
      planned,
      [{ ...record, decision: 'stop_efficacy' }],
      { estimate: 20, se: seAt(400) },
      true,
    );
    expect(after.due).toBeNull();
    expect(after.stopped?.decision).toBe('stop_efficacy');
  });
});

/** People exiting by the horizon in an arm, from a seeded generator. */
function binomial(rand: () => number, people: number, p: number): number {
  let k = 0;
  for (let i = 0; i < people; i++) if (rand() < p) k++;
  return k;
}

/** Difference in pp and its SE from counts. */
function effectOf(kt: number, nt: number, kc: number, nc: number) {
  const pt = kt / nt;
  const pc = kc / nc;
  return {
    estimate: (pt - pc) * 100,
    se: 100 * Math.sqrt((pt * (1 - pt)) / nt + (pc * (1 - pc)) / nc),
  };
}

describe('the procedures keep their promises (seeded simulation)', () => {
  const SIMS = 10_000;
  const mcError = (p: number) => 3 * Math.sqrt((p * (1 - p)) / SIMS);

  it('five planned looks without a true effect cross a boundary at most 2.5 % of the time', () => {
    const rand = mulberry32(20261201);
    const looks = [0.2, 0.4, 0.6, 0.8, 1];
    const { z: bounds } = efficacyBoundaries(looks, { alpha: 0.025 });
    const perArm = 400;
    let crossed = 0;
    for (let s = 0; s < SIMS; s++) {
      let kt = 0;
      let kc = 0;
      let done = 0;
      for (let k = 0; k < looks.length; k++) {
        const upTo = Math.round(looks[k]! * perArm);
        kt += binomial(rand, upTo - done, 0.3);
        kc += binomial(rand, upTo - done, 0.3);
        done = upTo;
        const e = effectOf(kt, upTo, kc, upTo);
        if (e.se > 0 && e.estimate / e.se >= bounds[k]!) {
          crossed++;
          break;
        }
      }
    }
    expect(Math.abs(crossed / SIMS - 0.025)).toBeLessThan(mcError(0.025));
  });

  it('at the minimum effect and the planned size, the power is near the planned 80 %, and close is rare', () => {
    const rand = mulberry32(7);
    const r: FullRule = { ...rule, minimumEffect: 10 };
    const size = plannedSize(r, 30, 10_000);
    let shown = 0;
    let closed = 0;
    for (let s = 0; s < SIMS; s++) {
      const e = effectOf(
        binomial(rand, size.participants, 0.4),
        size.participants,
        binomial(rand, size.controls, 0.3),
        size.controls,
      );
      const d = decide(r, e, 52, { treated: size.participants, control: size.controls });
      // Shown: the interval excludes zero (the power's event; the estimate may fall short of 10).
      if (d.interval![0] > 0) shown++;
      if (d.verdict === 'close') closed++;
    }
    expect(Math.abs(shown / SIMS - 0.8)).toBeLessThan(mcError(0.8) + 0.01);
    // Close needs the upper end below the true effect: at most α/2 of the time.
    expect(closed / SIMS).toBeLessThan(0.025 + mcError(0.025));
  });
});
