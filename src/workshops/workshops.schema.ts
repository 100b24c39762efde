import { sql } from 'drizzle-orm';
import type { CheckInChannel, TicketStatus, VisitTopic } from './workshops.constants';
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
import { municipalities, sites, users } from '../organisation/organisation.schema';
import { citizens } from '../people/people.schema';
import type { OpeningHours } from './workshops.model';

/** How a workshop (a site with a digital workshop) runs: hours, room size, a typical visit. */
export const workshopSettings = pgTable('workshop_settings', {
  siteId: uuid('site_id')
    .primaryKey()
    .references(() => sites.id),
  municipalityId: municipalityId().references(() => municipalities.id),
  /** How many citizens may be in the room at once (helped and waiting inside). */
  capacity: integer('capacity').notNull(),
  openingHours: jsonb('opening_hours').$type<OpeningHours>().notNull(),
  /** A typical help session, for expected waits until there are visits to learn from. */
  serviceMinutes: integer('service_minutes').notNull(),
  /** Danish public holidays close the workshop unless the municipality keeps it open. */
  openOnHolidays: boolean('open_on_holidays').notNull().default(false),
  /** Length of a bookable appointment. */
  slotMinutes: integer('slot_minutes').notNull().default(30),
  updatedBy: uuid('updated_by').references(() => users.id),
  updatedAt: updatedAt(),
});

/** Days a workshop is closed besides Danish public holidays. */
export const workshopClosures = pgTable(
  'workshop_closures',
  {
    id: id(),
    municipalityId: municipalityId().references(() => municipalities.id),
    siteId: uuid('site_id')
      .notNull()
      .references(() => sites.id),
    day: date('day', { mode: 'string' }).notNull(),
    reason: text('reason').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('workshop_closures_day_uq').on(t.siteId, t.day)],
);

/** The last ticket number handed out per workshop and day: one atomic counter row. */
export const queueCounters = pgTable(
  'queue_counters',
  {
    municipalityId: municipalityId().references(() => municipalities.id),
    siteId: uuid('site_id')
      .notNull()
      .references(() => sites.id),
    day: date('day', { mode: 'string' }).notNull(),
    lastNumber: integer('last_number').notNull(),
  },
  (t) => [primaryKey({ columns: [t.siteId, t.day] })],
);

/** A place in the drop-in queue. Holds a first name and a topic, never more. */
export const queueTickets = pgTable(
  'queue_tickets',
  {
    id: id(),
    municipalityId: municipalityId().references(() => municipalities.id),
    siteId: uuid('site_id')
      .notNull()
      .references(() => sites.id),
    day: date('day', { mode: 'string' }).notNull(),
    number: integer('number').notNull(),
    firstName: text('first_name').notNull(),
    topic: text('topic').$type<VisitTopic>().notNull(),
    /** Set when a logged-in citizen checks in. */
    citizenId: uuid('citizen_id').references(() => citizens.id, { onDelete: 'set null' }),
    /** SHA-256 of the token in the holder's cookie, for their live ticket page. */
    tokenHash: text('token_hash'),
    channel: text('channel').$type<CheckInChannel>().notNull(),
    status: text('status').$type<TicketStatus>().notNull(),
    createdAt: createdAt(),
    calledAt: tstz('called_at'),
    calledBy: uuid('called_by').references(() => users.id),
    finishedAt: tstz('finished_at'),
  },
  (t) => [
    uniqueIndex('queue_tickets_number_uq').on(t.siteId, t.day, t.number),
    index('queue_tickets_waiting_idx')
      .on(t.siteId, t.day, t.number)
      .where(sql`${t.status} = 'waiting'`),
    index('queue_tickets_called_idx').on(t.siteId, t.day, t.calledAt),
    uniqueIndex('queue_tickets_token_uq')
      .on(t.tokenHash)
      .where(sql`${t.tokenHash} is not null`),
  ],
);

/** What an eMentor logged about one help session. No field for passwords or credentials. */
export const workshopVisits = pgTable(
  'workshop_visits',
  {
    id: id(),
    municipalityId: municipalityId().references(() => municipalities.id),
    siteId: uuid('site_id')
      .notNull()
      .references(() => sites.id),
    ticketId: uuid('ticket_id').references(() => queueTickets.id),
    citizenId: uuid('citizen_id').references(() => citizens.id, { onDelete: 'set null' }),
    ementorId: uuid('ementor_id')
      .notNull()
      .references(() => users.id),
    topics: text('topics').array().$type<VisitTopic[]>().notNull(),
    competences: text('competences').array().notNull(),
    device: text('device').notNull(),
    resolved: boolean('resolved').notNull(),
    minutes: integer('minutes').notNull(),
    /** The help meant acting on the citizen's behalf and the eMentor confirmed a Digital Fuldmagt. */
    onBehalfWithPowerOfAttorney: boolean('on_behalf_with_power_of_attorney').notNull(),
    /** The eMentor suggests a course in the competences logged (for the caseworker's plan). */
    courseSuggested: boolean('course_suggested').notNull().default(false),
    waitedMinutes: integer('waited_minutes'),
    createdAt: createdAt(),
  },
  (t) => [index('workshop_visits_site_idx').on(t.siteId, t.createdAt)],
);

/** An eMentor on duty in a workshop: sets how many appointments a time slot can take. */
export const workshopShifts = pgTable(
  'workshop_shifts',
  {
    id: id(),
    municipalityId: municipalityId().references(() => municipalities.id),
    siteId: uuid('site_id')
      .notNull()
      .references(() => sites.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    day: date('day', { mode: 'string' }).notNull(),
    start: text('start').notNull(),
    end: text('end').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('workshop_shifts_day_idx').on(t.siteId, t.day)],
);

/** A booked time in a workshop. Seats 1…n of a slot are unique while booked. */
export const workshopAppointments = pgTable(
  'workshop_appointments',
  {
    id: id(),
    municipalityId: municipalityId().references(() => municipalities.id),
    siteId: uuid('site_id')
      .notNull()
      .references(() => sites.id),
    day: date('day', { mode: 'string' }).notNull(),
    start: text('start').notNull(),
    end: text('end').notNull(),
    seat: integer('seat').notNull(),
    firstName: text('first_name').notNull(),
    topic: text('topic').$type<VisitTopic>().notNull(),
    citizenId: uuid('citizen_id').references(() => citizens.id, { onDelete: 'set null' }),
    /** For the reminder only; removed once the appointment has passed. */
    email: text('email'),
    phone: text('phone'),
    /** SHA-256 of the token in the citizen's manage link. */
    tokenHash: text('token_hash').notNull(),
    status: text('status').$type<'booked' | 'cancelled' | 'attended'>().notNull(),
    /**
     * The calendar event's identity, kept when the time is moved (a new row takes the seat),
     * so calendars update the one event instead of adding a second; `sequence` counts the
     * changes (RFC 5545 SEQUENCE).
     */
    calendarUid: uuid('calendar_uid').notNull().defaultRandom(),
    sequence: integer('sequence').notNull().default(0),
    createdAt: createdAt(),
    cancelledAt: tstz('cancelled_at'),
  },
  (t) => [
    uniqueIndex('workshop_appointments_seat_uq')
      .on(t.siteId, t.day, t.start, t.seat)
      .where(sql`${t.status} = 'booked'`),
    uniqueIndex('workshop_appointments_token_uq').on(t.tokenHash),
  ],
);
