// Use cases of taking the test: start, consent, answer, pause, withdraw; and the view of it.
import crypto from 'node:crypto';
import type { DbOrTx } from '../platform/db/client';
import type { PageLang } from '../platform/i18n/languages.constants';
import { conflict, invalid, notFound } from '../platform/errors';
import { writeAudit, type AuditActor } from '../platform/audit';
import type { Actor } from '../platform/auth/roles';
import { findCitizenByUser } from '../people';
import { SELF_RATING_SCALE } from './bank';
import { computeResult, nextStep, scoreAnswer } from './assessment.model';
import { CONTINUED_CAT, DEFAULT_CAT, type StopReason } from './cat';
import type { ItemView, TestView } from './assessment.contract';
import {
  activeItems,
  answersOf,
  cutScores,
  deleteResponses,
  findAssessmentByToken,
  findOpenAssessmentForCitizen,
  insertAssessment,
  insertResponse,
  latestAssessmentForCitizen,
  updateAssessment,
  type AssessmentRow,
  type StoredItem,
} from './assessment.store';

import { tokenHash } from '../platform/crypto/tokens';
import { clock } from '../platform/clock';

/**
 * Who takes a test: a logged-in citizen, or whoever holds the cookie of a test started with a
 * one-time code (then nobody is logged in). What every test-taking use case is called with.
 */
export interface TestTaker {
  tx: DbOrTx;
  actor: Actor | null;
  /** How the audit log names a logged-in taker; null for a code holder. */
  audit: AuditActor | null;
  /** The token in the cookie of a test started with a code. */
  testToken: string | undefined;
  lang: PageLang;
}

/** The test the taker is on: by the code cookie, else the logged-in citizen's latest. */
export async function loadTest(t: TestTaker): Promise<AssessmentRow> {
  const { tx, actor } = t;
  if (t.testToken) {
    const byToken = await findAssessmentByToken(tx, tokenHash(t.testToken));
    if (byToken) return byToken;
  }
  if (actor?.roles.includes('citizen')) {
    const citizen = await findCitizenByUser(tx, actor.municipalityId, actor.userId);
    if (citizen) {
      const open = await findOpenAssessmentForCitizen(tx, actor.municipalityId, citizen.id);
      const row = open ?? (await latestAssessmentForCitizen(tx, actor.municipalityId, citizen.id));
      if (row) return row;
    }
  }
  throw notFound();
}

/** Audits a test taker's read or change of a test linked to a citizen. */
export async function auditTest(
  t: TestTaker,
  a: AssessmentRow,
  action: string,
  details?: Record<string, unknown>,
) {
  if (!a.citizenId) return;
  const who: AuditActor = t.audit ?? {
    municipalityId: a.municipalityId,
    actorId: null,
    actorRole: 'citizen',
  };
  await writeAudit(t.tx, who, {
    action,
    entity: 'assessment',
    entityId: a.id,
    citizenId: a.citizenId,
    purpose: 'self_access',
    ...(details ? { details } : {}),
  });
}

export async function createTest(
  tx: DbOrTx,
  values: {
    municipalityId: string;
    citizenId: string | null;
    codeId?: string | null;
    tokenHash?: string | null;
    language: PageLang;
  },
) {
  const cuts = await cutScores(tx, values.municipalityId);
  return insertAssessment(tx, {
    municipalityId: values.municipalityId,
    citizenId: values.citizenId,
    codeId: values.codeId ?? null,
    tokenHash: values.tokenHash ?? null,
    status: 'consent_pending',
    language: values.language,
    foundationCut: cuts.foundation,
    jobGoalCut: cuts.jobGoal,
    seed: crypto.randomInt(1, 2 ** 31 - 1),
  });
}

function itemView(
  item: StoredItem,
  lang: PageLang,
  phase: 'self_rating' | 'test',
  position: number,
): ItemView {
  const e = item.entry;
  // Only items with texts in the test's language are shown (itemsInLanguage).
  const missing = () => new Error(`item ${item.key} has no ${lang} text`);
  const base = { key: item.key, type: e.type, competence: e.competence, phase, position };
  if (e.type === 'knowledge') {
    const t = e.text[lang];
    if (!t) throw missing();
    return { ...base, kind: null, prompt: t.stem, options: t.options.map((title) => ({ title })) };
  }
  if (e.type === 'simulation') {
    const t = e.text[lang];
    if (!t) throw missing();
    return {
      ...base,
      kind: e.kind,
      prompt: t.task,
      ...(e.upload ? { upload: e.upload } : {}),
      ...(e.login ? { login: e.login } : {}),
      ...(e.reply && t.letters ? { inbox: { answer: e.reply.letter, letters: t.letters } } : {}),
      options: t.cards.map((c) => ({
        title: c.title,
        ...(c.meta ? { meta: c.meta } : {}),
        ...(c.body ? { body: c.body } : {}),
      })),
    };
  }
  const statement = e.text[lang]?.statement;
  if (statement === undefined) throw missing();
  return {
    ...base,
    kind: null,
    prompt: statement,
    options: SELF_RATING_SCALE[lang].map((title) => ({ title })),
  };
}

/**
 * The items a test in `lang` may show: the active ones that have texts in that language, less
 * those retired for it (kept when already answered, so the test's course replays as it went).
 */
async function itemsInLanguage(
  tx: DbOrTx,
  a: AssessmentRow,
  answered: readonly { key: string }[],
  lang: PageLang,
): Promise<StoredItem[]> {
  const done = new Set(answered.map((x) => x.key));
  return (await activeItems(tx, a.municipalityId)).filter(
    (i) =>
      (i.entry.text[lang] !== undefined && !i.retiredLanguages.includes(lang)) || done.has(i.key),
  );
}

/** How long the test may run: to the cap, or on past it once the citizen chose to go on. */
const settingsOf = (a: AssessmentRow) => (a.continuedAt ? CONTINUED_CAT : DEFAULT_CAT);

/** A test that stopped undecided at the cap may go on, once. */
export const canContinue = (a: AssessmentRow) =>
  a.status === 'completed' && a.stopReason === 'max_items' && a.continuedAt === null;

function resultStep(a: AssessmentRow) {
  if (!a.result) throw new Error('a completed test has a result');
  return { kind: 'result' as const, result: a.result, canContinue: canContinue(a) };
}

/** Scores the answers and stores the result: the test is complete. */
function finishTest(
  tx: DbOrTx,
  a: AssessmentRow,
  items: readonly StoredItem[],
  answered: readonly { key: string; score: number }[],
  reason: StopReason,
): Promise<AssessmentRow> {
  const cuts = { foundation: a.foundationCut, jobGoal: a.jobGoalCut };
  const result = computeResult(items, cuts, answered, reason);
  return updateAssessment(tx, a.id, {
    status: 'completed',
    completedAt: clock.now(),
    theta: result.theta,
    se: result.se,
    triageGroup: result.group,
    groupProbability: result.groupProbability,
    stopReason: result.stopReason,
    result,
  });
}

export async function viewOf(tx: DbOrTx, a: AssessmentRow, lang: PageLang): Promise<TestView> {
  const common = {
    id: a.id,
    status: a.status,
    linkedToCitizen: a.citizenId !== null,
    language: a.language,
  };
  if (a.status === 'withdrawn') return { ...common, step: { kind: 'withdrawn' } };
  if (a.status === 'consent_pending') return { ...common, step: { kind: 'consent' } };
  if (a.status === 'completed' && a.result) return { ...common, step: resultStep(a) };
  const answered = await answersOf(tx, a.id);
  const items = await itemsInLanguage(tx, a, answered, lang);
  const step = nextStep(
    items,
    { foundation: a.foundationCut, jobGoal: a.jobGoalCut },
    answered,
    a.seed,
    settingsOf(a),
  );
  // The rules can end a test between two answers (a shorter cap, items retired): it ends now.
  if (step.kind === 'done') {
    const ended = await finishTest(tx, a, items, answered, step.reason);
    return { ...common, status: ended.status, step: resultStep(ended) };
  }
  return {
    ...common,
    step: {
      kind: 'item',
      // An item step of a test always holds one of the test's stored items.
      item: itemView(step.item as StoredItem, lang, step.phase, step.position),
    },
  };
}

export async function giveConsent(tx: DbOrTx, a: AssessmentRow): Promise<AssessmentRow> {
  if (a.status !== 'consent_pending') return a;
  return updateAssessment(tx, a.id, { status: 'in_progress', consentAt: clock.now() });
}

/**
 * Records an answer to the item the test is waiting for (any other is refused), then either
 * moves on or finishes and stores the result.
 */
export async function answerItem(
  tx: DbOrTx,
  a: AssessmentRow,
  input: { itemKey: string; answer: number; timeMs?: number },
  lang: PageLang,
): Promise<AssessmentRow> {
  if (a.status === 'consent_pending') throw conflict('consent_required');
  if (a.status !== 'in_progress' && a.status !== 'paused') throw conflict('test_closed');
  const cuts = { foundation: a.foundationCut, jobGoal: a.jobGoalCut };
  const answered = await answersOf(tx, a.id);
  const items = await itemsInLanguage(tx, a, answered, lang);
  // The test is in the language the citizen answers in; a switch midway moves it along.
  if (lang !== a.language) a = await updateAssessment(tx, a.id, { language: lang });
  const settings = settingsOf(a);
  const step = nextStep(items, cuts, answered, a.seed, settings);
  if (step.kind === 'done' || step.item.key !== input.itemKey) throw conflict('not_current_item');
  const score = scoreAnswer(step.item.entry, input.answer);
  if (score === null) throw invalid('answer_invalid');
  await insertResponse(tx, {
    municipalityId: a.municipalityId,
    assessmentId: a.id,
    // An item step of a test always holds one of the test's stored items.
    itemId: (step.item as StoredItem).id,
    position: step.position,
    answer: input.answer,
    score,
    timeMs: input.timeMs ?? null,
  });
  const now = [...answered, { key: step.item.key, score }];
  const after = nextStep(items, cuts, now, a.seed, settings);
  if (after.kind === 'done') return finishTest(tx, a, items, now, after.reason);
  return a.status === 'paused' ? updateAssessment(tx, a.id, { status: 'in_progress' }) : a;
}

/**
 * The citizen goes on with a test that stopped undecided at the cap (now, or later at a
 * workshop): it opens again where it stopped, and its result is made anew at the end. Until
 * then the undecided result stays for staff to see (marked so), in case the citizen stops.
 */
export async function continueTest(tx: DbOrTx, a: AssessmentRow): Promise<AssessmentRow> {
  if (!canContinue(a)) throw conflict('test_cannot_continue');
  return updateAssessment(tx, a.id, {
    status: 'in_progress',
    continuedAt: clock.now(),
    completedAt: null,
  });
}

export async function pauseTest(tx: DbOrTx, a: AssessmentRow): Promise<AssessmentRow> {
  if (a.status !== 'in_progress') return a;
  return updateAssessment(tx, a.id, { status: 'paused' });
}

/** Withdrawn consent: every answer and the result are deleted; only the withdrawal remains. */
export async function withdrawTest(tx: DbOrTx, a: AssessmentRow): Promise<AssessmentRow> {
  await deleteResponses(tx, a.id);
  return updateAssessment(tx, a.id, {
    status: 'withdrawn',
    withdrawnAt: clock.now(),
    theta: null,
    se: null,
    triageGroup: null,
    groupProbability: null,
    stopReason: null,
    result: null,
    tokenHash: null,
  });
}
