import crypto from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from '../db/client';

/**
 * Marks the running test file as one that uses a database: `npm test` runs such files on both
 * engines, and every other file once (see database-use.setup.ts and scripts/test-all.mjs).
 */
function markDatabaseUse() {
  (globalThis as { digiloftDatabaseUsed?: boolean }).digiloftDatabaseUsed = true;
}

/**
 * For a file whose tests need a PostgreSQL server and skip on PGlite (an outage, two server
 * processes): true when the tests run on PostgreSQL. `npm test` leaves the file out of the
 * PGlite rerun, where it would only skip.
 */
export function postgresOnly(): boolean {
  (globalThis as { digiloftPostgresOnly?: boolean }).digiloftPostgresOnly = true;
  return process.env.TEST_DB === 'postgres';
}

/**
 * A fresh, migrated database for one test file: in-memory PGlite by default, or a new database
 * on the PostgreSQL server in TEST_DATABASE_URL when TEST_DB=postgres. Dropped on close.
 */
export async function openTestDatabase(): Promise<Database & { url?: string }> {
  markDatabaseUse();
  if (process.env.TEST_DB !== 'postgres') {
    const database = await openDatabase({ kind: 'pglite' });
    await database.migrate();
    return database;
  }
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) throw new Error('TEST_DB=postgres needs TEST_DATABASE_URL');
  const temp = await createTempDatabase(adminUrl, 'dl_test');
  const database = await openDatabase({ kind: 'postgres', url: temp.url });
  await database.migrate();
  return {
    ...database,
    /** For tests that start other processes on the same database. */
    url: temp.url,
    close: async () => {
      await database.close();
      await temp.drop();
    },
  };
}

/** A new, empty database on the server at `adminUrl` (tests and benchmarks); `drop` removes it. */
export async function createTempDatabase(adminUrl: string, prefix: string) {
  markDatabaseUse();
  const name = `${prefix}_${crypto.randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    drop: async () => {
      const a = new pg.Client({ connectionString: adminUrl });
      a.on('error', () => undefined);
      await a.connect();
      await a.query(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}
