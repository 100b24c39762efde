// Register import at scale: 1,000,000 weekly rows (20,000 citizens × 50 weeks) from a CSV file
// into PostgreSQL, checked first and written in one transaction. The baseline, timed in the same
// run, is reading and parsing the same file without checking or writing it.
//
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:register
//
// A temporary database is created on that server and dropped afterwards.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse';
import { count, sql } from 'drizzle-orm';
import { openDatabase } from '../src/platform/db/client';
import { CprCipher } from '../src/platform/crypto/cpr-cipher';
import { importRegister } from '../src/pilots';
import { registerWeeks } from '../src/pilots/pilots.schema';
import { buildMunicipality } from '../src/app/testing/factories';
import { createTempDatabase } from '../src/platform/testing/test-db';
import { progressBar } from '../src/platform/cli/progress';

const CITIZENS = Number(process.env.BENCH_CITIZENS ?? 20_000);
const WEEKS = 50;
const adminUrl = process.env.DATABASE_URL;
if (!adminUrl) {
  process.stderr.write(
    'bench:register needs a PostgreSQL server: DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:register\n',
  );
  process.exit(2);
}
const temp = await createTempDatabase(adminUrl, 'dl_bench');
const file = path.join(os.tmpdir(), `${temp.name}.csv`);
const seconds = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e9;

try {
  const database = await openDatabase({ kind: 'postgres', url: temp.url });
  await database.migrate();
  const cipher = new CprCipher(crypto.randomBytes(32));
  const m = await buildMunicipality(database.db);
  process.stderr.write(`Creating ${CITIZENS.toLocaleString('en')} citizens …\n`);
  const cprs: string[] = [];
  for (let i = 0; i < CITIZENS; i += 2000) {
    const rows = [];
    for (let k = i; k < Math.min(i + 2000, CITIZENS); k++) {
      const cpr = `${String(1 + (k % 28)).padStart(2, '0')}${String(1 + ((k >> 5) % 12)).padStart(2, '0')}8${k % 10}${String(k).padStart(4, '0').slice(-4)}`;
      cprs.push(cpr);
      rows.push(
        sql`(${m.id}::uuid, ${cipher.encrypt(cpr)}, ${cipher.hash(`cpr:${cpr}`)}, '1985-01-01', 'Bench', 'Borger')`,
      );
    }
    await database.db.execute(
      sql`insert into citizens (municipality_id, cpr_cipher, cpr_hash, birth_date, first_name, last_name) values ${sql.join(rows, sql`, `)}`,
    );
  }
  process.stderr.write(`Writing ${(CITIZENS * WEEKS).toLocaleString('en')} register rows …\n`);
  const out = fs.createWriteStream(file);
  out.write('cpr,week,benefit,employed,education\n');
  for (const cpr of cprs) {
    let chunk = '';
    for (let w = 1; w <= WEEKS; w++) {
      const working = w > 30 && (cpr.charCodeAt(9) + w) % 3 === 0;
      chunk += `${cpr},2025-W${String(w).padStart(2, '0')},${working ? '' : 'dagpenge'},${working ? 1 : 0},0\n`;
    }
    if (!out.write(chunk)) await new Promise<void>((r) => out.once('drain', () => r()));
  }
  await new Promise<void>((r) => out.end(() => r()));
  const size = fs.statSync(file).size;

  // Baseline: read and parse only.
  let t0 = process.hrtime.bigint();
  let parsed = 0;
  const parser = fs.createReadStream(file).pipe(parse({ bom: true }));
  parser.on('data', () => parsed++);
  await new Promise<void>((resolve, reject) => {
    parser.on('end', () => resolve());
    parser.on('error', reject);
  });
  const baseline = seconds(t0);

  const reading = progressBar('Checking rows', true);
  const writing = progressBar('Writing rows', true);
  const rssBefore = process.memoryUsage().rss;
  t0 = process.hrtime.bigint();
  const report = await importRegister(database.db, cipher, m.id, fs.createReadStream(file), {
    totalBytes: size,
    onProgress: (phase, done, total) => (phase === 'read' ? reading : writing).update(done, total),
  });
  const took = seconds(t0);
  reading.stop();
  writing.stop();
  const [{ n }] = (await database.db.select({ n: count() }).from(registerWeeks)) as [{ n: number }];
  await database.close();
  const peak = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(
    [
      `Register import into PostgreSQL: ${report.rows.toLocaleString('en')} rows (${(size / 1e6).toFixed(0)} MB CSV), ${n.toLocaleString('en')} in the table`,
      `  import                ${took.toFixed(2)} s  (${Math.round(report.rows / took).toLocaleString('en')} rows/s)`,
      `  baseline: parse only  ${baseline.toFixed(2)} s  (${(parsed - 1).toLocaleString('en')} rows)`,
      `  ratio                 ${(took / baseline).toFixed(1)} × parsing alone`,
      `  peak memory           ${peak.toFixed(0)} MB (process; ${(rssBefore / 1048576).toFixed(0)} MB before the import)`,
    ].join('\n') + '\n',
  );
  if (n !== report.rows || report.problemCount > 0) process.exitCode = 1;
} finally {
  fs.rmSync(file, { force: true });
  await temp.drop();
}
