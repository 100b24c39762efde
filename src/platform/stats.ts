// Descriptive statistics shared by the areas' reports. Pure.

/** Nearest-rank percentile (p in 0…1) of a non-empty list. */
export function percentile(values: readonly number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.max(0, Math.ceil(p * s.length) - 1)]!;
}
