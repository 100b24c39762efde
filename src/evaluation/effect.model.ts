// Effect estimators for programme evaluation: difference in means, OLS adjustment, and
// nearest-neighbour matching on a logit propensity score. Pure functions over typed arrays.
import jStat from 'jstat';
import { CholeskyDecomposition, Matrix, inverse } from 'ml-matrix';

export class EstimationError extends Error {}

export interface OlsFit {
  coef: number[];
  se: number[];
  df: number;
  rss: number;
}

/** Ordinary least squares of y on the columns (a constant is not added here). */
export function ols(y: Float64Array, cols: Float64Array[]): OlsFit {
  const n = y.length;
  const k = cols.length;
  if (n <= k) throw new EstimationError(`Too few rows (${n}) for ${k} coefficients.`);
  const xtx = Matrix.zeros(k, k);
  const xty = new Float64Array(k);
  for (let a = 0; a < k; a++) {
    const ca = cols[a]!;
    let s = 0;
    for (let i = 0; i < n; i++) s += ca[i]! * y[i]!;
    xty[a] = s;
    for (let b = a; b < k; b++) {
      const cb = cols[b]!;
      let t = 0;
      for (let i = 0; i < n; i++) t += ca[i]! * cb[i]!;
      xtx.set(a, b, t);
      xtx.set(b, a, t);
    }
  }
  const chol = new CholeskyDecomposition(xtx);
  if (!chol.isPositiveDefinite())
    throw new EstimationError('The covariates are collinear (or a column is constant).');
  const coef = chol.solve(Matrix.columnVector(Array.from(xty))).to1DArray();
  let rss = 0;
  for (let i = 0; i < n; i++) {
    let fit = 0;
    for (let a = 0; a < k; a++) fit += coef[a]! * cols[a]![i]!;
    rss += (y[i]! - fit) ** 2;
  }
  const df = n - k;
  const inv = inverse(xtx);
  const se = coef.map((_, a) => Math.sqrt((rss / df) * inv.get(a, a)));
  return { coef, se, df, rss };
}

export interface LogitFit {
  coef: number[];
  /** Fitted probabilities, one per row. */
  p: Float64Array;
  iterations: number;
  logLik: number;
}

/**
 * Logistic regression by Newton–Raphson (IRLS), with a constant. Covariates are standardised
 * inside (the fitted probabilities do not change), so income-sized and squared terms stay well
 * conditioned; coefficients are returned on the original scale, constant first.
 */
export function logit(y: Uint8Array, covariates: Float64Array[], maxIterations = 100): LogitFit {
  const n = y.length;
  const z = covariates.map((c) => {
    let m = 0;
    for (let i = 0; i < n; i++) m += c[i]!;
    m /= n;
    let v = 0;
    for (let i = 0; i < n; i++) v += (c[i]! - m) ** 2;
    const sd = Math.sqrt(v / n);
    if (!(sd > 0)) throw new EstimationError('A covariate has the same value in every row.');
    return { m, sd, col: Float64Array.from(c, (x) => (x - m) / sd) };
  });
  const X = [Float64Array.from({ length: n }, () => 1), ...z.map((s) => s.col)];
  const k = X.length;
  let beta = new Float64Array(k);
  const eta = new Float64Array(n);
  const p = new Float64Array(n);
  const evaluate = (b: Float64Array) => {
    let ll = 0;
    for (let i = 0; i < n; i++) {
      let e = 0;
      for (let a = 0; a < k; a++) e += b[a]! * X[a]![i]!;
      eta[i] = e;
      p[i] = 1 / (1 + Math.exp(-e));
      // log(1 + e^x) without overflow
      const soft = e > 0 ? e + Math.log1p(Math.exp(-e)) : Math.log1p(Math.exp(e));
      ll += y[i]! * e - soft;
    }
    return ll;
  };
  let ll = evaluate(beta);
  let it = 0;
  for (; it < maxIterations; it++) {
    const h = new Float64Array(k * k);
    const g = new Float64Array(k);
    for (let i = 0; i < n; i++) {
      const w = p[i]! * (1 - p[i]!);
      const r = y[i]! - p[i]!;
      for (let a = 0; a < k; a++) {
        const xa = X[a]![i]!;
        g[a] = g[a]! + xa * r;
        const wa = w * xa;
        for (let b = a; b < k; b++) h[a * k + b] = h[a * k + b]! + wa * X[b]![i]!;
      }
    }
    const H = new Matrix(
      Array.from({ length: k }, (_, a) =>
        Array.from({ length: k }, (_, b) => h[Math.min(a, b) * k + Math.max(a, b)]!),
      ),
    );
    const chol = new CholeskyDecomposition(H);
    if (!chol.isPositiveDefinite())
      throw new EstimationError('The propensity model cannot be fitted (perfect separation?).');
    const step = chol.solve(Matrix.columnVector(Array.from(g))).to1DArray();
    let scale = 1;
    let next = beta;
    let nextLl = -Infinity;
    // Step halving keeps every iteration an improvement.
    for (let h = 0; h < 30; h++) {
      next = Float64Array.from(beta, (b, a) => b + scale * step[a]!);
      nextLl = evaluate(next);
      if (nextLl >= ll - 1e-12) break;
      scale /= 2;
    }
    const change = Math.abs(nextLl - ll);
    beta = next;
    ll = nextLl;
    if (change < 1e-11 * (Math.abs(ll) + 1e-11)) {
      it++;
      break;
    }
  }
  evaluate(beta);
  const coef = [beta[0]! - z.reduce((s, c, a) => s + (beta[a + 1]! * c.m) / c.sd, 0)];
  z.forEach((c, a) => coef.push(beta[a + 1]! / c.sd));
  return { coef, p: Float64Array.from(p), iterations: it, logLik: ll };
}

interface Sorted {
  /** Distinct scores, ascending. */
  scores: Float64Array;
  /** For each distinct score, the first unit in input order holding it. */
  first: Int32Array;
}

function sortedByScore(score: Float64Array, units: Int32Array): Sorted {
  const order = Array.from(units).sort((a, b) => score[a]! - score[b]! || a - b);
  const scores: number[] = [];
  const first: number[] = [];
  for (const u of order) {
    if (scores.length > 0 && scores[scores.length - 1] === score[u]) continue;
    scores.push(score[u]!);
    first.push(u);
  }
  return { scores: Float64Array.from(scores), first: Int32Array.from(first) };
}

/** The unit nearest to `s` on the score; equally near → the first in input order. */
function nearest(sorted: Sorted, s: number): number {
  const { scores, first } = sorted;
  let lo = 0;
  let hi = scores.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (scores[mid]! < s) lo = mid + 1;
    else hi = mid;
  }
  const above = lo < scores.length ? lo : -1;
  const below = lo - 1;
  if (below < 0) return first[above]!;
  if (above < 0) return first[below]!;
  const dBelow = s - scores[below]!;
  const dAbove = scores[above]! - s;
  if (dBelow < dAbove) return first[below]!;
  if (dAbove < dBelow) return first[above]!;
  return Math.min(first[below]!, first[above]!);
}

export interface Matching {
  /** For each treated unit (in input order), the control it is matched to. */
  matches: Int32Array;
  treated: Int32Array;
  /** How many treated units each control serves (K in Abadie & Imbens). */
  uses: Map<number, number>;
}

/** One nearest control per treated unit on the score, with replacement. */
export function matchNearest(score: Float64Array, treat: Uint8Array): Matching {
  const treated: number[] = [];
  const controls: number[] = [];
  for (let i = 0; i < treat.length; i++) (treat[i] ? treated : controls).push(i);
  if (treated.length === 0 || controls.length === 0)
    throw new EstimationError('Matching needs treated and control units.');
  const sorted = sortedByScore(score, Int32Array.from(controls));
  const matches = Int32Array.from(treated, (t) => nearest(sorted, score[t]!));
  const uses = new Map<number, number>();
  for (const c of matches) uses.set(c, (uses.get(c) ?? 0) + 1);
  return { matches, treated: Int32Array.from(treated), uses };
}

/** The same-group unit next to `pos` in score order, for the conditional variance (J = 1). */
function neighbour(score: Float64Array, sorted: Int32Array, pos: number): number {
  const unit = sorted[pos]!;
  const left = pos > 0 ? sorted[pos - 1] : undefined;
  const right = pos < sorted.length - 1 ? sorted[pos + 1] : undefined;
  if (left === undefined) return right!;
  if (right === undefined) return left;
  const dl = score[unit]! - score[left]!;
  const dr = score[right]! - score[unit]!;
  return dl < dr ? left : dr < dl ? right : Math.min(left, right);
}

export interface EffectEstimate {
  estimate: number;
  se: number;
  ci95: [number, number];
  n_treated: number;
  n_control: number;
}

export type EffectMethod = 'difference' | 'regression' | 'psm-nn';

/**
 * The effect of a 0/1 treatment on an outcome.
 * - difference: the difference in means, SE from the OLS of the outcome on the treatment.
 * - regression: the treatment's OLS coefficient with the covariates; classical SE; t interval.
 * - psm-nn: the effect on the treated after matching each treated unit to the nearest control
 *   on a logit propensity score (probability scale), with replacement, ties to the first
 *   control in input order. SE by Abadie & Imbens (2006), which treats the score as known.
 */
export function estimateEffect(
  outcome: Float64Array,
  treatment: Uint8Array,
  covariates: Float64Array[],
  method: EffectMethod,
): EffectEstimate {
  const n = outcome.length;
  let nt = 0;
  for (let i = 0; i < n; i++) nt += treatment[i]!;
  const nc = n - nt;
  if (nt === 0 || nc === 0)
    throw new EstimationError('The treatment column needs both treated (1) and control (0) rows.');
  const t = Float64Array.from(treatment);
  const one = new Float64Array(n).fill(1);
  if (method === 'difference' || method === 'regression') {
    const fit = ols(outcome, method === 'difference' ? [one, t] : [one, t, ...covariates]);
    const q = jStat.studentt.inv(0.975, fit.df);
    const est = fit.coef[1]!;
    const se = fit.se[1]!;
    return { estimate: est, se, ci95: [est - q * se, est + q * se], n_treated: nt, n_control: nc };
  }
  if (covariates.length === 0) throw new EstimationError('Propensity matching needs --covariates.');
  const { p } = logit(treatment, covariates);
  const m = matchNearest(p, treatment);
  let sum = 0;
  for (let k = 0; k < m.treated.length; k++)
    sum += outcome[m.treated[k]!]! - outcome[m.matches[k]!]!;
  const att = sum / nt;
  // Abadie & Imbens (2006): the treated units' spread around the ATT, plus controls used more
  // than once, each weighted by K(K − 1) and its conditional variance from its nearest control.
  let v = 0;
  for (let k = 0; k < m.treated.length; k++)
    v += (outcome[m.treated[k]!]! - outcome[m.matches[k]!]! - att) ** 2;
  const reused = [...m.uses].filter(([, uses]) => uses > 1);
  if (reused.length > 0 && nc > 1) {
    const controls: number[] = [];
    for (let i = 0; i < n; i++) if (!treatment[i]) controls.push(i);
    const sorted = Int32Array.from(controls.sort((a, b) => p[a]! - p[b]! || a - b));
    const position = new Int32Array(n);
    sorted.forEach((u, k) => (position[u] = k));
    for (const [c, uses] of reused) {
      const j = neighbour(p, sorted, position[c]!);
      v += uses * (uses - 1) * 0.5 * (outcome[c]! - outcome[j]!) ** 2;
    }
  }
  const se = Math.sqrt(v) / nt;
  const z = jStat.normal.inv(0.975, 0, 1);
  return { estimate: att, se, ci95: [att - z * se, att + z * se], n_treated: nt, n_control: nc };
}

export interface IvFit {
  /** Constant, the treatment, then the covariates. */
  coef: number[];
  se: number[];
  df: number;
}

/**
 * Two-stage least squares: the treatment is instrumented by the instruments, the covariates are
 * their own instruments, a constant is added. Conventional SE (homoskedastic), as R's
 * `AER::ivreg`: σ² from the structural residuals (with the treatment itself, not its fit).
 */
export function twoStageLeastSquares(
  y: Float64Array,
  treatment: Float64Array,
  instruments: Float64Array[],
  covariates: Float64Array[] = [],
): IvFit {
  const n = y.length;
  if (instruments.length === 0) throw new EstimationError('2SLS needs at least one instrument.');
  const one = new Float64Array(n).fill(1);
  const X = new Matrix([one, treatment, ...covariates].map((c) => Array.from(c))).transpose();
  const Z = new Matrix([one, ...instruments, ...covariates].map((c) => Array.from(c))).transpose();
  const k = X.columns;
  if (n <= k) throw new EstimationError(`Too few rows (${n}) for ${k} coefficients.`);
  const ztz = Z.transpose().mmul(Z);
  const cz = new CholeskyDecomposition(ztz);
  if (!cz.isPositiveDefinite())
    throw new EstimationError('The instruments are collinear (or a column is constant).');
  // First stage: the fitted treatment (and covariates, which fit themselves).
  const xHat = Z.mmul(cz.solve(Z.transpose().mmul(X)));
  const xhx = xHat.transpose().mmul(xHat);
  const cx = new CholeskyDecomposition(xhx);
  if (!cx.isPositiveDefinite())
    throw new EstimationError('The instruments do not move the treatment (weak or irrelevant).');
  const beta = cx.solve(xHat.transpose().mmul(Matrix.columnVector(Array.from(y))));
  const resid = Matrix.columnVector(Array.from(y)).sub(X.mmul(beta));
  let rss = 0;
  for (let i = 0; i < n; i++) rss += resid.get(i, 0) ** 2;
  const df = n - k;
  const inv = inverse(xhx);
  const coef = beta.to1DArray();
  return { coef, se: coef.map((_, a) => Math.sqrt((rss / df) * inv.get(a, a))), df };
}

/** The 2SLS effect of the treatment in the shape of the other estimators (t interval). */
export function ivEffect(
  outcome: Float64Array,
  treatment: Float64Array,
  instruments: Float64Array[],
  covariates: Float64Array[] = [],
): Omit<EffectEstimate, 'n_treated' | 'n_control'> & {
  n_treated: number | null;
  n_control: number | null;
  n: number;
} {
  const fit = twoStageLeastSquares(outcome, treatment, instruments, covariates);
  const q = jStat.studentt.inv(0.975, fit.df);
  const est = fit.coef[1]!;
  const se = fit.se[1]!;
  const binary = treatment.every((v) => v === 0 || v === 1);
  let nt = 0;
  for (const v of treatment) nt += v;
  return {
    estimate: est,
    se,
    ci95: [est - q * se, est + q * se],
    // Counts mean something only for a 0/1 treatment (taking part, not a price).
    n_treated: binary ? nt : null,
    n_control: binary ? treatment.length - nt : null,
    n: treatment.length,
  };
}
