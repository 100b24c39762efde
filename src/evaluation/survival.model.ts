// Survival analysis for time to employment: Kaplan–Meier with confidence bands, the log-rank
// test, and the Cox model with Efron ties, all with optional delayed entry (start, stop] so
// time-varying covariates can be given as several rows per person. Pure, typed-array based.
import jStat from 'jstat';
import { Matrix, inverse } from 'ml-matrix';
import { EstimationError } from './effect.model';

export interface SurvivalData {
  /** Entry time (the row is at risk in (start, stop]); absent = at risk from the beginning. */
  start?: Float64Array;
  stop: Float64Array;
  event: Uint8Array;
}

/** Row indices by a key, descending; ties by index so results do not depend on the sort. */
function orderDesc(key: Float64Array): Int32Array {
  const idx = new Int32Array(key.length);
  for (let i = 0; i < idx.length; i++) idx[i] = i;
  return idx.sort((a, b) => key[b]! - key[a]! || a - b);
}

/** Distinct event times, descending, each with the rows that have their event then. */
function eventTimes(d: SurvivalData, byStop: Int32Array): { time: number; rows: number[] }[] {
  const out: { time: number; rows: number[] }[] = [];
  for (const i of byStop) {
    if (!d.event[i]) continue;
    const t = d.stop[i]!;
    const last = out[out.length - 1];
    if (last && last.time === t) last.rows.push(i);
    else out.push({ time: t, rows: [i] });
  }
  return out;
}

function checkData(d: SurvivalData) {
  const n = d.stop.length;
  if (n === 0) throw new EstimationError('No rows.');
  if (d.start)
    for (let i = 0; i < n; i++)
      if (!(d.start[i]! < d.stop[i]!))
        throw new EstimationError(`Row ${i + 1}: the start must come before the stop.`);
}

/** The orderings a pass over the risk sets needs; computed once per data set. */
interface RiskOrder {
  byStop: Int32Array;
  byStart: Int32Array | null;
  events: { time: number; rows: number[] }[];
}

function riskOrder(d: SurvivalData): RiskOrder {
  const byStop = orderDesc(d.stop);
  return {
    byStop,
    byStart: d.start ? orderDesc(d.start) : null,
    events: eventTimes(d, byStop),
  };
}

/**
 * Walks the event times from the last to the first, keeping the risk set (start < t ≤ stop):
 * `add`/`remove` are called as rows enter and leave it, `at` at each event time.
 */
function walkRiskSets(
  d: SurvivalData,
  order: RiskOrder,
  add: (i: number) => void,
  remove: (i: number) => void,
  at: (time: number, deaths: number[]) => void,
) {
  const { byStop, byStart, events } = order;
  let s = 0;
  let e = 0;
  for (const { time, rows } of events) {
    while (s < byStop.length && d.stop[byStop[s]!]! >= time) add(byStop[s++]!);
    if (byStart && d.start)
      while (e < byStart.length && d.start[byStart[e]!]! >= time) remove(byStart[e++]!);
    at(time, rows);
  }
}

export interface KmRow {
  time: number;
  n_risk: number;
  events: number;
  survival: number;
  ci95: [number, number];
}

/**
 * Kaplan–Meier estimate at each event time, with a 95 % band from Greenwood's variance on the
 * log(−log) scale (stays within 0–1; lifelines' and R's "log-log" band).
 */
export function kaplanMeier(d: SurvivalData): KmRow[] {
  checkData(d);
  const rows: { time: number; n: number; d: number }[] = [];
  let atRisk = 0;
  walkRiskSets(
    d,
    riskOrder(d),
    () => atRisk++,
    () => atRisk--,
    (time, deaths) => rows.push({ time, n: atRisk, d: deaths.length }),
  );
  rows.reverse();
  const z = jStat.normal.inv(0.975, 0, 1);
  let s = 1;
  let greenwood = 0;
  return rows.map((r) => {
    s *= 1 - r.d / r.n;
    greenwood += r.n > r.d ? r.d / (r.n * (r.n - r.d)) : Infinity;
    let ci: [number, number];
    if (s <= 0) ci = [0, 0];
    else {
      const logS = Math.log(s);
      const sd = Math.sqrt(greenwood) / Math.abs(logS);
      const centre = Math.log(-logS);
      ci = Number.isFinite(sd)
        ? [Math.exp(-Math.exp(centre + z * sd)), Math.exp(-Math.exp(centre - z * sd))]
        : [0, 1];
    }
    return { time: r.time, n_risk: r.n, events: r.d, survival: s, ci95: ci };
  });
}

export interface LogRank {
  chi2: number;
  df: number;
  p: number;
}

/** The log-rank test that the groups' survival curves are equal (k groups, k − 1 df). */
export function logRank(d: SurvivalData, group: Int32Array, groups: number): LogRank {
  checkData(d);
  if (groups < 2) throw new EstimationError('The log-rank test needs at least two groups.');
  const nAt = new Float64Array(groups);
  const oMinusE = new Float64Array(groups);
  const V = Matrix.zeros(groups - 1, groups - 1);
  const dg = new Float64Array(groups);
  walkRiskSets(
    d,
    riskOrder(d),
    (i) => (nAt[group[i]!] = nAt[group[i]!]! + 1),
    (i) => (nAt[group[i]!] = nAt[group[i]!]! - 1),
    (_time, deaths) => {
      dg.fill(0);
      for (const i of deaths) dg[group[i]!] = dg[group[i]!]! + 1;
      let n = 0;
      for (let g = 0; g < groups; g++) n += nAt[g]!;
      const dead = deaths.length;
      for (let g = 0; g < groups; g++) oMinusE[g] = oMinusE[g]! + dg[g]! - (dead * nAt[g]!) / n;
      if (n < 2) return;
      const f = (dead * (n - dead)) / (n - 1);
      for (let g = 0; g < groups - 1; g++)
        for (let h = 0; h < groups - 1; h++) {
          const v = f * (nAt[g]! / n) * ((g === h ? 1 : 0) - nAt[h]! / n);
          V.set(g, h, V.get(g, h) + v);
        }
    },
  );
  const u = Matrix.columnVector(Array.from(oMinusE.subarray(0, groups - 1)));
  const chi2 = u.transpose().mmul(inverse(V, true)).mmul(u).get(0, 0);
  const df = groups - 1;
  return { chi2, df, p: 1 - jStat.chisquare.cdf(chi2, df) };
}

export interface CoxCoefficient {
  coef: number;
  se: number;
  hr: number;
  z: number;
  p: number;
}

export interface CoxFit {
  coefficients: Record<string, CoxCoefficient>;
  loglik: number;
  loglikNull: number;
  iterations: number;
  concordance: number;
  n: number;
  events: number;
}

interface Step {
  loglik: number;
  gradient: Float64Array;
  information: Float64Array;
}

/**
 * Partial log-likelihood with Efron's handling of tied event times, its gradient and the
 * observed information, by one pass over the risk sets. `x` is row-major (n × p). The risk-set
 * walk is written out here rather than through callbacks: this loop is the whole cost of a fit.
 */
function efron(
  d: SurvivalData,
  order: RiskOrder,
  x: Float64Array,
  p: number,
  beta: Float64Array,
): Step {
  const n = d.stop.length;
  const risk = new Float64Array(n);
  const eta = new Float64Array(n);
  for (let i = 0, o = 0; i < n; i++, o += p) {
    let e = 0;
    for (let a = 0; a < p; a++) e += beta[a]! * x[o + a]!;
    eta[i] = e;
    risk[i] = Math.exp(e);
  }
  let s0 = 0;
  const s1 = new Float64Array(p);
  const s2 = new Float64Array(p * p);
  const shift = (i: number, r: number) => {
    s0 += r;
    const o = i * p;
    for (let a = 0; a < p; a++) {
      const ra = r * x[o + a]!;
      s1[a] = s1[a]! + ra;
      const row = a * p;
      for (let b = 0; b <= a; b++) s2[row + b] = s2[row + b]! + ra * x[o + b]!;
    }
  };
  let loglik = 0;
  const gradient = new Float64Array(p);
  const information = new Float64Array(p * p);
  const a1 = new Float64Array(p);
  const a2 = new Float64Array(p * p);
  const mean = new Float64Array(p);
  const { byStop, byStart, events } = order;
  const { stop, start } = d;
  let next = 0;
  let leave = 0;
  for (const { time, rows: deaths } of events) {
    while (next < n && stop[byStop[next]!]! >= time) {
      const i = byStop[next++]!;
      shift(i, risk[i]!);
    }
    if (byStart && start)
      while (leave < n && start[byStart[leave]!]! >= time) {
        const i = byStart[leave++]!;
        shift(i, -risk[i]!);
      }
    const m = deaths.length;
    let a0 = 0;
    a1.fill(0);
    a2.fill(0);
    for (const i of deaths) {
      const r = risk[i]!;
      const o = i * p;
      a0 += r;
      loglik += eta[i]!;
      for (let a = 0; a < p; a++) {
        const xa = x[o + a]!;
        gradient[a] = gradient[a]! + xa;
        a1[a] = a1[a]! + r * xa;
        const row = a * p;
        for (let b = 0; b <= a; b++) a2[row + b] = a2[row + b]! + r * xa * x[o + b]!;
      }
    }
    for (let k = 0; k < m; k++) {
      const f = k / m;
      const denom = s0 - f * a0;
      loglik -= Math.log(denom);
      for (let a = 0; a < p; a++) {
        mean[a] = (s1[a]! - f * a1[a]!) / denom;
        gradient[a] = gradient[a]! - mean[a]!;
      }
      for (let a = 0; a < p; a++) {
        const row = a * p;
        for (let b = 0; b <= a; b++)
          information[row + b] =
            information[row + b]! + (s2[row + b]! - f * a2[row + b]!) / denom - mean[a]! * mean[b]!;
      }
    }
  }
  for (let a = 0; a < p; a++)
    for (let b = 0; b < a; b++) information[b * p + a] = information[a * p + b]!;
  return { loglik, gradient, information };
}

const toMatrix = (flat: Float64Array, p: number) =>
  new Matrix(Array.from({ length: p }, (_, a) => Array.from(flat.subarray(a * p, a * p + p))));

/**
 * Cox proportional hazards by Newton–Raphson with step halving. Covariates are centred inside
 * (the partial likelihood does not change) for numerical stability. `onIteration` reports
 * progress on long fits.
 */
export function coxFit(
  d: SurvivalData,
  covariates: Record<string, Float64Array>,
  options: { maxIterations?: number; onIteration?: (i: number, loglik: number) => void } = {},
): CoxFit {
  checkData(d);
  const names = Object.keys(covariates);
  const p = names.length;
  if (p === 0) throw new EstimationError('The Cox model needs at least one covariate.');
  const n = d.stop.length;
  let events = 0;
  for (let i = 0; i < n; i++) events += d.event[i]!;
  if (events === 0) throw new EstimationError('There are no events.');
  // Centred and row-major: one row's covariates sit together in memory.
  const x = new Float64Array(n * p);
  names.forEach((name, a) => {
    const c = covariates[name]!;
    let m = 0;
    for (let i = 0; i < n; i++) m += c[i]!;
    m /= n;
    for (let i = 0; i < n; i++) x[i * p + a] = c[i]! - m;
  });
  const order = riskOrder(d);
  let beta = new Float64Array(p);
  let step = efron(d, order, x, p, beta);
  const loglikNull = step.loglik;
  let it = 0;
  const max = options.maxIterations ?? 50;
  for (; it < max; it++) {
    const info = toMatrix(step.information, p);
    const delta = inverse(info, true).mmul(Matrix.columnVector(Array.from(step.gradient)));
    let scale = 1;
    let next = beta;
    let trial = step;
    for (let h = 0; h < 30; h++) {
      next = Float64Array.from(beta, (b, a) => b + scale * delta.get(a, 0));
      trial = efron(d, order, x, p, next);
      if (Number.isFinite(trial.loglik) && trial.loglik >= step.loglik - 1e-9) break;
      scale /= 2;
    }
    const change = Math.abs(trial.loglik - step.loglik);
    beta = next;
    step = trial;
    options.onIteration?.(it + 1, step.loglik);
    if (change < 1e-10 * (Math.abs(step.loglik) + 1)) {
      it++;
      break;
    }
  }
  const cov = inverse(toMatrix(step.information, p), true);
  const coefficients: Record<string, CoxCoefficient> = {};
  names.forEach((name, a) => {
    const coef = beta[a]!;
    const se = Math.sqrt(cov.get(a, a));
    const z = coef / se;
    coefficients[name] = {
      coef,
      se,
      hr: Math.exp(coef),
      z,
      p: 2 * (1 - jStat.normal.cdf(Math.abs(z), 0, 1)),
    };
  });
  const risk = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let e = 0;
    for (let a = 0; a < p; a++) e += beta[a]! * x[i * p + a]!;
    risk[i] = e;
  }
  return {
    coefficients,
    loglik: step.loglik,
    loglikNull,
    iterations: it,
    concordance: concordance(d, risk, order),
    n,
    events,
  };
}

/**
 * Harrell's concordance: among pairs where one row has its event while the other is still at
 * risk (censored at the same time counts as at risk; tied events do not pair), the share in
 * which the higher risk score had the event; tied scores count a half. O(n log n) with a
 * Fenwick tree over the score's ranks.
 */
export function concordance(
  d: SurvivalData,
  score: Float64Array,
  order: RiskOrder = riskOrder(d),
): number {
  const n = score.length;
  const sorted = Float64Array.from(score).sort();
  const distinct: number[] = [];
  for (const v of sorted) if (distinct[distinct.length - 1] !== v) distinct.push(v);
  const rank = Int32Array.from(score, (v) => {
    let lo = 0;
    let hi = distinct.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (distinct[mid]! < v) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  });
  const tree = new Float64Array(distinct.length + 1);
  const update = (r: number, v: number) => {
    for (let i = r + 1; i <= distinct.length; i += i & -i) tree[i] = tree[i]! + v;
  };
  /** How many rows in the set have rank < r. */
  const below = (r: number) => {
    let s = 0;
    for (let i = r; i > 0; i -= i & -i) s += tree[i]!;
    return s;
  };
  const inSet = new Uint8Array(n);
  let size = 0;
  let concordant = 0;
  let tied = 0;
  let pairs = 0;
  const { byStop, byStart, events } = order;
  let s = 0;
  let e = 0;
  const put = (i: number) => {
    inSet[i] = 1;
    size++;
    update(rank[i]!, 1);
  };
  for (const { time, rows } of events) {
    // Everyone still at risk after t, and those censored at t, before the deaths at t.
    while (s < byStop.length && d.stop[byStop[s]!]! > time) put(byStop[s++]!);
    for (let k = s; k < byStop.length && d.stop[byStop[k]!]! === time; k++)
      if (!d.event[byStop[k]!]) put(byStop[k]!);
    if (byStart && d.start)
      while (e < byStart.length && d.start[byStart[e]!]! >= time) {
        const i = byStart[e++]!;
        if (inSet[i]) {
          inSet[i] = 0;
          size--;
          update(rank[i]!, -1);
        }
      }
    for (const i of rows) {
      const lower = below(rank[i]!);
      const same = below(rank[i]! + 1) - lower;
      concordant += lower;
      tied += same;
      pairs += size;
    }
    // Advance past the rows at t (the censored ones are already in).
    while (s < byStop.length && d.stop[byStop[s]!]! === time) {
      const i = byStop[s++]!;
      if (d.event[i]) put(i);
    }
  }
  return pairs > 0 ? (concordant + 0.5 * tied) / pairs : NaN;
}
