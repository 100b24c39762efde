import {
  boolean,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, id, municipalityId, tstz, updatedAt } from '../platform/db/columns';
import { municipalities, users } from '../organisation/organisation.schema';
import { citizens } from '../people/people.schema';
import type { DecisionRule, TargetGroup } from './pilots.model';
import type {
  EnrolmentArm,
  LearningMethod,
  LookDecision,
  PartnerKind,
  PilotStatus,
} from './pilots.constants';

/** A pilot project (Track 2): who it is for, how it teaches, and how it will be judged. */
export const pilots = pgTable(
  'pilots',
  {
    id: id(),
    municipalityId: municipalityId().references(() => municipalities.id),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    targetGroup: jsonb('target_group').$type<TargetGroup>().notNull(),
    learningMethods: text('learning_methods').array().$type<LearningMethod[]>().notNull(),
    hoursPerWeek: integer('hours_per_week').notNull(),
    weeks: integer('weeks').notNull(),
    capacity: integer('capacity').notNull(),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }).notNull(),
    budgetDkk: integer('budget_dkk').notNull(),
    status: text('status').$type<PilotStatus>().notNull().default('planned'),
    /** Pre-registered before the start; frozen once the pilot runs. */
    decisionRule: jsonb('decision_rule').$type<DecisionRule>().notNull(),
    ruleLockedAt: tstz('rule_locked_at'),
    /**
     * Made on the server from a secure random source when the pilot is created, kept secret
     * until the draw, then revealed; its SHA-256 (the commitment) is shown from the start, so
     * nobody — the pilot manager included — can choose or change the outcome.
     */
    lotterySeed: text('lottery_seed'),
    lotteryCommitment: text('lottery_commitment'),
    /** When the commitment was published; null for draws made before commitments existed. */
    lotteryCommittedAt: tstz('lottery_committed_at'),
    lotteryAt: tstz('lottery_at'),
    /** The published order the draw shuffled (enrolment ids by referral), kept as drawn. */
    lotteryApplicants: uuid('lottery_applicants').array(),
    /** Places at the draw: the first this many in drawn order took part. */
    lotteryCapacity: integer('lottery_capacity'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('pilots_municipality_idx').on(t.municipalityId, t.startsOn)],
);

export const pilotPartners = pgTable(
  'pilot_partners',
  {
    id: id(),
    municipalityId: municipalityId().references(() => municipalities.id),
    pilotId: uuid('pilot_id')
      .notNull()
      .references(() => pilots.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<PartnerKind>().notNull(),
    name: text('name').notNull(),
    /** Danish company register number, for companies. */
    cvr: text('cvr'),
    role: text('role').notNull().default(''),
    createdAt: createdAt(),
  },
  (t) => [index('pilot_partners_pilot_idx').on(t.pilotId)],
);

export const pilotStatusChanges = pgTable(
  'pilot_status_changes',
  {
    id: id(),
    municipalityId: municipalityId().references(() => municipalities.id),
    pilotId: uuid('pilot_id')
      .notNull()
      .references(() => pilots.id, { onDelete: 'cascade' }),
    fromStatus: text('from_status').$type<PilotStatus>().notNull(),
    toStatus: text('to_status').$type<PilotStatus>().notNull(),
    reason: text('reason').notNull(),
    by: uuid('by').references(() => users.id),
    at: createdAt(),
  },
  (t) => [index('pilot_status_changes_pilot_idx').on(t.pilotId, t.at)],
);

/** A citizen referred to a pilot: applicant, then participant or control after the lottery. */
export const pilotEnrolments = pgTable(
  'pilot_enrolments',
  {
    id: id(),
    municipalityId: municipalityId().references(() => municipalities.id),
    pilotId: uuid('pilot_id')
      .notNull()
      .references(() => pilots.id, { onDelete: 'cascade' }),
    citizenId: uuid('citizen_id')
      .notNull()
      .references(() => citizens.id, { onDelete: 'cascade' }),
    referredBy: uuid('referred_by').references(() => users.id),
    eligible: boolean('eligible').notNull(),
    /** Why the citizen does or does not fit the target group, one line per rule. */
    eligibility: jsonb('eligibility').$type<{ rule: string; ok: boolean }[]>().notNull(),
    arm: text('arm').$type<EnrolmentArm>().notNull().default('applicant'),
    lotteryRank: integer('lottery_rank'),
    sessionsAttended: smallint('sessions_attended').notNull().default(0),
    completedAt: tstz('completed_at'),
    certification: text('certification'),
    /** A control who got the course elsewhere (for the effect of taking part). */
    tookPartElsewhere: boolean('took_part_elsewhere').notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('pilot_enrolments_uq').on(t.pilotId, t.citizenId),
    index('pilot_enrolments_citizen_idx').on(t.municipalityId, t.citizenId),
  ],
);

/**
 * Register data, one row per citizen and week (DREAM-style): the benefit received that week
 * (none = self-support), and whether the citizen worked or studied.
 */
export const registerWeeks = pgTable(
  'register_weeks',
  {
    municipalityId: municipalityId().references(() => municipalities.id),
    citizenId: uuid('citizen_id')
      .notNull()
      .references(() => citizens.id, { onDelete: 'cascade' }),
    /** Monday of the ISO week. */
    week: date('week', { mode: 'string' }).notNull(),
    benefit: text('benefit'),
    employed: boolean('employed').notNull(),
    education: boolean('education').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.municipalityId, t.citizenId, t.week] }),
    index('register_weeks_week_idx').on(t.municipalityId, t.week),
  ],
);

/**
 * A hire someone outside the register reported (today: a company after a matchmaking meeting).
 * The evaluation counts them per arm and checks each against the register weeks when they come.
 */
export const reportedHires = pgTable(
  'reported_hires',
  {
    id: id(),
    municipalityId: municipalityId().references(() => municipalities.id),
    citizenId: uuid('citizen_id')
      .notNull()
      .references(() => citizens.id, { onDelete: 'cascade' }),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    /** Where the report came from, and its record there (one report per record). */
    source: text('source').$type<'matchmaking'>().notNull(),
    sourceId: uuid('source_id').notNull(),
    reportedBy: uuid('reported_by').references(() => users.id),
    reportedAt: tstz('reported_at').notNull(),
  },
  (t) => [
    uniqueIndex('reported_hires_source_uq').on(t.source, t.sourceId),
    index('reported_hires_citizen_idx').on(t.municipalityId, t.citizenId),
  ],
);

/** A planned interim (or the final) look, kept as taken: the boundary, the statistic, the call. */
export const pilotLooks = pgTable(
  'pilot_looks',
  {
    id: id(),
    municipalityId: municipalityId().references(() => municipalities.id),
    pilotId: uuid('pilot_id')
      .notNull()
      .references(() => pilots.id, { onDelete: 'cascade' }),
    look: smallint('look').notNull(),
    fraction: doublePrecision('fraction').notNull(),
    boundary: doublePrecision('boundary').notNull(),
    z: doublePrecision('z').notNull(),
    estimate: doublePrecision('estimate').notNull(),
    se: doublePrecision('se').notNull(),
    decision: text('decision').$type<LookDecision>().notNull(),
    by: uuid('by').references(() => users.id),
    at: createdAt(),
  },
  (t) => [uniqueIndex('pilot_looks_uq').on(t.pilotId, t.look)],
);
