// Vitest set-up for every test file: with DATABASE_USE_LOG set, a file that opened a test
// database (test-db.ts marks it) writes its path there when done, unless it is PostgreSQL-only.
// `npm test` runs every file on PostgreSQL first and then only these again on PGlite: a file that
// never touches a database would only repeat itself.
import fs from 'node:fs';
import { afterAll, beforeAll, expect } from 'vitest';

const log = process.env.DATABASE_USE_LOG;
const used = globalThis as { digiloftDatabaseUsed?: boolean; digiloftPostgresOnly?: boolean };
// Set while the test file's module is read (postgresOnly() in test-db.ts), after this runs.
used.digiloftPostgresOnly = false;

if (log) {
  let file: string | undefined;
  beforeAll(() => {
    used.digiloftDatabaseUsed = false;
    file = expect.getState().testPath;
  });
  afterAll(() => {
    if (used.digiloftDatabaseUsed && !used.digiloftPostgresOnly && file)
      fs.appendFileSync(log, `${file}\n`);
  });
}
