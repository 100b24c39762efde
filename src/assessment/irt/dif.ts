// Differential item functioning by language group: does an item ask more of citizens taking the
// test in one language than of equally able citizens taking it in another? Mantel–Haenszel
// over strata of the rest score (the score on the other items), with ETS's A/B/C classes
// (Holland & Thayer 1988; Zieky 1993; Dorans & Holland 1993). Pure: answers in, verdicts out.
import { normalCdf } from './irt.model';

/** One citizen's scored answers (1 right, 0 wrong, null not asked) and their group. */
export interface DifRecord {
  group: 'reference' | 'focal';
  answers: readonly (0 | 1 | null)[];
  /**
   * The matching stratum, when the rest score cannot serve: in an adaptive test each citizen
   * answers other items, so a count of right answers compares nothing. There the stratum is the
   * ability estimate in narrow bands, which orders citizens as their expected score on the rest
   * of the bank would (Zwick, Thayer & Wingersky 1994). Absent: the rest score.
   */
  stratum?: number;
}

export type EtsClass = 'A' | 'B' | 'C';

export interface DifResult {
  item: number;
  /** How many answered the item in each group. */
  reference: number;
  focal: number;
  /** The common odds ratio α_MH (> 1: the item favours the reference group). */
  alpha: number | null;
  /** MH D-DIF = −2.35 ln α_MH on the ETS delta scale (negative: against the focal group). */
  deltaDif: number | null;
  /** Its standard error (Robins–Breslow–Greenland variance of ln α_MH). */
  se: number | null;
  /** MH χ² (1 df, continuity corrected) and its p-value. */
  chiSquare: number | null;
  p: number | null;
  /** Null when too few answered in a group to say. */
  etsClass: EtsClass | null;
}

/** At least this many answers per group before an item is judged. */
export const DIF_MIN_PER_GROUP = 100;

/** Width of an ability band used as a stratum for adaptive tests, in logits. */
export const DIF_THETA_BAND = 0.25;

/** The stratum of an ability estimate: bands of DIF_THETA_BAND logits. */
export const thetaStratum = (theta: number) => Math.round(theta / DIF_THETA_BAND);

const Z_05_ONE_SIDED = 1.645;

/** An item too few answered, or whose strata hold no comparison. */
const UNJUDGED = {
  alpha: null,
  deltaDif: null,
  se: null,
  chiSquare: null,
  p: null,
  etsClass: null,
} as const;

/**
 * ETS's rule: A when |D| < 1 or not significant; C when |D| ≥ 1.5 and |D| significantly above 1;
 * B otherwise.
 */
export function etsClass(deltaDif: number, se: number, p: number): EtsClass {
  const size = Math.abs(deltaDif);
  if (size < 1 || p >= 0.05) return 'A';
  if (size >= 1.5 && (size - 1) / se > Z_05_ONE_SIDED) return 'C';
  return 'B';
}

/** Mantel–Haenszel DIF for every item, matched on the rest score (or the records' strata) among those who answered it. */
export function mantelHaenszel(
  records: readonly DifRecord[],
  items: number,
  minPerGroup = DIF_MIN_PER_GROUP,
): DifResult[] {
  const totals = records.map((r) => r.answers.reduce<number>((s, a) => s + (a ?? 0), 0));
  const out: DifResult[] = [];
  for (let i = 0; i < items; i++) {
    // Per rest score: [A ref right, B ref wrong, C focal right, D focal wrong].
    const strata = new Map<number, [number, number, number, number]>();
    let reference = 0;
    let focal = 0;
    records.forEach((r, k) => {
      const a = r.answers[i];
      if (a === null || a === undefined) return;
      const stratum = r.stratum ?? totals[k]! - a;
      const cell = strata.get(stratum) ?? [0, 0, 0, 0];
      const at = (r.group === 'reference' ? 0 : 2) + (a === 1 ? 0 : 1);
      cell[at]! += 1;
      strata.set(stratum, cell);
      if (r.group === 'reference') reference++;
      else focal++;
    });
    const base = { item: i, reference, focal };
    if (reference < minPerGroup || focal < minPerGroup) {
      out.push({ ...base, ...UNJUDGED });
      continue;
    }
    let num = 0;
    let den = 0;
    let sumA = 0;
    let sumE = 0;
    let sumV = 0;
    // Robins–Breslow–Greenland terms.
    let pr = 0;
    let ps = 0;
    let qs = 0;
    for (const [A, B, C, D] of strata.values()) {
      const n = A + B + C + D;
      if (n < 2) continue;
      const nRef = A + B;
      const nFoc = C + D;
      const right = A + C;
      const wrong = B + D;
      if (nRef === 0 || nFoc === 0) continue;
      const R = (A * D) / n;
      const S = (B * C) / n;
      num += R;
      den += S;
      sumA += A;
      sumE += (nRef * right) / n;
      sumV += (nRef * nFoc * right * wrong) / (n * n * (n - 1));
      const P = (A + D) / n;
      const Q = (B + C) / n;
      pr += P * R;
      ps += P * S + Q * R;
      qs += Q * S;
    }
    if (num === 0 || den === 0 || sumV === 0) {
      out.push({ ...base, ...UNJUDGED });
      continue;
    }
    const alpha = num / den;
    const varLn = pr / (2 * num * num) + ps / (2 * num * den) + qs / (2 * den * den);
    const deltaDif = -2.35 * Math.log(alpha);
    const se = 2.35 * Math.sqrt(varLn);
    const chiSquare = Math.max(0, Math.abs(sumA - sumE) - 0.5) ** 2 / sumV;
    const p = 2 * (1 - normalCdf(Math.sqrt(chiSquare)));
    out.push({ ...base, alpha, deltaDif, se, chiSquare, p, etsClass: etsClass(deltaDif, se, p) });
  }
  return out;
}
