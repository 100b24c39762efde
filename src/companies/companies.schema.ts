import {
  boolean,
  date,
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
import { municipalities, users } from '../organisation/organisation.schema';
import type { EducationLevel } from '../vocabulary';
import type { EscoGroup } from './job-ads/corpus';
import type {
  ActivityKind,
  AgreementKind,
  Db07Section,
  RoleStatus,
  SizeBand,
  WorkplaceLearning,
} from './companies.constants';

/** A company the jobcentre's business service keeps a relationship with. */
export const companies = pgTable(
  'companies',
  {
    id: id(),
    municipalityId: municipalityId().references(() => municipalities.id),
    cvr: text('cvr').notNull(),
    name: text('name').notNull(),
    /** DB07, six digits; the section is derived from it. */
    industryCode: text('industry_code').notNull(),
    industrySection: text('industry_section').$type<Db07Section>().notNull(),
    sizeBand: text('size_band').$type<SizeBand>().notNull(),
    employees: integer('employees'),
    address: text('address').notNull().default(''),
    postalCode: text('postal_code').notNull().default(''),
    city: text('city').notNull().default(''),
    website: text('website'),
    /** Demo companies: invented names and CVR numbers, marked as such wherever shown. */
    fictitious: boolean('fictitious').notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('companies_municipality_cvr_uq').on(t.municipalityId, t.cvr)],
);

/** Production units (P-numbers): the company's workplaces. */
export const companyUnits = pgTable(
  'company_units',
  {
    id: id(),
    municipalityId: municipalityId().references(() => municipalities.id),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id, { onDelete: 'cascade' }),
    pNumber: text('p_number').notNull(),
    name: text('name').notNull(),
    address: text('address').notNull().default(''),
    postalCode: text('postal_code').notNull().default(''),
    city: text('city').notNull().default(''),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('company_units_municipality_p_uq').on(t.municipalityId, t.pNumber)],
);

/** People at the company the business service talks to. */
export const companyContacts = pgTable(
  'company_contacts',
  {
    id: id(),
    municipalityId: municipalityId().references(() => municipalities.id),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    title: text('title').notNull().default(''),
    email: text('email'),
    phone: text('phone'),
    createdAt: createdAt(),
  },
  (t) => [index('company_contacts_company_idx').on(t.companyId)],
);

/** Which company users act for which companies (one user may act for several). */
export const companyMembers = pgTable(
  'company_members',
  {
    municipalityId: municipalityId().references(() => municipalities.id),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.companyId, t.userId] })],
);

/** A one-time link that makes its holder a company user (only the token's hash is kept). */
export const companyInvitations = pgTable(
  'company_invitations',
  {
    id: id(),
    municipalityId: municipalityId().references(() => municipalities.id),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    invitedBy: uuid('invited_by').references(() => users.id),
    expiresAt: tstz('expires_at').notNull(),
    acceptedAt: tstz('accepted_at'),
    userId: uuid('user_id').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('company_invitations_company_idx').on(t.companyId)],
);

/** Contacts, visits and agreements, as the business service logs them. */
export const companyActivities = pgTable(
  'company_activities',
  {
    id: id(),
    municipalityId: municipalityId().references(() => municipalities.id),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<ActivityKind>().notNull(),
    agreement: text('agreement').$type<AgreementKind>(),
    /** Places agreed (trainee places, workplace training). */
    places: integer('places'),
    on: date('on', { mode: 'string' }).notNull(),
    note: text('note').notNull(),
    by: uuid('by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('company_activities_company_idx').on(t.companyId, t.on)],
);

export interface RequiredCompetence {
  competence: string;
  level: number;
}

/** A role a company needs or expects to need ("2 cloud administrators by March"). */
export const jobRoles = pgTable(
  'job_roles',
  {
    id: id(),
    municipalityId: municipalityId().references(() => municipalities.id),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    occupationId: text('occupation_id'),
    /** ISCO-08 unit group of the occupation (its first digit is the major group). */
    iscoGroup: text('isco_group'),
    people: integer('people').notNull(),
    neededBy: date('needed_by', { mode: 'string' }),
    location: text('location').notNull().default(''),
    competences: jsonb('competences').$type<RequiredCompetence[]>().notNull(),
    education: text('education').$type<EducationLevel>(),
    languages: text('languages').array().$type<string[]>().notNull(),
    otherRequirements: text('other_requirements').notNull().default(''),
    workplaceLearning: text('workplace_learning').array().$type<WorkplaceLearning[]>().notNull(),
    status: text('status').$type<RoleStatus>().notNull().default('open'),
    statusChangedAt: tstz('status_changed_at'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('job_roles_company_idx').on(t.companyId),
    index('job_roles_municipality_status_idx').on(t.municipalityId, t.status),
  ],
);

export interface SavedPhrase {
  kind: 'skill' | 'knowledge';
  text: string;
  group: EscoGroup;
  competence: string | null;
}

/** A job ad a consultant analysed, with the phrases as corrected, and the role it fed. */
export const jobAds = pgTable(
  'job_ads',
  {
    id: id(),
    municipalityId: municipalityId().references(() => municipalities.id),
    companyId: uuid('company_id').references(() => companies.id, { onDelete: 'cascade' }),
    roleId: uuid('role_id').references(() => jobRoles.id, { onDelete: 'set null' }),
    title: text('title').notNull(),
    text: text('text').notNull(),
    phrases: jsonb('phrases').$type<SavedPhrase[]>().notNull(),
    by: uuid('by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('job_ads_municipality_idx').on(t.municipalityId, t.createdAt)],
);

/** A short survey of which digital competences companies' jobs need (recommendation 4). */
export const demandSurveys = pgTable('demand_surveys', {
  id: id(),
  municipalityId: municipalityId().references(() => municipalities.id),
  title: text('title').notNull(),
  intro: text('intro').notNull().default(''),
  /** The DigComp competences asked about. */
  competences: text('competences').array().$type<string[]>().notNull(),
  /** Unanswered invitations get one reminder this many days after they went out. */
  reminderDays: integer('reminder_days').notNull(),
  /** The last day answers are taken. */
  closesOn: date('closes_on', { mode: 'string' }).notNull(),
  createdBy: uuid('created_by').references(() => users.id),
  createdAt: createdAt(),
});

/** One company asked in one round, by a one-time link that needs no login. */
export const surveyInvitations = pgTable(
  'survey_invitations',
  {
    id: id(),
    municipalityId: municipalityId().references(() => municipalities.id),
    surveyId: uuid('survey_id')
      .notNull()
      .references(() => demandSurveys.id, { onDelete: 'cascade' }),
    round: integer('round').notNull(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    sentAt: tstz('sent_at').notNull(),
    remindedAt: tstz('reminded_at'),
    answeredAt: tstz('answered_at'),
  },
  (t) => [uniqueIndex('survey_invitations_round_company_uq').on(t.surveyId, t.round, t.companyId)],
);

export interface SurveyAnswer {
  competence: string;
  now: boolean;
  inTwoYears: boolean;
  cannotRecruit: boolean;
  trainInHouse: boolean;
}

/** A company's answer in a round (kept per company and round). */
export const surveyAnswers = pgTable('survey_answers', {
  id: id(),
  municipalityId: municipalityId().references(() => municipalities.id),
  invitationId: uuid('invitation_id')
    .notNull()
    .unique()
    .references(() => surveyInvitations.id, { onDelete: 'cascade' }),
  surveyId: uuid('survey_id')
    .notNull()
    .references(() => demandSurveys.id, { onDelete: 'cascade' }),
  round: integer('round').notNull(),
  companyId: uuid('company_id')
    .notNull()
    .references(() => companies.id, { onDelete: 'cascade' }),
  answers: jsonb('answers').$type<SurveyAnswer[]>().notNull(),
  comment: text('comment').notNull().default(''),
  answeredAt: tstz('answered_at').notNull(),
});
