import {
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, id, municipalityId, tstz, updatedAt } from '../platform/db/columns';
import { municipalities, sites, users } from '../organisation/organisation.schema';
import type {
  ActionLinkKind,
  ActionStatus,
  Indicator,
  Recommendation,
} from './taskforce.constants';

/** What the taskforce does to carry a recommendation out: who, where, by when, how far. */
export const taskforceActions = pgTable(
  'taskforce_actions',
  {
    id: id(),
    municipalityId: municipalityId().references(() => municipalities.id),
    recommendation: text('recommendation').$type<Recommendation>().notNull(),
    title: text('title').notNull(),
    owner: text('owner').notNull(),
    /** The centre it concerns; null for the whole municipality. */
    centreId: uuid('centre_id').references(() => taskforceCentres.id, { onDelete: 'set null' }),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    status: text('status').$type<ActionStatus>().notNull(),
    notes: text('notes').notNull().default(''),
    /** Pilots, learning offers or matchmaking events the action is carried out through. */
    links: jsonb('links').$type<{ kind: ActionLinkKind; id: string }[]>().notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('taskforce_actions_idx').on(t.municipalityId, t.recommendation, t.dueOn)],
);

/** A jobcentre as the strategy is followed: the sites an admin puts together under one name. */
export const taskforceCentres = pgTable(
  'taskforce_centres',
  {
    id: id(),
    municipalityId: municipalityId().references(() => municipalities.id),
    name: text('name').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('taskforce_centres_name_uq').on(t.municipalityId, t.name)],
);

/** Which sites form a centre (a site belongs to one centre at most). */
export const taskforceCentreSites = pgTable(
  'taskforce_centre_sites',
  {
    municipalityId: municipalityId().references(() => municipalities.id),
    centreId: uuid('centre_id')
      .notNull()
      .references(() => taskforceCentres.id, { onDelete: 'cascade' }),
    siteId: uuid('site_id')
      .notNull()
      .references(() => sites.id),
  },
  (t) => [uniqueIndex('taskforce_centre_sites_site_uq').on(t.siteId)],
);

/** The taskforce's budget (the committee set aside DKK 2.2 million for 2020–2021). */
export const taskforceBudgets = pgTable('taskforce_budgets', {
  municipalityId: municipalityId()
    .primaryKey()
    .references(() => municipalities.id),
  totalDkk: integer('total_dkk').notNull(),
  startsOn: date('starts_on', { mode: 'string' }).notNull(),
  endsOn: date('ends_on', { mode: 'string' }).notNull(),
  ementorRateDkk: integer('ementor_rate_dkk').notNull(),
  updatedBy: uuid('updated_by').references(() => users.id),
  updatedAt: updatedAt(),
});

/** A cost the taskforce records: a pilot's actual cost, a course bought, anything else. */
export const taskforceSpending = pgTable(
  'taskforce_spending',
  {
    id: id(),
    municipalityId: municipalityId().references(() => municipalities.id),
    kind: text('kind').$type<'pilot' | 'course' | 'other'>().notNull(),
    /** The pilot a cost belongs to (kind pilot). */
    pilotId: uuid('pilot_id'),
    description: text('description').notNull(),
    on: date('on', { mode: 'string' }).notNull(),
    amountDkk: integer('amount_dkk').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('taskforce_spending_idx').on(t.municipalityId, t.on)],
);

/** A report issued to the committee, kept exactly as issued (both files, the texts, the period). */
export const taskforceReports = pgTable(
  'taskforce_reports',
  {
    id: id(),
    municipalityId: municipalityId().references(() => municipalities.id),
    title: text('title').notNull(),
    issuedOn: date('issued_on', { mode: 'string' }).notNull(),
    periodFrom: date('period_from', { mode: 'string' }).notNull(),
    periodTo: date('period_to', { mode: 'string' }).notNull(),
    texts: jsonb('texts').$type<Record<string, string>>().notNull(),
    pdfBase64: text('pdf_base64').notNull(),
    docxBase64: text('docx_base64').notNull(),
    issuedBy: uuid('issued_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('taskforce_reports_idx').on(t.municipalityId, t.issuedOn)],
);

/**
 * The indicators' counts per day, site and measure (indicators.model.ts `countByDay`), kept by a
 * timed job and on demand, so the indicators page sums a few tens of thousands of rows in SQL
 * instead of reading every citizen's facts from every area on each request.
 */
export const taskforceDailyCounts = pgTable(
  'taskforce_daily_counts',
  {
    municipalityId: municipalityId().references(() => municipalities.id),
    /** The citizen's or the workshop's site; null for the municipality's own measures. */
    siteId: uuid('site_id'),
    day: date('day', { mode: 'string' }).notNull(),
    key: text('key').notNull(),
    n: integer('n').notNull(),
  },
  (t) => [index('taskforce_daily_counts_idx').on(t.municipalityId, t.day)],
);

/** When a municipality's counts were last made (one row each). */
export const taskforceCountRuns = pgTable('taskforce_count_runs', {
  municipalityId: municipalityId()
    .primaryKey()
    .references(() => municipalities.id),
  countedAt: tstz('counted_at').notNull(),
  rows: integer('rows').notNull(),
});

/** A municipality's own target for an indicator (null: no target), over the code's default. */
export const taskforceTargets = pgTable(
  'taskforce_targets',
  {
    municipalityId: municipalityId().references(() => municipalities.id),
    indicator: text('indicator').$type<Indicator>().notNull(),
    target: doublePrecision('target'),
    updatedBy: uuid('updated_by').references(() => users.id),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.municipalityId, t.indicator] })],
);
