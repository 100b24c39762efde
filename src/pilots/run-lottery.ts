// Drawing a pilot's lottery: the eligible applicants in the published order (referral time, then
// id) are drawn from the seed committed to when the pilot was made; the first `capacity` take
// part, the rest form the control group. One use case for the route and the demo, so the
// demo's draw is the product's draw.
import crypto from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/client';
import { conflict } from '../platform/errors';
import { drawLottery, seedCommitment } from './pilots.model';
import { pilots } from './pilots.schema';
import { enrolmentsOf, type PilotRow } from './pilots.store';
import { clock } from '../platform/clock';

/**
 * The seed columns of a new pilot: 256 bits from the operating system's secure random source,
 * and its published commitment. (The demo passes its seed on record instead.)
 */
export function committedSeed(
  seed: string = crypto.randomBytes(32).toString('hex'),
  at = clock.now(),
) {
  return { lotterySeed: seed, lotteryCommitment: seedCommitment(seed), lotteryCommittedAt: at };
}

export async function runLottery(
  tx: DbOrTx,
  pilot: Pick<PilotRow, 'id' | 'municipalityId' | 'capacity' | 'lotterySeed'>,
  at: Date = clock.now(),
) {
  const seed = pilot.lotterySeed;
  if (!seed) throw new Error(`pilot ${pilot.id} has no committed lottery seed`);
  const applicants = (await enrolmentsOf(tx, pilot.municipalityId, pilot.id))
    .map((r) => r.enrolment)
    .filter((e) => e.eligible && e.arm === 'applicant');
  if (applicants.length === 0) throw conflict('lottery_no_applicants');
  const draw = drawLottery(
    applicants.map((e) => e.id),
    pilot.capacity,
    seed,
  );
  const arms = draw.order.map((_, i) => (i < draw.participants.length ? 'participant' : 'control'));
  // Every applicant's arm and rank in one statement.
  await tx.execute(sql`
    update pilot_enrolments e
    set arm = r.arm, lottery_rank = r.rank, updated_at = ${at}
    from unnest(
      ${sql.param(draw.order)}::uuid[],
      ${sql.param(arms)}::text[],
      ${sql.param(draw.order.map((_, i) => i + 1))}::int[]
    ) as r(id, arm, rank)
    where e.id = r.id`);
  const [row] = await tx
    .update(pilots)
    .set({
      lotteryAt: at,
      lotteryApplicants: applicants.map((e) => e.id),
      lotteryCapacity: pilot.capacity,
      updatedAt: at,
    })
    .where(eq(pilots.id, pilot.id))
    .returning();
  return { pilot: row!, applicants: applicants.length, draw };
}
