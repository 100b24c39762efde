import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../testing/test-db';
import type { Database } from '../db/client';
import { CprCipher } from './cpr-cipher';
import { verifyCprKey } from './key-check';

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => database.close());

describe('verifyCprKey', () => {
  it('accepts the key a database was first used with and refuses any other', async () => {
    const original = CprCipher.random();
    await verifyCprKey(database.db, original);
    await expect(verifyCprKey(database.db, original)).resolves.toBeUndefined();
    await expect(verifyCprKey(database.db, CprCipher.random())).rejects.toThrow(/does not match/);
  });
});
