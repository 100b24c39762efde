import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { csvDialect, toCsv } from './csv';

// Checked with a strict parser (csv-parse: no relaxed quotes or column counts) as a Danish
// Excel and a script would read the files.
const header = ['navn', 'andel', 'antal', 'note'];
const rows = [
  ['Ærø, Åse', 0.25, 3, 'siger "hej"'],
  ['-abc', -1.5, 0, '=HYPERLINK("http://x")'],
  ['+45 12 34 56 78', null, 12, '@SUM(A1)'],
  ['linje 1\nlinje 2', 1e-7, 7, 'ok;ok'],
];

describe('toCsv', () => {
  it('for a Danish Excel: semicolons, decimal commas, BOM, formulas defused', () => {
    const csv = toCsv(header, rows, 'excel-da');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    const table: string[][] = parse(csv, { bom: true, delimiter: ';', relax_column_count: false });
    expect(table[0]).toEqual(header);
    expect(table[1]).toEqual(['Ærø, Åse', '0,25', '3', 'siger "hej"']);
    // Numbers stay numbers (a negative one too); text that looks like a formula does not run.
    expect(table[2]).toEqual(["'-abc", '-1,5', '0', `'=HYPERLINK("http://x")`]);
    expect(table[3]).toEqual(["'+45 12 34 56 78", '', '12', "'@SUM(A1)"]);
    expect(table[4]).toEqual(['linje 1\nlinje 2', '1e-7', '7', 'ok;ok']);
  });

  it('for machines (RFC 4180): commas, points, no BOM, text as it is', () => {
    const csv = toCsv(header, rows, 'rfc4180');
    expect(csv.startsWith('\uFEFF')).toBe(false);
    const table: string[][] = parse(csv, { relax_column_count: false });
    expect(table[1]).toEqual(['Ærø, Åse', '0.25', '3', 'siger "hej"']);
    expect(table[2]).toEqual(['-abc', '-1.5', '0', '=HYPERLINK("http://x")']);
    expect(table).toHaveLength(5);
  });

  it('picks the spreadsheet form by the user’s language unless asked for plain CSV', () => {
    expect(csvDialect('excel', 'da')).toBe('excel-da');
    expect(csvDialect('excel', 'en')).toBe('excel-en');
    expect(csvDialect('rfc4180', 'da')).toBe('rfc4180');
    const en = toCsv(header, rows, 'excel-en');
    expect(parse(en, { bom: true })[1]).toEqual(['Ærø, Åse', '0.25', '3', 'siger "hej"']);
  });
});
