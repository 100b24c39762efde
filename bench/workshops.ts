// Workshop queue under load: walk-in (a ticket like a check-in, made by the eMentor) plus call-next against a real PostgreSQL while 1,000
// queue screens are subscribed to live updates, with /api/health measured in the same run as
// the baseline. The server runs as its own process (as in production); this process drives
// the load and holds the screens. Loopback only, bounded in time.
//
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:workshops
//
// A temporary database is created on that server and dropped afterwards.
import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import http from 'node:http';
import path from 'node:path';
import autocannon from 'autocannon';
import { openDatabase } from '../src/platform/db/client';
import { createTempDatabase } from '../src/platform/testing/test-db';
import { CprCipher } from '../src/platform/crypto/cpr-cipher';
import { seedDemo } from '../src/demo/seed-demo';
import { workshopSettings } from '../src/workshops/workshops.schema';
import { sites } from '../src/organisation/organisation.schema';
import { eq } from 'drizzle-orm';

const SUBSCRIBERS = Number(process.env.BENCH_SUBSCRIBERS ?? 1000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const PORT = 3400 + Math.floor(Math.random() * 400);
const BASE = `http://127.0.0.1:${PORT}`;

const adminUrl = process.env.DATABASE_URL;
if (!adminUrl) {
  process.stderr.write(
    'bench:workshops needs a PostgreSQL server: DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:workshops\n',
  );
  process.exit(2);
}

const step = (s: string) => process.stderr.write(`${s}\n`);
const temp = await createTempDatabase(adminUrl, 'dl_bench');
const name = temp.name;
const key = crypto.randomBytes(32).toString('base64');
let server: ChildProcess | null = null;
const sockets: http.ClientRequest[] = [];

async function cleanup() {
  for (const s of sockets) s.destroy();
  if (server && server.exitCode === null) {
    const exited = new Promise((r) => server!.once('exit', r));
    server.kill();
    await exited;
  }
  await temp.drop().catch((err: unknown) => {
    process.stderr.write(`could not drop ${name}: ${String(err)}\n`);
  });
}

try {
  step(`Preparing database ${name} (migrations, demo users, an always-open workshop) …`);
  const database = await openDatabase({ kind: 'postgres', url: temp.url });
  await database.migrate();
  await seedDemo(database.db, new CprCipher(Buffer.from(key, 'base64')), { citizens: 8 });
  const [site] = await database.db.select().from(sites).where(eq(sites.hasWorkshop, true));
  const allDay: [string, string] = ['00:00', '24:00'];
  await database.db.insert(workshopSettings).values({
    siteId: site!.id,
    municipalityId: site!.municipalityId,
    capacity: 20,
    serviceMinutes: 15,
    openOnHolidays: true,
    openingHours: Object.fromEntries(['1', '2', '3', '4', '5', '6', '7'].map((d) => [d, allDay])),
  });
  await database.close();

  step(`Starting the server on port ${PORT} …`);
  server = spawn(
    process.execPath,
    [path.resolve(import.meta.dirname, '../bin/digiloft'), 'serve'],
    {
      env: {
        ...process.env,
        DATABASE_URL: temp.url,
        CPR_KEY: key,
        PORT: String(PORT),
        HOST: '127.0.0.1',
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${BASE}/api/health`)).ok) break;
    } catch {
      // starting
    }
    if (i > 300) throw new Error('server did not start');
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

  // A backlog, so "call next" always finds someone. The eMentor registers the arrivals as
  // walk-ins: anonymous check-ins are limited per source, and this load comes from one.
  const walkIn = JSON.stringify({ firstName: 'Bench', topic: 'mitid' });
  const staff = { 'content-type': 'application/json', cookie, origin: BASE };
  for (let i = 0; i < 300; i++)
    await fetch(`${BASE}/api/workshops/${site!.id}/walk-in`, {
      method: 'POST',
      headers: staff,
      body: walkIn,
    });

  step(`Subscribing ${SUBSCRIBERS} queue screens …`);
  let events = 0;
  const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });
  await Promise.all(
    Array.from(
      { length: SUBSCRIBERS },
      () =>
        new Promise<void>((resolve, reject) => {
          const req = http.get(`${BASE}/api/workshops/${site!.id}/live`, { agent }, (res) => {
            res.setEncoding('utf8');
            res.on('data', (chunk: string) => {
              events += chunk.split('\n\n').length - 1;
            });
            resolve();
          });
          req.on('error', reject);
          sockets.push(req);
        }),
    ),
  );
  const eventsBefore = events;

  const run = (opts: autocannon.Options) =>
    new Promise<autocannon.Result>((resolve, reject) => {
      const instance = autocannon(opts, (err: unknown, result) =>
        err ? reject(err instanceof Error ? err : new Error('autocannon failed')) : resolve(result),
      );
      autocannon.track(instance, { renderProgressBar: true, renderResultsTable: false });
    });

  step(`Walk-in + call-next for ${SECONDS} s over ${CONNECTIONS} connections …`);
  const queue = await run({
    url: BASE,
    connections: CONNECTIONS,
    duration: SECONDS,
    requests: [
      {
        method: 'POST',
        path: `/api/workshops/${site!.id}/walk-in`,
        headers: staff,
        body: walkIn,
      },
      {
        method: 'POST',
        path: `/api/workshops/${site!.id}/queue/next`,
        headers: staff,
        body: '{}',
      },
    ],
  });
  const pushed = events - eventsBefore;

  step(`Baseline: /api/health for ${SECONDS} s over ${CONNECTIONS} connections …`);
  const health = await run({
    url: `${BASE}/api/health`,
    connections: CONNECTIONS,
    duration: SECONDS,
  });

  const rps = queue.requests.average;
  const p99 = queue.latency.p99;
  const healthRps = health.requests.average;
  const row = (label: string, v: string) => process.stdout.write(`${label.padEnd(56)} ${v}\n`);
  row('subscribed queue screens', String(SUBSCRIBERS));
  row(
    'walk-in + call-next: requests/s (target ≥ 500)',
    `${rps.toFixed(0)}${rps >= 500 ? '' : '  MISSED'}`,
  );
  row(
    'walk-in + call-next: p50 / p99 ms (target p99 ≤ 100)',
    `${queue.latency.p50} / ${p99}${p99 <= 100 ? '' : '  MISSED'}`,
  );
  row('errors / non-2xx responses', `${queue.errors} / ${queue.non2xx}`);
  row('snapshots pushed to screens during the run', String(pushed));
  row('/api/health requests/s (baseline)', healthRps.toFixed(0));
  row('queue requests/s ÷ health requests/s', (rps / healthRps).toFixed(2));
  process.stdout.write(
    JSON.stringify({
      rps: Math.round(rps),
      p99_ms: p99,
      subscribers: SUBSCRIBERS,
      health_rps: Math.round(healthRps),
      ratio: Math.round((rps / healthRps) * 1000) / 1000,
    }) + '\n',
  );
} finally {
  await cleanup();
}
