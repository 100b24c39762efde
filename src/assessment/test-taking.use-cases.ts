// Taking the test, as use cases: each loads the taker's test, changes it, audits it (for a test
// linked to a citizen) in the same transaction and answers with the view. Routes only set and
// clear the test cookie.
import type { Db } from '../platform/db/client';
import type { CprCipher } from '../platform/crypto/cpr-cipher';
import type { Lang } from '../platform/i18n/messages';
import { DomainError, invalid, unauthenticated } from '../platform/errors';
import { clock } from '../platform/clock';
import { recordAttempt, testCodeWaitSeconds, throttledError } from '../organisation';
import { findCitizenByUser } from '../people';
import type { AnswerInput, TestView } from './assessment.contract';
import { claimCode, findCodeByHash, findOpenAssessmentForCitizen } from './assessment.store';
import { codeHash } from './test-codes';
import {
  answerItem,
  auditTest,
  createTest,
  giveConsent,
  loadTest,
  newToken,
  pauseTest,
  tokenHash,
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
  input: { code: string; ip: string; lang: Lang },
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

export async function currentTest(t: TestTaker): Promise<TestView> {
  const a = await loadTest(t);
  await auditTest(t, a, 'assessment.read');
  return viewOf(t.tx, a, t.lang);
}

export async function consentToTest(t: TestTaker): Promise<TestView> {
  const a = await giveConsent(t.tx, await loadTest(t));
  await auditTest(t, a, 'assessment.consent');
  return viewOf(t.tx, a, t.lang);
}

export async function answerTest(t: TestTaker, input: AnswerInput): Promise<TestView> {
  const a = await answerItem(t.tx, await loadTest(t), input);
  await auditTest(t, a, 'assessment.answer', { item: input.itemKey });
  return viewOf(t.tx, a, t.lang);
}

export async function pauseOwnTest(t: TestTaker): Promise<TestView> {
  const a = await pauseTest(t.tx, await loadTest(t));
  await auditTest(t, a, 'assessment.pause');
  return viewOf(t.tx, a, t.lang);
}

export async function withdrawOwnTest(t: TestTaker): Promise<TestView> {
  const a = await withdrawTest(t.tx, await loadTest(t));
  await auditTest(t, a, 'assessment.withdraw');
  return viewOf(t.tx, a, t.lang);
}
