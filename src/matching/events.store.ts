// Queries for matchmaking events: the only place with this area's SQL, filtered by tenant.
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/client';
import {
  eventCandidates,
  eventCompanies,
  eventMeetings,
  eventWishes,
  matchmakingEvents,
} from './matching.schema';

export type EventRow = typeof matchmakingEvents.$inferSelect;
export type EventCompanyRow = typeof eventCompanies.$inferSelect;
export type CandidateRow = typeof eventCandidates.$inferSelect;
export type WishRow = typeof eventWishes.$inferSelect;
export type MeetingRow = typeof eventMeetings.$inferSelect;

export async function insertEvent(db: DbOrTx, values: typeof matchmakingEvents.$inferInsert) {
  const [row] = await db.insert(matchmakingEvents).values(values).returning();
  return row!;
}

export async function updateEvent(
  db: DbOrTx,
  id: string,
  values: Partial<typeof matchmakingEvents.$inferInsert>,
) {
  await db.update(matchmakingEvents).set(values).where(eq(matchmakingEvents.id, id));
}

/** An event of the municipality; `lock` serialises changes to its schedule. */
export async function findEvent(db: DbOrTx, municipalityId: string, id: string, lock = false) {
  const q = db
    .select()
    .from(matchmakingEvents)
    .where(and(eq(matchmakingEvents.municipalityId, municipalityId), eq(matchmakingEvents.id, id)));
  const [row] = lock ? await q.for('update') : await q;
  return row ?? null;
}

export async function listEvents(db: DbOrTx, municipalityId: string, ids?: readonly string[]) {
  // Correlated counts by plain table aliases: the outer event's id is the only reference out.
  const id = sql`${matchmakingEvents}.${sql.identifier('id')}`;
  return db
    .select({
      event: matchmakingEvents,
      companies: sql<number>`(select count(*)::int from event_companies ec where ec.event_id = ${id})`,
      meetings: sql<number>`(select count(*)::int from event_meetings em where em.event_id = ${id} and em.status <> 'cancelled')`,
      invited: sql<number>`(select count(*)::int from event_candidates c where c.event_id = ${id})`,
      registered: sql<number>`(select count(*)::int from event_candidates c where c.event_id = ${id} and c.status = 'registered')`,
    })
    .from(matchmakingEvents)
    .where(
      and(
        eq(matchmakingEvents.municipalityId, municipalityId),
        ids ? inArray(matchmakingEvents.id, [...ids]) : undefined,
      ),
    )
    .orderBy(desc(matchmakingEvents.on), asc(matchmakingEvents.name));
}

export async function companiesAt(db: DbOrTx, eventId: string) {
  return db
    .select()
    .from(eventCompanies)
    .where(eq(eventCompanies.eventId, eventId))
    .orderBy(asc(eventCompanies.createdAt), asc(eventCompanies.id));
}

export async function insertEventCompany(db: DbOrTx, values: typeof eventCompanies.$inferInsert) {
  const [row] = await db.insert(eventCompanies).values(values).onConflictDoNothing().returning();
  return row ?? null;
}

export async function setCompanySlots(db: DbOrTx, eventCompanyId: string, unavailable: number[]) {
  await db.update(eventCompanies).set({ unavailable }).where(eq(eventCompanies.id, eventCompanyId));
}

/** Events a company takes part in, with its place there. */
export async function eventsOfCompany(db: DbOrTx, municipalityId: string, companyId: string) {
  return db
    .select({ event: matchmakingEvents, place: eventCompanies })
    .from(eventCompanies)
    .innerJoin(matchmakingEvents, eq(matchmakingEvents.id, eventCompanies.eventId))
    .where(
      and(
        eq(eventCompanies.municipalityId, municipalityId),
        eq(eventCompanies.companyId, companyId),
      ),
    )
    .orderBy(desc(matchmakingEvents.on));
}

export async function candidatesAt(db: DbOrTx, eventId: string) {
  return db
    .select()
    .from(eventCandidates)
    .where(eq(eventCandidates.eventId, eventId))
    .orderBy(asc(eventCandidates.createdAt), asc(eventCandidates.id));
}

/** Invites citizens (those already invited are left as they are); the newly invited come back. */
export async function inviteAll(db: DbOrTx, rows: (typeof eventCandidates.$inferInsert)[]) {
  if (rows.length === 0) return [];
  return db.insert(eventCandidates).values(rows).onConflictDoNothing().returning();
}

export async function findCandidacy(db: DbOrTx, eventId: string, citizenId: string) {
  const [row] = await db
    .select()
    .from(eventCandidates)
    .where(and(eq(eventCandidates.eventId, eventId), eq(eventCandidates.citizenId, citizenId)))
    .for('update');
  return row ?? null;
}

export async function updateCandidacy(
  db: DbOrTx,
  id: string,
  values: Partial<typeof eventCandidates.$inferInsert>,
) {
  await db.update(eventCandidates).set(values).where(eq(eventCandidates.id, id));
}

/** The events a citizen is invited to, newest first. */
export async function candidaciesOf(db: DbOrTx, municipalityId: string, citizenId: string) {
  return db
    .select({ event: matchmakingEvents, candidacy: eventCandidates })
    .from(eventCandidates)
    .innerJoin(matchmakingEvents, eq(matchmakingEvents.id, eventCandidates.eventId))
    .where(
      and(
        eq(eventCandidates.municipalityId, municipalityId),
        eq(eventCandidates.citizenId, citizenId),
      ),
    )
    .orderBy(desc(matchmakingEvents.on));
}

export async function wishesAt(db: DbOrTx, eventId: string) {
  return db.select().from(eventWishes).where(eq(eventWishes.eventId, eventId));
}

/** Sets fields of the wish row for a pair, creating it when missing. */
export async function upsertWish(
  db: DbOrTx,
  key: { municipalityId: string; eventId: string; citizenId: string; eventCompanyId: string },
  values: Partial<Pick<WishRow, 'rank' | 'companyAnswer' | 'rule' | 'pinSlot'>>,
) {
  await db
    .insert(eventWishes)
    .values({ ...key, ...values })
    .onConflictDoUpdate({
      target: [eventWishes.eventId, eventWishes.citizenId, eventWishes.eventCompanyId],
      set: values,
    });
}

/** Forgets a citizen's own ranks at an event (before they register anew). */
export async function clearRanks(db: DbOrTx, eventId: string, citizenId: string) {
  await db
    .update(eventWishes)
    .set({ rank: null })
    .where(and(eq(eventWishes.eventId, eventId), eq(eventWishes.citizenId, citizenId)));
}

export async function meetingsAt(db: DbOrTx, eventId: string) {
  return db
    .select()
    .from(eventMeetings)
    .where(eq(eventMeetings.eventId, eventId))
    .orderBy(asc(eventMeetings.slot), asc(eventMeetings.tableNo));
}

/** Replaces the event's meetings in and after `fromSlot` that have not been held. */
export async function replacePlanned(
  db: DbOrTx,
  eventId: string,
  fromSlot: number,
  rows: (typeof eventMeetings.$inferInsert)[],
) {
  await db
    .delete(eventMeetings)
    .where(
      and(
        eq(eventMeetings.eventId, eventId),
        sql`${eventMeetings.slot} >= ${fromSlot}`,
        inArray(eventMeetings.status, ['planned', 'cancelled']),
      ),
    );
  if (rows.length) await db.insert(eventMeetings).values(rows);
}

/**
 * Adds meetings; a pair's earlier row (a cancelled meeting: one row per pair) gives way to the
 * new one.
 */
export async function insertMeetings(db: DbOrTx, rows: (typeof eventMeetings.$inferInsert)[]) {
  for (const r of rows)
    await db
      .delete(eventMeetings)
      .where(
        and(
          eq(eventMeetings.eventId, r.eventId),
          eq(eventMeetings.eventCompanyId, r.eventCompanyId),
          eq(eventMeetings.citizenId, r.citizenId),
        ),
      );
  if (rows.length) await db.insert(eventMeetings).values(rows);
}

export async function updateMeetings(
  db: DbOrTx,
  eventId: string,
  where: { citizenId?: string; ids?: string[]; statuses: MeetingRow['status'][] },
  values: Partial<typeof eventMeetings.$inferInsert>,
) {
  await db
    .update(eventMeetings)
    .set(values)
    .where(
      and(
        eq(eventMeetings.eventId, eventId),
        where.citizenId ? eq(eventMeetings.citizenId, where.citizenId) : undefined,
        where.ids ? inArray(eventMeetings.id, where.ids) : undefined,
        inArray(eventMeetings.status, where.statuses),
      ),
    );
}

export async function findMeeting(db: DbOrTx, municipalityId: string, id: string) {
  const [row] = await db
    .select({ meeting: eventMeetings, place: eventCompanies, event: matchmakingEvents })
    .from(eventMeetings)
    .innerJoin(eventCompanies, eq(eventCompanies.id, eventMeetings.eventCompanyId))
    .innerJoin(matchmakingEvents, eq(matchmakingEvents.id, eventMeetings.eventId))
    .where(and(eq(eventMeetings.municipalityId, municipalityId), eq(eventMeetings.id, id)))
    .for('update', { of: eventMeetings });
  return row ?? null;
}

/** A citizen's meetings at every event, newest first (for the caseworker). */
export async function meetingsOfCitizen(db: DbOrTx, municipalityId: string, citizenId: string) {
  return db
    .select({ meeting: eventMeetings, place: eventCompanies, event: matchmakingEvents })
    .from(eventMeetings)
    .innerJoin(eventCompanies, eq(eventCompanies.id, eventMeetings.eventCompanyId))
    .innerJoin(matchmakingEvents, eq(matchmakingEvents.id, eventMeetings.eventId))
    .where(
      and(eq(eventMeetings.municipalityId, municipalityId), eq(eventMeetings.citizenId, citizenId)),
    )
    .orderBy(desc(matchmakingEvents.on), asc(eventMeetings.slot));
}

/** Every candidacy and meeting of the municipality's events, for the statistics. */
export async function statisticsRows(db: DbOrTx, municipalityId: string) {
  // One after the other: a transaction's queries share one connection.
  const events = await db
    .select()
    .from(matchmakingEvents)
    .where(eq(matchmakingEvents.municipalityId, municipalityId));
  const candidates = await db
    .select({
      eventId: eventCandidates.eventId,
      citizenId: eventCandidates.citizenId,
      status: eventCandidates.status,
    })
    .from(eventCandidates)
    .where(eq(eventCandidates.municipalityId, municipalityId));
  const meetings = await db
    .select({
      eventId: eventMeetings.eventId,
      eventCompanyId: eventMeetings.eventCompanyId,
      citizenId: eventMeetings.citizenId,
      status: eventMeetings.status,
      outcome: eventMeetings.outcome,
      outcomeStartsOn: eventMeetings.outcomeStartsOn,
    })
    .from(eventMeetings)
    .where(eq(eventMeetings.municipalityId, municipalityId));
  const places = await db
    .select({ id: eventCompanies.id, companyId: eventCompanies.companyId })
    .from(eventCompanies)
    .where(eq(eventCompanies.municipalityId, municipalityId));
  return { events, candidates, meetings, places };
}

/** Every meeting held between a citizen and a company at an event: the day, and what came of it. */
export async function heldMeetings(db: DbOrTx, municipalityId: string) {
  return db
    .select({
      citizenId: eventMeetings.citizenId,
      companyId: eventCompanies.companyId,
      on: matchmakingEvents.on,
      outcome: eventMeetings.outcome,
      outcomeStartsOn: eventMeetings.outcomeStartsOn,
    })
    .from(eventMeetings)
    .innerJoin(eventCompanies, eq(eventCompanies.id, eventMeetings.eventCompanyId))
    .innerJoin(matchmakingEvents, eq(matchmakingEvents.id, eventMeetings.eventId))
    .where(and(eq(eventMeetings.municipalityId, municipalityId), eq(eventMeetings.status, 'held')));
}
