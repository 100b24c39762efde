import {
  boolean,
  date,
  index,
  jsonb,
  pgTable,
  smallint,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, id, municipalityId, tstz, updatedAt } from '../platform/db/columns';
import { municipalities, users } from '../organisation/organisation.schema';
import { citizens } from '../people/people.schema';
import { companies, jobRoles } from '../companies/companies.schema';
import { pilots } from '../pilots/pilots.schema';
import type {
  CandidateStatus,
  CompanyAnswer,
  ContactStatus,
  ConsultantRule,
  EventFormat,
  EventStatus,
  MeetingOutcome,
  MeetingStatus,
} from './matching.constants';

/** What the last scheduler run found, kept to show beside the schedule. */
export interface SchedulerRun {
  at: string;
  status: 'optimal' | 'time_limit' | 'infeasible';
  objective: number;
  bound: number;
  fair: boolean;
  reason?: string;
}

/** A matchmaking event: companies at tables meet candidates in short time slots. */
export const matchmakingEvents = pgTable(
  'matchmaking_events',
  {
    id: id(),
    municipalityId: municipalityId().references(() => municipalities.id),
    name: text('name').notNull(),
    format: text('format').$type<EventFormat>().notNull(),
    /** The Copenhagen day and the first slot's start (HH:MM). */
    on: date('on', { mode: 'string' }).notNull(),
    startsAt: text('starts_at').notNull(),
    slotMinutes: smallint('slot_minutes').notNull(),
    slotCount: smallint('slot_count').notNull(),
    /** A break of `breakMinutes` after every `breakEvery` slots (0: no breaks). */
    breakEvery: smallint('break_every').notNull().default(0),
    breakMinutes: smallint('break_minutes').notNull().default(0),
    /** The site or address (physical and hybrid events). */
    venue: text('venue').notNull().default(''),
    maxMeetings: smallint('max_meetings').notNull(),
    /** The pilot whose participants the event is for, if any. */
    pilotId: uuid('pilot_id').references(() => pilots.id, { onDelete: 'set null' }),
    status: text('status').$type<EventStatus>().notNull().default('planning'),
    lastRun: jsonb('last_run').$type<SchedulerRun>(),
    publishedAt: tstz('published_at'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('matchmaking_events_municipality_idx').on(t.municipalityId, t.on)],
);

/** A company at an event: its tables (a room or a video link each) and the roles it brings. */
export const eventCompanies = pgTable(
  'event_companies',
  {
    id: id(),
    municipalityId: municipalityId().references(() => municipalities.id),
    eventId: uuid('event_id')
      .notNull()
      .references(() => matchmakingEvents.id, { onDelete: 'cascade' }),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id, { onDelete: 'cascade' }),
    tables: smallint('tables').notNull(),
    /** Per table: the room or table name (physical) and the video-meeting link (virtual). */
    rooms: text('rooms').array().$type<string[]>().notNull(),
    videoLinks: text('video_links').array().$type<string[]>().notNull(),
    /** Titles of the roles the company brings (from its posted roles, or written). */
    roles: text('roles').array().$type<string[]>().notNull(),
    /** Slots the company cannot attend. */
    unavailable: jsonb('unavailable').$type<number[]>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('event_companies_uq').on(t.eventId, t.companyId)],
);

/** A citizen invited to an event, then registered (or declined), checked in on the day. */
export const eventCandidates = pgTable(
  'event_candidates',
  {
    id: id(),
    municipalityId: municipalityId().references(() => municipalities.id),
    eventId: uuid('event_id')
      .notNull()
      .references(() => matchmakingEvents.id, { onDelete: 'cascade' }),
    citizenId: uuid('citizen_id')
      .notNull()
      .references(() => citizens.id, { onDelete: 'cascade' }),
    status: text('status').$type<CandidateStatus>().notNull().default('invited'),
    unavailable: jsonb('unavailable').$type<number[]>().notNull(),
    invitedBy: uuid('invited_by').references(() => users.id),
    registeredAt: tstz('registered_at'),
    checkedInAt: tstz('checked_in_at'),
    noShow: boolean('no_show').notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('event_candidates_uq').on(t.eventId, t.citizenId),
    index('event_candidates_citizen_idx').on(t.municipalityId, t.citizenId),
  ],
);

/** One possible meeting: the candidate's rank of the company, its answer, the consultant's rule. */
export const eventWishes = pgTable(
  'event_wishes',
  {
    id: id(),
    municipalityId: municipalityId().references(() => municipalities.id),
    eventId: uuid('event_id')
      .notNull()
      .references(() => matchmakingEvents.id, { onDelete: 'cascade' }),
    citizenId: uuid('citizen_id')
      .notNull()
      .references(() => citizens.id, { onDelete: 'cascade' }),
    eventCompanyId: uuid('event_company_id')
      .notNull()
      .references(() => eventCompanies.id, { onDelete: 'cascade' }),
    /** 1 = the candidate's first wish; null = not wished by the candidate. */
    rank: smallint('rank'),
    companyAnswer: text('company_answer').$type<CompanyAnswer>(),
    rule: text('rule').$type<ConsultantRule>(),
    /** The slot a pinned meeting must have (null: any). */
    pinSlot: smallint('pin_slot'),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('event_wishes_uq').on(t.eventId, t.citizenId, t.eventCompanyId)],
);

/** A scheduled meeting, and after it the company's outcome. */
export const eventMeetings = pgTable(
  'event_meetings',
  {
    id: id(),
    municipalityId: municipalityId().references(() => municipalities.id),
    eventId: uuid('event_id')
      .notNull()
      .references(() => matchmakingEvents.id, { onDelete: 'cascade' }),
    eventCompanyId: uuid('event_company_id')
      .notNull()
      .references(() => eventCompanies.id, { onDelete: 'cascade' }),
    citizenId: uuid('citizen_id')
      .notNull()
      .references(() => citizens.id, { onDelete: 'cascade' }),
    slot: smallint('slot').notNull(),
    tableNo: smallint('table_no').notNull(),
    status: text('status').$type<MeetingStatus>().notNull().default('planned'),
    outcome: text('outcome').$type<MeetingOutcome>(),
    outcomeStartsOn: date('outcome_starts_on', { mode: 'string' }),
    outcomeNote: text('outcome_note'),
    outcomeAt: tstz('outcome_at'),
    outcomeBy: uuid('outcome_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    index('event_meetings_event_idx').on(t.eventId, t.slot),
    index('event_meetings_citizen_idx').on(t.municipalityId, t.citizenId),
    uniqueIndex('event_meetings_pair_uq').on(t.eventId, t.eventCompanyId, t.citizenId),
  ],
);

/**
 * A citizen in the candidate pool: shown to companies without name, CPR, age, gender or photo.
 * A row exists only while the citizen consents; withdrawing deletes it (pitch and CV with it).
 */
export const candidateProfiles = pgTable(
  'candidate_profiles',
  {
    id: id(),
    municipalityId: municipalityId().references(() => municipalities.id),
    citizenId: uuid('citizen_id')
      .notNull()
      .references(() => citizens.id, { onDelete: 'cascade' }),
    consentedAt: tstz('consented_at').notNull(),
    pitch: text('pitch').notNull().default(''),
    languages: text('languages').array().$type<string[]>().notNull(),
    /** Postcodes and municipality names the citizen can work in (empty: anywhere). */
    workAreas: text('work_areas').array().$type<string[]>().notNull(),
    /** The CV the citizen attached (a PDF, base64), and its file name. */
    cvBase64: text('cv_base64'),
    cvName: text('cv_name'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('candidate_profiles_citizen_uq').on(t.citizenId)],
);

/** A candidate on a role's shortlist, then asked for contact; accepted reveals them. */
export const contactRequests = pgTable(
  'contact_requests',
  {
    id: id(),
    municipalityId: municipalityId().references(() => municipalities.id),
    citizenId: uuid('citizen_id')
      .notNull()
      .references(() => citizens.id, { onDelete: 'cascade' }),
    roleId: uuid('role_id')
      .notNull()
      .references(() => jobRoles.id, { onDelete: 'cascade' }),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id, { onDelete: 'cascade' }),
    status: text('status').$type<ContactStatus>().notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    sentAt: tstz('sent_at'),
    answeredAt: tstz('answered_at'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('contact_requests_uq').on(t.roleId, t.citizenId),
    index('contact_requests_citizen_idx').on(t.municipalityId, t.citizenId),
  ],
);
