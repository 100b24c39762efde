import { lt } from 'drizzle-orm';
import type { Db } from '../../platform/db/client';
import { loginAttempts } from './auth.schema';
import { purgeExpiredSessions } from './session.store';
import { WINDOW_MINUTES } from '../../platform/auth/throttle.model';
import { clock } from '../../platform/clock';

/** Removes ended sessions and login attempts older than the throttle needs. Safe to run anywhere. */
export async function authHousekeeping(db: Db, idleMinutes: number): Promise<void> {
  await purgeExpiredSessions(db, idleMinutes);
  const keepFrom = new Date(clock.ms() - Math.max(WINDOW_MINUTES * 4, 24 * 60) * 60_000);
  await db.delete(loginAttempts).where(lt(loginAttempts.at, keepFrom));
}
