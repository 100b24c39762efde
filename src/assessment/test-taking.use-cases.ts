// Taking the test, as use cases: each loads the taker's test, changes it, audits it (for a test
// linked to a citizen) in the same transaction and answers with the view. Routes only set and
// clear the test cookie.
import type { Db } from '../platform/db/client';
import type { CprCipher } from '../platform/crypto/cpr-cipher';
import type { PageLang } from '../platform/i18n/languages.constants';
import { DomainError, invalid, unauthenticated } from '../platform/errors';
import { clock } from '../platform/clock';
import { newToken, tokenHash } from '../platform/crypto/tokens';
import { recordAttempt, testCodeWaitSeconds, throttledError } from '../organisation';
import { findCitizenByUser } from '../people';
import { helpPlaces } from '../workshops';
import type { AnswerInput, HelpView, TestView } from './assessment.contract';
import {
  claimCode,
  findCodeByHash,
  findOpenAssessmentForCitizen,
  type AssessmentRow,
} from './assessment.store';
import { codeHash } from './test-codes';
import {
  answerItem,
  auditTest,
  createTest,
  giveConsent,
  loadTest,
  pauseTest,
  continueTest,
  viewOf,
  withdrawTest,
  type TestTaker,
} from './test-session';

/**
 * Starts the test a one-time code was handed out for. Guessing is throttled per address; the
 * answer carries the token the taker's cookie will hold.
 */
export async function startTestWithCode(
  db: Db,
  cipher: CprCipher,
  input: { code: string; ip: string; lang: PageLang },
): Promise<{ view: TestView; token: string }> {
  const wait = await testCodeWaitSeconds(db, input.ip);
  if (wait > 0) throw throttledError(wait);
  const token = newToken();
  const view = await db.transaction(async (tx) => {
    const row = await findCodeByHash(tx, codeHash(cipher, input.code));
    if (!row || row.usedAt || row.expiresAt < clock.now() || !(await claimCode(tx, row.id)))
      return null;
    const a = await createTest(tx, {
      municipalityId: row.municipalityId,
      citizenId: row.citizenId,
      codeId: row.id,
      tokenHash: tokenHash(token),
      language: input.lang,
    });
    const taker: TestTaker = { tx, actor: null, audit: null, testToken: token, lang: input.lang };
    await auditTest(taker, a, 'assessment.start');
    return viewOf(tx, a, input.lang);
  });
  const attempt = { accountKey: 'test_code', ip: input.ip, device: null };
  await recordAttempt(db, 'test_code', attempt, view !== null);
  if (!view) throw invalid('code_invalid');
  return { view, token };
}

/** A logged-in citizen starts their own test, or resumes the one they have open. */
export async function startOwnTest(t: TestTaker): Promise<TestView> {
  const { tx, actor } = t;
  if (!actor) throw unauthenticated();
  const citizen = await findCitizenByUser(tx, actor.municipalityId, actor.userId);
  if (!citizen)
    throw new DomainError('not_found', 'citizen_has_no_record', 'citizen_has_no_record');
  const open = await findOpenAssessmentForCitizen(tx, actor.municipalityId, citizen.id);
  const a =
    open ??
    (await createTest(tx, {
      municipalityId: actor.municipalityId,
      citizenId: citizen.id,
      language: t.lang,
    }));
  await auditTest(t, a, open ? 'assessment.resume' : 'assessment.start');
  return viewOf(tx, a, t.lang);
}

/** One step on the taker's test: load it, change it, audit it, answer with the view. */
async function step(
  t: TestTaker,
  action: string,
  change: (tx: TestTaker['tx'], a: AssessmentRow) => Promise<AssessmentRow>,
  details?: Record<string, unknown>,
): Promise<TestView> {
  const a = await change(t.tx, await loadTest(t));
  await auditTest(t, a, action, details);
  return viewOf(t.tx, a, t.lang);
}

export const currentTest = (t: TestTaker) => step(t, 'assessment.read', async (_tx, a) => a);

export const consentToTest = (t: TestTaker) => step(t, 'assessment.consent', giveConsent);

export const answerTest = (t: TestTaker, input: AnswerInput) =>
  step(t, 'assessment.answer', (tx, a) => answerItem(tx, a, input, t.lang), {
    item: input.itemKey,
  });

export const pauseOwnTest = (t: TestTaker) => step(t, 'assessment.pause', pauseTest);

/** Answer more questions after the test stopped undecided at the cap. */
export const continueOwnTest = (t: TestTaker) => step(t, 'assessment.continue', continueTest);

/**
 * "I want someone to help me": the test pauses where it is, and the citizen is told where the
 * municipality's workshops are and when each is next open.
 */
export async function askForHelp(t: TestTaker): Promise<HelpView> {
  const a = await pauseTest(t.tx, await loadTest(t));
  await auditTest(t, a, 'assessment.help');
  return { test: await viewOf(t.tx, a, t.lang), places: await helpPlaces(t.tx, a.municipalityId) };
}

export const withdrawOwnTest = (t: TestTaker) => step(t, 'assessment.withdraw', withdrawTest);
