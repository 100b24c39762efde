import { lt } from 'drizzle-orm';
import type { Db } from '../db/client';
import { loginAttempts } from './auth.schema';
import { purgeExpiredSessions } from './session.store';
import { THROTTLE } from './login-throttle';
import { clock } from '../clock';

/** Removes ended sessions and login attempts older than the throttle needs. Safe to run anywhere. */
export async function authHousekeeping(db: Db, idleMinutes: number): Promise<void> {
  await purgeExpiredSessions(db, idleMinutes);
  const keepFrom = new Date(clock.ms() - Math.max(THROTTLE.windowMinutes * 4, 24 * 60) * 60_000);
  await db.delete(loginAttempts).where(lt(loginAttempts.at, keepFrom));
}
