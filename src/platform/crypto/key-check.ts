import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { platformSettings } from '../db/settings.schema';
import { KEY_CHECK_PLAINTEXT, type CprCipher } from './cpr-cipher';

const KEY = 'cpr_key_check';

/**
 * Refuses to run with a CPR key other than the one the database's CPR numbers were encrypted
 * with: better a clear start-up error than unreadable citizen records at request time.
 */
export async function verifyCprKey(db: Db, cipher: CprCipher): Promise<void> {
  const [row] = await db.select().from(platformSettings).where(eq(platformSettings.key, KEY));
  if (!row) {
    await db
      .insert(platformSettings)
      .values({ key: KEY, value: cipher.encrypt(KEY_CHECK_PLAINTEXT) })
      .onConflictDoNothing();
    return verifyCprKey(db, cipher);
  }
  let plain: string | null = null;
  try {
    plain = cipher.decrypt(row.value);
  } catch {
    plain = null;
  }
  if (plain !== KEY_CHECK_PLAINTEXT) {
    throw new Error(
      'CPR_KEY does not match the key this database was created with. Start with the original key (CPR_KEY or DATA_DIR/cpr.key).',
    );
  }
}
