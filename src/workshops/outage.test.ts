import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AddressInfo } from 'node:net';
import { buildServer } from '../app/server';
import { openDatabase, type Database } from '../platform/db/client';
import { createTempDatabase, postgresOnly } from '../platform/testing/test-db';
import { startTcpProxy } from '../platform/testing/tcp-proxy';
import { TEST_PUBLIC_URL, testContext } from '../app/testing/test-app';
import { buildMunicipality, buildSite, buildUser, TEST_PASSWORD } from '../app/testing/factories';
import type { FastifyInstance } from 'fastify';

// A PostgreSQL outage of several seconds, for real: every connection of the app runs through a
// relay that the test cuts (sockets dropped, reconnects refused) and then restores. Requests
// during the outage get a 503 with a clear message, /api/health says live updates are down,
// and afterwards the queue screens get a fresh snapshot and every later change again, without
// a restart. PostgreSQL only: PGlite runs in the process and cannot lose its server.
const onPostgres = postgresOnly();

describe.skipIf(!onPostgres)('a PostgreSQL outage', () => {
  let temp: Awaited<ReturnType<typeof createTempDatabase>>;
  let proxy: Awaited<ReturnType<typeof startTcpProxy>>;
  let database: Database;
  let app: FastifyInstance;
  let base: string;
  const screen = new AbortController();

  beforeAll(async () => {
    temp = await createTempDatabase(process.env.TEST_DATABASE_URL!, 'dl_outage');
    const direct = new URL(temp.url);
    proxy = await startTcpProxy({ host: direct.hostname, port: Number(direct.port || 5432) });
    const viaProxy = new URL(temp.url);
    viaProxy.hostname = '127.0.0.1';
    viaProxy.port = String(proxy.port);
    database = await openDatabase({ kind: 'postgres', url: viaProxy.toString() });
    await database.migrate();
    app = await buildServer(testContext(database));
    await app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  }, 60_000);

  afterAll(async () => {
    screen.abort();
    await app?.close();
    await database?.close();
    await proxy?.close();
    await temp?.drop();
  });

  it('is answered with 503s, shown in /api/health, and live screens recover afterwards', async () => {
    const m = await buildMunicipality(database.db);
    const site = await buildSite(database.db, m.id);
    const user = await buildUser(database.db, m.id, ['ementor']);
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: user.email, password: TEST_PASSWORD }),
    });
    expect(login.status).toBe(200);
    const cookie = login.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');

    const stream = await fetch(`${base}/api/workshops/${site.id}/live`, { signal: screen.signal });
    const reader = stream.body!.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    const nextSnapshot = async (timeoutMs: number): Promise<{ waiting: number[] }> => {
      const deadline = performance.now() + timeoutMs;
      for (;;) {
        const end = buffer.indexOf('\n\n');
        if (end >= 0) {
          const event = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = event.split('\n').find((l) => l.startsWith('data: '));
          if (data) return JSON.parse(data.slice(6)) as { waiting: number[] };
          continue;
        }
        const left = deadline - performance.now();
        if (left <= 0) throw new Error('no snapshot in time');
        const chunk = await Promise.race([
          reader.read(),
          new Promise<null>((r) => setTimeout(() => r(null), left)),
        ]);
        if (chunk === null) throw new Error('no snapshot in time');
        if (chunk.done) throw new Error('stream ended');
        buffer += decoder.decode(chunk.value, { stream: true });
      }
    };
    expect((await nextSnapshot(5000)).waiting).toEqual([]);
    const health = async () => await fetch(`${base}/api/health`, { headers: { cookie } });
    expect(await (await health()).json()).toEqual({ status: 'ok', db: 'postgres', live: 'up' });

    // The outage: six seconds without the database server.
    await proxy.cut();
    await new Promise((r) => setTimeout(r, 1500));
    // Requests with a session (looked up in the database) get a clear 503, not a 500.
    const during = await fetch(`${base}/api/workshops`, { headers: { cookie } });
    expect(during.status).toBe(503);
    const duringBody = (await during.json()) as { error?: { code: string; message: string } };
    expect(duringBody.error?.code).toBe('database_unavailable');
    expect(duringBody.error?.message).toContain('database');
    const walkInDuring = await fetch(`${base}/api/workshops/${site.id}/walk-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, origin: TEST_PUBLIC_URL },
      body: JSON.stringify({ firstName: 'Ulla', topic: 'mitid' }),
    });
    expect(walkInDuring.status).toBe(503);
    expect(walkInDuring.headers.get('retry-after')).toBeTruthy();
    const down = await health();
    expect(down.status).toBe(503);
    expect(await down.json()).toMatchObject({ status: 'unavailable', live: 'down' });
    await new Promise((r) => setTimeout(r, 4500));
    await proxy.restore();

    // Back: the listener reconnects by itself, and says so.
    let h: { status: string; live: string } | null = null;
    for (let i = 0; i < 100; i++) {
      const res = await health();
      if (res.status === 200) {
        h = (await res.json()) as { status: string; live: string };
        if (h.live === 'up') break;
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(h).toMatchObject({ status: 'ok', live: 'up' });
    // The screen got a fresh snapshot on reconnecting …
    expect((await nextSnapshot(10_000)).waiting).toEqual([]);
    // … and hears the next change.
    const walkIn = await fetch(`${base}/api/workshops/${site.id}/walk-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, origin: TEST_PUBLIC_URL },
      body: JSON.stringify({ firstName: 'Vera', topic: 'mitid' }),
    });
    expect(walkIn.status).toBe(201);
    const number = ((await walkIn.json()) as { number: number }).number;
    expect((await nextSnapshot(5000)).waiting).toEqual([number]);
  }, 60_000);
});
