// Importing register data (one row per citizen and week, DREAM-style) from CSV: every row is
// checked first and the import is all or nothing. Rows about people who are not citizens of the
// municipality are counted and skipped (a register extract covers more people than we know).
import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { sql } from 'drizzle-orm';
import type { Db } from '../platform/db/client';
import type { CprCipher } from '../platform/crypto/cpr-cipher';
import { citizenIdsByCprHash } from '../people';
import { mondayOfIsoWeek } from './pilots.model';

export const BENEFITS = [
  'dagpenge',
  'kontanthjaelp',
  'uddannelseshjaelp',
  'sygedagpenge',
  'ledighedsydelse',
  'revalidering',
  'foertidspension',
  'andet',
] as const;

export const REGISTER_COLUMNS = ['cpr', 'week', 'benefit', 'employed', 'education'] as const;

export interface RowProblem {
  line: number;
  column: string;
  message: string;
}

export interface ImportReport {
  rows: number;
  imported: number;
  /** Rows about people who are not citizens here: skipped. */
  unknownPeople: number;
  /** The first problems (at most 100); `problemCount` counts them all. */
  problems: RowProblem[];
  problemCount: number;
}

export type Progress = (phase: 'read' | 'write', done: number, total: number) => void;

const MAX_LISTED = 100;
const BATCH = 20_000;

/** Reads, checks and (only if every row is right) writes the rows in one transaction. */
export async function importRegister(
  db: Db,
  cipher: CprCipher,
  municipalityId: string,
  input: Readable | string,
  options: { onProgress?: Progress; totalBytes?: number } = {},
): Promise<ImportReport> {
  const known = await citizenIdsByCprHash(db, municipalityId);

  const ids: string[] = [];
  const weeks: string[] = [];
  const benefits: (string | null)[] = [];
  const employed: boolean[] = [];
  const education: boolean[] = [];
  const problems: RowProblem[] = [];
  let problemCount = 0;
  let rows = 0;
  let unknownPeople = 0;
  const problem = (line: number, column: string, message: string) => {
    problemCount++;
    if (problems.length < MAX_LISTED) problems.push({ line, column, message });
  };
  const hashes = new Map<string, string>();

  const source = typeof input === 'string' ? Readable.from([input]) : input;
  const parser = source.pipe(
    parse({ bom: true, trim: true, skip_empty_lines: true, relax_column_count: true }),
  );
  let header: string[] | null = null;
  let index: Record<string, number> = {};
  let bytes = 0;
  source.on('data', (chunk: Buffer | string) => (bytes += chunk.length));
  try {
    // csv-parse without `columns` yields each record as an array of strings.
    for await (const record of parser as AsyncIterable<string[]>) {
      if (!header) {
        header = record.map((h) => h.toLowerCase());
        const missing = REGISTER_COLUMNS.filter((c) => !header!.includes(c));
        if (missing.length > 0) {
          problem(1, missing.join(', '), 'missing_columns');
          break;
        }
        index = Object.fromEntries(REGISTER_COLUMNS.map((c) => [c, header!.indexOf(c)]));
        continue;
      }
      rows++;
      const line = rows + 1;
      const cell = (c: (typeof REGISTER_COLUMNS)[number]) => record[index[c]!] ?? '';
      let ok = true;
      const cpr = cell('cpr').replace('-', '');
      if (!/^\d{10}$/.test(cpr)) {
        problem(line, 'cpr', 'cpr_format');
        ok = false;
      }
      const monday = mondayOfIsoWeek(cell('week'));
      if (!monday) {
        problem(line, 'week', 'week_format');
        ok = false;
      }
      const benefit = cell('benefit');
      if (benefit !== '' && !(BENEFITS as readonly string[]).includes(benefit)) {
        problem(line, 'benefit', 'benefit_unknown');
        ok = false;
      }
      const flags = (['employed', 'education'] as const).map((c) => {
        const v = cell(c);
        if (v !== '0' && v !== '1') {
          problem(line, c, 'not_0_or_1');
          ok = false;
        }
        return v === '1';
      });
      if (rows % 50_000 === 0) options.onProgress?.('read', bytes, options.totalBytes ?? bytes);
      if (!ok || problemCount > 0) continue;
      let hash = hashes.get(cpr);
      if (!hash) {
        hash = cipher.hash(`cpr:${cpr}`);
        hashes.set(cpr, hash);
      }
      const id = known.get(hash);
      if (!id) {
        unknownPeople++;
        continue;
      }
      ids.push(id);
      weeks.push(monday!);
      benefits.push(benefit === '' ? null : benefit);
      employed.push(flags[0]!);
      education.push(flags[1]!);
    }
  } catch (err) {
    problem(rows + 2, '', `csv:${err instanceof Error ? err.message : String(err)}`);
  }
  if (!header && problemCount === 0) problem(1, '', 'empty');
  options.onProgress?.('read', options.totalBytes ?? bytes, options.totalBytes ?? bytes);
  const report = { rows, imported: 0, unknownPeople, problems, problemCount };
  if (problemCount > 0) return report;

  await db.transaction(async (tx) => {
    for (let at = 0; at < ids.length; at += BATCH) {
      const end = Math.min(at + BATCH, ids.length);
      // Column arrays through unnest: one statement per batch, five parameters.
      await tx.execute(sql`
        insert into register_weeks (municipality_id, citizen_id, week, benefit, employed, education)
        select ${municipalityId}::uuid, r.citizen_id, r.week, r.benefit, r.employed, r.education
        from unnest(
          ${sql.param(ids.slice(at, end))}::uuid[],
          ${sql.param(weeks.slice(at, end))}::date[],
          ${sql.param(benefits.slice(at, end))}::text[],
          ${sql.param(employed.slice(at, end))}::boolean[],
          ${sql.param(education.slice(at, end))}::boolean[]
        ) as r(citizen_id, week, benefit, employed, education)
        on conflict (municipality_id, citizen_id, week) do update
          set benefit = excluded.benefit, employed = excluded.employed, education = excluded.education`);
      options.onProgress?.('write', end, ids.length);
    }
  });
  return { ...report, imported: ids.length };
}
