import { sql } from 'drizzle-orm';
import {
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, id, municipalityId, tstz, updatedAt } from '../platform/db/columns';
import type { TestResult } from './assessment.model';
import type { PageLang } from '../platform/i18n/languages.constants';
import type { TriageGroup } from './cat';

/** Where a test stands. */
export type AssessmentStatus =
  'consent_pending' | 'in_progress' | 'paused' | 'completed' | 'withdrawn';
import { municipalities, users } from '../organisation/organisation.schema';
import { citizens } from '../people/people.schema';
import type { BankEntry } from './bank/bank.model';
import type { IrtItem } from './irt';

/** Each municipality's copy of the item bank, seeded from the original and edited by admins. */
export const assessmentItems = pgTable(
  'assessment_items',
  {
    id: id(),
    municipalityId: municipalityId().references(() => municipalities.id),
    key: text('key').notNull(),
    competence: text('competence').notNull(),
    level: integer('level').notNull(),
    type: text('type').notNull(),
    /** The full entry: texts in both languages, options, the right answer. */
    content: jsonb('content').$type<BankEntry>().notNull(),
    model: jsonb('model').$type<IrtItem>().notNull(),
    paramsSource: text('params_source').notNull().default('start'),
    status: text('status').notNull().default('active'),
    /**
     * Languages the item is kept out of new tests in, while it stays in the others: an item that
     * asks more of citizens in one language than of equally able ones in Danish (DIF class C).
     */
    retiredLanguages: text('retired_languages')
      .array()
      .$type<PageLang[]>()
      .notNull()
      .default(sql`'{}'::text[]`),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('assessment_items_key_uq').on(t.municipalityId, t.key)],
);

/** Cut scores for triage, set by the municipality's admin. */
export const triageSettings = pgTable('triage_settings', {
  municipalityId: uuid('municipality_id')
    .primaryKey()
    .references(() => municipalities.id),
  foundationCut: doublePrecision('foundation_cut').notNull(),
  jobGoalCut: doublePrecision('job_goal_cut').notNull(),
  updatedBy: uuid('updated_by').references(() => users.id),
  updatedAt: updatedAt(),
});

/** One-time codes that let a citizen take the test without logging in. */
export const testCodes = pgTable(
  'test_codes',
  {
    id: id(),
    municipalityId: municipalityId().references(() => municipalities.id),
    /** Keyed hash of the code; the code itself is shown once to the person handing it out. */
    codeHash: text('code_hash').notNull(),
    citizenId: uuid('citizen_id').references(() => citizens.id, { onDelete: 'cascade' }),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    expiresAt: tstz('expires_at').notNull(),
    usedAt: tstz('used_at'),
  },
  (t) => [uniqueIndex('test_codes_hash_uq').on(t.codeHash)],
);

export const assessments = pgTable(
  'assessments',
  {
    id: id(),
    municipalityId: municipalityId().references(() => municipalities.id),
    citizenId: uuid('citizen_id').references(() => citizens.id, { onDelete: 'cascade' }),
    codeId: uuid('code_id').references(() => testCodes.id),
    /** SHA-256 of the token in the test taker's cookie, for code-based tests. */
    tokenHash: text('token_hash'),
    status: text('status').$type<AssessmentStatus>().notNull(),
    language: text('language').notNull().default('da'),
    frameworkVersion: text('framework_version').notNull().default('DigComp 2.2'),
    foundationCut: doublePrecision('foundation_cut').notNull(),
    jobGoalCut: doublePrecision('job_goal_cut').notNull(),
    seed: integer('seed').notNull(),
    consentAt: tstz('consent_at'),
    withdrawnAt: tstz('withdrawn_at'),
    startedAt: createdAt(),
    completedAt: tstz('completed_at'),
    theta: doublePrecision('theta'),
    se: doublePrecision('se'),
    triageGroup: text('triage_group').$type<TriageGroup>(),
    groupProbability: doublePrecision('group_probability'),
    stopReason: text('stop_reason'),
    result: jsonb('result').$type<TestResult>(),
    /** When the citizen chose to answer more questions after the test stopped undecided at the cap. */
    continuedAt: tstz('continued_at'),
  },
  (t) => [
    index('assessments_citizen_idx').on(t.municipalityId, t.citizenId),
    uniqueIndex('assessments_token_uq')
      .on(t.tokenHash)
      .where(sql`${t.tokenHash} is not null`),
  ],
);

export const assessmentResponses = pgTable(
  'assessment_responses',
  {
    id: id(),
    municipalityId: municipalityId().references(() => municipalities.id),
    assessmentId: uuid('assessment_id')
      .notNull()
      .references(() => assessments.id, { onDelete: 'cascade' }),
    itemId: uuid('item_id')
      .notNull()
      .references(() => assessmentItems.id),
    position: integer('position').notNull(),
    answer: integer('answer').notNull(),
    score: integer('score').notNull(),
    timeMs: integer('time_ms'),
    answeredAt: createdAt(),
  },
  (t) => [
    uniqueIndex('assessment_responses_pos_uq').on(t.assessmentId, t.position),
    index('assessment_responses_item_idx').on(t.itemId),
  ],
);

/** A calibration run from collected answers, reviewed by an admin before it goes live. */
export const assessmentCalibrations = pgTable('assessment_calibrations', {
  id: id(),
  municipalityId: municipalityId().references(() => municipalities.id),
  createdBy: uuid('created_by')
    .notNull()
    .references(() => users.id),
  createdAt: createdAt(),
  status: text('status').$type<'review' | 'published' | 'discarded'>().notNull().default('review'),
  decidedAt: tstz('decided_at'),
  decidedBy: uuid('decided_by').references(() => users.id),
  result: jsonb('result').$type<CalibrationRun>().notNull(),
});

export interface CalibrationRun {
  respondents: number;
  logLik: number;
  iterations: number;
  converged: boolean;
  minResponses: number;
  /** The self-ratings' graded-response fit, when enough of them were answered. */
  selfRatings: { respondents: number; logLik: number; converged: boolean } | null;
  /** b is the item's location: −d/a, or for a graded item the mean of its thresholds. */
  items: {
    itemId: string;
    key: string;
    responses: number;
    old: { a: number; b: number };
    new: { a: number; b: number };
    /** What publishing puts in place. */
    params: IrtItem;
  }[];
  /** Differential item functioning of each other language against Danish (runs before it: none). */
  dif?: LanguageDif[];
}

/** One language's tests set against the Danish ones, item by item (scored items only). */
export interface LanguageDif {
  language: string;
  /** Completed tests in the language, and in Danish. */
  tests: number;
  referenceTests: number;
  items: {
    itemId: string;
    key: string;
    /** Answers in Danish and in the language. */
    reference: number;
    focal: number;
    deltaDif: number | null;
    se: number | null;
    p: number | null;
    /** Null: too few answers in a group to judge. */
    etsClass: 'A' | 'B' | 'C' | null;
  }[];
}
