// A completed test whose answers are right up to a given DigComp level in each area, scored by
// the real model: for the demo's citizens and for tests of what builds on results.
import type { DbOrTx } from '../platform/db/client';
import { computeResult, type Answered } from './assessment.model';
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
  const started = new Date(input.completedAt.getTime() - 12 * 60_000);
  const [row] = await tx
    .insert(assessments)
    .values({
      municipalityId: input.municipalityId,
      citizenId: input.citizenId,
      status: 'completed',
      foundationCut: DEFAULT_CUTS.foundation,
      jobGoalCut: DEFAULT_CUTS.jobGoal,
      seed: 7,
      theta: result.theta,
      se: result.se,
      triageGroup: result.group,
      groupProbability: result.groupProbability,
      stopReason: result.stopReason,
      startedAt: started,
      consentAt: started,
      completedAt: input.completedAt,
      result,
    })
    .returning();
  return { row: row!, result };
}
