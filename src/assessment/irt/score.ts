import {
  normalQuadrature,
  responseLogLik,
  type IrtItem,
  type Quadrature,
  type Response,
} from './irt.model';

export interface Score {
  theta: number;
  se: number;
}

const EAP_GRID = normalQuadrature(121, -6, 6);

/**
 * Expected a posteriori estimate with a N(0,1) prior: posterior mean and posterior SD, on a
 * quadrature grid. Works for any mix of 2PL and GRM items; unanswered items are skipped.
 */
export function eap(
  items: readonly IrtItem[],
  responses: readonly Response[],
  grid: Quadrature = EAP_GRID,
): Score {
  const { nodes, weights } = grid;
  const Q = nodes.length;
  const logPost = new Float64Array(Q);
  for (let q = 0; q < Q; q++) logPost[q] = Math.log(weights[q]!);
  for (let j = 0; j < items.length; j++) {
    const x = responses[j];
    if (x === null || x === undefined) continue;
    for (let q = 0; q < Q; q++) logPost[q]! += responseLogLik(items[j]!, x, nodes[q]!).l;
  }
  let max = -Infinity;
  for (let q = 0; q < Q; q++) if (logPost[q]! > max) max = logPost[q]!;
  let sum = 0;
  let m1 = 0;
  let m2 = 0;
  for (let q = 0; q < Q; q++) {
    const w = Math.exp(logPost[q]! - max);
    sum += w;
    m1 += w * nodes[q]!;
    m2 += w * nodes[q]! * nodes[q]!;
  }
  const mean = m1 / sum;
  return { theta: mean, se: Math.sqrt(Math.max(m2 / sum - mean * mean, 0)) };
}

/**
 * Maximum a posteriori estimate with a N(0,1) prior, by Newton's method; the standard error
 * comes from the curvature of the log posterior at the mode.
 */
export function map(items: readonly IrtItem[], responses: readonly Response[]): Score {
  let theta = 0;
  let d2 = -1;
  for (let iter = 0; iter < 100; iter++) {
    let d1 = -theta;
    d2 = -1;
    for (let j = 0; j < items.length; j++) {
      const x = responses[j];
      if (x === null || x === undefined) continue;
      const r = responseLogLik(items[j]!, x, theta);
      d1 += r.d1;
      d2 += r.d2;
    }
    // The N(0,1) prior keeps the log posterior strictly concave for 2PL; guard anyway.
    const step = d2 < -1e-9 ? -d1 / d2 : d1;
    const bounded = Math.max(-1, Math.min(1, step));
    theta = Math.max(-6, Math.min(6, theta + bounded));
    if (Math.abs(bounded) < 1e-10) break;
  }
  return { theta, se: 1 / Math.sqrt(-d2) };
}
