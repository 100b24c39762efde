// The administrator's use cases for the test: cut scores, the item bank (with each item's
// statistics) and calibration runs, reviewed before they are published. Aggregates only.
import { cutScores } from './assessment.store';
import crypto from 'node:crypto';
import { DomainError, conflict, notFound } from '../platform/errors';
import type { UseCase } from '../platform/use-case';
import {
  keepTranslations,
  startParameters,
  validateEntry,
  type BankEntry,
  type ItemTexts,
} from './bank';
import { buildCalibration } from './run-calibration';
import { testLength } from './test-length';
import { TEST_PROMISE } from './assessment.constants';
import { clock } from '../platform/clock';
import {
  KnowledgeTexts,
  SelfRatingTexts,
  SimulationTexts,
  type CalibrationView,
  type ItemAdminView,
  type ItemCreateInput,
  type ItemUpdateInput,
  type TestLengthView,
  type TriageSettingsInput,
} from './assessment-admin.contract';
import { activeItems } from './assessment.store';
import {
  answerTimesByType,
  answeredTests,
  completedAnswers,
  completedTestLengths,
  decideCalibration,
  findCalibration,
  findItem,
  insertCalibration,
  insertItem,
  itemAnswerStatistics,
  itemsAmong,
  listCalibrations,
  listItems,
  saveCutScores,
  updateItem,
  type CalibrationRow,
} from './item-bank.store';

const itemInvalid = (details: string) =>
  new DomainError('invalid', 'item_invalid', 'item_invalid', { details });

export const presentCalibration = (r: CalibrationRow): CalibrationView => ({
  id: r.id,
  status: r.status,
  createdAt: r.createdAt.toISOString(),
  result: { ...r.result, dif: r.result.dif ?? [] },
});

/** The triage's cut scores, as the municipality has set them (or the defaults). */
export async function triageSettings(uc: UseCase) {
  const cuts = await cutScores(uc.tx, uc.actor.municipalityId);
  return { foundationCut: cuts.foundation, jobGoalCut: cuts.jobGoal };
}

export async function setCutScores(uc: UseCase, input: TriageSettingsInput) {
  await saveCutScores(uc.tx, uc.actor.municipalityId, { ...input, updatedBy: uc.actor.userId });
  return input;
}

const REPORT_DAYS = 365;

/** How long the municipality's tests took over the last year, against the promise. Aggregates. */
export async function testLengthReport(uc: UseCase): Promise<TestLengthView> {
  const m = uc.actor.municipalityId;
  const since = new Date(clock.now().getTime() - REPORT_DAYS * 86_400_000);
  const tests = await completedTestLengths(uc.tx, m, since);
  const times = await answerTimesByType(uc.tx, m, since);
  const report = testLength(
    tests.map((t) => ({
      startedAt: t.startedAt,
      // Completed tests always have it (the where clause compares it with `since`).
      completedAt: t.completedAt!,
      questions: t.questions,
      stopReason: t.stopReason,
      continued: t.continuedAt !== null,
      language: t.language,
    })),
    times.flatMap((t) =>
      t.type === 'knowledge' || t.type === 'simulation' ? [{ ...t, type: t.type }] : [],
    ),
  );
  return { since: since.toISOString().slice(0, 10), promise: TEST_PROMISE, ...report };
}

/** The bank with each item's statistics from the municipality's completed tests. */
export async function listItemBank(uc: UseCase): Promise<ItemAdminView[]> {
  const m = uc.actor.municipalityId;
  await activeItems(uc.tx, m); // copies the original bank in on first use
  const rows = await listItems(uc.tx, m);
  const completed = await answeredTests(uc.tx, m);
  const stats = new Map((await itemAnswerStatistics(uc.tx, m)).map((s) => [s.itemId, s]));
  return rows.map((r) => {
    const s = stats.get(r.id);
    const scored = r.type !== 'self_rating';
    return {
      id: r.id,
      key: r.key,
      competence: r.competence,
      level: r.level,
      type: r.type,
      kind: r.content.type === 'simulation' ? r.content.kind : null,
      status: r.status,
      retiredLanguages: r.retiredLanguages,
      paramsSource: r.paramsSource,
      a: r.model.a,
      b: r.model.kind === '2pl' ? -r.model.d / r.model.a : null,
      // The view shows an item's content as it is kept; its shape is the bank's, checked on entry.
      content: r.content as unknown as Record<string, unknown>,
      stats: {
        responses: s?.responses ?? 0,
        exposure: s && completed > 0 ? s.responses / completed : 0,
        // Self-ratings are what the citizen says: no right or wrong.
        proportionCorrect: scored ? (s?.proportionCorrect ?? null) : null,
        itemThetaCorrelation: scored ? (s?.itemThetaCorrelation ?? null) : null,
        outfit: scored ? (s?.outfit ?? null) : null,
        medianSeconds: s?.medianMs == null ? null : s.medianMs / 1000,
      },
    };
  });
}

export async function createItem(uc: UseCase, input: ItemCreateInput) {
  const m = uc.actor.municipalityId;
  const key = `${input.type === 'knowledge' ? 'k' : input.type === 'simulation' ? 's' : 'sr'}-m-${crypto.randomBytes(3).toString('hex')}`;
  // The contract admits exactly a bank entry's fields; validateEntry checks the rest.
  const entry = { ...input, id: key } as BankEntry;
  const problems = validateEntry(entry);
  if (problems.length > 0) throw itemInvalid(problems.join('; '));
  // The original bank is copied in on first use; a first new item must not prevent that.
  await activeItems(uc.tx, m);
  const row = await insertItem(uc.tx, {
    municipalityId: m,
    key,
    competence: entry.competence,
    level: entry.level,
    type: entry.type,
    content: entry,
    model: startParameters(entry),
  });
  return { id: row.id, key: row.key };
}

export async function changeItem(uc: UseCase, id: string, input: ItemUpdateInput) {
  const row = await findItem(uc.tx, uc.actor.municipalityId, id);
  if (!row) throw notFound();
  let text: unknown = row.content.text;
  if (input.text !== undefined) {
    const schema =
      row.type === 'knowledge'
        ? KnowledgeTexts
        : row.type === 'simulation'
          ? SimulationTexts
          : SelfRatingTexts;
    const parsed = schema.safeParse(input.text);
    if (!parsed.success)
      throw itemInvalid(parsed.error.issues.map((i) => i.path.join('.')).join(', '));
    // The same wording keeps its translations; a new one drops them.
    text = keepTranslations(
      row.content.text as ItemTexts<unknown>,
      parsed.data as ItemTexts<unknown>,
    );
  }
  // Rebuilt from the stored entry and checked by validateEntry before it is kept.
  const content = {
    ...row.content,
    ...(input.level !== undefined && { level: input.level }),
    ...(input.competence !== undefined && { competence: input.competence }),
    ...(input.correct !== undefined && { correct: input.correct }),
    text,
    // The input was validated against ItemCreateInput, which mirrors BankEntry.
  } as BankEntry;
  const problems = validateEntry(content);
  if (problems.length > 0) throw itemInvalid(problems.join('; '));
  const updated = await updateItem(uc.tx, row.id, {
    content,
    level: content.level,
    competence: content.competence,
    status: input.status ?? row.status,
    retiredLanguages: input.retiredLanguages
      ? [...new Set(input.retiredLanguages)].sort()
      : row.retiredLanguages,
  });
  return { id: updated.id, status: updated.status, retiredLanguages: updated.retiredLanguages };
}

export async function runCalibration(uc: UseCase, minResponses: number) {
  const m = uc.actor.municipalityId;
  const result = buildCalibration(
    await activeItems(uc.tx, m),
    await completedAnswers(uc.tx, m),
    minResponses,
  );
  if (!result)
    throw new DomainError('invalid', 'too_few_responses', 'too_few_responses', {
      min: minResponses,
    });
  return presentCalibration(
    await insertCalibration(uc.tx, { municipalityId: m, createdBy: uc.actor.userId, result }),
  );
}

export async function calibrations(uc: UseCase) {
  return (await listCalibrations(uc.tx, uc.actor.municipalityId)).map(presentCalibration);
}

/** Publishing puts the run's parameters on the items still in the bank; both end the review. */
export async function decideOnCalibration(
  uc: UseCase,
  id: string,
  decision: 'publish' | 'discard',
) {
  const m = uc.actor.municipalityId;
  const run = await findCalibration(uc.tx, m, id);
  if (!run) throw notFound();
  if (run.status !== 'review') throw conflict('calibration_decided');
  if (decision === 'publish') {
    const present = new Set(
      (
        await itemsAmong(
          uc.tx,
          m,
          run.result.items.map((i) => i.itemId),
        )
      ).map((r) => r.id),
    );
    for (const item of run.result.items)
      if (present.has(item.itemId))
        await updateItem(uc.tx, item.itemId, { model: item.params, paramsSource: 'calibrated' });
  }
  return presentCalibration(
    await decideCalibration(uc.tx, run.id, {
      status: decision === 'publish' ? 'published' : 'discarded',
      decidedBy: uc.actor.userId,
    }),
  );
}
