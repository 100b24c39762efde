import {
  and,
  asc,
  count,
  countDistinct,
  desc,
  eq,
  gt,
  gte,
  inArray,
  isNotNull,
  lte,
  sql,
} from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/client';
import { copenhagenDaySql } from '../platform/db/days';
import { activeUsersWithRole, siteNames, userNames, type SiteRow } from '../organisation';
import {
  queueCounters,
  queueTickets,
  workshopClosures,
  workshopSettings,
  workshopShifts,
  workshopVisits,
} from './workshops.schema';
import type { TicketStatus } from './workshops.constants';
import {
  DEFAULT_CAPACITY,
  DEFAULT_OPENING_HOURS,
  DEFAULT_SERVICE_MINUTES,
  DEFAULT_SLOT_MINUTES,
  learnedServiceMinutes,
  timeOfDay,
  type OpeningHours,
  type QueueSnapshot,
} from './workshops.model';
import { clock } from '../platform/clock';

export type TicketRow = typeof queueTickets.$inferSelect;
export type { SiteRow };

export const QUEUE_CHANNEL = 'workshop_queue';

export interface WorkshopConfig {
  capacity: number;
  openingHours: OpeningHours;
  serviceMinutes: number;
  openOnHolidays: boolean;
  slotMinutes: number;
}

export async function workshopConfig(db: DbOrTx, siteId: string): Promise<WorkshopConfig> {
  const [row] = await db.select().from(workshopSettings).where(eq(workshopSettings.siteId, siteId));
  return row
    ? {
        capacity: row.capacity,
        openingHours: row.openingHours,
        serviceMinutes: row.serviceMinutes,
        openOnHolidays: row.openOnHolidays,
        slotMinutes: row.slotMinutes,
      }
    : {
        capacity: DEFAULT_CAPACITY,
        openingHours: DEFAULT_OPENING_HOURS,
        serviceMinutes: DEFAULT_SERVICE_MINUTES,
        openOnHolidays: false,
        slotMinutes: DEFAULT_SLOT_MINUTES,
      };
}

export async function saveWorkshopConfig(
  db: DbOrTx,
  site: { id: string; municipalityId: string },
  config: WorkshopConfig,
  userId: string,
) {
  await db
    .insert(workshopSettings)
    .values({ siteId: site.id, municipalityId: site.municipalityId, ...config, updatedBy: userId })
    .onConflictDoUpdate({
      target: workshopSettings.siteId,
      set: { ...config, updatedBy: userId, updatedAt: clock.now() },
    });
}

export async function listClosures(db: DbOrTx, siteId: string, fromDay?: string) {
  return db
    .select()
    .from(workshopClosures)
    .where(
      and(
        eq(workshopClosures.siteId, siteId),
        fromDay ? gte(workshopClosures.day, fromDay) : undefined,
      ),
    )
    .orderBy(asc(workshopClosures.day));
}

/** The next ticket number of the day: one atomic upsert, so two check-ins never share one. */
export async function nextTicketNumber(
  db: DbOrTx,
  site: { id: string; municipalityId: string },
  day: string,
): Promise<number> {
  const [row] = await db
    .insert(queueCounters)
    .values({ municipalityId: site.municipalityId, siteId: site.id, day, lastNumber: 1 })
    .onConflictDoUpdate({
      target: [queueCounters.siteId, queueCounters.day],
      set: { lastNumber: sql`${queueCounters.lastNumber} + 1` },
    })
    .returning({ n: queueCounters.lastNumber });
  return row!.n;
}

export async function insertTicket(db: DbOrTx, values: typeof queueTickets.$inferInsert) {
  const [row] = await db.insert(queueTickets).values(values).returning();
  return row!;
}

/**
 * Calls the first waiting ticket. The row is locked and others are skipped, so two eMentors
 * pressing "call next" at once get two different citizens.
 */
export async function callNext(
  db: DbOrTx,
  siteId: string,
  day: string,
  userId: string,
): Promise<TicketRow | null> {
  const first = db
    .select({ id: queueTickets.id })
    .from(queueTickets)
    .where(
      and(
        eq(queueTickets.siteId, siteId),
        eq(queueTickets.day, day),
        eq(queueTickets.status, 'waiting'),
      ),
    )
    .orderBy(asc(queueTickets.number))
    .limit(1)
    .for('update', { skipLocked: true });
  const [row] = await db
    .update(queueTickets)
    .set({ status: 'called', calledAt: clock.now(), calledBy: userId })
    // "= (scalar subquery)" runs the subquery once; with "in (…)" PostgreSQL may re-run it per
    // row and, skipping the rows it has just locked itself, call the whole queue at once.
    .where(and(eq(queueTickets.id, sql`(${first})`), eq(queueTickets.status, 'waiting')))
    .returning();
  return row ?? null;
}

export async function findTicket(db: DbOrTx, id: string): Promise<TicketRow | null> {
  const [row] = await db.select().from(queueTickets).where(eq(queueTickets.id, id));
  return row ?? null;
}

export async function findTicketByToken(db: DbOrTx, tokenHash: string) {
  const [row] = await db.select().from(queueTickets).where(eq(queueTickets.tokenHash, tokenHash));
  return row ?? null;
}

/** Moves a ticket on only from the status it is expected in; null when someone came first. */
export async function moveTicket(
  db: DbOrTx,
  id: string,
  from: TicketStatus,
  values: Partial<typeof queueTickets.$inferInsert>,
): Promise<TicketRow | null> {
  const [row] = await db
    .update(queueTickets)
    .set(values)
    .where(and(eq(queueTickets.id, id), eq(queueTickets.status, from)))
    .returning();
  return row ?? null;
}

/** Today's queue for the eMentors: waiting and being helped, with who is helping. */
export async function listQueue(db: DbOrTx, siteId: string, day: string) {
  const tickets = await db
    .select()
    .from(queueTickets)
    .where(
      and(
        eq(queueTickets.siteId, siteId),
        eq(queueTickets.day, day),
        inArray(queueTickets.status, ['waiting', 'called']),
      ),
    )
    .orderBy(asc(queueTickets.number));
  const names = await userNames(
    db,
    tickets.flatMap((t) => (t.calledBy ? [t.calledBy] : [])),
  );
  return tickets.map((ticket) => ({
    ticket,
    helper: ticket.calledBy ? (names.get(ticket.calledBy) ?? null) : null,
  }));
}

export async function insertVisit(db: DbOrTx, values: typeof workshopVisits.$inferInsert) {
  const [row] = await db.insert(workshopVisits).values(values).returning();
  return row!;
}

/** Tells every process (through PostgreSQL) that a workshop's queue changed; sent at commit. */
export async function notifyQueue(db: DbOrTx, siteId: string) {
  await db.execute(sql`select pg_notify(${QUEUE_CHANNEL}, ${siteId})`);
}

/**
 * The public state of a queue: numbers only, never names. Built at every change for every
 * screen, so each part is one small indexed query, however long the day has been.
 */
export async function queueSnapshot(
  db: DbOrTx,
  siteId: string,
  day: string,
  config: WorkshopConfig,
): Promise<QueueSnapshot> {
  const today = and(eq(queueTickets.siteId, siteId), eq(queueTickets.day, day));
  const waiting = await db
    .select({ number: queueTickets.number })
    .from(queueTickets)
    .where(and(today, eq(queueTickets.status, 'waiting')))
    .orderBy(asc(queueTickets.number));
  const called = await db
    .select({ number: queueTickets.number, at: queueTickets.calledAt })
    .from(queueTickets)
    .where(
      and(
        today,
        isNotNull(queueTickets.calledAt),
        inArray(queueTickets.status, ['called', 'done']),
      ),
    )
    .orderBy(desc(queueTickets.calledAt))
    .limit(5);
  const [service] = await db
    .select({ n: count(), helpers: countDistinct(queueTickets.calledBy) })
    .from(queueTickets)
    .where(and(today, eq(queueTickets.status, 'called')));
  const visits = await db
    .select({ minutes: workshopVisits.minutes })
    .from(workshopVisits)
    .where(eq(workshopVisits.siteId, siteId))
    .orderBy(desc(workshopVisits.createdAt))
    .limit(50);
  // eMentors on duty now count as helpers even before they call anyone.
  const now = timeOfDay(clock.now());
  const [duty] = await db
    .select({ n: count() })
    .from(workshopShifts)
    .where(
      and(
        eq(workshopShifts.siteId, siteId),
        eq(workshopShifts.day, day),
        lte(workshopShifts.start, now),
        gt(workshopShifts.end, now),
      ),
    );
  return {
    siteId,
    waiting: waiting.map((t) => t.number),
    called: called.map((t) => ({ number: t.number, at: t.at!.toISOString() })),
    inService: service?.n ?? 0,
    capacity: config.capacity,
    serviceMinutes: learnedServiceMinutes(
      visits.map((v) => v.minutes),
      config.serviceMinutes,
    ),
    helpers: Math.max(service?.helpers ?? 0, duty?.n ?? 0, 1),
  };
}

/**
 * The eMentors on duty at a workshop on a day: on its rota that day, or already serving
 * citizens there. Only they can take over a citizen from a colleague.
 */
export async function ementorsOnDuty(db: DbOrTx, siteId: string, day: string) {
  const onRota = await db
    .select({ id: workshopShifts.userId })
    .from(workshopShifts)
    .where(and(eq(workshopShifts.siteId, siteId), eq(workshopShifts.day, day)));
  const serving = await db
    .selectDistinct({ id: queueTickets.calledBy })
    .from(queueTickets)
    .where(
      and(
        eq(queueTickets.siteId, siteId),
        eq(queueTickets.day, day),
        isNotNull(queueTickets.calledBy),
      ),
    );
  const ids = [...onRota.map((r) => r.id), ...serving.flatMap((r) => (r.id ? [r.id] : []))];
  return activeUsersWithRole(db, null, 'ementor', [...new Set(ids)]);
}

export async function ementorsOf(db: DbOrTx, municipalityId: string) {
  return activeUsersWithRole(db, municipalityId, 'ementor');
}

/** Visits of a workshop since a time, and the first visit of each citizen among them. */
export async function visitFacts(db: DbOrTx, siteId: string, since: Date) {
  const visits = await db
    .select({
      at: workshopVisits.createdAt,
      topics: workshopVisits.topics,
      resolved: workshopVisits.resolved,
      waitedMinutes: workshopVisits.waitedMinutes,
      citizenId: workshopVisits.citizenId,
    })
    .from(workshopVisits)
    .where(and(eq(workshopVisits.siteId, siteId), gte(workshopVisits.createdAt, since)));
  const firsts = await db
    .select({
      citizenId: workshopVisits.citizenId,
      first: sql<Date>`min(${workshopVisits.createdAt})`,
    })
    .from(workshopVisits)
    .where(and(eq(workshopVisits.siteId, siteId), isNotNull(workshopVisits.citizenId)))
    .groupBy(workshopVisits.citizenId);
  return {
    visits,
    firstVisit: new Map(firsts.map((f) => [f.citizenId!, new Date(f.first)])),
  };
}

/** A citizen's visits, newest first, with the workshop's name. */
export async function visitsOfCitizen(db: DbOrTx, municipalityId: string, citizenId: string) {
  const visits = await db
    .select()
    .from(workshopVisits)
    .where(
      and(
        eq(workshopVisits.municipalityId, municipalityId),
        eq(workshopVisits.citizenId, citizenId),
      ),
    )
    .orderBy(desc(workshopVisits.createdAt))
    .limit(100);
  const names = await siteNames(
    db,
    visits.map((v) => v.siteId),
  );
  return visits.map((visit) => ({ visit, siteName: names.get(visit.siteId) ?? '' }));
}

/** The competences eMentors suggested a course in, from a citizen's visits (for learning plans). */
export async function courseSuggestionsFor(db: DbOrTx, municipalityId: string, citizenId: string) {
  const rows = await db
    .select({ competences: workshopVisits.competences })
    .from(workshopVisits)
    .where(
      and(
        eq(workshopVisits.municipalityId, municipalityId),
        eq(workshopVisits.citizenId, citizenId),
        eq(workshopVisits.courseSuggested, true),
      ),
    );
  return [...new Set(rows.flatMap((r) => r.competences))].sort();
}

/** A closed day (a new reason replaces the old one for the same day). */
export async function saveClosure(
  db: DbOrTx,
  site: SiteRow,
  input: { day: string; reason: string },
) {
  const [row] = await db
    .insert(workshopClosures)
    .values({ municipalityId: site.municipalityId, siteId: site.id, ...input })
    .onConflictDoUpdate({
      target: [workshopClosures.siteId, workshopClosures.day],
      set: { reason: input.reason },
    })
    .returning();
  return row!;
}

/** Whether the closed day was there to remove. */
export async function deleteClosure(db: DbOrTx, siteId: string, closureId: string) {
  const rows = await db
    .delete(workshopClosures)
    .where(and(eq(workshopClosures.siteId, siteId), eq(workshopClosures.id, closureId)))
    .returning({ id: workshopClosures.id });
  return rows.length > 0;
}

/**
 * Workshop visits for the strategy's follow-up, counted per month, site, resolved or not, and
 * waiting time in five-minute bands (`waitBand` 0 = under five minutes, 24 = two hours or more;
 * null where no wait was recorded), so medians can be read for any period and set of sites.
 */
export async function visitCounts(db: DbOrTx, municipalityId: string) {
  const month = sql<string>`to_char(${workshopVisits.createdAt} at time zone 'Europe/Copenhagen', 'YYYY-MM')`;
  const band = sql<number | null>`least(${workshopVisits.waitedMinutes} / 5, 24)`;
  const rows = await db
    .select({
      month,
      siteId: workshopVisits.siteId,
      resolved: workshopVisits.resolved,
      waitBand: band,
      n: count(),
    })
    .from(workshopVisits)
    .where(eq(workshopVisits.municipalityId, municipalityId))
    .groupBy(month, workshopVisits.siteId, workshopVisits.resolved, band);
  return rows.map((r) => ({ ...r, waitBand: r.waitBand === null ? null : Number(r.waitBand) }));
}

/** The day of each citizen's first workshop visit. */
export async function firstVisits(db: DbOrTx, municipalityId: string) {
  return db
    .select({
      citizenId: sql<string>`${workshopVisits.citizenId}`,
      on: sql<string>`min(${copenhagenDaySql(workshopVisits.createdAt)})`,
    })
    .from(workshopVisits)
    .where(
      and(eq(workshopVisits.municipalityId, municipalityId), isNotNull(workshopVisits.citizenId)),
    )
    .groupBy(workshopVisits.citizenId);
}

/** eMentor minutes on the rota per month and site (what the workshops cost in hours). */
export async function shiftMinutes(db: DbOrTx, municipalityId: string) {
  const month = sql<string>`substr(${workshopShifts.day}::text, 1, 7)`;
  const rows = await db
    .select({
      month,
      siteId: workshopShifts.siteId,
      n: sql<number>`sum(extract(epoch from (${workshopShifts.end}::time - ${workshopShifts.start}::time)) / 60)`,
    })
    .from(workshopShifts)
    .where(eq(workshopShifts.municipalityId, municipalityId))
    .groupBy(month, workshopShifts.siteId);
  return rows.map((r) => ({ ...r, n: Number(r.n) }));
}
