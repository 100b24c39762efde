// Designing and judging a trial: sample size and power for two proportions, group-sequential
// efficacy boundaries by Lan–DeMets alpha spending, and Benjamini–Hochberg adjusted p-values
// for a portfolio. Pure functions; the numbers are checked against R in the tests.
import jStat from 'jstat';
import { EstimationError } from './effect.model';

const Phi = (x: number) => jStat.normal.cdf(x, 0, 1);
const PhiInv = (p: number) => jStat.normal.inv(p, 0, 1);
const phi = (x: number) => Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);

export interface ProportionsDesign {
  p1: number;
  p2: number;
  /** Significance level (default 0.05). */
  alpha?: number;
  /** Two-sided (default) or one-sided. */
  sides?: 1 | 2;
}

function checkDesign(d: ProportionsDesign) {
  const { p1, p2, alpha = 0.05 } = d;
  for (const [name, p] of [
    ['p1', p1],
    ['p2', p2],
  ] as const)
    if (!(p > 0 && p < 1)) throw new EstimationError(`${name} must be between 0 and 1 (not ${p}).`);
  if (p1 === p2) throw new EstimationError('p1 and p2 must differ: there is no effect to detect.');
  if (!(alpha > 0 && alpha < 1)) throw new EstimationError('alpha must be between 0 and 1.');
}

/**
 * Power of the two-proportion test with n per arm, as R's `power.prop.test` (normal
 * approximation, the far tail ignored as with its default `strict = FALSE`).
 */
export function powerOfProportions(d: ProportionsDesign & { n: number }): number {
  checkDesign(d);
  if (!(d.n > 0)) throw new EstimationError('n must be above 0.');
  const { p1, p2, alpha = 0.05, sides = 2 } = d;
  const q1 = 1 - p1;
  const q2 = 1 - p2;
  const z = PhiInv(1 - alpha / sides);
  return Phi(
    (Math.sqrt(d.n) * Math.abs(p1 - p2) - z * Math.sqrt(((p1 + p2) * (q1 + q2)) / 2)) /
      Math.sqrt(p1 * q1 + p2 * q2),
  );
}

/** People per arm for the power wanted (unrounded: `power.prop.test`'s n; round it up). */
export function sizeForProportions(d: ProportionsDesign & { power?: number }): number {
  checkDesign(d);
  const { p1, p2, alpha = 0.05, sides = 2, power = 0.8 } = d;
  if (!(power > 0 && power < 1)) throw new EstimationError('power must be between 0 and 1.');
  const q1 = 1 - p1;
  const q2 = 1 - p2;
  const za = PhiInv(1 - alpha / sides);
  const zb = PhiInv(power);
  return (
    ((za * Math.sqrt(((p1 + p2) * (q1 + q2)) / 2) + zb * Math.sqrt(p1 * q1 + p2 * q2)) /
      Math.abs(p1 - p2)) **
    2
  );
}

export type Spending = 'obf' | 'pocock';

/** Cumulative one-sided alpha spent by information fraction t (Lan & DeMets 1983). */
export function alphaSpent(spending: Spending, alpha: number, t: number): number {
  if (t <= 0) return 0;
  const s = Math.min(t, 1);
  return spending === 'obf'
    ? 2 - 2 * Phi(PhiInv(1 - alpha / 2) / Math.sqrt(s))
    : alpha * Math.log(1 + (Math.E - 1) * s);
}

/** Simpson weights for an even number of intervals over [a, b]. */
function simpson(a: number, b: number, intervals: number) {
  const m = intervals + (intervals % 2);
  const h = (b - a) / m;
  const x = new Float64Array(m + 1);
  const w = new Float64Array(m + 1);
  for (let i = 0; i <= m; i++) {
    x[i] = a + i * h;
    w[i] = (h / 3) * (i === 0 || i === m ? 1 : i % 2 ? 4 : 2);
  }
  return { x, w };
}

export interface Boundaries {
  /** One-sided efficacy boundary on the z scale, per look. */
  z: number[];
  /** Cumulative alpha spent by each look. */
  alphaSpent: number[];
}

/**
 * One-sided efficacy boundaries for looks at the information fractions (ascending, the last
 * usually 1): at look k the chance under no effect of crossing there, and not before, equals
 * the alpha spent between look k−1 and k. The joint law of the z statistics (independent
 * increments of the score) is integrated numerically on a grid (Armitage, McPherson & Rowe;
 * Jennison & Turnbull ch. 19). Futility stops are non-binding: they do not change these.
 */
export function efficacyBoundaries(
  looks: number[],
  options: { alpha?: number; spending?: Spending } = {},
): Boundaries {
  const { alpha = 0.025, spending = 'obf' } = options;
  if (looks.length === 0 || looks.length > 10)
    throw new EstimationError('Give between 1 and 10 looks.');
  if (!(alpha > 0 && alpha < 0.5)) throw new EstimationError('alpha must be between 0 and 0.5.');
  looks.forEach((t, k) => {
    if (!(t > 0 && t <= 1)) throw new EstimationError('Information fractions lie in (0, 1].');
    if (k > 0 && !(t > looks[k - 1]!))
      throw new EstimationError('Information fractions must increase from look to look.');
  });
  const z: number[] = [];
  const spent: number[] = [];
  // Density of the score S_k = Z_k·√t_k on the continuation region, on a grid.
  let grid: { x: Float64Array; f: Float64Array } | null = null;
  let previous = 0;
  let prevT = 0;
  const LOW = -8;
  for (const t of looks) {
    const cumulative = alphaSpent(spending, alpha, t);
    const target = cumulative - previous;
    const dt = t - prevT;
    const sd = Math.sqrt(dt);
    const crossing = (b: number) => {
      if (!grid) return 1 - Phi(b);
      let p = 0;
      const s = b * Math.sqrt(t);
      for (let i = 0; i < grid.x.length; i++) p += grid.f[i]! * (1 - Phi((s - grid.x[i]!) / sd));
      return p;
    };
    let b: number;
    if (target <= 1e-15) b = Infinity;
    else if (!grid) b = PhiInv(1 - target);
    else {
      let lo = -2;
      let hi = 12;
      for (let it = 0; it < 200 && hi - lo > 1e-10; it++) {
        const mid = (lo + hi) / 2;
        if (crossing(mid) > target) lo = mid;
        else hi = mid;
      }
      b = (lo + hi) / 2;
    }
    z.push(b);
    spent.push(cumulative);
    // The density of S on (LOW·√t, b·√t), carried to the next look.
    const top = Math.min(b, 12) * Math.sqrt(t);
    const { x, w } = simpson(LOW * Math.sqrt(t), top, 2000);
    const f = new Float64Array(x.length);
    for (let j = 0; j < x.length; j++) {
      let v = 0;
      if (!grid) v = phi(x[j]! / sd) / sd;
      else
        for (let i = 0; i < grid.x.length; i++)
          v += grid.f[i]! * (phi((x[j]! - grid.x[i]!) / sd) / sd);
      f[j] = v * w[j]!;
    }
    grid = { x, f };
    previous = cumulative;
    prevT = t;
  }
  return { z, alphaSpent: spent };
}

/** Benjamini–Hochberg adjusted p-values (as R's `p.adjust(p, "BH")`), in the input order. */
export function adjustBH(p: number[]): number[] {
  for (const v of p)
    if (!(v >= 0 && v <= 1)) throw new EstimationError(`p-values lie in [0, 1] (not ${v}).`);
  const n = p.length;
  const order = p.map((v, i) => [v, i] as const).sort((a, b) => b[0] - a[0]);
  const out = new Array<number>(n);
  let running = 1;
  order.forEach(([v, i], r) => {
    running = Math.min(running, (v * n) / (n - r));
    out[i] = running;
  });
  return out;
}
