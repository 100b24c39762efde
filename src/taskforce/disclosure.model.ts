// Statistical disclosure control for every figure the taskforce's views show: a count of one to
// four people is never shown, nor a share or median resting on so few, so nobody can be picked
// out of a small centre or cohort.
import { SUPPRESS_BELOW } from './taskforce.constants';

/** A count as shown: the number, or null with `suppressed` when it is 1–4. */
export interface Shown {
  n: number | null;
  suppressed: boolean;
}

export const isSmall = (n: number) => n > 0 && n < SUPPRESS_BELOW;

export function shownCount(n: number): Shown {
  return isSmall(n) ? { n: null, suppressed: true } : { n, suppressed: false };
}

/**
 * Cells that add up to a total that is shown: the small ones are hidden, and when exactly one is
 * hidden the next smallest is hidden too, or it could be worked out from the total (secondary
 * suppression).
 */
export function shownCells<K>(cells: readonly { key: K; n: number }[]): ({ key: K } & Shown)[] {
  const hidden = new Set(cells.filter((c) => isSmall(c.n)).map((c) => c.key));
  if (hidden.size === 1) {
    const next = cells.filter((c) => !hidden.has(c.key) && c.n > 0).sort((a, b) => a.n - b.n)[0];
    if (next) hidden.add(next.key);
  }
  return cells.map((c) =>
    hidden.has(c.key)
      ? { key: c.key, n: null, suppressed: true }
      : { key: c.key, n: c.n, suppressed: false },
  );
}

/** A share shown only when both the part and the whole are five or more (or the part is 0). */
export function shownShare(
  part: number,
  whole: number,
): { value: number | null; suppressed: boolean } {
  if (whole === 0) return { value: null, suppressed: false };
  if (isSmall(part) || isSmall(whole)) return { value: null, suppressed: true };
  return { value: part / whole, suppressed: false };
}
