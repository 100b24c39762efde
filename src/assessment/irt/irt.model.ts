// Item response theory: pure functions, no I/O.
// Parameterisation is slope-intercept throughout: logit P = a·θ + d, θ ~ N(0, 1), b = −d/a.

/** Dichotomous two-parameter logistic item. */
export interface Item2PL {
  kind: '2pl';
  a: number;
  d: number;
}

/**
 * Samejima's graded response model, for ordered answers such as self-ratings.
 * `d` holds K−1 decreasing intercepts: P(X ≥ k) = σ(a·θ + d[k−1]) for k = 1 … K−1.
 */
export interface ItemGRM {
  kind: 'grm';
  a: number;
  d: number[];
}

export type IrtItem = Item2PL | ItemGRM;

/** A response: 0/1 for 2PL, 0 … K−1 for GRM; null when not answered. */
export type Response = number | null;

export function logistic(x: number): number {
  if (x >= 0) {
    const e = Math.exp(-x);
    return 1 / (1 + e);
  }
  const e = Math.exp(x);
  return e / (1 + e);
}

export function p2pl(item: { a: number; d: number }, theta: number): number {
  return logistic(item.a * theta + item.d);
}

export function difficulty(item: { a: number; d: number }): number {
  return -item.d / item.a;
}

export function categoryCount(item: IrtItem): number {
  return item.kind === '2pl' ? 2 : item.d.length + 1;
}

const EPS = 1e-12;

/** Probability of each category at θ (two entries for a 2PL item: wrong, right). */
export function categoryProbs(item: IrtItem, theta: number): number[] {
  if (item.kind === '2pl') {
    const p = p2pl(item, theta);
    return [1 - p, p];
  }
  const K = item.d.length + 1;
  const star = new Array<number>(K + 1);
  star[0] = 1;
  for (let k = 1; k < K; k++) star[k] = logistic(item.a * theta + item.d[k - 1]!);
  star[K] = 0;
  const out = new Array<number>(K);
  for (let k = 0; k < K; k++) out[k] = Math.max(star[k]! - star[k + 1]!, EPS);
  return out;
}

/** Fisher information of the item at θ. */
export function information(item: IrtItem, theta: number): number {
  if (item.kind === '2pl') {
    const p = p2pl(item, theta);
    return item.a * item.a * p * (1 - p);
  }
  const K = item.d.length + 1;
  let info = 0;
  let prevStar = 1;
  let prevDeriv = 0;
  for (let k = 0; k < K; k++) {
    const nextStar = k + 1 < K ? logistic(item.a * theta + item.d[k]!) : 0;
    const nextDeriv = k + 1 < K ? item.a * nextStar * (1 - nextStar) : 0;
    const p = Math.max(prevStar - nextStar, EPS);
    const dp = prevDeriv - nextDeriv;
    info += (dp * dp) / p;
    prevStar = nextStar;
    prevDeriv = nextDeriv;
  }
  return info;
}

/** Log-likelihood of one response at θ, with its first and second derivatives in θ. */
export function responseLogLik(
  item: IrtItem,
  x: number,
  theta: number,
): { l: number; d1: number; d2: number } {
  if (item.kind === '2pl') {
    const p = p2pl(item, theta);
    const l = x === 1 ? Math.log(Math.max(p, EPS)) : Math.log(Math.max(1 - p, EPS));
    return { l, d1: item.a * (x - p), d2: -item.a * item.a * p * (1 - p) };
  }
  const K = item.d.length + 1;
  const upper = x === 0 ? 1 : logistic(item.a * theta + item.d[x - 1]!);
  const lower = x === K - 1 ? 0 : logistic(item.a * theta + item.d[x]!);
  const p = Math.max(upper - lower, EPS);
  const du = x === 0 ? 0 : item.a * upper * (1 - upper);
  const dl = x === K - 1 ? 0 : item.a * lower * (1 - lower);
  const ddu = x === 0 ? 0 : item.a * item.a * upper * (1 - upper) * (1 - 2 * upper);
  const ddl = x === K - 1 ? 0 : item.a * item.a * lower * (1 - lower) * (1 - 2 * lower);
  const dp = du - dl;
  const ddp = ddu - ddl;
  return { l: Math.log(p), d1: dp / p, d2: ddp / p - (dp * dp) / (p * p) };
}

export interface Quadrature {
  nodes: Float64Array;
  /** Prior weights, summing to 1. */
  weights: Float64Array;
}

/** Equally spaced nodes on [lo, hi] with standard-normal weights (mirt's default: 61 on ±6). */
export function normalQuadrature(points = 61, lo = -6, hi = 6): Quadrature {
  const nodes = new Float64Array(points);
  const weights = new Float64Array(points);
  let sum = 0;
  for (let q = 0; q < points; q++) {
    const t = lo + ((hi - lo) * q) / (points - 1);
    nodes[q] = t;
    weights[q] = Math.exp(-0.5 * t * t);
    sum += weights[q]!;
  }
  for (let q = 0; q < points; q++) weights[q] = weights[q]! / sum;
  return { nodes, weights };
}

/** Standard normal CDF (Abramowitz & Stegun 7.1.26, |error| < 1.5e-7). */
export function normalCdf(x: number): number {
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * z);
  const poly =
    t *
    (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - poly * Math.exp(-z * z);
  return x >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}
