// Classical and IRT statistics per item, from stored answers. Pure.
import { percentile } from '../platform/stats';
import { p2pl, type IrtItem } from './irt';

export interface ItemAnswer {
  itemId: string;
  score: number;
  /** The final ability estimate of the test the answer belongs to. */
  theta: number;
  /** How long the answer took, where the page measured it. */
  ms?: number | null;
}

export interface ItemStats {
  itemId: string;
  responses: number;
  /** Share of completed tests that showed the item. */
  exposure: number;
  proportionCorrect: number | null;
  /** Point-biserial correlation of the item score with the test's ability estimate. */
  itemThetaCorrelation: number | null;
  /** Outfit mean square: mean squared standardised residual; about 1 when the model fits. */
  outfit: number | null;
  /** Median seconds to answer: an item far slower than its kind may be hard to read. */
  medianSeconds: number | null;
}

function correlation(xs: number[], ys: number[]): number | null {
  const n = xs.length;
  if (n < 3) return null;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (xs[i]! - mx) * (ys[i]! - my);
    sxx += (xs[i]! - mx) ** 2;
    syy += (ys[i]! - my) ** 2;
  }
  return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : null;
}

export function itemStatistics(
  items: readonly { id: string; model: IrtItem; scored: boolean }[],
  answers: readonly ItemAnswer[],
  completedTests: number,
): ItemStats[] {
  const byItem = new Map<string, ItemAnswer[]>();
  for (const a of answers) {
    const list = byItem.get(a.itemId) ?? [];
    list.push(a);
    byItem.set(a.itemId, list);
  }
  return items.map((item) => {
    const list = byItem.get(item.id) ?? [];
    const seconds = list.flatMap((a) => (a.ms == null ? [] : [a.ms / 1000]));
    const base = {
      itemId: item.id,
      responses: list.length,
      exposure: completedTests > 0 ? list.length / completedTests : 0,
      medianSeconds: seconds.length ? percentile(seconds, 0.5) : null,
    };
    if (!item.scored || list.length === 0 || item.model.kind !== '2pl') {
      return { ...base, proportionCorrect: null, itemThetaCorrelation: null, outfit: null };
    }
    const model = item.model;
    const scores = list.map((a) => a.score);
    const outfit =
      list.reduce((s, a) => {
        const p = p2pl(model, a.theta);
        return s + (a.score - p) ** 2 / (p * (1 - p));
      }, 0) / list.length;
    return {
      ...base,
      proportionCorrect: scores.reduce((a, b) => a + b, 0) / list.length,
      itemThetaCorrelation: correlation(
        scores,
        list.map((a) => a.theta),
      ),
      outfit,
    };
  });
}
