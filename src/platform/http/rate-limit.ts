// Limits on public writes (anonymous check-ins, bookings): fixed windows counted in the
// database, so several app processes share one count. A refused request counts too, so a
// flood does not get through by retrying.
import { lt, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { tooManyRequests } from '../errors';
import { rateCounters } from './rate-limit.schema';
import { clock } from '../clock';

export interface Limit {
  max: number;
  windowSeconds: number;
}

/**
 * Counts one use against each limit and answers how many seconds to wait if any is exceeded
 * (0: go ahead).
 */
export async function consume(
  db: DbOrTx,
  uses: readonly { key: string; limit: Limit }[],
): Promise<number> {
  const now = clock.ms();
  let wait = 0;
  for (const { key, limit } of uses) {
    const size = limit.windowSeconds * 1000;
    const windowStart = new Date(Math.floor(now / size) * size);
    const [row] = await db
      .insert(rateCounters)
      .values({ key, windowStart, count: 1 })
      .onConflictDoUpdate({
        target: [rateCounters.key, rateCounters.windowStart],
        set: { count: sql`${rateCounters.count} + 1` },
      })
      .returning({ count: rateCounters.count });
    if ((row?.count ?? 0) > limit.max)
      wait = Math.max(wait, Math.ceil((windowStart.getTime() + size - now) / 1000));
  }
  return wait;
}

/** Throws the 429 answer when any of the limits is exceeded. */
export async function enforceLimits(
  db: DbOrTx,
  uses: readonly { key: string; limit: Limit }[],
): Promise<void> {
  const wait = await consume(db, uses);
  if (wait > 0) throw tooManyRequests('rate_limited', wait);
}

export async function purgeRateCounters(db: DbOrTx): Promise<void> {
  await db
    .delete(rateCounters)
    .where(lt(rateCounters.windowStart, new Date(clock.ms() - 86_400_000)));
}
