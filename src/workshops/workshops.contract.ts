import { z } from 'zod';
import { CHECK_IN_CHANNELS, DEVICES, TICKET_STATUSES, VISIT_TOPICS } from './workshops.constants';

const FirstName = z.string().trim().min(1).max(40);
const Topic = z.enum(VISIT_TOPICS);
const Time = z.string().regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/);

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
  channel: z.enum(['qr', 'kiosk']).default('qr'),
});
export const WalkInInput = z.object({ firstName: FirstName, topic: Topic });

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

/**
 * One help session. Strict: there is no field for passwords, codes or other credentials, and
 * anything not listed here is refused.
 */
export const VisitInput = z.strictObject({
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
});

const Weekday = z.enum(['1', '2', '3', '4', '5', '6', '7']);
export const WorkshopSettingsView = z.object({
  capacity: z.number().int(),
  serviceMinutes: z.number().int(),
  openOnHolidays: z.boolean(),
  openingHours: z.partialRecord(Weekday, z.tuple([Time, Time])),
});
export const WorkshopSettingsInput = z.object({
  capacity: z.number().int().min(1).max(500),
  serviceMinutes: z.number().int().min(1).max(240),
  openOnHolidays: z.boolean().default(false),
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
