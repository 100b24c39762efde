// The demand survey: a consultant designs it and sends it to chosen companies in rounds, each
// company by a one-time link (the outbox) with one reminder; answers come in without login and
// are kept per company and round. Changes are audited (company relations).
import { writeAudit } from '../platform/audit';
import { clock, copenhagenDay } from '../platform/clock';
import { newToken, tokenHash } from '../platform/crypto/tokens';
import type { DbOrTx } from '../platform/db/client';
import { conflict, forbidden, invalid, notFound } from '../platform/errors';
import { enqueue } from '../platform/messaging/outbox';
import type { SystemTask, UseCase } from '../platform/use-case';
import { anyOf } from '../platform/policy';
import type { AnswerInput, SurveyInput, SurveySummaryView, SurveyView } from './survey.contract';
import {
  dueReminders,
  findSurvey,
  insertSurvey,
  insertSurveyInvitation,
  invitationByToken,
  invitationsOf,
  lastRound,
  listSurveys,
  markReminded,
  recipients,
  recordAnswer,
  replaceToken,
  type SurveyRow,
} from './survey.store';
import { surveyMail } from './company-messages';

const PURPOSE = 'company_relations' as const;

/** The day in Copenhagen (a survey closes at the end of its last day there). */

function consultantOnly(uc: UseCase) {
  if (!anyOf('company_consultant')(uc.actor)) throw forbidden();
}

type Invitations = Awaited<ReturnType<typeof invitationsOf>>;

function rounds(invitations: Invitations): SurveySummaryView['rounds'] {
  const by = new Map<number, { round: number; sent: number; answered: number; reminded: number }>();
  for (const { invitation: i } of invitations) {
    const r = by.get(i.round) ?? { round: i.round, sent: 0, answered: 0, reminded: 0 };
    r.sent++;
    if (i.answeredAt) r.answered++;
    if (i.remindedAt) r.reminded++;
    by.set(i.round, r);
  }
  return [...by.values()].sort((a, b) => a.round - b.round);
}

function view(row: SurveyRow, invitations: Invitations, skipped: string[] = []): SurveyView {
  return {
    id: row.id,
    title: row.title,
    intro: row.intro,
    competences: row.competences,
    reminderDays: row.reminderDays,
    closesOn: row.closesOn,
    rounds: rounds(invitations),
    invitations: invitations.map(({ invitation: i, companyName }) => ({
      id: i.id,
      round: i.round,
      companyName,
      email: i.email,
      sentAt: i.sentAt.toISOString(),
      remindedAt: i.remindedAt?.toISOString() ?? null,
      answeredAt: i.answeredAt?.toISOString() ?? null,
    })),
    skipped,
  };
}

export async function createSurvey(uc: UseCase, input: SurveyInput) {
  consultantOnly(uc);
  if (input.closesOn < copenhagenDay(clock.now())) throw invalid('survey_closed_date');
  const row = await insertSurvey(uc.tx, {
    municipalityId: uc.actor.municipalityId,
    ...input,
    createdBy: uc.actor.userId,
  });
  await writeAudit(uc.tx, uc.audit, {
    action: 'company.survey.create',
    entity: 'demand_survey',
    entityId: row.id,
    purpose: PURPOSE,
  });
  return view(row, []);
}

export async function surveys(uc: UseCase): Promise<SurveySummaryView[]> {
  consultantOnly(uc);
  const rows = await listSurveys(uc.tx, uc.actor.municipalityId);
  const all = await invitationsOf(
    uc.tx,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    closesOn: r.closesOn,
    rounds: rounds(all.filter((i) => i.invitation.surveyId === r.id)),
  }));
}

export async function readSurvey(uc: UseCase, id: string) {
  consultantOnly(uc);
  const row = await findSurvey(uc.tx, uc.actor.municipalityId, id);
  if (!row) throw notFound();
  return view(row, await invitationsOf(uc.tx, [row.id]));
}

/** Sends the survey to the chosen companies as a new round: a one-time link each. */
export async function sendRound(
  uc: UseCase,
  id: string,
  companyIds: readonly string[],
  linkFor: (token: string) => string,
) {
  consultantOnly(uc);
  const row = await findSurvey(uc.tx, uc.actor.municipalityId, id);
  if (!row) throw notFound();
  const now = clock.now();
  if (row.closesOn < copenhagenDay(now)) throw conflict('survey_closed');
  const to = await recipients(uc.tx, row.municipalityId, [...new Set(companyIds)]);
  if (to.length !== new Set(companyIds).size) throw notFound();
  const round = (await lastRound(uc.tx, row.id)) + 1;
  const skipped: string[] = [];
  for (const company of to) {
    if (!company.email) {
      skipped.push(company.name);
      continue;
    }
    const token = newToken();
    await insertSurveyInvitation(uc.tx, {
      municipalityId: row.municipalityId,
      surveyId: row.id,
      round,
      companyId: company.id,
      email: company.email,
      tokenHash: tokenHash(token),
      sentAt: now,
    });
    await enqueue(uc.tx, row.municipalityId, {
      channel: 'email',
      kind: 'survey_link',
      recipient: company.email,
      ...surveyMail({
        companyName: company.name,
        title: row.title,
        link: linkFor(token),
        closesOn: row.closesOn,
        reminder: false,
      }),
      sendAfter: now,
    });
  }
  if (skipped.length === to.length) throw invalid('survey_no_recipients');
  await writeAudit(uc.tx, uc.audit, {
    action: 'company.survey.send',
    entity: 'demand_survey',
    entityId: row.id,
    purpose: PURPOSE,
    details: { round, companies: to.length - skipped.length },
  });
  return view(row, await invitationsOf(uc.tx, [row.id]), skipped);
}

async function openInvitation(tx: DbOrTx, token: string, forUpdate = false) {
  const found = await invitationByToken(tx, tokenHash(token), forUpdate);
  if (!found || found.survey.closesOn < copenhagenDay(clock.now())) throw notFound();
  return found;
}

export async function questionnaire(tx: DbOrTx, token: string) {
  const { survey, companyName } = await openInvitation(tx, token);
  return {
    title: survey.title,
    intro: survey.intro,
    companyName,
    competences: survey.competences,
    closesOn: survey.closesOn,
  };
}

export async function answerSurvey(tx: DbOrTx, input: AnswerInput) {
  const { invitation, survey } = await openInvitation(tx, input.token, true);
  const asked = new Set(survey.competences);
  if (input.answers.some((a) => !asked.has(a.competence))) throw invalid('competence_invalid');
  await recordAnswer(tx, invitation.id, {
    municipalityId: invitation.municipalityId,
    invitationId: invitation.id,
    surveyId: survey.id,
    round: invitation.round,
    companyId: invitation.companyId,
    answers: input.answers,
    comment: input.comment,
    answeredAt: clock.now(),
  });
  await writeAudit(
    tx,
    { actorId: null, actorRole: 'company', municipalityId: invitation.municipalityId },
    {
      action: 'company.survey.answer',
      entity: 'demand_survey',
      entityId: survey.id,
      purpose: PURPOSE,
    },
  );
  return { ok: true as const };
}

/**
 * The reminder job: each unanswered invitation of an open survey gets one reminder once its
 * days have passed, with a new link that replaces the first (only the token's hash is kept).
 */
export async function remindSurveys(task: SystemTask, linkFor: (token: string) => string) {
  const due = await dueReminders(task.tx, task.now, copenhagenDay(task.now));
  for (const { invitation, survey, companyName } of due) {
    const token = newToken();
    await replaceToken(task.tx, invitation.id, tokenHash(token));
    await enqueue(task.tx, invitation.municipalityId, {
      channel: 'email',
      kind: 'survey_reminder',
      recipient: invitation.email,
      ...surveyMail({
        companyName,
        title: survey.title,
        link: linkFor(token),
        closesOn: survey.closesOn,
        reminder: true,
      }),
      sendAfter: task.now,
    });
  }
  await markReminded(
    task.tx,
    due.map((d) => d.invitation.id),
    task.now,
  );
  return due.length;
}
