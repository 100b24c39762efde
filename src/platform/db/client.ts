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
import * as schema from './schema';

export type Schema = typeof schema;
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
   */
  listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>;
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
    const db = drizzlePglite(client, { schema }) as unknown as Db;
    return {
      db,
      kind: 'pglite',
      migrate: async () => {
        await migratePglite(drizzlePglite(client, { schema }), { migrationsFolder: MIGRATIONS });
      },
      close: () => client.close(),
      listen: async (channel, onPayload) => {
        if (!CHANNEL.test(channel)) throw new Error(`bad channel name ${channel}`);
        return client.listen(channel, onPayload);
      },
    };
  }
  const pool = new pg.Pool({ connectionString: target.url, max: 10 });
  const listeners = new Set<() => Promise<void>>();
  // An idle client that loses its server must not take the whole process down.
  pool.on('error', () => undefined);
  const pgDb = drizzlePg(pool, { schema });
  return {
    db: pgDb as unknown as Db,
    kind: 'postgres',
    migrate: async () => {
      // Several app processes may start at once; one migrates, the others wait.
      const client = await pool.connect();
      try {
        await client.query('select pg_advisory_lock(727274)');
        await migratePg(drizzlePg(client, { schema }), { migrationsFolder: MIGRATIONS });
      } finally {
        await client.query('select pg_advisory_unlock(727274)').catch(() => undefined);
        client.release();
      }
    },
    close: async () => {
      for (const stop of [...listeners]) await stop();
      await pool.end();
    },
    listen: async (channel, onPayload) => {
      if (!CHANNEL.test(channel)) throw new Error(`bad channel name ${channel}`);
      // One dedicated connection per listener (a pooled one would go back to the pool); it
      // reconnects after a lost server, so events resume without a restart.
      let client: pg.Client | null = null;
      let stopped = false;
      const connect = async (): Promise<void> => {
        const c = new pg.Client({ connectionString: target.url });
        c.on('notification', (msg) => {
          if (msg.channel === channel) onPayload(msg.payload ?? '');
        });
        c.on('error', () => {
          if (stopped) return;
          client = null;
          setTimeout(() => void connect().catch(() => undefined), 1000);
        });
        await c.connect();
        await c.query(`listen ${channel}`);
        client = c;
      };
      await connect();
      const stop = async () => {
        stopped = true;
        listeners.delete(stop);
        await client?.end().catch(() => undefined);
      };
      listeners.add(stop);
      return stop;
    },
  };
}

export async function ping(db: Db): Promise<void> {
  await db.execute(sql`select 1`);
}
