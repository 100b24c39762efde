// `npm test`: every suite. Every test file runs on PostgreSQL, and the files that use a database
// (route tests, stores, jobs) run again on embedded PGlite; then the browser journeys. Off CI a
// missing PostgreSQL or Chromium skips that suite loudly (PGlite then runs every file); with
// CI=true it fails instead.
//
// One clock: the PostgreSQL pass runs with the app's clock a year ahead of the database
// server's (libfaketime), so a test that mixes the two clocks, or a date that turns into a
// time bomb, fails today rather than next year. `CLOCK_AHEAD=all` runs every suite a year
// ahead (`npm run test:ahead`).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const ci = process.env.CI === 'true' || process.env.CI === '1';
const only = process.argv[2];
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const results = [];
const AHEAD = '+365d';
const FAKETIME = ['/usr/bin/faketime', '/usr/local/bin/faketime'].find((p) => fs.existsSync(p));
const allAhead = process.env.CLOCK_AHEAD === 'all';
const hasPoppler = ['/usr/bin/pdftotext', '/usr/local/bin/pdftotext'].some((p) => fs.existsSync(p));

function run(name, cmd, args, env = {}, ahead = allAhead) {
  if (ahead) {
    [cmd, args] = [FAKETIME, ['-f', AHEAD, cmd, ...args]];
    name += ` — with the app's clock a year ahead (faketime ${AHEAD})`;
  }
  process.stderr.write(`\n▶ ${name}\n`);
  const started = performance.now();
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  results.push({ name, ok: r.status === 0, seconds: (performance.now() - started) / 1000 });
  return r.status === 0;
}

function skip(name, why) {
  if (ci) {
    process.stderr.write(`\n✖ ${name}: ${why} (CI=true, so this fails)\n`);
    results.push({ name, ok: false });
  } else {
    process.stderr.write(`\n⚠ ${name} SKIPPED: ${why}\n`);
    results.push({ name, ok: true, skipped: true });
  }
}

function reachable(url) {
  return new Promise((resolve) => {
    const u = new URL(url);
    const socket = net.connect({ host: u.hostname, port: Number(u.port || 5432) });
    socket.setTimeout(1500);
    socket.on('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.on('error', () => resolve(false));
    socket.on('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });
}

const vitest = ['node_modules/vitest/vitest.mjs', 'run'];

if (allAhead && !FAKETIME) {
  process.stderr.write('✖ CLOCK_AHEAD=all needs faketime (apt-get install faketime)\n');
  process.exit(1);
}

// The PostgreSQL pass notes the files that opened a database (database-use.setup.ts); only those
// are run again on PGlite: the rest would repeat themselves, minutes of CI for nothing.
const databaseUse = path.join(os.tmpdir(), `digiloft-database-use-${process.pid}.txt`);
let postgresRan = false;

if (!only || only === 'postgres') {
  const url = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  if (await reachable(url)) {
    if (!FAKETIME) skip('the clock a year ahead', 'no faketime (apt-get install faketime)');
    fs.rmSync(databaseUse, { force: true });
    run(
      'unit and route tests on PostgreSQL',
      process.execPath,
      vitest,
      { TEST_DB: 'postgres', TEST_DATABASE_URL: url, DATABASE_USE_LOG: databaseUse },
      Boolean(FAKETIME),
    );
    postgresRan = true;
  } else {
    skip(
      'route tests on PostgreSQL',
      `no PostgreSQL at ${url.replace(/\/\/[^@]*@/, '//')} (set TEST_DATABASE_URL)`,
    );
  }
}

if (!only) {
  const files =
    postgresRan && fs.existsSync(databaseUse)
      ? [...new Set(fs.readFileSync(databaseUse, 'utf8').split('\n').filter(Boolean))].sort()
      : [];
  fs.rmSync(databaseUse, { force: true });
  if (files.length > 0)
    run(
      `route tests again on PGlite (the ${files.length} files that use a database)`,
      process.execPath,
      [...vitest, ...files],
      { TEST_DB: 'pglite' },
    );
  else run('unit and route tests on PGlite', process.execPath, vitest, { TEST_DB: 'pglite' });
}

if (!only || only === 'e2e') {
  if (fs.existsSync(CHROMIUM) && !hasPoppler) {
    skip('browser journeys', 'no poppler (apt-get install poppler-utils) to read the PDFs');
  } else if (fs.existsSync(CHROMIUM)) {
    run(
      'browser journeys (Playwright, Chromium)',
      process.execPath,
      ['node_modules/@playwright/test/cli.js', 'test'],
      {
        CHROMIUM_PATH: CHROMIUM,
      },
    );
  } else {
    skip('browser journeys', `no Chromium at ${CHROMIUM} (apt-get install chromium)`);
  }
}

process.stderr.write('\nSummary:\n');
for (const r of results)
  process.stderr.write(
    `  ${r.ok ? (r.skipped ? '⚠ skipped' : '✔ passed ') : '✖ FAILED '}  ${r.name}${r.seconds === undefined ? '' : ` (${Math.floor(r.seconds / 60)} min ${Math.round(r.seconds % 60)} s)`}\n`,
  );
process.exit(results.every((r) => r.ok) ? 0 : 1);
