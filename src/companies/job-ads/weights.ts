// Weights as the model file keeps them: integers (the weight × SCALE, rounded), only those that
// matter, as [index, value, index, value, …] — a quarter of the size of plain rows, measured by
// `demand evaluate` as shipped.
export const SCALE = 10;

/** Sparse integer rows from averaged rows; entries below `min` (in weight units) are dropped. */
export function compact(rows: Map<string, number[]>, min: number): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  for (const [f, row] of rows) {
    const pairs: number[] = [];
    row.forEach((w, i) => {
      const q = Math.round(w * SCALE);
      if (q !== 0 && Math.abs(w) >= min) pairs.push(i, q);
    });
    if (pairs.length > 0) out[f] = pairs;
  }
  return out;
}

/** Dense rows (by feature) back from the file's sparse ones, for fast scoring. */
export function expand(sparse: Record<string, number[]>, width: number): Map<string, Float64Array> {
  const out = new Map<string, Float64Array>();
  for (const [f, pairs] of Object.entries(sparse)) {
    const row = new Float64Array(width);
    for (let j = 0; j < pairs.length; j += 2) row[pairs[j]!] = pairs[j + 1]! / SCALE;
    out.set(f, row);
  }
  return out;
}
