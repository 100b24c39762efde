// The demand survey over HTTP: a consultant designs it and sends it to chosen companies in
// rounds; a company answers through its one-time link without logging in.
import { z } from 'zod';
import { endpoint } from '../platform/http/endpoint';
import { access } from '../platform/http/access';
import { singleLine } from '../platform/http/text';
import { IdParams } from '../organisation';

const Competence = z.string().regex(/^[1-5]\.[1-6]$/, 'i18n:competence_invalid');

export const SurveyInput = z.object({
  title: singleLine().min(3).max(200),
  intro: z.string().trim().max(2000).default(''),
  competences: z
    .array(Competence)
    .min(1)
    .max(21)
    .refine((cs) => new Set(cs).size === cs.length, { message: 'i18n:competence_twice' }),
  reminderDays: z.number().int().min(1).max(60),
  closesOn: z.iso.date(),
});
export type SurveyInput = z.infer<typeof SurveyInput>;

export const RoundInput = z.object({ companyIds: z.array(z.uuid()).min(1).max(500) });

export const SurveySummaryView = z.object({
  id: z.uuid(),
  title: z.string(),
  closesOn: z.string(),
  rounds: z.array(
    z.object({ round: z.number(), sent: z.number(), answered: z.number(), reminded: z.number() }),
  ),
});
export type SurveySummaryView = z.infer<typeof SurveySummaryView>;

export const SurveyView = SurveySummaryView.extend({
  intro: z.string(),
  competences: z.array(z.string()),
  reminderDays: z.number(),
  invitations: z.array(
    z.object({
      id: z.uuid(),
      round: z.number(),
      companyName: z.string(),
      email: z.string(),
      sentAt: z.string(),
      remindedAt: z.string().nullable(),
      answeredAt: z.string().nullable(),
    }),
  ),
  /** Companies left out of the last round because no contact person has an e-mail. */
  skipped: z.array(z.string()),
});
export type SurveyView = z.infer<typeof SurveyView>;

const Token = z.object({ token: z.string().trim().min(20).max(100) });

export const AnswerInput = Token.extend({
  answers: z
    .array(
      z.object({
        competence: Competence,
        now: z.boolean(),
        inTwoYears: z.boolean(),
        cannotRecruit: z.boolean(),
        trainInHouse: z.boolean(),
      }),
    )
    .max(21),
  comment: z.string().trim().max(2000).default(''),
});
export type AnswerInput = z.infer<typeof AnswerInput>;

export const QuestionnaireView = z.object({
  title: z.string(),
  intro: z.string(),
  companyName: z.string(),
  competences: z.array(z.string()),
  closesOn: z.string(),
});

const CONSULTANT = access.roles('company_consultant');

export const surveyApi = {
  listSurveys: endpoint({
    method: 'GET',
    path: '/api/demand-surveys',
    access: CONSULTANT,
    tags: ['companies'],
    response: { 200: z.array(SurveySummaryView) },
  }),
  createSurvey: endpoint({
    method: 'POST',
    path: '/api/demand-surveys',
    access: CONSULTANT,
    tags: ['companies'],
    body: SurveyInput,
    response: { 201: SurveyView },
  }),
  getSurvey: endpoint({
    method: 'GET',
    path: '/api/demand-surveys/:id',
    access: CONSULTANT,
    tags: ['companies'],
    params: IdParams,
    response: { 200: SurveyView },
  }),
  sendRound: endpoint({
    method: 'POST',
    path: '/api/demand-surveys/:id/rounds',
    access: CONSULTANT,
    tags: ['companies'],
    params: IdParams,
    body: RoundInput,
    response: { 201: SurveyView },
  }),
  openQuestionnaire: endpoint({
    method: 'POST',
    path: '/api/survey-answers/lookup',
    access: access.public(),
    tags: ['companies'],
    summary:
      'The questionnaire a survey link opens (the token travels in the body, never the URL).',
    body: Token,
    response: { 200: QuestionnaireView },
  }),
  answerSurvey: endpoint({
    method: 'POST',
    path: '/api/survey-answers',
    access: access.public(),
    tags: ['companies'],
    summary: 'A company’s answer, once per link, while the survey is open.',
    body: AnswerInput,
    response: { 200: z.object({ ok: z.literal(true) }) },
  }),
};
