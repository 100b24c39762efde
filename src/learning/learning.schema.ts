import { sql } from 'drizzle-orm';
import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  real,
  smallint,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, id, municipalityId, stampedAt, tstz, updatedAt } from '../platform/db/columns';
import { municipalities, sites, users } from '../organisation/organisation.schema';
import { citizens } from '../people/people.schema';
import { assessments } from '../assessment/assessment.schema';
import type { CompetenceLevel, Gap, Reason } from './plan.model';
import type {
  EnrolmentStatus,
  LearningMethod,
  OfferFormat,
  PlanItemStatus,
  ProviderKind,
  SuggestionKind,
} from './learning.constants';

/** A learning offer in the catalogue: a course, a workplace programme, or a mainstream programme. */
export const learningOffers = pgTable(
  'learning_offers',
  {
    id: id(),
    municipalityId: municipalityId().references(() => municipalities.id),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    providerKind: text('provider_kind').$type<ProviderKind>().notNull(),
    providerName: text('provider_name').notNull(),
    /** The host company's CVR number, for workplace-based learning. */
    hostCvr: text('host_cvr'),
    methods: text('methods').array().$type<LearningMethod[]>().notNull(),
    format: text('format').$type<OfferFormat>().notNull(),
    hoursPerWeek: integer('hours_per_week').notNull(),
    weeks: integer('weeks').notNull(),
    lifts: jsonb('lifts').$type<CompetenceLevel[]>().notNull(),
    prerequisites: jsonb('prerequisites').$type<CompetenceLevel[]>().notNull(),
    prerequisitesText: text('prerequisites_text').notNull().default(''),
    languages: text('languages').array().notNull(),
    capacity: integer('capacity').notNull(),
    priceDkk: integer('price_dkk').notNull().default(0),
    /** An existing programme with digital skills inside it ("mainstreaming"). */
    mainstreaming: boolean('mainstreaming').notNull().default(false),
    status: text('status').$type<'active' | 'retired'>().notNull().default('active'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('learning_offers_municipality_idx').on(t.municipalityId, t.status)],
);

export const learningSessions = pgTable(
  'learning_sessions',
  {
    id: id(),
    municipalityId: municipalityId().references(() => municipalities.id),
    offerId: uuid('offer_id')
      .notNull()
      .references(() => learningOffers.id, { onDelete: 'cascade' }),
    startsAt: tstz('starts_at').notNull(),
    endsAt: tstz('ends_at').notNull(),
    siteId: uuid('site_id').references(() => sites.id),
    /** Where, when not at one of the municipality's sites (a company, online). */
    location: text('location').notNull().default(''),
  },
  (t) => [index('learning_sessions_offer_idx').on(t.offerId, t.startsAt)],
);

/** A citizen's learning plan for a job goal; a new plan replaces the active one. */
export const learningPlans = pgTable(
  'learning_plans',
  {
    id: id(),
    municipalityId: municipalityId().references(() => municipalities.id),
    citizenId: uuid('citizen_id')
      .notNull()
      .references(() => citizens.id, { onDelete: 'cascade' }),
    occupationId: text('occupation_id').notNull(),
    occupationLabel: text('occupation_label').notNull(),
    escoVersion: text('esco_version').notNull(),
    /** The test the gaps were measured against, if any. */
    assessmentId: uuid('assessment_id'),
    gaps: jsonb('gaps').$type<Gap[]>().notNull(),
    status: text('status').$type<'active' | 'replaced'>().notNull().default('active'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('learning_plans_active_uq')
      .on(t.citizenId)
      .where(sql`${t.status} = 'active'`),
    index('learning_plans_citizen_idx').on(t.municipalityId, t.citizenId, t.createdAt),
  ],
);

export const learningPlanItems = pgTable(
  'learning_plan_items',
  {
    id: id(),
    municipalityId: municipalityId().references(() => municipalities.id),
    planId: uuid('plan_id')
      .notNull()
      .references(() => learningPlans.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<SuggestionKind>().notNull(),
    /** The offer or pilot suggested. */
    refId: uuid('ref_id'),
    title: text('title').notNull(),
    rank: smallint('rank').notNull(),
    score: real('score').notNull(),
    covers: text('covers').array().notNull(),
    reasons: jsonb('reasons').$type<Reason[]>().notNull(),
    status: text('status').$type<PlanItemStatus>().notNull().default('proposed'),
    decidedAt: tstz('decided_at'),
  },
  (t) => [index('learning_plan_items_plan_idx').on(t.planId, t.rank)],
);

/** A citizen on an offer: enrolled, or waiting for a place in the order they came. */
export const learningEnrolments = pgTable(
  'learning_enrolments',
  {
    id: id(),
    municipalityId: municipalityId().references(() => municipalities.id),
    offerId: uuid('offer_id')
      .notNull()
      .references(() => learningOffers.id, { onDelete: 'cascade' }),
    citizenId: uuid('citizen_id')
      .notNull()
      .references(() => citizens.id, { onDelete: 'cascade' }),
    planItemId: uuid('plan_item_id').references(() => learningPlanItems.id, {
      onDelete: 'set null',
    }),
    status: text('status').$type<EnrolmentStatus>().notNull(),
    /** Place in the waiting list: the time the citizen joined it. */
    queuedAt: stampedAt('queued_at'),
    enrolledBy: uuid('enrolled_by').references(() => users.id),
    completedAt: tstz('completed_at'),
    endedAt: tstz('ended_at'),
    endReason: text('end_reason'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('learning_enrolments_live_uq')
      .on(t.offerId, t.citizenId)
      .where(sql`${t.status} in ('enrolled', 'waitlisted')`),
    index('learning_enrolments_offer_idx').on(t.offerId, t.status, t.queuedAt),
    index('learning_enrolments_citizen_idx').on(t.municipalityId, t.citizenId),
  ],
);

export const learningAttendance = pgTable(
  'learning_attendance',
  {
    municipalityId: municipalityId().references(() => municipalities.id),
    enrolmentId: uuid('enrolment_id')
      .notNull()
      .references(() => learningEnrolments.id, { onDelete: 'cascade' }),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => learningSessions.id, { onDelete: 'cascade' }),
    present: boolean('present').notNull(),
    recordedBy: uuid('recorded_by').references(() => users.id),
    recordedAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.enrolmentId, t.sessionId] })],
);

/** The municipality's badge signing key (it is the issuer); the private half is encrypted. */
export const badgeKeys = pgTable('badge_keys', {
  id: text('id').primaryKey(),
  municipalityId: municipalityId()
    .references(() => municipalities.id)
    .unique(),
  publicJwk: jsonb('public_jwk').$type<Record<string, unknown>>().notNull(),
  privateJwkCipher: text('private_jwk_cipher').notNull(),
  /** The next free position in the municipality's Bitstring Status List. */
  nextStatusIndex: integer('next_status_index').notNull().default(0),
  createdAt: createdAt(),
});

/** An Open Badges 3.0 credential issued to a citizen, kept to show, re-download and revoke. */
export const badges = pgTable(
  'badges',
  {
    id: id(),
    municipalityId: municipalityId().references(() => municipalities.id),
    citizenId: uuid('citizen_id')
      .notNull()
      .references(() => citizens.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<'offer' | 'digcomp'>().notNull(),
    enrolmentId: uuid('enrolment_id').references(() => learningEnrolments.id, {
      onDelete: 'set null',
    }),
    /** For test badges: the test, and the DigComp area and level it showed. */
    assessmentId: uuid('assessment_id').references(() => assessments.id, { onDelete: 'set null' }),
    area: text('area'),
    level: smallint('level'),
    name: text('name').notNull(),
    credential: text('credential').notNull(),
    /** The badge's bit in its issuer's Bitstring Status List (set when revoked). */
    statusIndex: integer('status_index'),
    issuedAt: stampedAt('issued_at'),
    issuedBy: uuid('issued_by').references(() => users.id),
    revokedAt: tstz('revoked_at'),
    revokedBy: uuid('revoked_by').references(() => users.id),
    revokeReason: text('revoke_reason'),
  },
  (t) => [
    uniqueIndex('badges_enrolment_uq').on(t.enrolmentId),
    uniqueIndex('badges_area_level_uq').on(t.citizenId, t.area, t.level),
    index('badges_citizen_idx').on(t.municipalityId, t.citizenId),
    uniqueIndex('badges_status_index_uq').on(t.municipalityId, t.statusIndex),
  ],
);
