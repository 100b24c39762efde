// The pre-registered decision, honest about what the data can say: the size a pilot needs,
// three verdicts (continue, close, not yet decided — plus too early), what would settle an open
// question, and planned interim looks with Lan–DeMets alpha spending. Pure; no I/O.
import jStat from 'jstat';
import { efficacyBoundaries, sizeForProportions, type Spending } from '../evaluation';
import type { DecisionRule } from './pilots.model';
import type { LookDecision, Subgroup, Verdict } from './pilots.constants';

/** A rule with every choice made: rules registered before a choice existed get its default. */
export interface FullRule extends DecisionRule {
  alpha: number;
  sides: 1 | 2;
  power: number;
  expectedRate: number | null;
  plannedSize: { participants: number; controls: number; expectedRate: number } | null;
  looks: number[];
  spending: Spending;
  subgroups: Subgroup[];
}

export function fullRule(r: DecisionRule): FullRule {
  return {
    ...r,
    alpha: r.alpha ?? 0.05,
    sides: r.sides ?? 2,
    power: r.power ?? 0.8,
    expectedRate: r.expectedRate ?? null,
    plannedSize: r.plannedSize ?? null,
    looks: r.looks ?? [],
    spending: r.spending ?? 'obf',
    subgroups: r.subgroups ?? [],
  };
}

const zOf = (p: number) => jStat.normal.inv(p, 0, 1);

/** The critical value of the rule's intervals (1 − α/2 two-sided, 1 − α one-sided). */
export const criticalZ = (r: Pick<FullRule, 'alpha' | 'sides'>) => zOf(1 - r.alpha / r.sides);

/** The one-sided alpha the efficacy boundaries spend. */
export const oneSidedAlpha = (r: Pick<FullRule, 'alpha' | 'sides'>) => r.alpha / r.sides;

export interface PlannedSize {
  /** Expected rate without the pilot and with the minimum effect, as proportions. */
  p1: number;
  p2: number;
  perArm: number;
  participants: number;
  /** Lottery controls; with matching, comparisons drawn from the register. */
  controls: number;
  /** Whether the places the pilot plans can reach the participants needed. */
  reachable: boolean;
}

/**
 * People needed to detect the minimum effect with the rule's power and significance, from the
 * expected exit rate (%). Planned looks cost a little size: the final boundary is above the
 * fixed design's, so the size is inflated by the ratio of the squared critical values
 * plus the power quantile (a close, conservative approximation for alpha-spending designs).
 */
export function plannedSize(
  rule: FullRule,
  expectedRatePct: number,
  capacity: number,
): PlannedSize {
  const p1 = Math.min(Math.max(expectedRatePct / 100, 0.001), 0.999);
  const p2 = Math.min(p1 + rule.minimumEffect / 100, 0.999);
  if (p2 <= p1)
    return {
      p1,
      p2,
      perArm: Infinity,
      participants: Infinity,
      controls: Infinity,
      reachable: false,
    };
  let perArm = sizeForProportions({
    p1,
    p2,
    alpha: rule.alpha,
    sides: rule.sides,
    power: rule.power,
  });
  if (rule.looks.length > 1) {
    const zFixed = zOf(1 - oneSidedAlpha(rule));
    const zFinal = efficacyBoundaries(rule.looks, {
      alpha: oneSidedAlpha(rule),
      spending: rule.spending,
    }).z.at(-1)!;
    const zb = zOf(rule.power);
    perArm *= ((zFinal + zb) / (zFixed + zb)) ** 2;
  }
  const n = Math.ceil(perArm - 1e-9);
  return { p1, p2, perArm: n, participants: n, controls: n, reachable: capacity >= n };
}

export interface Effect {
  /** Percentage points, participants minus comparison. */
  estimate: number;
  se: number;
}

export interface Decision {
  verdict: Verdict;
  /** The interval at the rule's level (one-sided rules: both one-sided bounds). */
  interval: [number, number] | null;
  /** For "not yet decided": how many more people (if the estimate holds) would settle it. */
  settle: { towards: 'continue' | 'close'; participants: number; controls: number } | null;
}

/**
 * Continue when the effect is shown (the interval excludes zero and the estimate reaches the
 * minimum); close when the minimum worthwhile effect is ruled out (the upper end is below it);
 * otherwise not yet decided, with the size that would settle it if the estimate held. Too early
 * while not everyone is followed to the horizon.
 */
export function decide(
  rule: FullRule,
  effect: Effect | null,
  followUpWeeks: number,
  n: { treated: number; control: number },
): Decision {
  if (!effect || followUpWeeks < rule.outcomeWeeks)
    return { verdict: 'too_early', interval: null, settle: null };
  const z = criticalZ(rule);
  const interval: [number, number] = [
    effect.estimate - z * effect.se,
    effect.estimate + z * effect.se,
  ];
  if (interval[0] > 0 && effect.estimate >= rule.minimumEffect)
    return { verdict: 'continue', interval, settle: null };
  if (interval[1] < rule.minimumEffect) return { verdict: 'close', interval, settle: null };
  return { verdict: 'not_yet_decided', interval, settle: settleBy(rule, effect, n) };
}

/** The nearer decision if the estimate held: the SE that would reach it, and the size for it. */
function settleBy(rule: FullRule, e: Effect, n: { treated: number; control: number }) {
  const z = criticalZ(rule);
  const towards: 'continue' | 'close' = e.estimate >= rule.minimumEffect ? 'continue' : 'close';
  const room = towards === 'continue' ? e.estimate : rule.minimumEffect - e.estimate;
  if (!(room > 0) || !(e.se > 0)) return null;
  const factor = (e.se / (room / z)) ** 2;
  return {
    towards,
    participants: Math.max(1, Math.ceil(n.treated * (factor - 1))),
    controls: Math.max(1, Math.ceil(n.control * (factor - 1))),
  };
}

/** The information an estimate holds relative to the planned size's (1/SE² over 1/SE²). */
export function informationFraction(rule: FullRule, se: number): number | null {
  const size = rule.plannedSize;
  if (!size || !(se > 0)) return null;
  const p1 = size.expectedRate / 100;
  const p2 = Math.min(p1 + rule.minimumEffect / 100, 0.999);
  const planned =
    100 * Math.sqrt((p1 * (1 - p1)) / size.controls + (p2 * (1 - p2)) / size.participants);
  return (planned / se) ** 2;
}

export interface LookRecord {
  look: number;
  fraction: number;
  boundary: number;
  z: number;
  estimate: number;
  se: number;
  decision: LookDecision;
}

export interface LookPlan {
  /** Each planned look: fraction, and the record if it was taken. */
  planned: { look: number; fraction: number; record: LookRecord | null }[];
  /** Information now (null without a planned size). */
  fraction: number | null;
  /** The next look, when its information has been reached (or the follow-up is complete). */
  due: { look: number; fraction: number; boundary: number; final: boolean } | null;
  /** A stop at a look ends the sequence. */
  stopped: LookRecord | null;
}

/**
 * Where a pilot with planned looks stands. Boundaries come from the fractions actually reached
 * at earlier looks (Lan–DeMets: the spending function, not the plan, fixes the error rate); the
 * last look spends all that is left.
 */
export function lookPlan(
  rule: FullRule,
  taken: LookRecord[],
  effect: Effect | null,
  followUpComplete: boolean,
): LookPlan {
  const fraction = effect ? informationFraction(rule, effect.se) : null;
  const stopped = taken.find((l) => l.decision !== 'go_on') ?? null;
  const planned = rule.looks.map((f, k) => ({
    look: k + 1,
    fraction: f,
    record: taken.find((l) => l.look === k + 1) ?? null,
  }));
  let due: LookPlan['due'] = null;
  const open = planned.filter((p) => !p.record);
  // With all the data in, the last look is due even if an interim one was never reached; an
  // interim look passed over is skipped (the spending function fixes the error, not the plan).
  const next =
    fraction === null
      ? undefined
      : followUpComplete || fraction >= 1
        ? open.at(-1)
        : open.filter((p) => p.look < planned.length && fraction >= p.fraction).at(-1);
  if (!stopped && next && fraction !== null) {
    const final = next.look === planned.length;
    const t = final ? 1 : Math.min(fraction, 0.999);
    const b = efficacyBoundaries([...taken.map((l) => l.fraction), t], {
      alpha: oneSidedAlpha(rule),
      spending: rule.spending,
    });
    due = { look: next.look, fraction: t, boundary: b.z.at(-1)!, final };
  }
  return { planned, fraction, due, stopped };
}

/**
 * A planned look's decision: stop for efficacy when the statistic crosses the boundary and the
 * estimate reaches the minimum; stop for futility (non-binding: the boundaries ignore it) when
 * the minimum is ruled out; else go on. At the last look, the three verdicts decide.
 */
export function lookDecision(
  rule: FullRule,
  effect: Effect,
  boundary: number,
  final: boolean,
): LookDecision {
  const z = effect.estimate / effect.se;
  if (z >= boundary && effect.estimate >= rule.minimumEffect) return 'stop_efficacy';
  if (effect.estimate + criticalZ(rule) * effect.se < rule.minimumEffect) return 'stop_futility';
  return final ? 'final' : 'go_on';
}

/** The verdict a sequence of looks has reached, if any. */
export function sequentialVerdict(taken: LookRecord[], rule: FullRule): Verdict | null {
  const last = taken.at(-1);
  if (!last) return null;
  if (last.decision === 'stop_efficacy') return 'continue';
  if (last.decision === 'stop_futility') return 'close';
  if (last.decision === 'final') {
    const upper = last.estimate + criticalZ(rule) * last.se;
    return upper < rule.minimumEffect ? 'close' : 'not_yet_decided';
  }
  return null;
}
