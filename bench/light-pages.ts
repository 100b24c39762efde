// The citizen's light pages as an old phone on a slow network gets them: Lighthouse 12.2.3
// (mobile emulation, simulated slow 4G, 4× CPU slowdown) against the app served by `npm start`
// on the Copenhagen demo — what is transferred, not what the build reports. The staff app's
// login page is the baseline measured in the same run.
//
//   npm run bench:light       targets: performance ≥ 0.95 and ≤ 150 KiB on the light pages
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import lighthouse from 'lighthouse';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from '../e2e/server-log';

const ROOT = path.resolve(import.meta.dirname, '..');
const PORT = 3390;
const DEBUG_PORT = 9334;
const BASE = `http://localhost:${PORT}`;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'digiloft-bench-light-'));

process.stderr.write('Starting the app on the demo (first start builds and seeds) …\n');
const server = spawn('npm', ['start', '--silent'], {
  cwd: ROOT,
  env: {
    ...process.env,
    PORT: String(PORT),
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    DATABASE_URL: '',
  },
  stdio: 'ignore',
  detached: true,
});
try {
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${BASE}/api/health`)).ok) break;
    } catch {
      // starting
    }
    if (i > 1800) throw new Error('the app did not start');
    await new Promise((r) => setTimeout(r, 100));
  }
  const login = await fetch(`${BASE}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'ementor@demo.digiloft.dk', password: 'digiloft-demo' }),
  });
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const [workshop] = (await (
    await fetch(`${BASE}/api/workshops`, { headers: { cookie } })
  ).json()) as { id: string }[];

  const pages = [
    ['the test (/test)', `${BASE}/test`],
    ['workshop check-in (door QR code)', `${BASE}/vaerksted/${workshop!.id}/tjek-ind`],
    ['baseline: the staff app (/)', `${BASE}/`],
  ] as const;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [`--remote-debugging-port=${DEBUG_PORT}`, ...CHROMIUM_ARGS],
  });
  const rows: {
    name: string;
    score: number;
    fcp: number;
    lcp: number;
    tbt: number;
    kib: number;
  }[] = [];
  try {
    for (const [name, url] of pages) {
      process.stderr.write(`Lighthouse: ${name} …\n`);
      const result = await lighthouse(url, {
        port: DEBUG_PORT,
        output: 'json',
        onlyCategories: ['performance'],
        logLevel: 'error',
      });
      const lhr = result!.lhr;
      const num = (id: string) => lhr.audits[id]?.numericValue ?? NaN;
      rows.push({
        name,
        score: lhr.categories.performance!.score ?? 0,
        fcp: num('first-contentful-paint') / 1000,
        lcp: num('largest-contentful-paint') / 1000,
        tbt: num('total-blocking-time'),
        kib: num('total-byte-weight') / 1024,
      });
    }
  } finally {
    await browser.close();
  }
  const pad = (s: string) => s.padEnd(36);
  process.stdout.write(
    `${pad('page')}perf   FCP s  LCP s  TBT ms  transferred KiB\n` +
      rows
        .map(
          (r) =>
            `${pad(r.name)}${r.score.toFixed(2).padStart(4)}  ${r.fcp.toFixed(2).padStart(5)}  ${r.lcp.toFixed(2).padStart(5)}  ${r.tbt.toFixed(0).padStart(6)}  ${r.kib.toFixed(1).padStart(8)}\n`,
        )
        .join(''),
  );
  const baseline = rows[2]!;
  const light = rows.slice(0, 2);
  process.stdout.write(
    JSON.stringify({
      test: { score: light[0]!.score, kib: Math.round(light[0]!.kib) },
      checkIn: { score: light[1]!.score, kib: Math.round(light[1]!.kib) },
      baseline: { score: baseline.score, kib: Math.round(baseline.kib) },
      ratio: Math.round((Math.max(...light.map((r) => r.kib)) / baseline.kib) * 100) / 100,
    }) + '\n',
  );
} finally {
  try {
    process.kill(-server.pid!, 'SIGTERM');
  } catch {
    // gone
  }
  fs.rmSync(dataDir, { recursive: true, force: true });
}
