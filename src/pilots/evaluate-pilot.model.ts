// The evaluation of a pilot, from the people in it and their weekly register data: treated
// against the lottery's control group, or against a propensity-matched comparison group; rates
// of exit to employment, Kaplan–Meier curves, log-rank, Cox hazard ratio, balance, lock-in and
// the verdict by the pre-registered rule. Pure: the loading happens in the route.
import jStat from 'jstat';
import {
  EstimationError,
  coxFit,
  ivEffect,
  kaplanMeier,
  logRank,
  logit,
  matchNearest,
  type KmRow,
} from '../evaluation';
import {
  exitToEmployment,
  smd,
  summariseHires,
  OUTCOME_WEEKS,
  type DecisionRule,
  type HireSummary,
  type Subgroup,
  type TriageGroup,
  type Verdict,
  type WeekStatus,
} from './pilots.model';
import {
  criticalZ,
  decide,
  fullRule,
  type Decision,
  type Effect,
  type FullRule,
} from './decision.model';

export interface Person {
  id: string;
  /** 'participant' | 'control' for enrolled people; 'pool' for possible comparisons. */
  arm: 'participant' | 'control' | 'pool';
  age: number;
  female: boolean;
  /** Highest completed education (EDUCATION_LEVELS), null if not known. */
  educationLevel?: string | null;
  /** Digital level from the latest test (θ), null if never tested. */
  digitalLevel: number | null;
  /** Register weeks relative to the pilot's start week (negative = before). */
  weeks: WeekStatus[];
  /** Start weeks (relative to the pilot's) of hires reported outside the register. */
  hireOffsets?: number[];
  /** Took part: a participant who came at all, or a control who got the course elsewhere. */
  tookPart?: boolean;
  triageGroup?: TriageGroup | null;
}

export const BALANCE_COVARIATES = [
  'age',
  'female',
  'higher_education',
  'unemployment_weeks',
  'dagpenge',
  'tested',
  'digital_level',
] as const;
export type BalanceCovariate = (typeof BALANCE_COVARIATES)[number];

const HIGHER = new Set(['short_higher', 'medium_higher', 'long_higher']);

/** Weeks on benefit without work right before the start, and the benefit then. */
function history(p: Person) {
  const before = p.weeks.filter((w) => w.offset < 0).sort((a, b) => b.offset - a.offset);
  let run = 0;
  let expected = -1;
  for (const w of before) {
    if (w.offset !== expected || w.employed || w.benefit === null) break;
    run++;
    expected--;
  }
  return { unemploymentWeeks: run, benefit: before[0]?.benefit ?? null };
}

function covariates(p: Person): Record<BalanceCovariate, number> {
  const h = history(p);
  return {
    age: p.age,
    female: p.female ? 1 : 0,
    higher_education: HIGHER.has(p.educationLevel ?? '') ? 1 : 0,
    unemployment_weeks: h.unemploymentWeeks,
    dagpenge: h.benefit === 'dagpenge' ? 1 : 0,
    tested: p.digitalLevel === null ? 0 : 1,
    digital_level: p.digitalLevel ?? 0,
  };
}

/** A rate at a horizon; null for horizons the register data does not reach yet. */
export interface RateView {
  weeks: number;
  treated: { rate: number; ci95: [number, number] } | null;
  control: { rate: number; ci95: [number, number] } | null;
  /** Percentage points, treated minus control. */
  difference: { estimate: number; ci95: [number, number] } | null;
}

export interface PilotEvaluation {
  method: 'lottery' | 'matching';
  nTreated: number;
  nControl: number;
  /** The latest week with register data, counted from the start. */
  followUpWeeks: number;
  rates: RateView[];
  km: { treated: KmRow[]; control: KmRow[] };
  logrank: { chi2: number | null; df: number; p: number | null };
  /** Null where the data cannot bound it (e.g. one group's events all come first). */
  cox: { hr: number | null; ci95: [number, number] | null; p: number | null };
  balance: { covariate: BalanceCovariate; before: number; after: number | null }[];
  /** Exit-rate difference (pp) at the end of the programme: below zero is lock-in. */
  lockIn: { weeks: number; difference: number };
  /** The difference at the rule's horizon (pp) with its SE: what the decision rests on. */
  effect: Effect | null;
  decision: Decision;
  verdict: Verdict;
  /**
   * With a lottery: offered against not (intention to treat, as proportions of people followed
   * to the horizon) and the effect of taking part (CACE, 2SLS with the draw as instrument).
   */
  takingPart: TakingPart | null;
  /** Pre-registered subgroups (secondary): effect per group and a test of difference. */
  subgroups: SubgroupResult[];
  /**
   * Hires companies reported (e.g. after matchmaking), per group, checked against the register.
   * Reported, not estimated: the effect above rests on the register alone.
   */
  reportedHires: { treated: HireSummary; control: HireSummary };
  /**
   * The analysis rows behind the figures (a control matched k times appears k times), for the
   * pseudonymised export. Never sent as part of the evaluation view.
   */
  sample: SampleRow[];
}

export interface TakingPart {
  /** People followed to the horizon (or who exited before it). */
  n: number;
  /** Share who took part, among those offered and among controls. */
  uptake: { offered: number; controls: number };
  itt: { estimate: number; ci: [number, number] };
  cace: { estimate: number; se: number; ci: [number, number] } | null;
  covariates: string[];
}

export interface SubgroupResult {
  by: Subgroup;
  groups: {
    key: string;
    nTreated: number;
    nControl: number;
    effect: { estimate: number; ci: [number, number] } | null;
  }[];
  /** Heterogeneity (Cochran's Q) across the groups with an estimate. */
  test: { chi2: number; df: number; p: number } | null;
}

export interface SampleRow {
  id: string;
  group: 'participant' | 'control';
  covariates: Record<BalanceCovariate, number>;
  /** Weeks to exit (counting the start week as 1) or to the last observed week. */
  time: number;
  event: 0 | 1;
}

/** 1 − S(h) from a Kaplan–Meier curve, with the band flipped, and its SE from the band. */
function rateAt(km: KmRow[], h: number) {
  let row: KmRow | null = null;
  for (const r of km) if (r.time <= h) row = r;
  // An interval is a pair.
  if (!row) return { rate: 0, ci95: [0, 0] as [number, number], se: 0 };
  const rate = 1 - row.survival;
  const ci95: [number, number] = [1 - row.ci95[1], 1 - row.ci95[0]];
  // Greenwood SE on the plain scale, recovered from the log-log band's width.
  const se = (ci95[1] - ci95[0]) / (2 * 1.96);
  return { rate, ci95, se };
}

/** Everyone's time to exit (weeks, counting the start week as 1) or censoring. */
function survivalOf(people: Person[], stretch: number) {
  const stop = new Float64Array(people.length);
  const event = new Uint8Array(people.length);
  let follow = 0;
  people.forEach((p, i) => {
    const e = exitToEmployment(p.weeks, stretch);
    if (e.exitWeek !== null) {
      stop[i] = e.exitWeek + 1;
      event[i] = 1;
    } else stop[i] = Math.max(e.followUp + 1, 0.5);
    follow = Math.max(follow, e.followUp);
  });
  return { stop, event, follow };
}

const finite = (v: number) => (Number.isFinite(v) ? v : null);

/**
 * The hazard ratio with its interval, or nulls when the fit runs off to infinity (monotone
 * likelihood: in small groups all of one group's exits can come first).
 */
function coxSummary(coef: number, se: number, p: number, z: number): PilotEvaluation['cox'] {
  const lo = Math.exp(coef - z * se);
  const hi = Math.exp(coef + z * se);
  if (![coef, se, lo, hi].every(Number.isFinite) || Math.abs(coef) > 20 || lo === 0)
    return { hr: null, ci95: null, p: null };
  return { hr: Math.exp(coef), ci95: [lo, hi], p };
}

export function evaluatePilot(
  registered: DecisionRule,
  programmeWeeks: number,
  people: Person[],
): PilotEvaluation {
  const rule = fullRule(registered);
  const treated = people.filter((p) => p.arm === 'participant');
  const lotteryControls = people.filter((p) => p.arm === 'control');
  if (treated.length < 2) throw new EstimationError('too_few_participants');
  const useLottery = rule.method === 'lottery' && lotteryControls.length >= 2;
  let control: Person[];
  let balanceAfter: Person[] | null = null;
  const before = useLottery ? lotteryControls : people.filter((p) => p.arm === 'pool');
  if (useLottery) control = lotteryControls;
  else {
    // Candidates on benefit when the pilot started, like the participants.
    const pool = before.filter((p) => history(p).benefit !== null);
    if (pool.length < 2) throw new EstimationError('too_few_comparisons');
    const all = [...treated, ...pool];
    const x = all.map(covariates);
    const cols = BALANCE_COVARIATES.filter((c) => new Set(x.map((r) => r[c])).size > 1).map((c) =>
      Float64Array.from(x, (r) => r[c]),
    );
    const treat = Uint8Array.from(all, (_, i) => (i < treated.length ? 1 : 0));
    const { p } = logit(treat, cols);
    const m = matchNearest(p, treat);
    control = Array.from(m.matches, (j) => all[j]!);
    balanceAfter = control;
  }
  const t = survivalOf(treated, rule.stretchWeeks);
  const c = survivalOf(control, rule.stretchWeeks);
  const kmT = kaplanMeier({ stop: t.stop, event: t.event });
  const kmC = kaplanMeier({ stop: c.stop, event: c.event });
  const z = jStat.normal.inv(0.975, 0, 1);
  const followUpWeeks = Math.max(t.follow, c.follow) + 1;
  const rates: RateView[] = OUTCOME_WEEKS.map((h) => {
    if (followUpWeeks < h) return { weeks: h, treated: null, control: null, difference: null };
    const rt = rateAt(kmT, h);
    const rc = rateAt(kmC, h);
    const d = (rt.rate - rc.rate) * 100;
    const se = Math.sqrt(rt.se ** 2 + rc.se ** 2) * 100;
    return {
      weeks: h,
      treated: { rate: rt.rate, ci95: rt.ci95 },
      control: { rate: rc.rate, ci95: rc.ci95 },
      // An interval is a pair.
      difference: { estimate: d, ci95: [d - z * se, d + z * se] as [number, number] },
    };
  });
  const stop = Float64Array.from([...t.stop, ...c.stop]);
  const event = Uint8Array.from([...t.event, ...c.event]);
  const group = Int32Array.from(stop, (_, i) => (i < treated.length ? 1 : 0));
  const lr = logRank({ stop, event }, group, 2);
  const cox = coxFit({ stop, event }, { treated: Float64Array.from(group) });
  const b = cox.coefficients.treated!;
  const summary = (list: Person[]) => list.map(covariates);
  const xt = summary(treated);
  const xb = summary(before);
  const xa = balanceAfter ? summary(balanceAfter) : null;
  const balance = BALANCE_COVARIATES.map((k) => ({
    covariate: k,
    before:
      xb.length > 0
        ? smd(
            xt.map((r) => r[k]),
            xb.map((r) => r[k]),
          )
        : 0,
    after: xa
      ? smd(
          xt.map((r) => r[k]),
          xa.map((r) => r[k]),
        )
      : null,
  }));
  const atHorizon = horizonEffect(kmT, kmC, rule.outcomeWeeks, followUpWeeks);
  const lockRt = rateAt(kmT, programmeWeeks);
  const lockRc = rateAt(kmC, programmeWeeks);
  return {
    method: useLottery ? 'lottery' : 'matching',
    nTreated: treated.length,
    nControl: useLottery ? control.length : new Set(control.map((p) => p.id)).size,
    followUpWeeks,
    rates,
    km: { treated: kmT, control: kmC },
    logrank: { chi2: finite(lr.chi2), df: lr.df, p: finite(lr.p) },
    cox: coxSummary(b.coef, b.se, b.p, z),
    balance,
    lockIn: { weeks: programmeWeeks, difference: (lockRt.rate - lockRc.rate) * 100 },
    effect: atHorizon,
    ...decided(rule, atHorizon, followUpWeeks, treated.length, control.length),
    takingPart: useLottery ? takingPart(rule, treated, lotteryControls) : null,
    subgroups: rule.subgroups.map((by) => subgroupEffects(rule, by, treated, control)),
    reportedHires: {
      treated: hiresOf(treated),
      // A matched control counted once however often it was matched.
      control: hiresOf([...new Map(control.map((p) => [p.id, p])).values()]),
    },
    sample: [
      ...treated.map((p, i) => sampleRow(p, 'participant', t, i)),
      ...control.map((p, i) => sampleRow(p, 'control', c, i)),
    ],
  };
}

function decided(
  rule: FullRule,
  effect: Effect | null,
  followUp: number,
  nt: number,
  nc: number,
): { decision: Decision; verdict: Verdict } {
  const decision = decide(rule, effect, followUp, { treated: nt, control: nc });
  return { decision, verdict: decision.verdict };
}

/** The KM difference at the horizon in pp with its SE, once the data reaches it. */
function horizonEffect(kmT: KmRow[], kmC: KmRow[], h: number, followUp: number): Effect | null {
  if (followUp < h) return null;
  const rt = rateAt(kmT, h);
  const rc = rateAt(kmC, h);
  const se = Math.sqrt(rt.se ** 2 + rc.se ** 2) * 100;
  return se > 0 ? { estimate: (rt.rate - rc.rate) * 100, se } : null;
}

/** Exit by the horizon, for people followed that long (or who exited before); else null. */
function exitedBy(p: Person, rule: FullRule): 0 | 1 | null {
  const e = exitToEmployment(p.weeks, rule.stretchWeeks);
  if (e.exitWeek !== null && e.exitWeek < rule.outcomeWeeks) return 1;
  return e.followUp + 1 >= rule.outcomeWeeks ? 0 : null;
}

const CACE_COVARIATES = ['age', 'female', 'higher_education', 'unemployment_weeks'] as const;

function takingPart(rule: FullRule, offered: Person[], controls: Person[]): TakingPart | null {
  if (offered.every((p) => p.tookPart === undefined)) return null;
  const rows = [
    ...offered.map((p) => ({ p, z: 1 })),
    ...controls.map((p) => ({ p, z: 0 })),
  ].flatMap(({ p, z }) => {
    const y = exitedBy(p, rule);
    return y === null ? [] : [{ p, z, y, d: (p.tookPart ?? z === 1) ? 1 : 0 }];
  });
  const off = rows.filter((r) => r.z === 1);
  const ctl = rows.filter((r) => r.z === 0);
  if (off.length < 2 || ctl.length < 2) return null;
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const yo = mean(off.map((r) => r.y));
  const yc = mean(ctl.map((r) => r.y));
  const z = criticalZ(rule);
  const itt = (yo - yc) * 100;
  const ittSe = Math.sqrt((yo * (1 - yo)) / off.length + (yc * (1 - yc)) / ctl.length) * 100;
  const uptake = { offered: mean(off.map((r) => r.d)), controls: mean(ctl.map((r) => r.d)) };
  // Covariates that vary (a constant one would make the design singular).
  const x = rows.map((r) => covariates(r.p));
  const used = CACE_COVARIATES.filter((c) => new Set(x.map((v) => v[c])).size > 1);
  let cace: TakingPart['cace'] = null;
  if (uptake.offered - uptake.controls > 0.05)
    try {
      const fit = ivEffect(
        Float64Array.from(rows, (r) => r.y * 100),
        Float64Array.from(rows, (r) => r.d),
        [Float64Array.from(rows, (r) => r.z)],
        used.map((c) => Float64Array.from(x, (v) => v[c])),
      );
      cace = {
        estimate: fit.estimate,
        se: fit.se,
        ci: [fit.estimate - z * fit.se, fit.estimate + z * fit.se],
      };
    } catch (err) {
      if (!(err instanceof EstimationError)) throw err;
    }
  return {
    n: rows.length,
    uptake,
    itt: { estimate: itt, ci: [itt - z * ittSe, itt + z * ittSe] },
    cace,
    covariates: [...used],
  };
}

export const AGE_BANDS = ['under_30', '30_49', '50_plus'] as const;

function groupOf(by: Subgroup, p: Person): string {
  if (by === 'age') return p.age < 30 ? 'under_30' : p.age < 50 ? '30_49' : '50_plus';
  if (by === 'education') return HIGHER.has(p.educationLevel ?? '') ? 'higher' : 'not_higher';
  return p.triageGroup ?? 'untested';
}

/** Per group: the difference in exit by the horizon (people followed that long). */
function subgroupEffects(
  rule: FullRule,
  by: Subgroup,
  treated: Person[],
  control: Person[],
): SubgroupResult {
  const z = criticalZ(rule);
  const keys = [...new Set([...treated, ...control].map((p) => groupOf(by, p)))].sort();
  const estimates: { d: number; v: number }[] = [];
  const groups = keys.map((key) => {
    const outcome = (list: Person[]) =>
      list
        .filter((p) => groupOf(by, p) === key)
        .map((p) => exitedBy(p, rule))
        .filter((y): y is 0 | 1 => y !== null);
    const yt = outcome(treated);
    const yc = outcome(control);
    let effect: SubgroupResult['groups'][number]['effect'] = null;
    if (yt.length >= 5 && yc.length >= 5) {
      const pt = yt.reduce<number>((a, b) => a + b, 0) / yt.length;
      const pc = yc.reduce<number>((a, b) => a + b, 0) / yc.length;
      const d = (pt - pc) * 100;
      const se = Math.sqrt((pt * (1 - pt)) / yt.length + (pc * (1 - pc)) / yc.length) * 100;
      if (se > 0) {
        effect = { estimate: d, ci: [d - z * se, d + z * se] };
        estimates.push({ d, v: se ** 2 });
      }
    }
    return { key, nTreated: yt.length, nControl: yc.length, effect };
  });
  let test: SubgroupResult['test'] = null;
  if (estimates.length >= 2) {
    const w = estimates.map((e) => 1 / e.v);
    const mean = estimates.reduce((s, e, i) => s + w[i]! * e.d, 0) / w.reduce((a, b) => a + b, 0);
    const chi2 = estimates.reduce((s, e, i) => s + w[i]! * (e.d - mean) ** 2, 0);
    const df = estimates.length - 1;
    test = { chi2, df, p: 1 - jStat.chisquare.cdf(chi2, df) };
  }
  return { by, groups, test };
}

/** p of the horizon effect (two-sided normal), for the portfolio. */
export function pValueOf(effect: Effect): number {
  return 2 * (1 - jStat.normal.cdf(Math.abs(effect.estimate / effect.se), 0, 1));
}

const hiresOf = (people: Person[]) =>
  summariseHires(people.map((p) => ({ weeks: p.weeks, hireOffsets: p.hireOffsets ?? [] })));

function sampleRow(
  p: Person,
  group: SampleRow['group'],
  s: { stop: Float64Array; event: Uint8Array },
  i: number,
): SampleRow {
  return {
    id: p.id,
    group,
    covariates: covariates(p),
    time: s.stop[i]!,
    event: s.event[i] ? 1 : 0,
  };
}
