import { and, asc, count, eq, gte, lte, sql } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/client';
import { userNames } from '../organisation';
import { workshopAppointments, workshopShifts } from './workshops.schema';

export type AppointmentRow = typeof workshopAppointments.$inferSelect;

export async function shiftsBetween(db: DbOrTx, siteId: string, from: string, to: string) {
  const shifts = await db
    .select({
      id: workshopShifts.id,
      day: workshopShifts.day,
      start: workshopShifts.start,
      end: workshopShifts.end,
      userId: workshopShifts.userId,
    })
    .from(workshopShifts)
    .where(
      and(
        eq(workshopShifts.siteId, siteId),
        gte(workshopShifts.day, from),
        lte(workshopShifts.day, to),
      ),
    )
    .orderBy(asc(workshopShifts.day), asc(workshopShifts.start));
  const names = await userNames(
    db,
    shifts.map((s) => s.userId),
  );
  return shifts.map((s) => ({ ...s, name: names.get(s.userId) ?? '' }));
}

/** Seats taken per "day start" between two days. */
export async function bookedCounts(
  db: DbOrTx,
  siteId: string,
  from: string,
  to: string,
): Promise<Map<string, number>> {
  const rows = await db
    .select({ day: workshopAppointments.day, start: workshopAppointments.start, n: count() })
    .from(workshopAppointments)
    .where(
      and(
        eq(workshopAppointments.siteId, siteId),
        eq(workshopAppointments.status, 'booked'),
        gte(workshopAppointments.day, from),
        lte(workshopAppointments.day, to),
      ),
    )
    .groupBy(workshopAppointments.day, workshopAppointments.start);
  return new Map(rows.map((r) => [`${r.day} ${r.start}`, r.n]));
}

/**
 * Takes the first free seat of a slot. Seats are unique while booked, so when two citizens
 * book the last seat at once, one insert wins and the other finds no seat left.
 */
export async function bookSeat(
  db: DbOrTx,
  values: Omit<typeof workshopAppointments.$inferInsert, 'seat' | 'status'>,
  capacity: number,
): Promise<AppointmentRow | null> {
  for (let seat = 1; seat <= capacity; seat++) {
    const [row] = await db
      .insert(workshopAppointments)
      .values({ ...values, seat, status: 'booked' })
      .onConflictDoNothing({
        target: [
          workshopAppointments.siteId,
          workshopAppointments.day,
          workshopAppointments.start,
          workshopAppointments.seat,
        ],
        where: sql`${workshopAppointments.status} = 'booked'`,
      })
      .returning();
    if (row) return row;
  }
  return null;
}

export async function findAppointmentByToken(db: DbOrTx, tokenHash: string) {
  const [row] = await db
    .select()
    .from(workshopAppointments)
    .where(eq(workshopAppointments.tokenHash, tokenHash));
  return row ?? null;
}

export async function setAppointment(
  db: DbOrTx,
  id: string,
  values: Partial<typeof workshopAppointments.$inferInsert>,
) {
  const [row] = await db
    .update(workshopAppointments)
    .set(values)
    .where(eq(workshopAppointments.id, id))
    .returning();
  return row!;
}

export async function appointmentsOn(db: DbOrTx, siteId: string, day: string) {
  return db
    .select()
    .from(workshopAppointments)
    .where(
      and(
        eq(workshopAppointments.siteId, siteId),
        eq(workshopAppointments.day, day),
        eq(workshopAppointments.status, 'booked'),
      ),
    )
    .orderBy(asc(workshopAppointments.start), asc(workshopAppointments.seat));
}

export async function findAppointment(db: DbOrTx, municipalityId: string, id: string) {
  const [row] = await db
    .select()
    .from(workshopAppointments)
    .where(
      and(eq(workshopAppointments.id, id), eq(workshopAppointments.municipalityId, municipalityId)),
    );
  return row ?? null;
}

export async function insertShift(db: DbOrTx, values: typeof workshopShifts.$inferInsert) {
  const [row] = await db.insert(workshopShifts).values(values).returning();
  return row!;
}

/** Whether the shift was there to remove. */
export async function deleteShift(db: DbOrTx, siteId: string, shiftId: string) {
  const rows = await db
    .delete(workshopShifts)
    .where(and(eq(workshopShifts.siteId, siteId), eq(workshopShifts.id, shiftId)))
    .returning({ id: workshopShifts.id });
  return rows.length > 0;
}
