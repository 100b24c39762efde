// The indicators' summary table: every area's facts counted per day, site and measure, so the
// indicators page sums a few tens of thousands of rows in SQL instead of reading every citizen's
// facts from every area on each request (at 100,000 citizens that read alone takes 1.5 s).
// A timed job recounts every municipality; a read that finds the counts missing or older than
// COUNTS_FRESH_MS recounts first; the taskforce can ask for a recount; a report recounts.
import type { DbOrTx } from '../platform/db/client';
import type { SystemTask } from '../platform/use-case';
import { municipalityIds } from '../organisation';
import { gatherFacts } from './follow-up-facts';
import { countByDay } from './indicators.model';
import { findCountRun, replaceDayCounts } from './taskforce.store';

/** How old counts may be before a read makes them again. */
export const COUNTS_FRESH_MS = 15 * 60_000;
/** How often `serve` recounts (inside COUNTS_FRESH_MS, so reads rarely wait for a recount). */
export const RECOUNT_EVERY_MS = 10 * 60_000;

/** Counts a municipality afresh; returns the moment the counts stand at. */
export async function recount(db: DbOrTx, municipalityId: string, now: Date): Promise<Date> {
  const { facts } = await gatherFacts(db, municipalityId);
  await replaceDayCounts(db, municipalityId, countByDay(facts), now);
  return now;
}

/** The moment the municipality's counts stand at, recounting first if they are stale. */
export async function freshCounts(db: DbOrTx, municipalityId: string, now: Date): Promise<Date> {
  const run = await findCountRun(db, municipalityId);
  if (run && now.getTime() - run.countedAt.getTime() < COUNTS_FRESH_MS) return run.countedAt;
  return recount(db, municipalityId, now);
}

/** The timed job: every municipality's counts, one after the other. */
export async function recountAll(task: SystemTask): Promise<number> {
  const ids = await municipalityIds(task.tx);
  for (const id of ids) await recount(task.tx, id, task.now);
  return ids.length;
}
