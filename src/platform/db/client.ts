import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { sql } from 'drizzle-orm';

/** No relational-query schema: queries name their tables, which each area owns. */
export type Schema = Record<string, never>;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** Stores take either, so a use case can run several of them in one transaction. */
export type DbOrTx = Db | Tx;
export type DbKind = 'pglite' | 'postgres';

export interface Database {
  db: Db;
  kind: DbKind;
  migrate(): Promise<void>;
  close(): Promise<void>;
  /**
   * Calls `onPayload` for each NOTIFY on `channel` (sent with pg_notify, delivered at commit),
   * from this process or any other on the same database. Returns the way to stop listening.
   * A lost connection is retried with growing pauses until it is back; notifications sent
   * meanwhile are gone, so `onResumed` is called once listening again, to catch up.
   */
  listen(
    channel: string,
    onPayload: (payload: string) => void,
    onResumed?: () => void,
  ): Promise<() => Promise<void>>;
  /** Whether every listener is connected (live updates flow). */
  listening(): boolean;
}

/** Pauses between attempts to get a lost listener back: 0.25 s doubling up to 15 s. */
export function reconnectDelayMs(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(15_000, 250 * 2 ** Math.min(attempt, 10));
  return Math.round(base * (0.75 + 0.5 * random()));
}

const CHANNEL = /^[a-z_]+$/;

const MIGRATIONS = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../migrations',
);

export type DatabaseTarget =
  { kind: 'pglite'; dataDir?: string } | { kind: 'postgres'; url: string };

export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  if (target.kind === 'pglite') {
    if (target.dataDir) fs.mkdirSync(target.dataDir, { recursive: true });
    const client = await PGlite.create(target.dataDir ? { dataDir: target.dataDir } : {});
    // One Db type for both drivers: the query builder API the app uses is the same.
    const db = drizzlePglite(client) as unknown as Db;
    return {
      db,
      kind: 'pglite',
      migrate: async () => {
        await migratePglite(drizzlePglite(client), { migrationsFolder: MIGRATIONS });
      },
      close: () => client.close(),
      listen: async (channel, onPayload) => {
        if (!CHANNEL.test(channel)) throw new Error(`bad channel name ${channel}`);
        return client.listen(channel, onPayload);
      },
      // In-process: nothing to lose.
      listening: () => true,
    };
  }
  // A request waits at most a few seconds for a connection while the server is away, and is
  // answered 503 then (platform/http/app.ts) instead of hanging.
  const pool = new pg.Pool({
    connectionString: target.url,
    max: 10,
    connectionTimeoutMillis: 5000,
    keepAlive: true,
  });
  const listeners = new Set<() => Promise<void>>();
  const down = new Set<string>();
  // An idle client that loses its server must not take the whole process down.
  pool.on('error', () => undefined);
  const pgDb = drizzlePg(pool);
  return {
    // One Db type for both drivers: the query builder API the app uses is the same.
    db: pgDb as unknown as Db,
    kind: 'postgres',
    migrate: async () => {
      // Several app processes may start at once; one migrates, the others wait.
      const client = await pool.connect();
      try {
        await client.query('select pg_advisory_lock(727274)');
        await migratePg(drizzlePg(client), { migrationsFolder: MIGRATIONS });
      } finally {
        await client.query('select pg_advisory_unlock(727274)').catch(() => undefined);
        client.release();
      }
    },
    close: async () => {
      for (const stop of [...listeners]) await stop();
      await pool.end();
    },
    listen: async (channel, onPayload, onResumed) => {
      if (!CHANNEL.test(channel)) throw new Error(`bad channel name ${channel}`);
      // One dedicated connection per listener (a pooled one would go back to the pool).
      const id = `${channel}:${crypto.randomUUID()}`;
      let client: pg.Client | null = null;
      let stopped = false;
      let attempt = 0;
      let timer: NodeJS.Timeout | null = null;
      const connect = async (): Promise<void> => {
        const c = new pg.Client({ connectionString: target.url, keepAlive: true });
        c.on('notification', (msg) => {
          if (msg.channel === channel) onPayload(msg.payload ?? '');
        });
        // 'error' and 'end' may both come for one loss: only the current client counts.
        const lost = () => {
          if (stopped || client !== c) return;
          client = null;
          down.add(id);
          c.end().catch(() => undefined);
          retry();
        };
        c.on('error', lost);
        c.on('end', lost);
        try {
          await c.connect();
          await c.query(`listen ${channel}`);
        } catch (err) {
          c.end().catch(() => undefined);
          throw err;
        }
        client = c;
        down.delete(id);
      };
      const retry = () => {
        if (stopped || timer) return;
        timer = setTimeout(() => {
          timer = null;
          if (stopped) return;
          connect().then(
            () => {
              attempt = 0;
              onResumed?.();
            },
            () => {
              attempt++;
              retry();
            },
          );
        }, reconnectDelayMs(attempt));
        timer.unref();
      };
      await connect();
      const stop = async () => {
        stopped = true;
        if (timer) clearTimeout(timer);
        down.delete(id);
        listeners.delete(stop);
        await client?.end().catch(() => undefined);
      };
      listeners.add(stop);
      return stop;
    },
    listening: () => down.size === 0,
  };
}

export async function ping(db: Db): Promise<void> {
  await db.execute(sql`select 1`);
}
