// Queries for the taskforce's own records (actions, centres), filtered by tenant in SQL.
import { and, asc, desc, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/client';
import {
  taskforceActions,
  taskforceBudgets,
  taskforceCentreSites,
  taskforceCentres,
  taskforceCountRuns,
  taskforceDailyCounts,
  taskforceReports,
  taskforceSpending,
  taskforceTargets,
} from './taskforce.schema';
import type { Indicator, Recommendation } from './taskforce.constants';
import type { DayCount, MonthCount, Period } from './indicators.model';

export type ActionRow = typeof taskforceActions.$inferSelect;

export async function listActions(db: DbOrTx, municipalityId: string, rec?: Recommendation) {
  const where = [eq(taskforceActions.municipalityId, municipalityId)];
  if (rec) where.push(eq(taskforceActions.recommendation, rec));
  return db
    .select()
    .from(taskforceActions)
    .where(and(...where))
    .orderBy(asc(taskforceActions.dueOn), asc(taskforceActions.title));
}

export async function findAction(db: DbOrTx, municipalityId: string, id: string) {
  const [row] = await db
    .select()
    .from(taskforceActions)
    .where(and(eq(taskforceActions.municipalityId, municipalityId), eq(taskforceActions.id, id)));
  return row ?? null;
}

export async function insertAction(db: DbOrTx, values: typeof taskforceActions.$inferInsert) {
  const [row] = await db.insert(taskforceActions).values(values).returning();
  return row!;
}

export async function updateAction(
  db: DbOrTx,
  municipalityId: string,
  id: string,
  values: Partial<typeof taskforceActions.$inferInsert>,
) {
  const [row] = await db
    .update(taskforceActions)
    .set(values)
    .where(and(eq(taskforceActions.municipalityId, municipalityId), eq(taskforceActions.id, id)))
    .returning();
  return row!;
}

/** The centres with their sites' ids. */
export async function listCentres(db: DbOrTx, municipalityId: string) {
  const [centres, links] = await Promise.all([
    db
      .select()
      .from(taskforceCentres)
      .where(eq(taskforceCentres.municipalityId, municipalityId))
      .orderBy(asc(taskforceCentres.name)),
    db
      .select()
      .from(taskforceCentreSites)
      .where(eq(taskforceCentreSites.municipalityId, municipalityId)),
  ]);
  return centres.map((c) => ({
    ...c,
    siteIds: links.filter((l) => l.centreId === c.id).map((l) => l.siteId),
  }));
}

export async function insertCentre(db: DbOrTx, municipalityId: string, name: string) {
  const [row] = await db.insert(taskforceCentres).values({ municipalityId, name }).returning();
  return row!;
}

export async function renameCentre(db: DbOrTx, municipalityId: string, id: string, name: string) {
  await db
    .update(taskforceCentres)
    .set({ name })
    .where(and(eq(taskforceCentres.municipalityId, municipalityId), eq(taskforceCentres.id, id)));
}

/** Puts exactly these sites in the centre. */
export async function setCentreSites(
  db: DbOrTx,
  municipalityId: string,
  centreId: string,
  siteIds: readonly string[],
) {
  await db
    .delete(taskforceCentreSites)
    .where(
      and(
        eq(taskforceCentreSites.municipalityId, municipalityId),
        eq(taskforceCentreSites.centreId, centreId),
      ),
    );
  if (siteIds.length > 0)
    await db
      .insert(taskforceCentreSites)
      .values(siteIds.map((siteId) => ({ municipalityId, centreId, siteId })));
}

export async function findBudget(db: DbOrTx, municipalityId: string) {
  const [row] = await db
    .select()
    .from(taskforceBudgets)
    .where(eq(taskforceBudgets.municipalityId, municipalityId));
  return row ?? null;
}

export async function saveBudget(db: DbOrTx, values: typeof taskforceBudgets.$inferInsert) {
  await db
    .insert(taskforceBudgets)
    .values(values)
    .onConflictDoUpdate({ target: taskforceBudgets.municipalityId, set: values });
}

export async function listSpending(db: DbOrTx, municipalityId: string) {
  return db
    .select()
    .from(taskforceSpending)
    .where(eq(taskforceSpending.municipalityId, municipalityId))
    .orderBy(asc(taskforceSpending.on));
}

export async function insertSpending(db: DbOrTx, values: typeof taskforceSpending.$inferInsert) {
  const [row] = await db.insert(taskforceSpending).values(values).returning();
  return row!;
}

/** The issued reports, newest first, without their files. */
export async function listReports(db: DbOrTx, municipalityId: string) {
  return db
    .select({
      id: taskforceReports.id,
      title: taskforceReports.title,
      issuedOn: taskforceReports.issuedOn,
      periodFrom: taskforceReports.periodFrom,
      periodTo: taskforceReports.periodTo,
      createdAt: taskforceReports.createdAt,
    })
    .from(taskforceReports)
    .where(eq(taskforceReports.municipalityId, municipalityId))
    .orderBy(desc(taskforceReports.createdAt));
}

export async function findReport(db: DbOrTx, municipalityId: string, id: string) {
  const [row] = await db
    .select()
    .from(taskforceReports)
    .where(and(eq(taskforceReports.municipalityId, municipalityId), eq(taskforceReports.id, id)));
  return row ?? null;
}

export async function insertReport(db: DbOrTx, values: typeof taskforceReports.$inferInsert) {
  const [row] = await db
    .insert(taskforceReports)
    .values(values)
    .returning({ id: taskforceReports.id });
  return row!;
}

export async function findCountRun(db: DbOrTx, municipalityId: string) {
  const [row] = await db
    .select()
    .from(taskforceCountRuns)
    .where(eq(taskforceCountRuns.municipalityId, municipalityId));
  return row ?? null;
}

/**
 * Replaces a municipality's day counts. The run row is written first: its row lock makes a
 * second recount of the same municipality wait for this one instead of doubling the counts.
 */
export async function replaceDayCounts(
  db: DbOrTx,
  municipalityId: string,
  rows: readonly DayCount[],
  countedAt: Date,
) {
  await db
    .insert(taskforceCountRuns)
    .values({ municipalityId, countedAt, rows: rows.length })
    .onConflictDoUpdate({
      target: taskforceCountRuns.municipalityId,
      set: { countedAt, rows: rows.length },
    });
  await db
    .delete(taskforceDailyCounts)
    .where(eq(taskforceDailyCounts.municipalityId, municipalityId));
  if (rows.length === 0) return;
  // One statement with the rows as one JSON parameter: tens of thousands of rows in well under
  // a second, where multi-row VALUES take seconds to build and parse.
  await db.execute(sql`
    insert into ${taskforceDailyCounts} (municipality_id, site_id, day, key, n)
    select ${municipalityId}::uuid, r."siteId", r.day, r.key, r.n
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
      as r("siteId" uuid, day date, key text, n int)`);
}

/**
 * The day counts summed per month and measure over a period, for some sites (null: the whole
 * municipality, everything counted) — what indicators.model.ts `sumByMonth` does, in SQL.
 */
export async function monthCounts(
  db: DbOrTx,
  municipalityId: string,
  sites: readonly string[] | null,
  period: Period,
): Promise<MonthCount[]> {
  if (sites !== null && sites.length === 0) return [];
  const t = taskforceDailyCounts;
  const month = sql<string>`to_char(${t.day}, 'YYYY-MM')`;
  return db
    .select({ month, key: t.key, n: sql<number>`sum(${t.n})::int` })
    .from(t)
    .where(
      and(
        eq(t.municipalityId, municipalityId),
        gte(t.day, period.from),
        lte(t.day, period.to),
        sites === null ? undefined : inArray(t.siteId, [...sites]),
      ),
    )
    .groupBy(month, t.key);
}

/** The municipality's own targets, by indicator (those it has not set keep the default). */
export async function listTargets(
  db: DbOrTx,
  municipalityId: string,
): Promise<Partial<Record<Indicator, number | null>>> {
  const rows = await db
    .select()
    .from(taskforceTargets)
    .where(eq(taskforceTargets.municipalityId, municipalityId));
  return Object.fromEntries(rows.map((r) => [r.indicator, r.target]));
}

export async function saveTargets(
  db: DbOrTx,
  municipalityId: string,
  targets: readonly { indicator: Indicator; target: number | null }[],
  updatedBy: string,
) {
  for (const { indicator, target } of targets)
    await db
      .insert(taskforceTargets)
      .values({ municipalityId, indicator, target, updatedBy })
      .onConflictDoUpdate({
        target: [taskforceTargets.municipalityId, taskforceTargets.indicator],
        set: { target, updatedBy },
      });
}
