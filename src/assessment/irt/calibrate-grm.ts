import { logistic, normalQuadrature } from './irt.model';
import type { CalibrationOptions } from './calibrate';

/** Ordered answers: x[r][j] is a category 0 … K_j−1, or null (not answered). */
export interface GradedData {
  itemIds: string[];
  /** Number of categories of each item (at least 2). */
  categories: number[];
  patterns: (number | null)[][];
  counts: number[];
}

export interface CalibratedGradedItem {
  id: string;
  a: number;
  /** K−1 decreasing intercepts: P(X ≥ k) = σ(a·θ + d[k−1]). */
  d: number[];
}

export interface GradedCalibrationResult {
  items: CalibratedGradedItem[];
  logLik: number;
  iterations: number;
  converged: boolean;
}

/** Solves A·x = b for a small dense symmetric positive-definite A (Gaussian elimination). */
function solve(A: number[][], b: number[]): number[] | null {
  const n = b.length;
  const M = A.map((row, i) => [...row, b[i]!]);
  for (let c = 0; c < n; c++) {
    let pivot = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(M[r]![c]!) > Math.abs(M[pivot]![c]!)) pivot = r;
    if (Math.abs(M[pivot]![c]!) < 1e-12) return null;
    [M[c], M[pivot]] = [M[pivot]!, M[c]!];
    for (let r = c + 1; r < n; r++) {
      const f = M[r]![c]! / M[c]![c]!;
      for (let k = c; k <= n; k++) M[r]![k]! -= f * M[c]![k]!;
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let s = M[r]![n]!;
    for (let k = r + 1; k < n; k++) s -= M[r]![k]! * x[k]!;
    x[r] = s / M[r]![r]!;
  }
  return x;
}

const decreasing = (d: number[]) => d.every((v, k) => k === 0 || v < d[k - 1]!);

/**
 * Marginal maximum likelihood for Samejima's graded response model by EM (Bock & Aitkin 1981),
 * θ ~ N(0,1) on a fixed quadrature, each item's M-step by Fisher scoring on (a, d_1 … d_{K−1}).
 * With two categories the model is the 2PL, and this gives calibrate2pl's estimates.
 */
export function calibrateGrm(
  data: GradedData,
  options: CalibrationOptions = {},
): GradedCalibrationResult {
  const quad = options.quadrature ?? normalQuadrature();
  const maxIterations = options.maxIterations ?? 5000;
  const tolerance = options.tolerance ?? 1e-7;
  const J = data.itemIds.length;
  const Q = quad.nodes.length;
  const nodes = quad.nodes;
  const logW = Float64Array.from(quad.weights, Math.log);
  const K = data.categories;

  // Start values: a = 1, intercepts from the share answering at least k.
  const a = new Array<number>(J).fill(1);
  const d: number[][] = K.map((k, j) => {
    const atLeast = new Array<number>(k).fill(0);
    let total = 0;
    data.patterns.forEach((x, r) => {
      const v = x[j];
      if (v === null || v === undefined) return;
      total += data.counts[r]!;
      for (let c = 1; c <= v; c++) atLeast[c]! += data.counts[r]!;
    });
    const out: number[] = [];
    for (let c = 1; c < k; c++) {
      const p = Math.min(Math.max((atLeast[c]! + 0.5) / (total + 1), 0.01), 0.99);
      const v = Math.log(p / (1 - p)) * 1.3;
      out.push(c > 1 ? Math.min(v, out[c - 2]! - 0.05) : v);
    }
    return out;
  });

  // Expected counts per item, node and category from the E-step.
  const r: Float64Array[] = K.map((k) => new Float64Array(Q * k));
  const logCat: Float64Array[] = K.map((k) => new Float64Array(Q * k));
  const post = new Float64Array(Q);

  const probs = (aj: number, dj: number[], t: number) => {
    const k = dj.length + 1;
    const star = new Array<number>(k + 1);
    star[0] = 1;
    star[k] = 0;
    for (let c = 1; c < k; c++) star[c] = logistic(aj * t + dj[c - 1]!);
    const p = new Array<number>(k);
    for (let c = 0; c < k; c++) p[c] = Math.max(star[c]! - star[c + 1]!, 1e-300);
    return { star, p };
  };

  const eStep = (): number => {
    for (let j = 0; j < J; j++)
      for (let q = 0; q < Q; q++) {
        const { p } = probs(a[j]!, d[j]!, nodes[q]!);
        for (let c = 0; c < K[j]!; c++) logCat[j]![q * K[j]! + c] = Math.log(p[c]!);
      }
    for (const x of r) x.fill(0);
    let ll = 0;
    data.patterns.forEach((x, row) => {
      const n = data.counts[row]!;
      let max = -Infinity;
      for (let q = 0; q < Q; q++) {
        let s = logW[q]!;
        for (let j = 0; j < J; j++) {
          const v = x[j];
          if (v !== null && v !== undefined) s += logCat[j]![q * K[j]! + v]!;
        }
        post[q] = s;
        if (s > max) max = s;
      }
      let sum = 0;
      for (let q = 0; q < Q; q++) {
        post[q] = Math.exp(post[q]! - max);
        sum += post[q]!;
      }
      ll += n * (max + Math.log(sum));
      for (let q = 0; q < Q; q++) {
        const w = (n * post[q]!) / sum;
        for (let j = 0; j < J; j++) {
          const v = x[j];
          if (v !== null && v !== undefined) r[j]![q * K[j]! + v]! += w;
        }
      }
    });
    return ll;
  };

  /** Expected complete-data log-likelihood of one item, for step control. */
  const itemLogLik = (j: number, aj: number, dj: number[]) => {
    let s = 0;
    for (let q = 0; q < Q; q++) {
      const { p } = probs(aj, dj, nodes[q]!);
      for (let c = 0; c < K[j]!; c++) s += r[j]![q * K[j]! + c]! * Math.log(p[c]!);
    }
    return s;
  };

  let logLik = -Infinity;
  let iterations = 0;
  let converged = false;
  for (iterations = 1; iterations <= maxIterations; iterations++) {
    logLik = eStep();
    let maxChange = 0;
    for (let j = 0; j < J; j++) {
      const k = K[j]!;
      const P = k; // parameters: a, d_1 … d_{k−1}
      let aj = a[j]!;
      let dj = [...d[j]!];
      for (let it = 0; it < 25; it++) {
        const g = new Array<number>(P).fill(0);
        const I = Array.from({ length: P }, () => new Array<number>(P).fill(0));
        for (let q = 0; q < Q; q++) {
          const t = nodes[q]!;
          const { star, p } = probs(aj, dj, t);
          const W = star.map((s) => s * (1 - s)); // W_0 = W_k = 0
          let n = 0;
          for (let c = 0; c < k; c++) n += r[j]![q * k + c]!;
          for (let c = 0; c < k; c++) {
            // ∂P_c / ∂(a, d_1 … d_{k−1})
            const v = new Array<number>(P).fill(0);
            v[0] = t * (W[c]! - W[c + 1]!);
            if (c >= 1) v[c] = W[c]!;
            if (c + 1 <= k - 1) v[c + 1] = -W[c + 1]!;
            const rc = r[j]![q * k + c]!;
            for (let u = 0; u < P; u++) {
              g[u]! += (rc * v[u]!) / p[c]!;
              for (let w = 0; w < P; w++) I[u]![w]! += (n * v[u]! * v[w]!) / p[c]!;
            }
          }
        }
        const step = solve(I, g);
        if (!step) break;
        const big = Math.max(...step.map(Math.abs));
        let scale = big > 1 ? 1 / big : 1;
        const before = itemLogLik(j, aj, dj);
        let moved = false;
        for (let half = 0; half < 20; half++) {
          const na = aj + scale * step[0]!;
          const nd = dj.map((v, c) => v + scale * step[c + 1]!);
          if (decreasing(nd) && itemLogLik(j, na, nd) >= before - 1e-9) {
            aj = na;
            dj = nd;
            moved = true;
            break;
          }
          scale /= 2;
        }
        if (!moved || big * scale < 1e-10) break;
      }
      aj = Math.min(Math.max(aj, -10), 10);
      dj = dj.map((v) => Math.min(Math.max(v, -20), 20));
      maxChange = Math.max(
        maxChange,
        Math.abs(aj - a[j]!),
        ...dj.map((v, c) => Math.abs(v - d[j]![c]!)),
      );
      a[j] = aj;
      d[j] = dj;
    }
    options.onIteration?.(iterations, logLik, maxChange);
    if (maxChange < tolerance) {
      converged = true;
      break;
    }
  }
  logLik = eStep();
  return {
    items: data.itemIds.map((id, j) => ({ id, a: a[j]!, d: d[j]! })),
    logLik,
    iterations: Math.min(iterations, maxIterations),
    converged,
  };
}
