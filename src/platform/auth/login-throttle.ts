import { and, count, eq, gt } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { AppError } from '../http/errors';
import { loginAttempts } from './auth.schema';
import { clock } from '../clock';

// Counted in the database so every app process behind a load balancer sees the same numbers.
export const THROTTLE = {
  windowMinutes: 15,
  maxFailuresPerAccount: 5,
  maxFailuresPerIp: 30,
};

export async function isThrottled(db: DbOrTx, accountKey: string, ip: string): Promise<boolean> {
  const since = new Date(clock.ms() - THROTTLE.windowMinutes * 60_000);
  const [byAccount] = await db
    .select({ n: count() })
    .from(loginAttempts)
    .where(
      and(
        eq(loginAttempts.accountKey, accountKey),
        eq(loginAttempts.succeeded, false),
        gt(loginAttempts.at, since),
      ),
    );
  if ((byAccount?.n ?? 0) >= THROTTLE.maxFailuresPerAccount) return true;
  const [byIp] = await db
    .select({ n: count() })
    .from(loginAttempts)
    .where(
      and(
        eq(loginAttempts.ip, ip),
        eq(loginAttempts.succeeded, false),
        gt(loginAttempts.at, since),
      ),
    );
  return (byIp?.n ?? 0) >= THROTTLE.maxFailuresPerIp;
}

export async function recordAttempt(
  db: DbOrTx,
  accountKey: string,
  ip: string,
  succeeded: boolean,
): Promise<void> {
  await db.insert(loginAttempts).values({ accountKey, ip, succeeded });
}

/** The 429 answer for a throttled caller, with Retry-After. */
export function throttledError(): AppError {
  return new AppError(
    429,
    'too_many_attempts',
    'too_many_attempts',
    { minutes: THROTTLE.windowMinutes },
    { 'retry-after': String(THROTTLE.windowMinutes * 60) },
  );
}
