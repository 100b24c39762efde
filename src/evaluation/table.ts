// Reading an analyst's CSV (any columns, a header row) into numeric columns for the engines.
import { parse } from 'csv-parse/sync';

export class TableError extends Error {}

export interface Table {
  header: string[];
  rows: string[][];
}

export function parseTable(text: string): Table {
  let records: string[][];
  try {
    records = parse(text, {
      skip_empty_lines: true,
      trim: true,
      bom: true,
      relax_column_count: false,
    });
  } catch (err) {
    throw new TableError(
      `The CSV cannot be read: ${err instanceof Error ? err.message : String(err)}`,
    );
  }
  const [header, ...rows] = records;
  if (!header || rows.length === 0)
    throw new TableError('The CSV needs a header row and at least one data row.');
  return { header, rows };
}

const MISSING = new Set(['', 'NA', 'NaN', 'null', '.']);

export interface Columns {
  /** One array per requested column, rows with a missing value in any of them left out. */
  numeric: Record<string, Float64Array>;
  /** Text columns (e.g. a group), in the same rows. */
  text: Record<string, string[]>;
  /** Rows used, and rows left out for a missing value (listwise, as R does). */
  used: number;
  dropped: number;
}

/**
 * Picks columns by name. Numbers must be numbers: anything else is an error naming the row and
 * column (line numbers as in the file, header = 1), never a silent zero.
 */
export function columns(table: Table, numeric: string[], text: string[] = []): Columns {
  const index = (name: string) => {
    const i = table.header.indexOf(name);
    if (i < 0)
      throw new TableError(`No column named "${name}". Columns: ${table.header.join(', ')}.`);
    return i;
  };
  const ni = numeric.map(index);
  const ti = text.map(index);
  const keep: number[] = [];
  const values: number[][] = numeric.map(() => []);
  table.rows.forEach((row, r) => {
    if ([...ni, ...ti].some((i) => MISSING.has(row[i] ?? ''))) return;
    keep.push(r);
    ni.forEach((i, k) => {
      const cell = row[i]!;
      const v = Number(cell);
      if (!Number.isFinite(v))
        throw new TableError(`Line ${r + 2}, column "${numeric[k]}": "${cell}" is not a number.`);
      values[k]!.push(v);
    });
  });
  if (keep.length === 0) throw new TableError('No row has a value in every column needed.');
  return {
    numeric: Object.fromEntries(numeric.map((n, k) => [n, Float64Array.from(values[k]!)])),
    text: Object.fromEntries(text.map((n, k) => [n, keep.map((r) => table.rows[r]![ti[k]!]!)])),
    used: keep.length,
    dropped: table.rows.length - keep.length,
  };
}

/** A 0/1 column, refused when it holds anything else. */
export function binary(name: string, v: Float64Array): Uint8Array {
  const out = new Uint8Array(v.length);
  for (let i = 0; i < v.length; i++) {
    if (v[i] !== 0 && v[i] !== 1)
      throw new TableError(`Column "${name}" must hold 0 or 1; found ${v[i]}.`);
    out[i] = v[i]!;
  }
  return out;
}
