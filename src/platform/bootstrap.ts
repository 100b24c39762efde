import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Config } from './config';
import { openDatabase, type Database } from './db/client';
import { CprCipher, loadCprKey } from './crypto/cpr-cipher';
import { verifyCprKey } from './crypto/key-check';

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const WEB_ROOT = path.join(PROJECT_ROOT, 'dist/web');

export function databaseTarget(config: Config) {
  return config.databaseUrl
    ? ({ kind: 'postgres', url: config.databaseUrl } as const)
    : ({ kind: 'pglite', dataDir: path.join(config.dataDir, 'pglite') } as const);
}

export function cipherFor(config: Config): CprCipher {
  // The key file lives beside the embedded data; a PostgreSQL deployment sets CPR_KEY.
  return new CprCipher(
    loadCprKey({ envKey: config.cprKey, dataDir: config.databaseUrl ? undefined : config.dataDir }),
  );
}

export async function openAndMigrate(config: Config): Promise<Database> {
  const database = await openDatabase(databaseTarget(config));
  await database.migrate();
  return database;
}

/** The CPR cipher for this installation, checked against the database it will read. */
export async function verifiedCipher(config: Config, database: Database): Promise<CprCipher> {
  const cipher = cipherFor(config);
  await verifyCprKey(database.db, cipher);
  return cipher;
}
