// CSV files people open in their own tools. A Danish Excel splits lines on its list separator,
// the semicolon, reads 1,5 as a number and needs a byte-order mark to read UTF-8 (æ, ø, å);
// an English one wants commas and points; scripts want plain RFC 4180. And a spreadsheet runs
// a cell that starts with = + - @ as a formula, so text cells are defused in the forms meant
// for spreadsheets.
import { z } from 'zod';
import type { Lang } from './i18n/messages';

export type CsvCell = string | number | boolean | null | undefined;

export type CsvDialect = 'excel-da' | 'excel-en' | 'rfc4180';

/** `?format=excel` (the default: a spreadsheet in the user's language) or `rfc4180`. */
export const CsvFormat = z.enum(['excel', 'rfc4180']).default('excel');
export const CsvQuery = z.object({ format: CsvFormat });

export function csvDialect(format: 'excel' | 'rfc4180', lang: Lang): CsvDialect {
  if (format === 'rfc4180') return 'rfc4180';
  return lang === 'da' ? 'excel-da' : 'excel-en';
}

const FORMULA = /^[=+\-@\t\r]/;

function cell(v: CsvCell, dialect: CsvDialect, separator: string): string {
  if (v === null || v === undefined) return '';
  let s: string;
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return '';
    s = String(v);
    if (dialect === 'excel-da') s = s.replace('.', ',');
  } else if (typeof v === 'boolean') {
    s = v ? '1' : '0';
  } else {
    s = v;
    // Text that a spreadsheet would run as a formula is kept as text.
    if (dialect !== 'rfc4180' && FORMULA.test(s)) s = `'${s}`;
  }
  const quote = s.includes('"') || s.includes('\n') || s.includes('\r') || s.includes(separator);
  return quote ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A whole CSV file: header row, CRLF line ends, and a BOM for spreadsheets. */
export function toCsv(header: readonly string[], rows: readonly CsvCell[][], dialect: CsvDialect) {
  const separator = dialect === 'excel-da' ? ';' : ',';
  const lines = [header, ...rows].map((r) =>
    r.map((v) => cell(v, dialect, separator)).join(separator),
  );
  return `${dialect === 'rfc4180' ? '' : '\uFEFF'}${lines.join('\r\n')}\r\n`;
}

/** The Content-Type of a CSV file, naming its header row and separator for tools that care. */
export const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8; header=present';
