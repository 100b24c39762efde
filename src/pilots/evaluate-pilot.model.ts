// The evaluation of a pilot, from the people in it and their weekly register data: treated
// against the lottery's control group, or against a propensity-matched comparison group; rates
// of exit to employment, Kaplan–Meier curves, log-rank, Cox hazard ratio, balance, lock-in and
// the verdict by the pre-registered rule. Pure: the loading happens in the route.
import jStat from 'jstat';
import {
  EstimationError,
  coxFit,
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
  verdict,
  OUTCOME_WEEKS,
  type DecisionRule,
  type HireSummary,
  type Verdict,
  type WeekStatus,
} from './pilots.model';

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
  verdict: Verdict;
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
  rule: DecisionRule,
  programmeWeeks: number,
  people: Person[],
): PilotEvaluation {
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
  const lockRt = rateAt(kmT, programmeWeeks);
  const lockRc = rateAt(kmC, programmeWeeks);
  const outcome = rates.find((r) => r.weeks === rule.outcomeWeeks)!;
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
    verdict: verdict(rule, outcome.difference, followUpWeeks),
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
