import {
  and,
  asc,
  count,
  desc,
  eq,
  gte,
  inArray,
  isNotNull,
  isNull,
  sql,
  type SQLWrapper,
} from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/client';
import { copenhagenDaySql } from '../platform/db/days';
import { earlierDanish, ITEM_BANK, startParameters, withOriginalUpdates } from './bank';
import { DEFAULT_CUTS } from './triage';
import type { CutScores, TriageGroup } from './cat';
import { levelFor, type ActiveItem, type Answered } from './assessment.model';
import {
  assessmentItems,
  assessmentResponses,
  assessments,
  testCodes,
  triageSettings,
} from './assessment.schema';
import { clock } from '../platform/clock';
import type { PageLang } from '../platform/i18n/languages.constants';

export type AssessmentRow = typeof assessments.$inferSelect;
export type StoredItem = ActiveItem & { id: string; retiredLanguages: readonly PageLang[] };

/** The municipality's active items; the original bank is copied in on first use. */
export async function activeItems(db: DbOrTx, municipalityId: string): Promise<StoredItem[]> {
  const select = () =>
    db
      .select()
      .from(assessmentItems)
      .where(
        and(
          eq(assessmentItems.municipalityId, municipalityId),
          eq(assessmentItems.status, 'active'),
        ),
      )
      .orderBy(asc(assessmentItems.key));
  let rows = await select();
  if (rows.length === 0) {
    const [row] = await db
      .select({ n: count() })
      .from(assessmentItems)
      .where(eq(assessmentItems.municipalityId, municipalityId));
    if ((row?.n ?? 0) === 0) {
      await db
        .insert(assessmentItems)
        .values(
          ITEM_BANK.map((entry) => ({
            municipalityId,
            key: entry.id,
            competence: entry.competence,
            level: entry.level,
            type: entry.type,
            content: entry,
            model: startParameters(entry),
          })),
        )
        .onConflictDoNothing();
      rows = await select();
    }
  }
  rows = await bringUpToOriginal(db, rows);
  return rows.map((r) => ({
    id: r.id,
    key: r.key,
    entry: r.content,
    model: r.model,
    retiredLanguages: r.retiredLanguages,
  }));
}

const ORIGINAL_BY_KEY = new Map(ITEM_BANK.map((e) => [e.id, e]));
/** Worked out once: items are read on every step of every test. */
const EARLIER_BY_KEY = new Map(ITEM_BANK.map((e) => [e.id, earlierDanish(e)]));

/**
 * Items copied in before the bank gained a language, or before its plain-Danish wording, get
 * them on their next read, unless an admin has reworded them since (then they wait for a
 * translation of the new words).
 */
async function bringUpToOriginal(db: DbOrTx, rows: (typeof assessmentItems.$inferSelect)[]) {
  // Checked in memory on each read (152 small comparisons); written only once per item.
  const out = [];
  for (const r of rows) {
    const original = ORIGINAL_BY_KEY.get(r.key);
    const content = original
      ? withOriginalUpdates(r.content, original, EARLIER_BY_KEY.get(r.key))
      : null;
    if (!content) {
      out.push(r);
      continue;
    }
    await db.update(assessmentItems).set({ content }).where(eq(assessmentItems.id, r.id));
    out.push({ ...r, content });
  }
  return out;
}

export async function cutScores(db: DbOrTx, municipalityId: string): Promise<CutScores> {
  const [row] = await db
    .select()
    .from(triageSettings)
    .where(eq(triageSettings.municipalityId, municipalityId));
  return row ? { foundation: row.foundationCut, jobGoal: row.jobGoalCut } : DEFAULT_CUTS;
}

export async function insertCode(db: DbOrTx, values: typeof testCodes.$inferInsert) {
  const [row] = await db.insert(testCodes).values(values).returning();
  return row!;
}

export async function findCodeByHash(db: DbOrTx, codeHash: string) {
  const [row] = await db.select().from(testCodes).where(eq(testCodes.codeHash, codeHash));
  return row ?? null;
}

/** Marks a code used; false when another request used it first. */
export async function claimCode(db: DbOrTx, id: string): Promise<boolean> {
  const rows = await db
    .update(testCodes)
    .set({ usedAt: clock.now() })
    .where(and(eq(testCodes.id, id), isNull(testCodes.usedAt)))
    .returning({ id: testCodes.id });
  return rows.length === 1;
}

export async function insertAssessment(db: DbOrTx, values: typeof assessments.$inferInsert) {
  const [row] = await db.insert(assessments).values(values).returning();
  return row!;
}

export async function findAssessmentByToken(db: DbOrTx, tokenHash: string) {
  const [row] = await db.select().from(assessments).where(eq(assessments.tokenHash, tokenHash));
  return row ?? null;
}

export async function findOpenAssessmentForCitizen(
  db: DbOrTx,
  municipalityId: string,
  citizenId: string,
) {
  const [row] = await db
    .select()
    .from(assessments)
    .where(
      and(
        eq(assessments.municipalityId, municipalityId),
        eq(assessments.citizenId, citizenId),
        inArray(assessments.status, ['consent_pending', 'in_progress', 'paused']),
      ),
    )
    .orderBy(desc(assessments.startedAt))
    .limit(1);
  return row ?? null;
}

export async function latestAssessmentForCitizen(
  db: DbOrTx,
  municipalityId: string,
  citizenId: string,
) {
  const [row] = await db
    .select()
    .from(assessments)
    .where(
      and(eq(assessments.municipalityId, municipalityId), eq(assessments.citizenId, citizenId)),
    )
    .orderBy(desc(assessments.startedAt))
    .limit(1);
  return row ?? null;
}

export async function listAssessmentsForCitizen(
  db: DbOrTx,
  municipalityId: string,
  citizenId: string,
) {
  return db
    .select()
    .from(assessments)
    .where(
      and(eq(assessments.municipalityId, municipalityId), eq(assessments.citizenId, citizenId)),
    )
    .orderBy(desc(assessments.startedAt));
}

export async function updateAssessment(
  db: DbOrTx,
  id: string,
  values: Partial<typeof assessments.$inferInsert>,
) {
  const [row] = await db.update(assessments).set(values).where(eq(assessments.id, id)).returning();
  return row!;
}

export async function answersOf(db: DbOrTx, assessmentId: string): Promise<Answered[]> {
  const rows = await db
    .select({ key: assessmentItems.key, score: assessmentResponses.score })
    .from(assessmentResponses)
    .innerJoin(assessmentItems, eq(assessmentItems.id, assessmentResponses.itemId))
    .where(eq(assessmentResponses.assessmentId, assessmentId))
    .orderBy(asc(assessmentResponses.position));
  return rows;
}

export async function insertResponse(db: DbOrTx, values: typeof assessmentResponses.$inferInsert) {
  await db.insert(assessmentResponses).values(values);
}

export async function deleteResponses(db: DbOrTx, assessmentId: string) {
  await db.delete(assessmentResponses).where(eq(assessmentResponses.assessmentId, assessmentId));
}

/** Codes a staff member handed out since `since`, each with the test taken with it, if any. */
export async function listCodesByCreator(
  db: DbOrTx,
  municipalityId: string,
  userId: string,
  since: Date,
) {
  return db
    .select({ code: testCodes, assessment: assessments })
    .from(testCodes)
    .leftJoin(assessments, eq(assessments.codeId, testCodes.id))
    .where(
      and(
        eq(testCodes.municipalityId, municipalityId),
        eq(testCodes.createdBy, userId),
        gte(testCodes.createdAt, since),
      ),
    )
    .orderBy(desc(testCodes.createdAt));
}

/** A code of the municipality, by id or by its keyed hash, with the test taken with it. */
export async function findCodeWithAssessment(
  db: DbOrTx,
  municipalityId: string,
  by: { id: string } | { hash: string },
) {
  const [row] = await db
    .select({ code: testCodes, assessment: assessments })
    .from(testCodes)
    .leftJoin(assessments, eq(assessments.codeId, testCodes.id))
    .where(
      and(
        eq(testCodes.municipalityId, municipalityId),
        'id' in by ? eq(testCodes.id, by.id) : eq(testCodes.codeHash, by.hash),
      ),
    );
  return row ?? null;
}

/** Each citizen's latest completed test (θ and triage group), for eligibility and evaluation. */
/**
 * When the test with this id had its consent withdrawn (null while it stands), as an SQL
 * expression for another area's query (a badge rests on its test): the table stays this
 * area's own.
 */
export const testWithdrawnAtOf = (assessmentId: SQLWrapper) =>
  sql<Date | null>`(select ${assessments.withdrawnAt} from ${assessments} where ${assessments.id} = ${assessmentId} and ${assessments.status} = 'withdrawn')`;

export async function latestResults(
  db: DbOrTx,
  municipalityId: string,
  citizenIds: string[],
): Promise<Map<string, { theta: number; triageGroup: TriageGroup }>> {
  if (citizenIds.length === 0) return new Map();
  const rows = await db
    .selectDistinctOn([assessments.citizenId], {
      citizenId: assessments.citizenId,
      theta: assessments.theta,
      triageGroup: assessments.triageGroup,
    })
    .from(assessments)
    .where(
      and(
        eq(assessments.municipalityId, municipalityId),
        inArray(assessments.citizenId, citizenIds),
        eq(assessments.status, 'completed'),
      ),
    )
    .orderBy(assessments.citizenId, desc(assessments.completedAt));
  return new Map(
    rows
      .filter((r) => r.citizenId && r.theta !== null && r.triageGroup)
      .map((r) => [r.citizenId!, { theta: r.theta!, triageGroup: r.triageGroup! }]),
  );
}

export interface CompletedTest {
  id: string;
  completedAt: Date;
  triageGroup: TriageGroup;
  /** The overall DigComp level the ability estimate reaches. */
  level: number;
  areas: { area: string; level: number | null }[];
}

/** A citizen's completed tests, oldest first, with the level per DigComp area (progress, plans). */
export async function completedTests(
  db: DbOrTx,
  municipalityId: string,
  citizenId: string,
): Promise<CompletedTest[]> {
  return (await completedTestsByCitizen(db, municipalityId, [citizenId])).get(citizenId) ?? [];
}

/** Completed tests for many citizens in one query (lists of candidates), by citizen. */
export async function completedTestsByCitizen(
  db: DbOrTx,
  municipalityId: string,
  citizenIds: readonly string[],
): Promise<Map<string, CompletedTest[]>> {
  const out = new Map<string, CompletedTest[]>();
  if (citizenIds.length === 0) return out;
  const rows = await db
    .select({
      id: assessments.id,
      citizenId: assessments.citizenId,
      completedAt: assessments.completedAt,
      theta: assessments.theta,
      triageGroup: assessments.triageGroup,
      result: assessments.result,
    })
    .from(assessments)
    .where(
      and(
        eq(assessments.municipalityId, municipalityId),
        inArray(assessments.citizenId, [...new Set(citizenIds)]),
        eq(assessments.status, 'completed'),
      ),
    )
    .orderBy(asc(assessments.completedAt));
  for (const r of rows) {
    if (!r.citizenId || !r.completedAt || r.theta === null || !r.triageGroup || !r.result) continue;
    const list = out.get(r.citizenId) ?? [];
    list.push({
      id: r.id,
      completedAt: r.completedAt,
      triageGroup: r.triageGroup,
      level: levelFor(r.theta),
      areas: r.result.areas.map((a) => ({ area: a.area, level: a.level })),
    });
    out.set(r.citizenId, list);
  }
  return out;
}

/** The day each citizen was first offered the test (a code made for them). */
export async function firstOffers(db: DbOrTx, municipalityId: string) {
  return db
    .select({
      citizenId: sql<string>`${testCodes.citizenId}`,
      on: sql<string>`min(${copenhagenDaySql(testCodes.createdAt)})`,
    })
    .from(testCodes)
    .where(and(eq(testCodes.municipalityId, municipalityId), isNotNull(testCodes.citizenId)))
    .groupBy(testCodes.citizenId);
}

/** The day each citizen first completed the test, and the triage group of their latest test. */
export async function firstCompletedTests(db: DbOrTx, municipalityId: string) {
  return db
    .select({
      citizenId: sql<string>`${assessments.citizenId}`,
      on: sql<string>`min(${copenhagenDaySql(assessments.completedAt)})`,
      triageGroup: sql<TriageGroup | null>`(array_agg(${assessments.triageGroup} order by ${assessments.completedAt} desc))[1]`,
    })
    .from(assessments)
    .where(
      and(
        eq(assessments.municipalityId, municipalityId),
        eq(assessments.status, 'completed'),
        isNotNull(assessments.citizenId),
        isNotNull(assessments.completedAt),
      ),
    )
    .groupBy(assessments.citizenId);
}
