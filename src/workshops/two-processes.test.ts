import { spawn, execFile, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import net, { type AddressInfo } from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, postgresOnly } from '../platform/testing/test-db';
import { PROJECT_ROOT } from '../platform/bootstrap';
import type { Database } from '../platform/db/client';
import { enqueue } from '../platform/messaging/outbox';
import { startSmtpServer } from '../platform/testing/smtp-server';
import { municipalities } from '../organisation/organisation.schema';

// Two app processes on one PostgreSQL, as behind a load balancer: a change made through one
// reaches a queue screen served by the other, through LISTEN/NOTIFY. PostgreSQL only (PGlite
// is in-process by nature); the PostgreSQL pass of `npm test` runs it.
const BIN = path.join(PROJECT_ROOT, 'bin/digiloft');
const onPostgres = postgresOnly();

let database: (Database & { url?: string }) | null = null;
const procs: ChildProcess[] = [];
const env = () => ({
  ...process.env,
  DATABASE_URL: database!.url!,
  CPR_KEY: KEY,
  LOG_LEVEL: 'warn',
  HOST: '127.0.0.1',
});
const KEY = crypto.randomBytes(32).toString('base64');
const bases: string[] = [];

/**
 * Ports nothing listens on, held open together so the two differ. A random port from a range
 * once met MariaDB's 3306 on the test machine and the server could not start.
 */
async function freePorts(count: number): Promise<number[]> {
  const servers = Array.from({ length: count }, () => net.createServer());
  await Promise.all(servers.map((srv) => new Promise<void>((r) => srv.listen(0, '127.0.0.1', r))));
  const ports = servers.map((srv) => (srv.address() as AddressInfo).port);
  await Promise.all(servers.map((srv) => new Promise((r) => srv.close(r))));
  return ports;
}

async function serve(port: number): Promise<string> {
  const child = spawn(process.execPath, [BIN, 'serve'], {
    env: { ...env(), PORT: String(port) },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  procs.push(child);
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 200; i++) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) return base;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`server on ${port} did not start`);
}

describe.skipIf(!onPostgres)('two server processes on one PostgreSQL', () => {
  beforeAll(async () => {
    database = await openTestDatabase();
    await promisify(execFile)(process.execPath, [BIN, 'seed', '--demo', '--citizens', '20'], {
      env: env(),
    });
  }, 60_000);
  afterAll(async () => {
    for (const p of procs) p.kill();
    await database?.close();
  });

  it('a change made through one appears on a queue screen served by the other', async () => {
    const [portA, portB] = await freePorts(2);
    const [a, b] = await Promise.all([serve(portA!), serve(portB!)]);
    bases.push(a, b);

    const login = await fetch(`${a}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'ementor@demo.digiloft.dk', password: 'digiloft-demo' }),
    });
    expect(login.status).toBe(200);
    const cookie = login.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const workshops = (await (
      await fetch(`${a}/api/workshops`, { headers: { cookie } })
    ).json()) as {
      id: string;
    }[];
    const siteId = workshops[0]!.id;

    // The screen subscribes on process B.
    const screen = new AbortController();
    const stream = await fetch(`${b}/api/workshops/${siteId}/live`, { signal: screen.signal });
    expect(stream.headers.get('content-type')).toContain('text/event-stream');
    const reader = stream.body!.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    const nextSnapshot = async (): Promise<{ waiting: number[] }> => {
      for (;;) {
        const end = buffer.indexOf('\n\n');
        if (end >= 0) {
          const event = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = event.split('\n').find((l) => l.startsWith('data: '));
          if (data) return JSON.parse(data.slice(6)) as { waiting: number[] };
          continue;
        }
        const { value, done } = await reader.read();
        if (done) throw new Error('stream ended');
        buffer += decoder.decode(value, { stream: true });
      }
    };
    expect((await nextSnapshot()).waiting).toEqual([]);

    // The eMentor registers a walk-in on process A.
    const sent = performance.now();
    const walkIn = await fetch(`${a}/api/workshops/${siteId}/walk-in`, {
      method: 'POST',
      // What a browser on our page sends with a write (cookie-carrying writes need it).
      headers: { 'content-type': 'application/json', cookie, origin: a },
      body: JSON.stringify({ firstName: 'Vera', topic: 'mitid' }),
    });
    expect(walkIn.status).toBe(201);
    const number = ((await walkIn.json()) as { number: number }).number;
    const seen = await nextSnapshot();
    const latencyMs = performance.now() - sent;
    screen.abort();
    expect(seen.waiting).toEqual([number]);
    // The requirement: on the other process's screen within one second.
    process.stdout.write(`walk-in on A seen on B's screen after ${latencyMs.toFixed(0)} ms\n`);
    expect(latencyMs).toBeLessThan(1000);
  }, 60_000);

  it('both send the outbox through the municipality’s mail server, and nothing goes twice', async () => {
    const [a] = bases;
    expect(a).toBeDefined();
    const server = await startSmtpServer();
    try {
      const login = await fetch(`${a}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'admin@demo.digiloft.dk', password: 'digiloft-demo' }),
      });
      expect(login.status).toBe(200);
      const cookie = login.headers
        .getSetCookie()
        .map((c) => c.split(';')[0])
        .join('; ');
      const put = await fetch(`${a}/api/settings/mail`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json', cookie, origin: a! },
        body: JSON.stringify({
          enabled: true,
          host: '127.0.0.1',
          port: server.port,
          security: 'none',
          username: null,
          fromAddress: 'noreply@kk.dk',
          fromName: 'Jobcenter København',
        }),
      });
      expect(put.status, await put.text()).toBe(200);
      const [m] = await database!.db.select({ id: municipalities.id }).from(municipalities);
      const N = 40;
      for (let i = 0; i < N; i++)
        await enqueue(database!.db, m!.id, {
          channel: 'email',
          kind: 'appointment_confirmation',
          recipient: `borger${i}@example.dk`,
          subject: `Besked ${i}`,
          body: 'Hej',
          sendAfter: new Date(),
        });
      // Each process's worker runs every half minute.
      // (The demo's own messages, e.g. survey reminders, go out through it too.)
      const ours = () =>
        server.received.map((x) => x.subject ?? '').filter((x) => x.startsWith('Besked '));
      for (let i = 0; i < 900 && ours().length < N; i++)
        await new Promise((r) => setTimeout(r, 100));
      await new Promise((r) => setTimeout(r, 1500));
      const subjects = ours();
      expect(subjects).toHaveLength(N);
      expect(new Set(subjects).size).toBe(N);
    } finally {
      await server.close();
    }
  }, 120_000);
});
