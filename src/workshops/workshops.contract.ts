import { z } from 'zod';
import { CHECK_IN_CHANNELS, DEVICES, TICKET_STATUSES, VISIT_TOPICS } from './workshops.constants';
import { singleLine } from '../platform/http/text';
import { said } from '../platform/http/text';
import { endpoint } from '../platform/http/endpoint';
import { access } from '../platform/http/access';
import { IdParams } from '../organisation';
import { CsvFormat } from '../platform/csv';

const FirstName = singleLine(said('first_name'))
  .min(1, said('first_name'))
  .max(40, said('first_name'));
const Topic = z.enum(VISIT_TOPICS, said('help_topic'));
const Time = z
  .string(said('pick_time'))
  .regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, said('pick_time'));
const Day = z.iso.date(said('pick_day'));

export const ClosedReasonView = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('holiday'), name: z.string() }),
  z.object({ kind: z.literal('closure'), reason: z.string() }),
  z.object({ kind: z.literal('no_hours') }),
  z.object({ kind: z.literal('outside_hours'), hours: z.tuple([z.string(), z.string()]) }),
]);

export const WorkshopPublicView = z.object({
  id: z.uuid(),
  name: z.string(),
  address: z.string(),
  postalCode: z.string(),
  city: z.string(),
  closed: ClosedReasonView.nullable(),
});
export type WorkshopPublicView = z.infer<typeof WorkshopPublicView>;

export const CheckInInput = z.object({
  firstName: FirstName,
  topic: Topic,
  /** A kiosk tablet in the room hands out the number and forgets it; a phone follows it. */
  channel: z.enum(['qr', 'kiosk'], said('reload_page')).default('qr'),
});
export const WalkInInput = z.object({ firstName: FirstName, topic: Topic });
export type CheckInInput = z.infer<typeof CheckInInput>;
export type WalkInInput = z.infer<typeof WalkInInput>;

export const TicketView = z.object({
  id: z.uuid(),
  siteId: z.uuid(),
  siteName: z.string(),
  number: z.number().int(),
  status: z.enum(TICKET_STATUSES),
  firstName: z.string(),
  topic: Topic,
  createdAt: z.iso.datetime({ offset: true }),
});
export type TicketView = z.infer<typeof TicketView>;

export const QueueSnapshotView = z.object({
  siteId: z.uuid(),
  waiting: z.array(z.number().int()),
  called: z.array(z.object({ number: z.number().int(), at: z.string() })),
  inService: z.number().int(),
  capacity: z.number().int(),
  serviceMinutes: z.number(),
  helpers: z.number().int(),
});

export const QueueEntryView = z.object({
  id: z.uuid(),
  number: z.number().int(),
  firstName: z.string(),
  topic: Topic,
  status: z.enum(TICKET_STATUSES),
  channel: z.enum(CHECK_IN_CHANNELS),
  createdAt: z.iso.datetime({ offset: true }),
  calledAt: z.iso.datetime({ offset: true }).nullable(),
  helper: z.string().nullable(),
  helperId: z.uuid().nullable(),
  linkedToCitizen: z.boolean(),
});
export type QueueEntryView = z.infer<typeof QueueEntryView>;

export const HandOverInput = z.object({ userId: z.uuid() });
export type HandOverInput = z.infer<typeof HandOverInput>;

/**
 * One help session. Strict: there is no field for passwords, codes or other credentials, and
 * anything not listed here is refused.
 */
export const VisitInput = z
  .strictObject({
    topics: z.array(Topic).min(1).max(VISIT_TOPICS.length),
    competences: z
      .array(z.string().regex(/^[1-5]\.[1-6]$/))
      .max(10)
      .default([]),
    device: z.enum(DEVICES),
    resolved: z.boolean(),
    minutes: z.number().int().min(1).max(480),
    /** The eMentor acted on the citizen's behalf (e.g. sent something for them). */
    onBehalf: z.boolean().default(false),
    /** …and saw a valid Digital Fuldmagt (power of attorney) for it. */
    powerOfAttorneyConfirmed: z.boolean().default(false),
    /** Suggest a course in the competences logged; the citizen's caseworker sees it. */
    courseSuggested: z.boolean().default(false),
  })
  .refine((v) => !v.courseSuggested || v.competences.length > 0, {
    message: 'a course suggestion names the DigComp competences to learn',
    path: ['competences'],
  });
export type VisitInput = z.infer<typeof VisitInput>;

const Weekday = z.enum(['1', '2', '3', '4', '5', '6', '7']);
export const WorkshopSettingsView = z.object({
  capacity: z.number().int(),
  serviceMinutes: z.number().int(),
  openOnHolidays: z.boolean(),
  slotMinutes: z.number().int(),
  openingHours: z.partialRecord(Weekday, z.tuple([Time, Time])),
});
export const WorkshopSettingsInput = z.object({
  capacity: z.number().int().min(1).max(500),
  serviceMinutes: z.number().int().min(1).max(240),
  openOnHolidays: z.boolean().default(false),
  slotMinutes: z.number().int().min(10).max(240).default(30),
  openingHours: z
    .partialRecord(Weekday, z.tuple([Time, Time]))
    .refine((h) => Object.values(h).every((v) => v[0] < v[1]), {
      message: 'opens before it closes',
    }),
});

export const ClosureInput = z.object({
  day: z.iso.date(),
  reason: z.string().trim().min(1).max(200),
});
export const ClosureView = z.object({ id: z.uuid(), day: z.string(), reason: z.string() });
export type ClosureInput = z.infer<typeof ClosureInput>;

export const SlotsQuery = z.object({
  from: z.iso.date().optional(),
  days: z.coerce.number().int().min(1).max(28).default(14),
});
export const DayPlanView = z.object({
  day: z.string(),
  closed: ClosedReasonView.nullable(),
  slots: z.array(
    z.object({ start: z.string(), end: z.string(), capacity: z.number(), booked: z.number() }),
  ),
});
export type SlotsQuery = z.infer<typeof SlotsQuery>;

const Contact = {
  email: z.email(said('contact_email')).max(200, said('contact_email')).optional(),
  phone: z
    .string(said('contact_phone'))
    .trim()
    .regex(/^\+?[0-9 ]{8,15}$/, said('contact_phone'))
    .optional(),
};
export const BookInput = z.object({
  day: Day,
  start: Time,
  firstName: FirstName,
  topic: Topic,
  ...Contact,
});
export const TokenInput = z.object({
  token: z
    .string(said('appointment_link'))
    .min(20, said('appointment_link'))
    .max(100, said('appointment_link')),
});
export const MoveInput = TokenInput.extend({ day: Day, start: Time });
export type BookInput = z.infer<typeof BookInput>;
export type MoveInput = z.infer<typeof MoveInput>;
export type TokenInput = z.infer<typeof TokenInput>;

export const AppointmentView = z.object({
  id: z.uuid(),
  siteId: z.uuid(),
  siteName: z.string(),
  address: z.string(),
  day: z.string(),
  start: z.string(),
  end: z.string(),
  firstName: z.string(),
  topic: Topic,
  status: z.enum(['booked', 'cancelled', 'attended']),
  reminders: z.array(z.enum(['email', 'sms'])),
});
export type AppointmentView = z.infer<typeof AppointmentView>;
export const BookedView = z.object({
  appointment: AppointmentView,
  /** The manage link's secret: shown once, kept only as a hash. */
  token: z.string().optional(),
  ics: z.string(),
});
export type BookedView = z.infer<typeof BookedView>;

export const ShiftInput = z
  .object({ userId: z.uuid(), day: z.iso.date(), start: Time, end: Time })
  .refine((s) => s.start < s.end, { message: 'start before end', path: ['end'] });
export const ShiftView = z.object({
  id: z.uuid(),
  userId: z.uuid(),
  name: z.string(),
  day: z.string(),
  start: z.string(),
  end: z.string(),
});
export const StaffAppointmentView = z.object({
  id: z.uuid(),
  start: z.string(),
  end: z.string(),
  firstName: z.string(),
  topic: Topic,
});
export type ShiftInput = z.infer<typeof ShiftInput>;

export const WeekStatsView = z.object({
  week: z.string(),
  visits: z.number().int(),
  waitMedian: z.number().nullable(),
  waitP90: z.number().nullable(),
  resolvedShare: z.number().nullable(),
  returning: z.number().int(),
  topics: z.record(Topic, z.number().int()),
});
export type WeekStatsView = z.infer<typeof WeekStatsView>;

export const CitizenVisitView = z.object({
  id: z.uuid(),
  at: z.iso.datetime({ offset: true }),
  siteName: z.string(),
  topics: z.array(Topic),
  competences: z.array(z.string()),
  resolved: z.boolean(),
  minutes: z.number().int(),
  courseSuggested: z.boolean(),
});
export type CitizenVisitView = z.infer<typeof CitizenVisitView>;

export const StatsQuery = z.object({
  weeks: z.coerce.number().int().min(1).max(104).default(12),
});

export const workshopsApi = {
  listWorkshops: endpoint({
    method: 'GET',
    path: '/api/workshops',
    access: access.roles('ementor', 'admin', 'caseworker', 'analyst'),
    tags: ['workshops'],
    response: {
      200: z.array(z.object({ id: z.uuid(), name: z.string(), address: z.string() })),
    },
  }),
  doorPoster: endpoint({
    method: 'GET',
    path: '/api/workshops/:id/door-poster',
    access: access.roles('ementor', 'admin'),
    tags: ['workshops'],
    params: IdParams,
    response: { 200: z.object({ name: z.string(), url: z.string(), qrSvg: z.string() }) },
  }),
  workshopStats: endpoint({
    method: 'GET',
    path: '/api/workshops/:id/stats',
    access: access.roles('ementor', 'admin', 'analyst'),
    tags: ['workshops'],
    params: IdParams,
    query: StatsQuery,
    response: { 200: z.array(WeekStatsView) },
  }),
  workshopStatsCsv: endpoint({
    method: 'GET',
    path: '/api/workshops/:id/stats.csv',
    access: access.roles('ementor', 'admin', 'analyst'),
    produces: 'text/csv',
    tags: ['workshops'],
    params: IdParams,
    query: StatsQuery.extend({ format: CsvFormat }),
  }),
  workshopSettings: endpoint({
    method: 'GET',
    path: '/api/workshops/:id/settings',
    access: access.roles('admin'),
    tags: ['workshops'],
    params: IdParams,
    response: { 200: WorkshopSettingsView },
  }),
  updateWorkshopSettings: endpoint({
    method: 'PUT',
    path: '/api/workshops/:id/settings',
    access: access.roles('admin'),
    tags: ['workshops'],
    params: IdParams,
    body: WorkshopSettingsInput,
    response: { 200: WorkshopSettingsView },
  }),
  listClosures: endpoint({
    method: 'GET',
    path: '/api/workshops/:id/closures',
    access: access.roles('admin', 'ementor'),
    tags: ['workshops'],
    params: IdParams,
    response: { 200: z.array(ClosureView) },
  }),
  addClosure: endpoint({
    method: 'POST',
    path: '/api/workshops/:id/closures',
    access: access.roles('admin'),
    tags: ['workshops'],
    params: IdParams,
    body: ClosureInput,
    response: { 201: ClosureView },
  }),
  removeClosure: endpoint({
    method: 'DELETE',
    path: '/api/workshops/:id/closures/:closureId',
    access: access.roles('admin'),
    tags: ['workshops'],
    params: z.object({ id: z.uuid(), closureId: z.uuid() }),
    response: { 204: z.null() },
  }),
};
