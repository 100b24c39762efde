import { logistic, normalQuadrature, type Quadrature } from './irt.model';

/** Response patterns with counts: x[r][j] is 0, 1 or null (not answered). */
export interface ResponseData {
  itemIds: string[];
  patterns: (0 | 1 | null)[][];
  counts: number[];
}

export interface CalibratedItem {
  id: string;
  a: number;
  d: number;
  b: number;
}

export interface CalibrationResult {
  items: CalibratedItem[];
  logLik: number;
  iterations: number;
  converged: boolean;
}

export interface CalibrationOptions {
  quadrature?: Quadrature;
  maxIterations?: number;
  /** Stop when no parameter moves more than this between EM cycles. */
  tolerance?: number;
  onIteration?: (iteration: number, logLik: number, maxChange: number) => void;
}

/**
 * Marginal maximum likelihood for the 2PL model by EM (Bock & Aitkin 1981), θ ~ N(0,1) on a
 * fixed quadrature (61 points on ±6 by default, as mirt). Missing answers are skipped.
 */
export function calibrate2pl(
  data: ResponseData,
  options: CalibrationOptions = {},
): CalibrationResult {
  const quad = options.quadrature ?? normalQuadrature();
  const maxIterations = options.maxIterations ?? 5000;
  const tolerance = options.tolerance ?? 1e-7;
  const J = data.itemIds.length;
  const R = data.patterns.length;
  const Q = quad.nodes.length;
  const nodes = quad.nodes;
  const logW = Float64Array.from(quad.weights, Math.log);

  // Start values: a = 1, d from the proportion answering correctly.
  const a = new Float64Array(J).fill(1);
  const d = new Float64Array(J);
  for (let j = 0; j < J; j++) {
    let right = 0;
    let total = 0;
    for (let r = 0; r < R; r++) {
      const x = data.patterns[r]![j];
      if (x === null || x === undefined) continue;
      total += data.counts[r]!;
      if (x === 1) right += data.counts[r]!;
    }
    const p = Math.min(Math.max((right + 0.5) / (total + 1), 0.01), 0.99);
    d[j] = Math.log(p / (1 - p)) * 1.3;
  }

  const logP = new Float64Array(J * Q);
  const log1mP = new Float64Array(J * Q);
  const post = new Float64Array(Q);
  const N = new Float64Array(J * Q);
  const Rr = new Float64Array(J * Q);
  let logLik = -Infinity;
  let iterations = 0;
  let converged = false;

  const eStep = (): number => {
    for (let j = 0; j < J; j++) {
      for (let q = 0; q < Q; q++) {
        const z = a[j]! * nodes[q]! + d[j]!;
        // log σ(z) and log(1 − σ(z)) without overflow.
        const lp = z >= 0 ? -Math.log1p(Math.exp(-z)) : z - Math.log1p(Math.exp(z));
        logP[j * Q + q] = lp;
        log1mP[j * Q + q] = lp - z;
      }
    }
    N.fill(0);
    Rr.fill(0);
    let ll = 0;
    for (let r = 0; r < R; r++) {
      const x = data.patterns[r]!;
      const n = data.counts[r]!;
      let max = -Infinity;
      for (let q = 0; q < Q; q++) {
        let s = logW[q]!;
        for (let j = 0; j < J; j++) {
          const xj = x[j];
          if (xj === 1) s += logP[j * Q + q]!;
          else if (xj === 0) s += log1mP[j * Q + q]!;
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
          const xj = x[j];
          if (xj === null || xj === undefined) continue;
          N[j * Q + q]! += w;
          if (xj === 1) Rr[j * Q + q]! += w;
        }
      }
    }
    return ll;
  };

  for (iterations = 1; iterations <= maxIterations; iterations++) {
    logLik = eStep();
    let maxChange = 0;
    // M-step: each item maximises its expected complete-data log-likelihood (Newton on a, d).
    for (let j = 0; j < J; j++) {
      let aj = a[j]!;
      let dj = d[j]!;
      for (let it = 0; it < 25; it++) {
        let ga = 0;
        let gd = 0;
        let haa = 0;
        let had = 0;
        let hdd = 0;
        for (let q = 0; q < Q; q++) {
          const t = nodes[q]!;
          const p = logistic(aj * t + dj);
          const n = N[j * Q + q]!;
          const resid = Rr[j * Q + q]! - n * p;
          const w = n * p * (1 - p);
          ga += resid * t;
          gd += resid;
          haa += w * t * t;
          had += w * t;
          hdd += w;
        }
        const det = haa * hdd - had * had;
        if (!(det > 1e-12)) break;
        let da = (hdd * ga - had * gd) / det;
        let dd = (haa * gd - had * ga) / det;
        const big = Math.max(Math.abs(da), Math.abs(dd));
        if (big > 1) {
          da /= big;
          dd /= big;
        }
        aj += da;
        dj += dd;
        if (big < 1e-10) break;
      }
      aj = Math.min(Math.max(aj, -10), 10);
      dj = Math.min(Math.max(dj, -20), 20);
      maxChange = Math.max(maxChange, Math.abs(aj - a[j]!), Math.abs(dj - d[j]!));
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
    items: data.itemIds.map((id, j) => ({ id, a: a[j]!, d: d[j]!, b: -d[j]! / a[j]! })),
    logLik,
    iterations: Math.min(iterations, maxIterations),
    converged,
  };
}

/**
 * Reads a 0/1/blank CSV with a header row (one column per item) and an optional count column
 * holding how many respondents gave that pattern.
 */
export function parseResponseCsv(
  text: string,
  countColumn?: string,
  onlyColumns?: readonly string[],
): ResponseData {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  if (lines.length < 2) throw new Error('The CSV needs a header row and at least one data row.');
  const header = lines[0]!.split(',').map((h) => h.trim().replace(/^"|"$/g, ''));
  const countIdx = countColumn ? header.indexOf(countColumn) : -1;
  if (countColumn && countIdx < 0) throw new Error(`No column named "${countColumn}".`);
  const itemCols = header
    .map((h, i) => ({ h, i }))
    .filter((c) => c.i !== countIdx && (!onlyColumns || onlyColumns.includes(c.h)));
  const patterns: (0 | 1 | null)[][] = [];
  const counts: number[] = [];
  lines.slice(1).forEach((line, k) => {
    const cells = line.split(',').map((c) => c.trim());
    const row = itemCols.map(({ i, h }) => {
      const v = cells[i] ?? '';
      if (v === '' || v.toUpperCase() === 'NA') return null;
      if (v === '0' || v === '1') return Number(v) as 0 | 1;
      throw new Error(`Row ${k + 2}, column "${h}": expected 0, 1 or blank, got "${v}".`);
    });
    let n = 1;
    if (countIdx >= 0) {
      n = Number(cells[countIdx]);
      if (!Number.isFinite(n) || n < 0)
        throw new Error(`Row ${k + 2}: the count must be a number ≥ 0.`);
    }
    patterns.push(row);
    counts.push(n);
  });
  return { itemIds: itemCols.map((c) => c.h), patterns, counts };
}
