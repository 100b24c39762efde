// Platform benchmark: seconds from `npm start` to healthy (embedded PGlite and PostgreSQL),
// and requests/s of an authenticated, audited citizen-profile read against /api/health
// measured in the same run. Loopback only; every load is bounded in time.
//
//   npm run bench            (PostgreSQL part uses BENCH_DATABASE_URL or the local server)
import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';

const ROOT = path.resolve(import.meta.dirname, '..');
const PG_ADMIN = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const DURATION = Number(process.env.BENCH_SECONDS ?? 8);
let port = 3310;

interface Server {
  proc: ChildProcess;
  url: string;
  seconds: number;
}

async function startServer(env: Record<string, string>): Promise<Server> {
  const p = port++;
  const url = `http://127.0.0.1:${p}`;
  const t0 = performance.now();
  const proc = spawn('npm', ['start', '--silent'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(p), LOG_LEVEL: 'warn', ...env },
    stdio: 'ignore',
    detached: true,
  });
  for (;;) {
    if (proc.exitCode !== null) throw new Error('server exited during start');
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (performance.now() - t0 > 180_000) throw new Error('server did not become healthy in 180 s');
    await new Promise((r) => setTimeout(r, 50));
  }
  return { proc, url, seconds: (performance.now() - t0) / 1000 };
}

async function stop(s: Server) {
  try {
    process.kill(-s.proc.pid!, 'SIGTERM');
  } catch {
    return;
  }
  await new Promise((r) => s.proc.once('exit', r));
}

async function login(url: string, email: string): Promise<string> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: 'digiloft-demo' }),
  });
  if (!res.ok) throw new Error(`login failed: ${res.status}`);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('dl_session='))!;
  return cookie.split(';')[0]!;
}

async function load(url: string, headers: Record<string, string> = {}) {
  const result = await autocannon({ url, connections: 10, duration: DURATION, headers });
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return { rps: Math.round(result.requests.average), p99: result.latency.p99 };
}

async function profileVsHealth(url: string) {
  const cookie = await login(url, 'caseworker@demo.digiloft.dk');
  const list = (await (await fetch(`${url}/api/citizens`, { headers: { cookie } })).json()) as {
    id: string;
  }[];
  const id = list[0]!.id;
  const health = await load(`${url}/api/health`);
  const profile = await load(`${url}/api/citizens/${id}`, { cookie });
  return { health, profile, ratio: Number((profile.rps / health.rps).toFixed(3)) };
}

async function pgDatabase(): Promise<{ url: string; drop: () => Promise<void> } | null> {
  const admin = new pg.Client({ connectionString: PG_ADMIN });
  try {
    await admin.connect();
  } catch {
    return null;
  }
  const name = `dl_bench_${crypto.randomBytes(4).toString('hex')}`;
  await admin.query(`create database ${name}`);
  await admin.end();
  const u = new URL(PG_ADMIN);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    drop: async () => {
      const a = new pg.Client({ connectionString: PG_ADMIN });
      await a.connect();
      await a.query(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}

function runCli(args: string[], env: Record<string, string>) {
  return new Promise<void>((resolve, reject) => {
    const p = spawn(path.join(ROOT, 'bin/digiloft'), args, {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: 'ignore',
    });
    p.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`digiloft ${args.join(' ')} exited ${code}`)),
    );
  });
}

const out: Record<string, unknown> = {};
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'digiloft-bench-'));

process.stderr.write('PGlite: first start (migrations + Copenhagen demo seed) …\n');
let s = await startServer({ DATA_DIR: dataDir, DATABASE_URL: '' });
out.pglite_first_start_s = Number(s.seconds.toFixed(2));
await stop(s);
process.stderr.write('PGlite: warm start …\n');
s = await startServer({ DATA_DIR: dataDir, DATABASE_URL: '' });
out.pglite_start_s = Number(s.seconds.toFixed(2));
process.stderr.write(`PGlite: load, ${DURATION} s per target …\n`);
out.pglite = await profileVsHealth(s.url);
await stop(s);
fs.rmSync(dataDir, { recursive: true, force: true });

const db = await pgDatabase();
if (db) {
  const env = { DATABASE_URL: db.url, CPR_KEY: crypto.randomBytes(32).toString('base64') };
  try {
    process.stderr.write('PostgreSQL: first start (migrations) …\n');
    s = await startServer(env);
    out.postgres_first_start_s = Number(s.seconds.toFixed(2));
    await stop(s);
    await runCli(['seed', '--demo'], env);
    process.stderr.write('PostgreSQL: warm start …\n');
    s = await startServer(env);
    out.postgres_start_s = Number(s.seconds.toFixed(2));
    process.stderr.write(`PostgreSQL: load, ${DURATION} s per target …\n`);
    out.postgres = await profileVsHealth(s.url);
    await stop(s);
  } finally {
    await db.drop();
  }
} else {
  process.stderr.write(`No PostgreSQL at ${PG_ADMIN}; PostgreSQL figures skipped.\n`);
}

const row = (label: string, v: unknown) =>
  process.stdout.write(`${label.padEnd(52)} ${String(v)}\n`);
row('npm start → healthy, PGlite, first start (s)', out.pglite_first_start_s);
row('npm start → healthy, PGlite, warm (s)', out.pglite_start_s);
for (const kind of ['pglite', 'postgres'] as const) {
  const r = out[kind] as Awaited<ReturnType<typeof profileVsHealth>> | undefined;
  if (!r) continue;
  if (kind === 'postgres') {
    row('npm start → healthy, PostgreSQL, first start (s)', out.postgres_first_start_s);
    row('npm start → healthy, PostgreSQL, warm (s)', out.postgres_start_s);
  }
  row(`${kind}: GET /api/health (req/s, p99 ms)`, `${r.health.rps}, ${r.health.p99}`);
  row(
    `${kind}: GET /api/citizens/:id, audited (req/s, p99 ms)`,
    `${r.profile.rps}, ${r.profile.p99}`,
  );
  row(`${kind}: profile / health ratio`, r.ratio);
}
process.stdout.write(JSON.stringify(out) + '\n');
