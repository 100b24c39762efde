import { and, asc, count, desc, eq, gt, inArray, isNotNull, or, sql } from 'drizzle-orm';
import { clock } from '../platform/clock';
import type { DbOrTx } from '../platform/db/client';
import { copenhagenDaySql } from '../platform/db/days';
import { sitePlaces } from '../organisation';
import { citizensByIds, findCitizen } from '../people';
import { testWithdrawnAtOf } from '../assessment';
import {
  badgeKeys,
  badges,
  learningAttendance,
  learningEnrolments,
  learningOffers,
  learningPlanItems,
  learningPlans,
  learningSessions,
} from './learning.schema';

export type OfferRow = typeof learningOffers.$inferSelect;
export type EnrolmentRow = typeof learningEnrolments.$inferSelect;
export type PlanRow = typeof learningPlans.$inferSelect;
export type PlanItemRow = typeof learningPlanItems.$inferSelect;
export type BadgeRow = typeof badges.$inferSelect;

export async function findOffer(db: DbOrTx, municipalityId: string, id: string) {
  const [row] = await db
    .select()
    .from(learningOffers)
    .where(and(eq(learningOffers.municipalityId, municipalityId), eq(learningOffers.id, id)));
  return row ?? null;
}

/** Enrolled and waitlisted per offer, and each offer's next session (all offers, or those given). */
export async function offerCounts(db: DbOrTx, municipalityId: string, offerIds?: string[]) {
  const out = new Map<string, { enrolled: number; waitlisted: number; nextSession: Date | null }>();
  const empty = { enrolled: 0, waitlisted: 0, nextSession: null };
  if (offerIds?.length === 0) return () => empty;
  const rows = await db
    .select({ offerId: learningEnrolments.offerId, status: learningEnrolments.status, n: count() })
    .from(learningEnrolments)
    .where(
      and(
        eq(learningEnrolments.municipalityId, municipalityId),
        offerIds ? inArray(learningEnrolments.offerId, offerIds) : undefined,
      ),
    )
    .groupBy(learningEnrolments.offerId, learningEnrolments.status);
  const next = await db
    .select({
      offerId: learningSessions.offerId,
      at: sql<Date>`min(${learningSessions.startsAt})`.mapWith(learningSessions.startsAt),
    })
    .from(learningSessions)
    .where(
      and(
        eq(learningSessions.municipalityId, municipalityId),
        gt(learningSessions.startsAt, clock.now()),
        offerIds ? inArray(learningSessions.offerId, offerIds) : undefined,
      ),
    )
    .groupBy(learningSessions.offerId);
  const of = (id: string) => {
    let c = out.get(id);
    if (!c) out.set(id, (c = { enrolled: 0, waitlisted: 0, nextSession: null }));
    return c;
  };
  for (const r of rows) {
    if (r.status === 'enrolled') of(r.offerId).enrolled = r.n;
    if (r.status === 'waitlisted') of(r.offerId).waitlisted = r.n;
  }
  for (const r of next) of(r.offerId).nextSession = r.at;
  return (id: string) => out.get(id) ?? empty;
}

export async function listOffers(db: DbOrTx, municipalityId: string, includeRetired: boolean) {
  const where = [eq(learningOffers.municipalityId, municipalityId)];
  if (!includeRetired) where.push(eq(learningOffers.status, 'active'));
  return db
    .select()
    .from(learningOffers)
    .where(and(...where))
    .orderBy(asc(learningOffers.name));
}

export async function sessionsOf(db: DbOrTx, offerIds: string[]) {
  if (offerIds.length === 0) return [];
  const sessions = await db
    .select({
      id: learningSessions.id,
      offerId: learningSessions.offerId,
      startsAt: learningSessions.startsAt,
      endsAt: learningSessions.endsAt,
      siteId: learningSessions.siteId,
      location: learningSessions.location,
    })
    .from(learningSessions)
    .where(inArray(learningSessions.offerId, offerIds))
    .orderBy(asc(learningSessions.startsAt));
  const places = await sitePlaces(
    db,
    sessions.flatMap((s) => (s.siteId ? [s.siteId] : [])),
  );
  return sessions.map((s) => {
    const site = s.siteId ? places.get(s.siteId) : undefined;
    return { ...s, siteName: site?.name ?? null, siteAddress: site?.address ?? null };
  });
}
export type SessionRow = Awaited<ReturnType<typeof sessionsOf>>[number];

export const placeOf = (s: SessionRow) =>
  s.siteName ? `${s.siteName}, ${s.siteAddress}` : s.location;

/** Enrolments with their offer and citizen names, by citizen or by offer. */
export async function enrolmentsWhere(
  db: DbOrTx,
  municipalityId: string,
  by: { citizenId: string } | { offerId: string } | { id: string },
) {
  const rows = await db
    .select({
      enrolment: learningEnrolments,
      offerName: learningOffers.name,
      badgeId: badges.id,
    })
    .from(learningEnrolments)
    .innerJoin(learningOffers, eq(learningOffers.id, learningEnrolments.offerId))
    .leftJoin(badges, eq(badges.enrolmentId, learningEnrolments.id))
    .where(
      and(
        eq(learningEnrolments.municipalityId, municipalityId),
        'citizenId' in by
          ? eq(learningEnrolments.citizenId, by.citizenId)
          : 'offerId' in by
            ? eq(learningEnrolments.offerId, by.offerId)
            : eq(learningEnrolments.id, by.id),
      ),
    )
    .orderBy(desc(learningEnrolments.createdAt));
  const people = await citizensByIds(
    db,
    municipalityId,
    rows.map((r) => r.enrolment.citizenId),
  );
  return rows.flatMap((r) => {
    const c = people.get(r.enrolment.citizenId);
    if (!c) return [];
    const citizen = {
      id: c.id,
      firstName: c.firstName,
      lastName: c.lastName,
      municipalityId: c.municipalityId,
      caseworkerId: c.caseworkerId,
      userId: c.userId,
    };
    return [{ ...r, citizen }];
  });
}
export type EnrolmentJoin = Awaited<ReturnType<typeof enrolmentsWhere>>[number];

export async function attendanceOf(db: DbOrTx, enrolmentIds: string[]) {
  if (enrolmentIds.length === 0) return [];
  return db
    .select()
    .from(learningAttendance)
    .where(inArray(learningAttendance.enrolmentId, enrolmentIds));
}

/** Each waitlisted enrolment's place in its offer's queue (1 = next). */
export async function waitlistPlaces(db: DbOrTx, offerIds: string[]) {
  if (offerIds.length === 0) return new Map<string, number>();
  const rows = await db
    .select({
      id: learningEnrolments.id,
      place:
        sql<number>`row_number() over (partition by ${learningEnrolments.offerId} order by ${learningEnrolments.queuedAt}, ${learningEnrolments.id})`.mapWith(
          Number,
        ),
    })
    .from(learningEnrolments)
    .where(
      and(
        inArray(learningEnrolments.offerId, offerIds),
        eq(learningEnrolments.status, 'waitlisted'),
      ),
    );
  return new Map(rows.map((r) => [r.id, r.place]));
}

export async function findEnrolment(db: DbOrTx, municipalityId: string, id: string) {
  const [enrolment] = await db
    .select()
    .from(learningEnrolments)
    .where(
      and(eq(learningEnrolments.municipalityId, municipalityId), eq(learningEnrolments.id, id)),
    );
  if (!enrolment) return null;
  const citizen = await findCitizen(db, municipalityId, enrolment.citizenId);
  return citizen ? { enrolment, citizen } : null;
}

export async function activePlan(db: DbOrTx, municipalityId: string, citizenId: string) {
  const [plan] = await db
    .select()
    .from(learningPlans)
    .where(
      and(
        eq(learningPlans.municipalityId, municipalityId),
        eq(learningPlans.citizenId, citizenId),
        eq(learningPlans.status, 'active'),
      ),
    );
  if (!plan) return null;
  const items = await db
    .select()
    .from(learningPlanItems)
    .where(eq(learningPlanItems.planId, plan.id))
    .orderBy(asc(learningPlanItems.rank));
  return { plan, items };
}

/** When the test a badge rests on was withdrawn (its answers deleted): the badge no longer holds. */
const testWithdrawnAt = testWithdrawnAtOf(badges.assessmentId);

export async function badgesOf(db: DbOrTx, municipalityId: string, citizenId: string) {
  return db
    .select({ badge: badges, testWithdrawnAt: testWithdrawnAt.mapWith(badges.revokedAt) })
    .from(badges)
    .where(and(eq(badges.municipalityId, municipalityId), eq(badges.citizenId, citizenId)))
    .orderBy(desc(badges.issuedAt));
}

/** Revoked by the issuer, or resting on a withdrawn test. */
export async function isBadgeRevoked(db: DbOrTx, id: string): Promise<boolean> {
  const [row] = await db
    .select({ revokedAt: badges.revokedAt, testWithdrawnAt: testWithdrawnAt })
    .from(badges)
    .where(eq(badges.id, id));
  return !!row && (row.revokedAt !== null || row.testWithdrawnAt !== null);
}

export async function findBadge(db: DbOrTx, id: string) {
  const [row] = await db.select().from(badges).where(eq(badges.id, id));
  return row ?? null;
}

export async function revokedIds(db: DbOrTx, municipalityId: string) {
  const rows = await db
    .select({ id: badges.id })
    .from(badges)
    .where(
      and(
        eq(badges.municipalityId, municipalityId),
        or(isNotNull(badges.revokedAt), isNotNull(testWithdrawnAt)),
      ),
    );
  return rows.map((r) => `urn:uuid:${r.id}`);
}

/** The status-list bits of an issuer's badges that no longer hold. */
export async function revokedStatusIndexes(db: DbOrTx, municipalityId: string) {
  const rows = await db
    .select({ index: badges.statusIndex })
    .from(badges)
    .where(
      and(
        eq(badges.municipalityId, municipalityId),
        isNotNull(badges.statusIndex),
        or(isNotNull(badges.revokedAt), isNotNull(testWithdrawnAt)),
      ),
    );
  return rows.map((r) => r.index!);
}

/** One row per enrolment with its offer's provider and methods, for the statistics. */
export async function statsRows(db: DbOrTx, municipalityId: string) {
  return db
    .select({
      offerId: learningOffers.id,
      name: learningOffers.name,
      providerName: learningOffers.providerName,
      methods: learningOffers.methods,
      capacity: learningOffers.capacity,
      status: learningEnrolments.status,
      createdAt: learningEnrolments.createdAt,
    })
    .from(learningOffers)
    .leftJoin(learningEnrolments, eq(learningEnrolments.offerId, learningOffers.id))
    .where(eq(learningOffers.municipalityId, municipalityId));
}

export async function insertOffer(db: DbOrTx, values: typeof learningOffers.$inferInsert) {
  const [row] = await db.insert(learningOffers).values(values).returning();
  return row!;
}

export async function updateOffer(
  db: DbOrTx,
  id: string,
  values: Partial<typeof learningOffers.$inferInsert>,
) {
  const [row] = await db
    .update(learningOffers)
    .set({ ...values, updatedAt: clock.now() })
    .where(eq(learningOffers.id, id))
    .returning();
  return row!;
}

export async function insertSession(db: DbOrTx, values: typeof learningSessions.$inferInsert) {
  await db.insert(learningSessions).values(values);
}

/** Whether the session was there to remove (attendance recorded for it goes with it). */
export async function deleteSession(db: DbOrTx, offerId: string, sessionId: string) {
  const gone = await db
    .delete(learningSessions)
    .where(and(eq(learningSessions.offerId, offerId), eq(learningSessions.id, sessionId)))
    .returning({ id: learningSessions.id });
  return gone.length > 0;
}

export async function isSessionOf(db: DbOrTx, offerId: string, sessionId: string) {
  const [row] = await db
    .select({ id: learningSessions.id })
    .from(learningSessions)
    .where(and(eq(learningSessions.id, sessionId), eq(learningSessions.offerId, offerId)));
  return row !== undefined;
}

/** What a plan item points at (an offer's id for offer items), in the municipality. */
export async function planItemRef(db: DbOrTx, municipalityId: string, itemId: string) {
  const [row] = await db
    .select({ refId: learningPlanItems.refId })
    .from(learningPlanItems)
    .where(
      and(eq(learningPlanItems.id, itemId), eq(learningPlanItems.municipalityId, municipalityId)),
    );
  return row?.refId ?? null;
}

export async function decidePlanItem(db: DbOrTx, id: string, decision: 'accepted' | 'declined') {
  await db
    .update(learningPlanItems)
    .set({ status: decision, decidedAt: clock.now() })
    .where(eq(learningPlanItems.id, id));
}

export async function recordAttendance(
  db: DbOrTx,
  values: {
    municipalityId: string;
    enrolmentId: string;
    sessionId: string;
    present: boolean;
    recordedBy: string;
  },
) {
  await db
    .insert(learningAttendance)
    .values(values)
    .onConflictDoUpdate({
      target: [learningAttendance.enrolmentId, learningAttendance.sessionId],
      set: { present: values.present, recordedBy: values.recordedBy, recordedAt: clock.now() },
    });
}

export async function markCompleted(db: DbOrTx, enrolmentId: string) {
  const now = clock.now();
  await db
    .update(learningEnrolments)
    .set({ status: 'completed', completedAt: now, updatedAt: now })
    .where(eq(learningEnrolments.id, enrolmentId));
}

export async function revokeBadge(db: DbOrTx, id: string, by: string, reason: string) {
  const [row] = await db
    .update(badges)
    .set({ revokedAt: clock.now(), revokedBy: by, revokeReason: reason })
    .where(eq(badges.id, id))
    .returning();
  return row!;
}

/** An issuer's public key, by its id (public: anyone verifying a badge reads it). */
export async function publicKey(db: DbOrTx, kid: string) {
  const [k] = await db
    .select({ id: badgeKeys.id, publicJwk: badgeKeys.publicJwk })
    .from(badgeKeys)
    .where(eq(badgeKeys.id, kid));
  return k ?? null;
}

export async function publicKeys(db: DbOrTx) {
  return db.select({ id: badgeKeys.id, publicJwk: badgeKeys.publicJwk }).from(badgeKeys);
}

/**
 * For each occupation citizens' active learning plans aim at, how many of those citizens lack
 * each competence (their plan's gap, measured against their latest test): aggregates only.
 */
export async function planGapCounts(db: DbOrTx, municipalityId: string) {
  const plans = await db
    .select({
      occupationId: learningPlans.occupationId,
      citizenId: learningPlans.citizenId,
      gaps: learningPlans.gaps,
    })
    .from(learningPlans)
    .where(
      and(eq(learningPlans.municipalityId, municipalityId), eq(learningPlans.status, 'active')),
    );
  const planned = new Map<string, Set<string>>();
  const lacking = new Map<string, Set<string>>();
  for (const p of plans) {
    const who = planned.get(p.occupationId) ?? new Set<string>();
    who.add(p.citizenId);
    planned.set(p.occupationId, who);
    for (const g of p.gaps)
      if (g.gap > 0) {
        const key = `${p.occupationId}|${g.competence}`;
        const set = lacking.get(key) ?? new Set<string>();
        set.add(p.citizenId);
        lacking.set(key, set);
      }
  }
  return [...lacking].map(([key, citizens]) => {
    const [occupationId, competence] = key.split('|') as [string, string];
    return {
      occupationId,
      competence,
      citizensLacking: citizens.size,
      citizensPlanned: planned.get(occupationId)!.size,
    };
  });
}

export interface HeldBadge {
  name: string;
  kind: (typeof badges.$inferSelect)['kind'];
  area: string | null;
  level: number | null;
}

/** A citizen's badges that still hold (not revoked, not resting on a withdrawn test). */
export async function validBadgesOf(
  db: DbOrTx,
  municipalityId: string,
  citizenId: string,
): Promise<HeldBadge[]> {
  return (await validBadgesByCitizen(db, municipalityId, [citizenId])).get(citizenId) ?? [];
}

/** The badges that still hold of many citizens, in one query (lists of candidates), by citizen. */
export async function validBadgesByCitizen(
  db: DbOrTx,
  municipalityId: string,
  citizenIds: readonly string[],
): Promise<Map<string, HeldBadge[]>> {
  const out = new Map<string, HeldBadge[]>();
  if (citizenIds.length === 0) return out;
  const rows = await db
    .select({ badge: badges, testWithdrawnAt: testWithdrawnAt.mapWith(badges.revokedAt) })
    .from(badges)
    .where(
      and(
        eq(badges.municipalityId, municipalityId),
        inArray(badges.citizenId, [...new Set(citizenIds)]),
      ),
    )
    .orderBy(desc(badges.issuedAt));
  for (const { badge, testWithdrawnAt: withdrawn } of rows) {
    if (badge.revokedAt !== null || withdrawn !== null) continue;
    const held = { name: badge.name, kind: badge.kind, area: badge.area, level: badge.level };
    out.set(badge.citizenId, [...(out.get(badge.citizenId) ?? []), held]);
  }
  return out;
}

/**
 * Every place taken on a learning offer (waiting lists and cancellations left out), with what
 * the strategy's follow-up asks of it: the offer's methods, length and intensity, its price and
 * provider, and how the place ended.
 */
export async function followUpEnrolments(db: DbOrTx, municipalityId: string) {
  return db
    .select({
      citizenId: learningEnrolments.citizenId,
      on: copenhagenDaySql(learningEnrolments.createdAt),
      status: learningEnrolments.status,
      methods: learningOffers.methods,
      weeks: learningOffers.weeks,
      hoursPerWeek: learningOffers.hoursPerWeek,
      priceDkk: learningOffers.priceDkk,
      providerKind: learningOffers.providerKind,
    })
    .from(learningEnrolments)
    .innerJoin(learningOffers, eq(learningOffers.id, learningEnrolments.offerId))
    .where(
      and(
        eq(learningEnrolments.municipalityId, municipalityId),
        inArray(learningEnrolments.status, ['enrolled', 'completed', 'dropped_out']),
      ),
    );
}
