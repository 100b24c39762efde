// A completed test whose answers are right up to a given DigComp level in each area, scored by
// the real model: for the demo's citizens and for tests of what builds on results.
import type { DbOrTx } from '../platform/db/client';
import { computeResult, type Answered, type TestResult } from './assessment.model';
import { assessments } from './assessment.schema';
import { activeItems } from './assessment.store';
import { areaOf } from './bank';
import { DEFAULT_CUTS } from './triage';

export async function recordScriptedTest(
  tx: DbOrTx,
  input: {
    municipalityId: string;
    citizenId: string;
    levels: readonly number[];
    completedAt: Date;
  },
) {
  const items = await activeItems(tx, input.municipalityId);
  const scored = items.filter((i) => i.entry.type !== 'self_rating');
  // One item per level in each area: right up to the area's level, wrong above it.
  const answered: Answered[] = input.levels.flatMap((target, i) =>
    scored
      .filter((it) => areaOf(it.entry.competence) === String(i + 1))
      .filter((it, k, all) => all.findIndex((x) => x.entry.level === it.entry.level) === k)
      .map((it) => ({ key: it.key, score: it.entry.level <= target ? 1 : 0 })),
  );
  const result = computeResult(items, DEFAULT_CUTS, answered, 'confident');
  const [row] = await tx
    .insert(assessments)
    .values(
      completedTestRow({
        municipalityId: input.municipalityId,
        citizenId: input.citizenId,
        seed: 7,
        result,
        completedAt: input.completedAt,
      }),
    )
    .returning();
  return { row: row!, result };
}

/** The row of a test completed at `completedAt` with `result`, taken under the default cuts. */
export function completedTestRow(input: {
  municipalityId: string;
  citizenId: string | null;
  seed: number;
  result: TestResult;
  completedAt: Date;
  language?: string;
  minutes?: number;
}): typeof assessments.$inferInsert {
  const { result } = input;
  const started = new Date(input.completedAt.getTime() - (input.minutes ?? 12) * 60_000);
  return {
    municipalityId: input.municipalityId,
    citizenId: input.citizenId,
    status: 'completed',
    ...(input.language ? { language: input.language } : {}),
    foundationCut: DEFAULT_CUTS.foundation,
    jobGoalCut: DEFAULT_CUTS.jobGoal,
    seed: input.seed,
    theta: result.theta,
    se: result.se,
    triageGroup: result.group,
    groupProbability: result.groupProbability,
    stopReason: result.stopReason,
    startedAt: started,
    consentAt: started,
    completedAt: input.completedAt,
    result,
  };
}
