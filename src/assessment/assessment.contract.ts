import { z } from 'zod';
import { said } from '../platform/http/text';
import { endpoint } from '../platform/http/endpoint';
import { access } from '../platform/http/access';
import { IdParams } from '../organisation';
import { testCodeRules } from './assessment.policy';
import { citizenRules } from '../people';
import { ticketRules } from '../workshops';

export const TestCodeInput = z.object({
  code: z.string(said('test_code')).trim().min(4, said('test_code')).max(20, said('test_code')),
});

export const OptionView = z.object({
  title: z.string(),
  meta: z.string().optional(),
  body: z.string().optional(),
});

export const ItemView = z.object({
  key: z.string(),
  type: z.enum(['knowledge', 'self_rating', 'simulation']),
  kind: z.string().nullable(),
  competence: z.string(),
  prompt: z.string(),
  options: z.array(OptionView),
  phase: z.enum(['self_rating', 'test']),
  position: z.number().int(),
  /** A practice task with a real file upload (see UploadSpec in the bank model). */
  upload: z.object({ accept: z.array(z.string()), maxKb: z.number() }).optional(),
  /** A practice MitID login (see LoginSpec in the bank model). */
  login: z
    .object({
      userId: z.string(),
      method: z.enum(['app', 'code_display']),
      code: z.string().optional(),
      service: z.string(),
      requester: z.string(),
    })
    .optional(),
  /** A practice Digital Post inbox; `answer` is the letter to reply to (see ReplySpec). */
  inbox: z
    .object({
      answer: z.number().int(),
      letters: z.array(
        z.object({ from: z.string(), subject: z.string(), date: z.string(), body: z.string() }),
      ),
    })
    .optional(),
});
export type ItemView = z.infer<typeof ItemView>;

const Group = z.enum(['foundation', 'building_blocks', 'no_need']);

export const ResultView = z.object({
  theta: z.number(),
  se: z.number(),
  group: Group,
  groupProbability: z.number(),
  groups: z.object({ foundation: z.number(), building_blocks: z.number(), no_need: z.number() }),
  cuts: z.object({ foundation: z.number(), jobGoal: z.number() }),
  areas: z.array(
    z.object({
      area: z.string(),
      items: z.number(),
      theta: z.number().nullable(),
      level: z.number().nullable(),
    }),
  ),
  basics: z.array(
    z.object({
      topic: z.string(),
      shown: z.enum(['can', 'cant_yet']),
      shownFrom: z.enum(['answers', 'estimate']),
      selfRating: z.number().nullable(),
    }),
  ),
  items: z.number(),
  stopReason: z.string(),
  frameworkVersion: z.string(),
});
export type ResultView = z.infer<typeof ResultView>;

export const TestStep = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('consent') }),
  z.object({ kind: z.literal('item'), item: ItemView }),
  z.object({
    kind: z.literal('result'),
    result: ResultView,
    /** Stopped undecided at the cap: the citizen may answer more questions, once. */
    canContinue: z.boolean(),
  }),
  z.object({ kind: z.literal('withdrawn') }),
]);

export const TestView = z.object({
  id: z.uuid(),
  status: z.enum(['consent_pending', 'in_progress', 'paused', 'completed', 'withdrawn']),
  linkedToCitizen: z.boolean(),
  /** The language the test is taken in (its items are chosen for it). */
  language: z.string(),
  step: TestStep,
});
export type TestView = z.infer<typeof TestView>;

/** A workshop where the citizen can get help, and when it is next open. */
export const HelpPlaceView = z.object({
  id: z.uuid(),
  name: z.string(),
  address: z.string(),
  postalCode: z.string(),
  city: z.string(),
  next: z
    .object({
      day: z.string(),
      from: z.string(),
      to: z.string(),
      now: z.boolean(),
      today: z.boolean(),
    })
    .nullable(),
});
export const HelpView = z.object({ test: TestView, places: z.array(HelpPlaceView) });
export type HelpView = z.infer<typeof HelpView>;

export const ConsentInput = z.object({ consent: z.literal(true) });
export const AnswerInput = z.object({
  itemKey: z.string().min(1).max(40),
  answer: z.number().int().min(0).max(10),
  timeMs: z.number().int().min(0).max(3_600_000).optional(),
});
export type AnswerInput = z.infer<typeof AnswerInput>;

export const CodeCreateInput = z.object({ citizenId: z.uuid().optional() });
export const CodeView = z.object({
  code: z.string(),
  expiresAt: z.iso.datetime({ offset: true }),
  url: z.string(),
  qrSvg: z.string(),
});
export type CodeView = z.infer<typeof CodeView>;
export const PosterView = z.object({ url: z.string(), qrSvg: z.string() });
export type CodeCreateInput = z.infer<typeof CodeCreateInput>;

export const CitizenAssessmentView = z.object({
  id: z.uuid(),
  status: z.string(),
  startedAt: z.iso.datetime({ offset: true }),
  completedAt: z.iso.datetime({ offset: true }).nullable(),
  consentAt: z.iso.datetime({ offset: true }).nullable(),
  /** The language the test was taken in. */
  language: z.string(),
  result: ResultView.nullable(),
});
export type CitizenAssessmentView = z.infer<typeof CitizenAssessmentView>;

export const CodeStatus = z.enum([
  'unused',
  'expired',
  'consent_pending',
  'in_progress',
  'paused',
  'completed',
  'withdrawn',
]);
export type CodeStatus = z.infer<typeof CodeStatus>;

/** A code as its giver follows it: never the code itself (only its hash is kept). */
export const IssuedCodeView = z.object({
  id: z.uuid(),
  createdAt: z.iso.datetime({ offset: true }),
  expiresAt: z.iso.datetime({ offset: true }),
  status: CodeStatus,
  /** The test belongs to a citizen record (handed out for one, or linked afterwards). */
  linkedToCitizen: z.boolean(),
});
export type IssuedCodeView = z.infer<typeof IssuedCodeView>;

export const CodeResultView = IssuedCodeView.extend({
  completedAt: z.iso.datetime({ offset: true }).nullable(),
  language: z.string().nullable(),
  result: ResultView.nullable(),
});
export type CodeResultView = z.infer<typeof CodeResultView>;

/** The code a citizen used, to file that test's result on their record. */
export const LinkCodeInput = TestCodeInput;

export type LinkCodeInput = z.infer<typeof LinkCodeInput>;

export const assessmentApi = {
  startTestWithCode: endpoint({
    method: 'POST',
    path: '/api/tests/code',
    access: access.public(),
    personalData: true,
    tags: ['test'],
    body: TestCodeInput,
    response: { 200: TestView },
  }),
  startTest: endpoint({
    method: 'POST',
    path: '/api/tests/start',
    access: access.roles('citizen'),
    personalData: true,
    tags: ['test'],
    response: { 200: TestView },
  }),
  currentTest: endpoint({
    method: 'GET',
    path: '/api/tests/current',
    access: access.testTaker(),
    personalData: true,
    tags: ['test'],
    response: { 200: TestView },
  }),
  consentToTest: endpoint({
    method: 'POST',
    path: '/api/tests/consent',
    access: access.testTaker(),
    personalData: true,
    tags: ['test'],
    body: ConsentInput,
    response: { 200: TestView },
  }),
  answerTest: endpoint({
    method: 'POST',
    path: '/api/tests/answer',
    access: access.testTaker(),
    personalData: true,
    tags: ['test'],
    body: AnswerInput,
    response: { 200: TestView },
  }),
  askForHelp: endpoint({
    method: 'POST',
    path: '/api/tests/help',
    access: access.testTaker(),
    personalData: true,
    tags: ['test'],
    summary: 'The citizen wants someone to help: the test pauses and names the open workshops',
    response: { 200: HelpView },
  }),
  continueTest: endpoint({
    method: 'POST',
    path: '/api/tests/continue',
    access: access.testTaker(),
    personalData: true,
    tags: ['test'],
    summary: 'Answer more questions after the test stopped undecided at its maximum length',
    response: { 200: TestView },
  }),
  pauseTest: endpoint({
    method: 'POST',
    path: '/api/tests/pause',
    access: access.testTaker(),
    personalData: true,
    tags: ['test'],
    response: { 200: TestView },
  }),
  withdrawTest: endpoint({
    method: 'POST',
    path: '/api/tests/withdraw',
    access: access.testTaker(),
    personalData: true,
    tags: ['test'],
    response: { 200: TestView },
  }),
  issueTestCode: endpoint({
    method: 'POST',
    path: '/api/test-codes',
    access: access.roles('caseworker', 'ementor'),
    personalData: true,
    tags: ['test'],
    body: CodeCreateInput,
    response: { 201: CodeView },
  }),
  testPoster: endpoint({
    method: 'GET',
    path: '/api/test-poster',
    access: access.roles('caseworker', 'ementor'),
    tags: ['test'],
    response: { 200: PosterView },
  }),
  citizenAssessments: endpoint({
    method: 'GET',
    path: '/api/citizens/:id/assessments',
    access: access.roles('caseworker'),
    governedBy: citizenRules('read'),
    personalData: true,
    tags: ['test'],
    params: IdParams,
    response: { 200: z.array(CitizenAssessmentView) },
  }),
  helpedCitizenAssessments: endpoint({
    method: 'GET',
    path: '/api/queue-tickets/:id/assessments',
    access: access.roles('ementor'),
    governedBy: ticketRules('readCitizenTests'),
    personalData: true,
    tags: ['test'],
    params: IdParams,
    response: { 200: z.array(CitizenAssessmentView) },
  }),
  myTestCodes: endpoint({
    method: 'GET',
    path: '/api/test-codes',
    access: access.roles('caseworker', 'ementor'),
    personalData: true,
    tags: ['test'],
    response: { 200: z.array(IssuedCodeView) },
  }),
  testCodeResult: endpoint({
    method: 'GET',
    path: '/api/test-codes/:id',
    access: access.roles('caseworker', 'ementor'),
    governedBy: testCodeRules('readResult'),
    personalData: true,
    tags: ['test'],
    params: IdParams,
    response: { 200: CodeResultView },
  }),
  linkAssessment: endpoint({
    method: 'POST',
    path: '/api/citizens/:id/assessments/link',
    access: access.roles('caseworker'),
    governedBy: citizenRules('update'),
    personalData: true,
    tags: ['test'],
    params: IdParams,
    body: LinkCodeInput,
    response: { 200: CitizenAssessmentView },
  }),
};
