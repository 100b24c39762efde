// Drawing a pilot's lottery: the eligible applicants in the published order (referral time, then
// id) are drawn from the seed; the first `capacity` take part, the rest form the control group.
// One use case for the route and the demo, so the demo's draw is the product's draw.
import { eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/client';
import { AppError } from '../platform/http/errors';
import { drawLottery } from './pilots.model';
import { pilots } from './pilots.schema';
import { enrolmentsOf, type PilotRow } from './pilots.store';
import { clock } from '../platform/clock';

export async function runLottery(
  tx: DbOrTx,
  pilot: Pick<PilotRow, 'id' | 'capacity'>,
  seed: string,
  at: Date = clock.now(),
) {
  const applicants = (await enrolmentsOf(tx, pilot.id))
    .map((r) => r.enrolment)
    .filter((e) => e.eligible && e.arm === 'applicant');
  if (applicants.length === 0)
    throw new AppError(409, 'lottery_no_applicants', 'lottery_no_applicants');
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
    .set({ lotterySeed: seed, lotteryAt: at, updatedAt: at })
    .where(eq(pilots.id, pilot.id))
    .returning();
  return { pilot: row!, applicants: applicants.length, draw };
}
