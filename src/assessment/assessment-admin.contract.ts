import { z } from 'zod';
import { BASIC_TOPICS, SIMULATION_KINDS } from './bank/bank.model';
import { endpoint } from '../platform/http/endpoint';
import { access } from '../platform/http/access';
import { IdParams } from '../organisation';
import { PAGE_LANGS } from '../platform/i18n/languages.constants';

export const TriageSettingsView = z.object({ foundationCut: z.number(), jobGoalCut: z.number() });
export const TriageSettingsInput = z
  .object({ foundationCut: z.number().min(-4).max(4), jobGoalCut: z.number().min(-4).max(4) })
  .refine((v) => v.foundationCut <= v.jobGoalCut, {
    message: 'foundationCut ≤ jobGoalCut',
    path: ['foundationCut'],
  });
export type TriageSettingsInput = z.infer<typeof TriageSettingsInput>;

const text = (max: number) => z.string().trim().min(1).max(max);
export const KnowledgeTexts = z.object({
  da: z.object({ stem: text(1000), options: z.array(text(300)).min(2).max(6) }),
  en: z.object({ stem: text(1000), options: z.array(text(300)).min(2).max(6) }),
});
const Card = z.object({
  title: text(300),
  meta: z.string().trim().max(200).optional(),
  body: z.string().trim().max(1000).optional(),
});
const Letter = z.object({ from: text(200), subject: text(300), date: text(40), body: text(2000) });
const SimulationText = z.object({
  task: text(1000),
  cards: z.array(Card).min(2).max(6),
  letters: z.array(Letter).min(2).max(8).optional(),
});
export const SimulationTexts = z.object({ da: SimulationText, en: SimulationText });
export const SelfRatingTexts = z.object({
  da: z.object({ statement: text(500) }),
  en: z.object({ statement: text(500) }),
});

const Competence = z.string().regex(/^[1-5]\.[1-6]$/);
const LevelInput = z.number().int().min(1).max(6);
const Correct = z.number().int().min(0).max(5);
const Basic = z.enum(BASIC_TOPICS).optional();

/** A new item written by the admin; it starts with parameters from its level, like the rest. */
export const ItemCreateInput = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('knowledge'),
    competence: Competence,
    level: LevelInput,
    basic: Basic,
    correct: Correct,
    text: KnowledgeTexts,
  }),
  z.object({
    type: z.literal('simulation'),
    kind: z.enum(SIMULATION_KINDS),
    competence: Competence,
    level: LevelInput,
    basic: Basic,
    correct: Correct,
    text: SimulationTexts,
  }),
  z.object({
    type: z.literal('self_rating'),
    competence: Competence,
    level: LevelInput,
    basic: Basic,
    text: SelfRatingTexts,
  }),
]);
export type ItemCreateInput = z.infer<typeof ItemCreateInput>;

export const ItemUpdateInput = z.object({
  status: z.enum(['active', 'retired']).optional(),
  level: z.number().int().min(1).max(6).optional(),
  competence: z
    .string()
    .regex(/^[1-5]\.[1-6]$/)
    .optional(),
  correct: z.number().int().min(0).max(5).optional(),
  text: z.unknown().optional(),
  /** The languages the item is kept out of new tests in (the whole list, replacing the old). */
  retiredLanguages: z.array(z.enum(PAGE_LANGS)).max(PAGE_LANGS.length).optional(),
});
export type ItemUpdateInput = z.infer<typeof ItemUpdateInput>;

export const ItemAdminView = z.object({
  id: z.uuid(),
  key: z.string(),
  competence: z.string(),
  level: z.number(),
  type: z.string(),
  kind: z.string().nullable(),
  status: z.string(),
  retiredLanguages: z.array(z.string()),
  paramsSource: z.string(),
  a: z.number(),
  b: z.number().nullable(),
  content: z.record(z.string(), z.unknown()),
  stats: z.object({
    responses: z.number(),
    exposure: z.number(),
    proportionCorrect: z.number().nullable(),
    itemThetaCorrelation: z.number().nullable(),
    outfit: z.number().nullable(),
    medianSeconds: z.number().nullable(),
  }),
});
export type ItemAdminView = z.infer<typeof ItemAdminView>;

export const CalibrationInput = z.object({
  minResponses: z.number().int().min(5).max(100000).default(30),
});
export const CalibrationView = z.object({
  id: z.uuid(),
  status: z.enum(['review', 'published', 'discarded']),
  createdAt: z.iso.datetime({ offset: true }),
  result: z.object({
    respondents: z.number(),
    logLik: z.number(),
    iterations: z.number(),
    converged: z.boolean(),
    minResponses: z.number(),
    selfRatings: z
      .object({ respondents: z.number(), logLik: z.number(), converged: z.boolean() })
      .nullable(),
    items: z.array(
      z.object({
        itemId: z.string(),
        key: z.string(),
        responses: z.number(),
        old: z.object({ a: z.number(), b: z.number() }),
        new: z.object({ a: z.number(), b: z.number() }),
        params: z.discriminatedUnion('kind', [
          z.object({ kind: z.literal('2pl'), a: z.number(), d: z.number() }),
          z.object({ kind: z.literal('grm'), a: z.number(), d: z.array(z.number()) }),
        ]),
      }),
    ),
    dif: z
      .array(
        z.object({
          language: z.string(),
          tests: z.number(),
          referenceTests: z.number(),
          items: z.array(
            z.object({
              itemId: z.string(),
              key: z.string(),
              reference: z.number(),
              focal: z.number(),
              deltaDif: z.number().nullable(),
              se: z.number().nullable(),
              p: z.number().nullable(),
              etsClass: z.enum(['A', 'B', 'C']).nullable(),
            }),
          ),
        }),
      )
      .default([]),
  }),
});
export type CalibrationView = z.infer<typeof CalibrationView>;

export type CalibrationInput = z.infer<typeof CalibrationInput>;

const Quantiles = { median: z.number(), p90: z.number() };
/** The test's length in practice over the last year (see test-length.ts). */
export const TestLengthView = z.object({
  since: z.iso.date(),
  promise: z.object({ questions: z.number(), minutes: z.number(), holdsFor: z.number() }),
  tests: z.number(),
  questions: z.object({ ...Quantiles, max: z.number() }).nullable(),
  stoppedAtCap: z.number(),
  continued: z.number(),
  minutes: z.object({ ...Quantiles, tests: z.number(), withinPromise: z.number() }).nullable(),
  byLanguage: z.array(
    z.object({
      language: z.string(),
      tests: z.number(),
      questionsMedian: z.number(),
      minutesMedian: z.number().nullable(),
      withinPromise: z.number().nullable(),
    }),
  ),
  histogram: z.array(z.object({ from: z.number(), to: z.number().nullable(), tests: z.number() })),
  secondsPerQuestion: z.array(
    z.object({
      type: z.enum(['knowledge', 'simulation']),
      answers: z.number(),
      median: z.number().nullable(),
      p90: z.number().nullable(),
      assumed: z.number(),
    }),
  ),
});
export type TestLengthView = z.infer<typeof TestLengthView>;

export const assessmentAdminApi = {
  triageSettings: endpoint({
    method: 'GET',
    path: '/api/assessment/settings',
    access: access.roles('admin'),
    tags: ['test admin'],
    response: { 200: TriageSettingsView },
  }),
  updateTriageSettings: endpoint({
    method: 'PUT',
    path: '/api/assessment/settings',
    access: access.roles('admin'),
    tags: ['test admin'],
    body: TriageSettingsInput,
    response: { 200: TriageSettingsView },
  }),
  testLength: endpoint({
    method: 'GET',
    path: '/api/assessment/length',
    access: access.roles('admin'),
    tags: ['test admin'],
    response: { 200: TestLengthView },
  }),
  listItems: endpoint({
    method: 'GET',
    path: '/api/assessment/items',
    access: access.roles('admin'),
    tags: ['test admin'],
    response: { 200: z.array(ItemAdminView) },
  }),
  createItem: endpoint({
    method: 'POST',
    path: '/api/assessment/items',
    access: access.roles('admin'),
    tags: ['test admin'],
    body: ItemCreateInput,
    response: { 201: z.object({ id: z.uuid(), key: z.string() }) },
  }),
  updateItem: endpoint({
    method: 'PATCH',
    path: '/api/assessment/items/:id',
    access: access.roles('admin'),
    tags: ['test admin'],
    params: IdParams,
    body: ItemUpdateInput,
    response: {
      200: z.object({ id: z.uuid(), status: z.string(), retiredLanguages: z.array(z.string()) }),
    },
  }),
  runCalibration: endpoint({
    method: 'POST',
    path: '/api/assessment/calibrations',
    access: access.roles('admin'),
    tags: ['test admin'],
    body: CalibrationInput,
    response: { 201: CalibrationView },
  }),
  listCalibrations: endpoint({
    method: 'GET',
    path: '/api/assessment/calibrations',
    access: access.roles('admin'),
    tags: ['test admin'],
    response: { 200: z.array(CalibrationView) },
  }),
  decideCalibration: endpoint({
    method: 'POST',
    path: '/api/assessment/calibrations/:id/:decision',
    access: access.roles('admin'),
    tags: ['test admin'],
    params: z.object({ id: z.uuid(), decision: z.enum(['publish', 'discard']) }),
    response: { 200: CalibrationView },
  }),
};
