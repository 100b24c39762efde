import { and, asc, count, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/client';
import { citizensByIds } from '../people';
import { clock } from '../platform/clock';
import {
  pilotEnrolments,
  pilotPartners,
  pilotStatusChanges,
  pilots,
  pilotLooks,
  registerWeeks,
  reportedHires,
} from './pilots.schema';
import type { LookRecord } from './decision.model';

export type PilotRow = typeof pilots.$inferSelect;
export type EnrolmentRow = typeof pilotEnrolments.$inferSelect;

export async function listPilots(db: DbOrTx, municipalityId: string) {
  const rows = await db
    .select({
      pilot: pilots,
      applicants: sql<number>`count(${pilotEnrolments.id})::int`,
      participants: sql<number>`count(${pilotEnrolments.id}) filter (where ${pilotEnrolments.arm} = 'participant')::int`,
    })
    .from(pilots)
    .leftJoin(pilotEnrolments, eq(pilotEnrolments.pilotId, pilots.id))
    .where(eq(pilots.municipalityId, municipalityId))
    .groupBy(pilots.id)
    .orderBy(asc(pilots.startsOn), asc(pilots.name));
  return rows;
}

export async function findPilot(db: DbOrTx, municipalityId: string, id: string) {
  const [row] = await db
    .select()
    .from(pilots)
    .where(and(eq(pilots.municipalityId, municipalityId), eq(pilots.id, id)));
  return row ?? null;
}

/** The pilot row locked for a change, so two changes never interleave. */
export async function lockPilot(db: DbOrTx, municipalityId: string, id: string) {
  const [row] = await db
    .select()
    .from(pilots)
    .where(and(eq(pilots.municipalityId, municipalityId), eq(pilots.id, id)))
    .for('update');
  return row ?? null;
}

export async function pilotDetails(db: DbOrTx, pilotId: string) {
  // One after another: inside a transaction the queries share one connection.
  const partners = await db
    .select()
    .from(pilotPartners)
    .where(eq(pilotPartners.pilotId, pilotId))
    .orderBy(asc(pilotPartners.createdAt));
  const history = await db
    .select()
    .from(pilotStatusChanges)
    .where(eq(pilotStatusChanges.pilotId, pilotId))
    .orderBy(asc(pilotStatusChanges.at));
  const arms = await db
    .select({ arm: pilotEnrolments.arm, n: count() })
    .from(pilotEnrolments)
    .where(eq(pilotEnrolments.pilotId, pilotId))
    .groupBy(pilotEnrolments.arm);
  return { partners, history, arms };
}

export async function enrolmentsOf(db: DbOrTx, municipalityId: string, pilotId: string) {
  const rows = await db
    .select()
    .from(pilotEnrolments)
    .where(
      and(eq(pilotEnrolments.municipalityId, municipalityId), eq(pilotEnrolments.pilotId, pilotId)),
    )
    .orderBy(asc(pilotEnrolments.createdAt), asc(pilotEnrolments.id));
  const people = await citizensByIds(
    db,
    municipalityId,
    rows.map((r) => r.citizenId),
  );
  return rows.flatMap((enrolment) => {
    const c = people.get(enrolment.citizenId);
    return c ? [{ enrolment, firstName: c.firstName, lastName: c.lastName }] : [];
  });
}

/** Enrolment ids in the order the lottery drew them. */
export async function drawnOrder(db: DbOrTx, pilotId: string): Promise<string[]> {
  const rows = await db
    .select({ id: pilotEnrolments.id })
    .from(pilotEnrolments)
    .where(and(eq(pilotEnrolments.pilotId, pilotId), isNotNull(pilotEnrolments.lotteryRank)))
    .orderBy(asc(pilotEnrolments.lotteryRank));
  return rows.map((r) => r.id);
}

export async function findEnrolment(db: DbOrTx, municipalityId: string, id: string) {
  const [row] = await db
    .select()
    .from(pilotEnrolments)
    .where(and(eq(pilotEnrolments.municipalityId, municipalityId), eq(pilotEnrolments.id, id)));
  return row ?? null;
}

/** Citizens with register data in the municipality: the pool a comparison group comes from. */
export async function citizensWithRegisterData(db: DbOrTx, municipalityId: string) {
  const rows = await db
    .selectDistinct({ id: registerWeeks.citizenId })
    .from(registerWeeks)
    .where(eq(registerWeeks.municipalityId, municipalityId));
  return rows.map((r) => r.id);
}

/** Runs a query per slice of ids: PostgreSQL takes at most 65,535 parameters. */
async function inSlices<T>(ids: string[], query: (slice: string[]) => Promise<T[]>) {
  const out: T[] = [];
  for (let at = 0; at < ids.length; at += 10_000)
    out.push(...(await query(ids.slice(at, at + 10_000))));
  return out;
}

export async function studyCitizens(db: DbOrTx, municipalityId: string, ids: string[]) {
  const people = await citizensByIds(db, municipalityId, ids);
  return [...people.values()].map((c) => ({
    id: c.id,
    birthDate: c.birthDate,
    cprCipher: c.cprCipher,
    educationLevel: c.educationLevel,
  }));
}

export async function registerWeeksOf(db: DbOrTx, municipalityId: string, ids: string[]) {
  return inSlices(ids, (slice) =>
    db
      .select()
      .from(registerWeeks)
      .where(
        and(
          eq(registerWeeks.municipalityId, municipalityId),
          inArray(registerWeeks.citizenId, slice),
        ),
      ),
  );
}

export async function reportedHiresOf(db: DbOrTx, municipalityId: string, ids: string[]) {
  return inSlices(ids, (slice) =>
    db
      .select({ citizenId: reportedHires.citizenId, startsOn: reportedHires.startsOn })
      .from(reportedHires)
      .where(
        and(
          eq(reportedHires.municipalityId, municipalityId),
          inArray(reportedHires.citizenId, slice),
        ),
      ),
  );
}

/** Each citizen's first week in work from a date on, by the register (Monday of the week). */
export async function firstWorkWeeks(
  db: DbOrTx,
  municipalityId: string,
  ids: string[],
  from: string,
): Promise<Map<string, string>> {
  const rows = await inSlices(ids, (slice) =>
    db
      .select({
        citizenId: registerWeeks.citizenId,
        week: sql<string>`min(${registerWeeks.week})::text`,
      })
      .from(registerWeeks)
      .where(
        and(
          eq(registerWeeks.municipalityId, municipalityId),
          inArray(registerWeeks.citizenId, slice),
          eq(registerWeeks.employed, true),
          sql`${registerWeeks.week} >= ${from}`,
        ),
      )
      .groupBy(registerWeeks.citizenId),
  );
  return new Map(rows.map((r) => [r.citizenId, String(r.week)]));
}

export async function insertPilot(db: DbOrTx, values: typeof pilots.$inferInsert) {
  const [row] = await db.insert(pilots).values(values).returning();
  return row!;
}

export async function updatePilot(
  db: DbOrTx,
  id: string,
  values: Partial<typeof pilots.$inferInsert>,
) {
  const [row] = await db
    .update(pilots)
    .set({ ...values, updatedAt: clock.now() })
    .where(eq(pilots.id, id))
    .returning();
  return row!;
}

export async function insertStatusChange(
  db: DbOrTx,
  values: typeof pilotStatusChanges.$inferInsert,
) {
  await db.insert(pilotStatusChanges).values(values);
}

export async function insertPartner(db: DbOrTx, values: typeof pilotPartners.$inferInsert) {
  await db.insert(pilotPartners).values(values);
}

/** Whether the partner was there to remove. */
export async function deletePartner(db: DbOrTx, pilotId: string, partnerId: string) {
  const gone = await db
    .delete(pilotPartners)
    .where(and(eq(pilotPartners.pilotId, pilotId), eq(pilotPartners.id, partnerId)))
    .returning({ id: pilotPartners.id });
  return gone.length > 0;
}

/** The new enrolment, or null when the citizen was already referred to the pilot. */
export async function insertEnrolment(db: DbOrTx, values: typeof pilotEnrolments.$inferInsert) {
  const [row] = await db.insert(pilotEnrolments).values(values).onConflictDoNothing().returning();
  return row ?? null;
}

export async function updateEnrolment(
  db: DbOrTx,
  id: string,
  values: Partial<typeof pilotEnrolments.$inferInsert>,
) {
  await db
    .update(pilotEnrolments)
    .set({ ...values, updatedAt: clock.now() })
    .where(eq(pilotEnrolments.id, id));
}

export async function looksOf(db: DbOrTx, pilotId: string): Promise<LookRecord[]> {
  return db
    .select({
      look: pilotLooks.look,
      fraction: pilotLooks.fraction,
      boundary: pilotLooks.boundary,
      z: pilotLooks.z,
      estimate: pilotLooks.estimate,
      se: pilotLooks.se,
      decision: pilotLooks.decision,
    })
    .from(pilotLooks)
    .where(eq(pilotLooks.pilotId, pilotId))
    .orderBy(asc(pilotLooks.look));
}

export async function insertLook(db: DbOrTx, values: typeof pilotLooks.$inferInsert) {
  await db.insert(pilotLooks).values(values);
}

/** Every place taken in a pilot (drawn or placed as a participant): who, which pilot, its start. */
export async function participations(db: DbOrTx, municipalityId: string) {
  return db
    .select({
      citizenId: pilotEnrolments.citizenId,
      pilotId: pilotEnrolments.pilotId,
      on: pilots.startsOn,
    })
    .from(pilotEnrolments)
    .innerJoin(pilots, eq(pilots.id, pilotEnrolments.pilotId))
    .where(
      and(
        eq(pilotEnrolments.municipalityId, municipalityId),
        eq(pilotEnrolments.arm, 'participant'),
      ),
    );
}

/**
 * The day each citizen first got a job: a hire a company reported, or the first week the
 * register shows them in work after a week on benefit, whichever came first.
 */
export async function firstJobs(db: DbOrTx, municipalityId: string) {
  const result = await db.execute(sql`
    with first_benefit as (
      select ${registerWeeks.citizenId} as citizen_id, min(${registerWeeks.week}) as week
      from ${registerWeeks}
      where ${registerWeeks.municipalityId} = ${municipalityId} and ${registerWeeks.benefit} is not null
      group by 1),
    jobs as (
      select r.citizen_id, min(r.week) as on_day
      from ${registerWeeks} r join first_benefit f on f.citizen_id = r.citizen_id
      where r.municipality_id = ${municipalityId} and r.employed and r.week > f.week
      group by 1
      union all
      select ${reportedHires.citizenId}, min(${reportedHires.startsOn})
      from ${reportedHires} where ${reportedHires.municipalityId} = ${municipalityId}
      group by 1)
    select citizen_id as "citizenId", min(on_day)::text as "on" from jobs group by 1`);
  return (result as { rows: { citizenId: string; on: string }[] }).rows;
}

/** Every pilot with what the strategy's follow-up counts without evaluating it. */
export async function pilotSummaries(db: DbOrTx, municipalityId: string) {
  return (await listPilots(db, municipalityId)).map(({ pilot: p, participants }) => ({
    id: p.id,
    name: p.name,
    status: p.status,
    startsOn: p.startsOn,
    endsOn: p.endsOn,
    budgetDkk: p.budgetDkk,
    learningMethods: p.learningMethods,
    participants,
  }));
}
