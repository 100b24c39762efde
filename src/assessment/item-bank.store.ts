// Queries of the test's administration: the municipality's item bank, its answers for item
// statistics and calibration, calibration runs, and the triage cut scores.
import { and, desc, eq, gte, inArray, isNotNull, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/client';
import { clock } from '../platform/clock';
import {
  assessmentCalibrations,
  assessmentItems,
  assessmentResponses,
  assessments,
  triageSettings,
} from './assessment.schema';

export type ItemRow = typeof assessmentItems.$inferSelect;
export type CalibrationRow = typeof assessmentCalibrations.$inferSelect;

/** Every scored answer of completed tests in the municipality (no person, only the test id). */
export async function completedAnswers(db: DbOrTx, municipalityId: string) {
  return db
    .select({
      assessmentId: assessments.id,
      theta: assessments.theta,
      language: assessments.language,
      itemId: assessmentResponses.itemId,
      score: assessmentResponses.score,
    })
    .from(assessmentResponses)
    .innerJoin(assessments, eq(assessments.id, assessmentResponses.assessmentId))
    .where(completedIn(municipalityId));
}

/**
 * Classical and IRT statistics per item from the answers of the municipality's completed tests
 * (those with an ability estimate), worked out in the database: a large municipality's years of
 * answers never travel to the app. Per item: responses; the share right; the point-biserial
 * correlation of the score with the test's θ (from three answers); outfit, the mean squared
 * standardised residual under the item's 2PL (about 1 when the model fits); the median seconds
 * to answer, where the page measured it (nearest rank). Only 2PL items get right/wrong figures.
 */
export async function itemAnswerStatistics(db: DbOrTx, municipalityId: string) {
  const theta = assessments.theta;
  const score = assessmentResponses.score;
  const is2pl = sql`${assessmentItems.model}->>'kind' = '2pl'`;
  // Evaluated row by row only for 2PL items (the CASE inside the aggregate), whose `d` is a
  // number; the floor keeps an answer at an extreme θ from dividing by zero.
  const p = sql`1 / (1 + exp(-((${assessmentItems.model}->>'a')::float8 * ${theta} + (${assessmentItems.model}->>'d')::float8)))`;
  return db
    .select({
      itemId: assessmentItems.id,
      responses: sql<number>`count(*)`.mapWith(Number),
      proportionCorrect: sql<
        number | null
      >`case when ${is2pl} then avg(${score}::float8) end`.mapWith(Number),
      itemThetaCorrelation: sql<
        number | null
      >`case when ${is2pl} and count(*) >= 3 then corr(${score}, ${theta}) end`.mapWith(Number),
      outfit: sql<number | null>`avg(case when ${is2pl} then
        (${score} - ${p}) ^ 2 / greatest(${p} * (1 - ${p}), 1e-12) end)`.mapWith(Number),
      medianMs: sql<
        number | null
      >`percentile_disc(0.5) within group (order by ${assessmentResponses.timeMs})`.mapWith(Number),
    })
    .from(assessmentResponses)
    .innerJoin(assessments, eq(assessments.id, assessmentResponses.assessmentId))
    .innerJoin(assessmentItems, eq(assessmentItems.id, assessmentResponses.itemId))
    .where(and(completedIn(municipalityId), isNotNull(theta)))
    .groupBy(assessmentItems.id);
}

/** Completed tests with at least one answer kept: what an item's exposure is a share of. */
export async function answeredTests(db: DbOrTx, municipalityId: string) {
  const [row] = await db
    .select({ n: sql<number>`count(distinct ${assessments.id})`.mapWith(Number) })
    .from(assessments)
    .innerJoin(assessmentResponses, eq(assessmentResponses.assessmentId, assessments.id))
    .where(completedIn(municipalityId));
  return row?.n ?? 0;
}

/**
 * The municipality's tests completed since `since`, with the scored questions each answered.
 * A test with no recorded answers (none are, outside the demo's scripted history) is left out.
 */
export async function completedTestLengths(db: DbOrTx, municipalityId: string, since: Date) {
  return db
    .select({
      startedAt: assessments.startedAt,
      completedAt: assessments.completedAt,
      continuedAt: assessments.continuedAt,
      stopReason: assessments.stopReason,
      language: assessments.language,
      questions:
        sql<number>`count(*) filter (where ${assessmentItems.type} <> 'self_rating')`.mapWith(
          Number,
        ),
    })
    .from(assessments)
    .innerJoin(assessmentResponses, eq(assessmentResponses.assessmentId, assessments.id))
    .innerJoin(assessmentItems, eq(assessmentItems.id, assessmentResponses.itemId))
    .where(completedSince(municipalityId, since))
    .groupBy(assessments.id);
}

/**
 * How long the scored answers of those tests took, per item type: the count and the nearest-rank
 * median and 90th percentile (percentile_disc), summed up in the database rather than sending a
 * year of answers to the app.
 */
export async function answerTimesByType(db: DbOrTx, municipalityId: string, since: Date) {
  const ms = assessmentResponses.timeMs;
  return db
    .select({
      type: assessmentItems.type,
      answers: sql<number>`count(*)`.mapWith(Number),
      medianMs: sql<number>`percentile_disc(0.5) within group (order by ${ms})`.mapWith(Number),
      p90Ms: sql<number>`percentile_disc(0.9) within group (order by ${ms})`.mapWith(Number),
    })
    .from(assessmentResponses)
    .innerJoin(assessments, eq(assessments.id, assessmentResponses.assessmentId))
    .innerJoin(assessmentItems, eq(assessmentItems.id, assessmentResponses.itemId))
    .where(
      and(
        completedSince(municipalityId, since),
        isNotNull(ms),
        ne(assessmentItems.type, 'self_rating'),
      ),
    )
    .groupBy(assessmentItems.type);
}

/** The municipality's completed tests: what every statistic of the test is taken over. */
function completedIn(municipalityId: string) {
  return and(eq(assessments.municipalityId, municipalityId), eq(assessments.status, 'completed'));
}

function completedSince(municipalityId: string, since: Date) {
  return and(completedIn(municipalityId), gte(assessments.completedAt, since));
}

export async function saveCutScores(
  db: DbOrTx,
  municipalityId: string,
  values: { foundationCut: number; jobGoalCut: number; updatedBy: string },
) {
  const set = { ...values, updatedAt: clock.now() };
  await db
    .insert(triageSettings)
    .values({ municipalityId, ...set })
    .onConflictDoUpdate({ target: triageSettings.municipalityId, set });
}

export async function listItems(db: DbOrTx, municipalityId: string) {
  return db
    .select()
    .from(assessmentItems)
    .where(eq(assessmentItems.municipalityId, municipalityId))
    .orderBy(assessmentItems.key);
}

export async function findItem(db: DbOrTx, municipalityId: string, id: string) {
  const [row] = await db
    .select()
    .from(assessmentItems)
    .where(and(eq(assessmentItems.municipalityId, municipalityId), eq(assessmentItems.id, id)));
  return row ?? null;
}

export async function insertItem(db: DbOrTx, values: typeof assessmentItems.$inferInsert) {
  const [row] = await db.insert(assessmentItems).values(values).returning();
  return row!;
}

export async function updateItem(
  db: DbOrTx,
  id: string,
  values: Partial<typeof assessmentItems.$inferInsert>,
) {
  const [row] = await db
    .update(assessmentItems)
    .set({ ...values, updatedAt: clock.now() })
    .where(eq(assessmentItems.id, id))
    .returning();
  return row!;
}

export async function itemsAmong(db: DbOrTx, municipalityId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select({ id: assessmentItems.id })
    .from(assessmentItems)
    .where(
      and(eq(assessmentItems.municipalityId, municipalityId), inArray(assessmentItems.id, ids)),
    );
}

export async function insertCalibration(
  db: DbOrTx,
  values: typeof assessmentCalibrations.$inferInsert,
) {
  const [row] = await db.insert(assessmentCalibrations).values(values).returning();
  return row!;
}

export async function listCalibrations(db: DbOrTx, municipalityId: string) {
  return db
    .select()
    .from(assessmentCalibrations)
    .where(eq(assessmentCalibrations.municipalityId, municipalityId))
    .orderBy(desc(assessmentCalibrations.createdAt))
    .limit(20);
}

export async function findCalibration(db: DbOrTx, municipalityId: string, id: string) {
  const [row] = await db
    .select()
    .from(assessmentCalibrations)
    .where(
      and(
        eq(assessmentCalibrations.municipalityId, municipalityId),
        eq(assessmentCalibrations.id, id),
      ),
    );
  return row ?? null;
}

export async function decideCalibration(
  db: DbOrTx,
  id: string,
  values: { status: 'published' | 'discarded'; decidedBy: string },
) {
  const [row] = await db
    .update(assessmentCalibrations)
    .set({ ...values, decidedAt: clock.now() })
    .where(eq(assessmentCalibrations.id, id))
    .returning();
  return row!;
}
