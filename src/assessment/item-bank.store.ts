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
      ms: assessmentResponses.timeMs,
    })
    .from(assessmentResponses)
    .innerJoin(assessments, eq(assessments.id, assessmentResponses.assessmentId))
    .where(
      and(eq(assessments.municipalityId, municipalityId), eq(assessments.status, 'completed')),
    );
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

const completedSince = (municipalityId: string, since: Date) =>
  and(
    eq(assessments.municipalityId, municipalityId),
    eq(assessments.status, 'completed'),
    gte(assessments.completedAt, since),
  );

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
