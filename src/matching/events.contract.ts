// Matchmaking events over HTTP: the consultant plans, invites, schedules, publishes and runs the
// day; the citizen registers and ranks companies; the company answers and records outcomes.
import { z } from 'zod';
import { endpoint } from '../platform/http/endpoint';
import { access } from '../platform/http/access';
import { singleLine } from '../platform/http/text';
import { IdParams } from '../organisation';
import { citizenRules } from '../people';
import {
  CANDIDATE_STATUSES,
  COMPANY_ANSWERS,
  CONSULTANT_RULES,
  EVENT_FORMATS,
  EVENT_STATUSES,
  MAX_WISHES,
  MEETING_OUTCOMES,
  MEETING_STATUSES,
} from './matching.constants';
import { eventRules, takingPartRules } from './matching.policy';

const Slot = z.number().int().min(0).max(47);
const SlotList = z.array(Slot).max(48).default([]);
const Clock = z
  .string()
  .trim()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'i18n:event_time_invalid');

export const EventInput = z
  .object({
    name: singleLine().min(3).max(200),
    format: z.enum(EVENT_FORMATS),
    on: z.iso.date(),
    startsAt: Clock,
    slotMinutes: z.number().int().min(5).max(120),
    slotCount: z.number().int().min(1).max(48),
    breakEvery: z.number().int().min(0).max(48).default(0),
    breakMinutes: z.number().int().min(0).max(120).default(0),
    venue: singleLine().max(300).default(''),
    maxMeetings: z.number().int().min(1).max(48),
    pilotId: z.uuid().nullable().optional(),
  })
  .refine((e) => e.format === 'virtual' || e.venue.length > 0, {
    message: 'i18n:event_venue_required',
    path: ['venue'],
  });
export type EventInput = z.infer<typeof EventInput>;

const Url = z.url({ protocol: /^https$/ }).max(500);

export const EventCompanyInput = z.object({
  companyId: z.uuid(),
  tables: z.number().int().min(1).max(20),
  /** Per table: its room or name (physical, hybrid) — fewer than tables are numbered. */
  rooms: z.array(singleLine().max(100)).max(20).default([]),
  /** Per table: the video-meeting link (virtual, hybrid), any provider's https URL. */
  videoLinks: z.array(Url).max(20).default([]),
  roles: z.array(singleLine().min(2).max(200)).max(20).default([]),
  unavailable: SlotList,
});
export type EventCompanyInput = z.infer<typeof EventCompanyInput>;

export const InviteInput = z
  .object({
    citizenIds: z.array(z.uuid()).max(2000).default([]),
    /** Everyone who passed this pilot (completed with its certification). */
    pilotId: z.uuid().nullable().optional(),
  })
  .refine((i) => i.citizenIds.length > 0 || i.pilotId, {
    message: 'i18n:event_invite_whom',
    path: ['citizenIds'],
  });
export type InviteInput = z.infer<typeof InviteInput>;

export const RuleInput = z.object({
  citizenId: z.uuid(),
  eventCompanyId: z.uuid(),
  rule: z.enum(CONSULTANT_RULES).nullable(),
  slot: Slot.nullable().optional(),
});
export type RuleInput = z.infer<typeof RuleInput>;

export const ScheduleRunInput = z.object({ fair: z.boolean().default(true) });
export const CheckInInput = z.object({ citizenId: z.uuid(), present: z.boolean() });
export type CheckInInput = z.infer<typeof CheckInInput>;
export const RescheduleInput = z.object({ fromSlot: Slot });

export const RegistrationInput = z.object({
  /** The companies (event company ids) the citizen wants to meet, most wanted first. */
  wishes: z.array(z.uuid()).min(1, 'i18n:event_wish_one').max(MAX_WISHES),
  unavailable: SlotList,
});
export type RegistrationInput = z.infer<typeof RegistrationInput>;

export const AnswerInput = z.object({
  candidateId: z.uuid(),
  answer: z.enum(COMPANY_ANSWERS).nullable(),
});
export type AnswerInput = z.infer<typeof AnswerInput>;
export const CompanySlotsInput = z.object({ unavailable: SlotList });

export const OutcomeInput = z
  .object({
    outcome: z.enum(MEETING_OUTCOMES),
    startsOn: z.iso.date().nullable().optional(),
    note: z.string().trim().max(2000).default(''),
  })
  .refine(
    (o) => !['trainee_place', 'job_offer', 'hire'].includes(o.outcome) || Boolean(o.startsOn),
    { message: 'i18n:event_start_required', path: ['startsOn'] },
  );
export type OutcomeInput = z.infer<typeof OutcomeInput>;

const SlotTime = z.object({ start: z.string(), end: z.string() });
const Run = z
  .object({
    at: z.string(),
    status: z.enum(['optimal', 'time_limit', 'infeasible']),
    objective: z.number(),
    bound: z.number(),
    fair: z.boolean(),
    reason: z.string().optional(),
  })
  .nullable();

export const EventSummaryView = z.object({
  id: z.uuid(),
  name: z.string(),
  format: z.enum(EVENT_FORMATS),
  on: z.string(),
  startsAt: z.string(),
  status: z.enum(EVENT_STATUSES),
  companies: z.number().int(),
  invited: z.number().int(),
  registered: z.number().int(),
  meetings: z.number().int(),
});
export type EventSummaryView = z.infer<typeof EventSummaryView>;

const UNMET = ['no_wishes', 'all_declined', 'unavailable', 'tables_full'] as const;

export const EventView = EventSummaryView.extend({
  slotMinutes: z.number().int(),
  slotCount: z.number().int(),
  breakEvery: z.number().int(),
  breakMinutes: z.number().int(),
  venue: z.string(),
  maxMeetings: z.number().int(),
  pilot: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  slots: z.array(SlotTime),
  lastRun: Run,
  publishedAt: z.string().nullable(),
  eventCompanies: z.array(
    z.object({
      id: z.uuid(),
      companyId: z.uuid(),
      name: z.string(),
      sme: z.boolean(),
      tables: z.number().int(),
      rooms: z.array(z.string()),
      videoLinks: z.array(z.string()),
      roles: z.array(z.string()),
      unavailable: z.array(z.number().int()),
    }),
  ),
  candidates: z.array(
    z.object({
      citizenId: z.uuid(),
      name: z.string(),
      handle: z.string(),
      status: z.enum(CANDIDATE_STATUSES),
      unavailable: z.array(z.number().int()),
      checkedIn: z.boolean(),
      noShow: z.boolean(),
      meetings: z.number().int(),
      firstWishMet: z.boolean(),
      unmet: z.enum(UNMET).nullable(),
    }),
  ),
  wishes: z.array(
    z.object({
      citizenId: z.uuid(),
      eventCompanyId: z.uuid(),
      rank: z.number().int().nullable(),
      companyAnswer: z.enum(COMPANY_ANSWERS).nullable(),
      rule: z.enum(CONSULTANT_RULES).nullable(),
      pinSlot: z.number().int().nullable(),
    }),
  ),
  schedule: z.array(
    z.object({
      id: z.uuid(),
      eventCompanyId: z.uuid(),
      citizenId: z.uuid(),
      slot: z.number().int(),
      table: z.number().int(),
      status: z.enum(MEETING_STATUSES),
      outcome: z.enum(MEETING_OUTCOMES).nullable(),
    }),
  ),
  result: z.object({
    candidatesMet: z.number().int(),
    firstWish: z.number().int(),
    none: z.number().int(),
  }),
});
export type EventView = z.infer<typeof EventView>;

const AgendaItem = z.object({
  meetingId: z.uuid(),
  slot: z.number().int(),
  start: z.string(),
  end: z.string(),
  table: z.number().int(),
  room: z.string(),
  videoLink: z.string().nullable(),
  status: z.enum(MEETING_STATUSES),
});

export const MyEventView = z.object({
  id: z.uuid(),
  name: z.string(),
  format: z.enum(EVENT_FORMATS),
  on: z.string(),
  venue: z.string(),
  eventStatus: z.enum(EVENT_STATUSES),
  status: z.enum(CANDIDATE_STATUSES),
  slots: z.array(SlotTime),
  unavailable: z.array(z.number().int()),
  companies: z.array(
    z.object({
      id: z.uuid(),
      name: z.string(),
      roles: z.array(z.string()),
      rank: z.number().int().nullable(),
    }),
  ),
  agenda: z.array(AgendaItem.extend({ company: z.string() })),
});
export type MyEventView = z.infer<typeof MyEventView>;

export const CompanyEventView = z.object({
  id: z.uuid(),
  name: z.string(),
  format: z.enum(EVENT_FORMATS),
  on: z.string(),
  venue: z.string(),
  eventStatus: z.enum(EVENT_STATUSES),
  slots: z.array(SlotTime),
  tables: z.number().int(),
  unavailable: z.array(z.number().int()),
  candidates: z.array(
    z.object({
      id: z.uuid(),
      handle: z.string(),
      /** Where the candidate ranked this company (null: not among their wishes). */
      rank: z.number().int().nullable(),
      answer: z.enum(COMPANY_ANSWERS).nullable(),
      profile: z.object({
        areas: z.array(z.object({ area: z.string(), level: z.number().int().nullable() })),
        education: z.string().nullable(),
        jobGoal: z.string().nullable(),
      }),
    }),
  ),
  agenda: z.array(
    AgendaItem.extend({
      handle: z.string(),
      outcome: z.enum(MEETING_OUTCOMES).nullable(),
      outcomeStartsOn: z.string().nullable(),
    }),
  ),
});
export type CompanyEventView = z.infer<typeof CompanyEventView>;

export const CitizenMeetingsView = z.array(
  z.object({
    event: z.string(),
    on: z.string(),
    company: z.string(),
    status: z.enum(MEETING_STATUSES),
    outcome: z.enum(MEETING_OUTCOMES).nullable(),
    outcomeStartsOn: z.string().nullable(),
    outcomeNote: z.string().nullable(),
  }),
);

const Counts = z.object({
  label: z.string(),
  candidates: z.number().int(),
  met: z.number().int(),
  meetings: z.number().int(),
  held: z.number().int(),
  followUps: z.number().int(),
  hires: z.number().int(),
});
export const StatsView = z.object({
  events: z.array(Counts.extend({ id: z.uuid(), on: z.string() })),
  bySize: z.array(Counts),
  byPilot: z.array(Counts),
});
export type StatsView = z.infer<typeof StatsView>;

/** What the participants of a pilot got out of its matchmaking events (counts only). */
export const PilotOutcomesView = z.object({
  events: z.array(z.object({ name: z.string(), on: z.string() })),
  candidates: z.number().int(),
  met: z.number().int(),
  meetings: z.number().int(),
  outcomes: z.array(z.object({ outcome: z.enum(MEETING_OUTCOMES), count: z.number().int() })),
  /** Start dates of the hires (the pilot's evaluation confirms them from the register data). */
  hires: z.array(z.string()),
});
export type PilotOutcomesView = z.infer<typeof PilotOutcomesView>;

const EventParams = z.object({ id: z.uuid(), eventId: z.uuid() });
const CONSULTANT = access.roles('company_consultant');
const PARTY = access.roles('company', 'company_consultant');

export const eventsApi = {
  listEvents: endpoint({
    method: 'GET',
    path: '/api/matchmaking/events',
    access: access.roles('company_consultant', 'admin'),
    tags: ['matchmaking'],
    response: { 200: z.array(EventSummaryView) },
  }),
  createEvent: endpoint({
    method: 'POST',
    path: '/api/matchmaking/events',
    access: CONSULTANT,
    tags: ['matchmaking'],
    body: EventInput,
    response: { 201: EventSummaryView },
  }),
  getEvent: endpoint({
    method: 'GET',
    path: '/api/matchmaking/events/:id',
    access: access.roles('company_consultant', 'admin'),
    governedBy: eventRules('read'),
    personalData: true,
    tags: ['matchmaking'],
    params: IdParams,
    response: { 200: EventView },
  }),
  addEventCompany: endpoint({
    method: 'POST',
    path: '/api/matchmaking/events/:id/companies',
    access: CONSULTANT,
    governedBy: eventRules('manage'),
    tags: ['matchmaking'],
    params: IdParams,
    body: EventCompanyInput,
    response: { 201: z.object({ id: z.uuid() }) },
  }),
  inviteCandidates: endpoint({
    method: 'POST',
    path: '/api/matchmaking/events/:id/invitations',
    access: CONSULTANT,
    governedBy: eventRules('manage'),
    personalData: true,
    tags: ['matchmaking'],
    params: IdParams,
    body: InviteInput,
    response: { 200: z.object({ invited: z.number().int(), already: z.number().int() }) },
  }),
  setRule: endpoint({
    method: 'POST',
    path: '/api/matchmaking/events/:id/rules',
    access: CONSULTANT,
    governedBy: eventRules('manage'),
    personalData: true,
    tags: ['matchmaking'],
    params: IdParams,
    body: RuleInput,
    response: { 200: z.object({ ok: z.literal(true) }) },
  }),
  runScheduler: endpoint({
    method: 'POST',
    path: '/api/matchmaking/events/:id/schedule',
    access: CONSULTANT,
    governedBy: eventRules('manage'),
    personalData: true,
    tags: ['matchmaking'],
    params: IdParams,
    body: ScheduleRunInput,
    response: { 200: EventView },
  }),
  publishEvent: endpoint({
    method: 'POST',
    path: '/api/matchmaking/events/:id/publish',
    access: CONSULTANT,
    governedBy: eventRules('manage'),
    personalData: true,
    tags: ['matchmaking'],
    params: IdParams,
    response: { 200: EventView },
  }),
  checkIn: endpoint({
    method: 'POST',
    path: '/api/matchmaking/events/:id/check-in',
    access: CONSULTANT,
    governedBy: eventRules('manage'),
    personalData: true,
    tags: ['matchmaking'],
    params: IdParams,
    body: CheckInInput,
    response: { 200: EventView },
  }),
  reschedule: endpoint({
    method: 'POST',
    path: '/api/matchmaking/events/:id/reschedule',
    access: CONSULTANT,
    governedBy: eventRules('manage'),
    personalData: true,
    tags: ['matchmaking'],
    params: IdParams,
    body: RescheduleInput,
    response: { 200: EventView },
  }),
  myEvents: endpoint({
    method: 'GET',
    path: '/api/me/matchmaking',
    access: access.roles('citizen'),
    personalData: true,
    tags: ['me'],
    response: { 200: z.array(MyEventView) },
  }),
  register: endpoint({
    method: 'PUT',
    path: '/api/me/matchmaking/:id',
    access: access.roles('citizen'),
    personalData: true,
    tags: ['me'],
    params: IdParams,
    body: RegistrationInput,
    response: { 200: MyEventView },
  }),
  declineEvent: endpoint({
    method: 'POST',
    path: '/api/me/matchmaking/:id/decline',
    access: access.roles('citizen'),
    personalData: true,
    tags: ['me'],
    params: IdParams,
    response: { 200: MyEventView },
  }),
  myAgendaIcs: endpoint({
    method: 'GET',
    path: '/api/me/matchmaking/:id/agenda.ics',
    access: access.roles('citizen'),
    personalData: true,
    tags: ['me'],
    params: IdParams,
    produces: 'text/calendar',
  }),
  companyEvents: endpoint({
    method: 'GET',
    path: '/api/companies/:id/matchmaking',
    access: PARTY,
    governedBy: takingPartRules('answer'),
    personalData: true,
    tags: ['matchmaking'],
    params: IdParams,
    response: { 200: z.array(CompanyEventView) },
  }),
  answerCandidate: endpoint({
    method: 'POST',
    path: '/api/companies/:id/matchmaking/:eventId/answers',
    access: PARTY,
    governedBy: takingPartRules('answer'),
    personalData: true,
    tags: ['matchmaking'],
    params: EventParams,
    body: AnswerInput,
    response: { 200: z.object({ ok: z.literal(true) }) },
  }),
  companySlots: endpoint({
    method: 'PUT',
    path: '/api/companies/:id/matchmaking/:eventId/slots',
    access: PARTY,
    governedBy: takingPartRules('answer'),
    tags: ['matchmaking'],
    params: EventParams,
    body: CompanySlotsInput,
    response: { 200: z.object({ ok: z.literal(true) }) },
  }),
  companyAgendaIcs: endpoint({
    method: 'GET',
    path: '/api/companies/:id/matchmaking/:eventId/agenda.ics',
    access: PARTY,
    governedBy: takingPartRules('answer'),
    tags: ['matchmaking'],
    params: EventParams,
    produces: 'text/calendar',
  }),
  recordOutcome: endpoint({
    method: 'POST',
    path: '/api/matchmaking/meetings/:id/outcome',
    access: PARTY,
    governedBy: takingPartRules('recordOutcome'),
    personalData: true,
    tags: ['matchmaking'],
    params: IdParams,
    body: OutcomeInput,
    response: { 200: z.object({ ok: z.literal(true) }) },
  }),
  citizenMeetings: endpoint({
    method: 'GET',
    path: '/api/citizens/:id/matchmaking',
    access: access.roles('caseworker'),
    governedBy: citizenRules('read'),
    personalData: true,
    tags: ['matchmaking'],
    params: IdParams,
    response: { 200: CitizenMeetingsView },
  }),
  pilotChoices: endpoint({
    method: 'GET',
    path: '/api/matchmaking/pilots',
    access: CONSULTANT,
    tags: ['matchmaking'],
    response: {
      200: z.array(z.object({ id: z.uuid(), name: z.string(), passed: z.number().int() })),
    },
  }),
  pilotOutcomes: endpoint({
    method: 'GET',
    path: '/api/matchmaking/pilots/:id/outcomes',
    access: access.roles('pilot_manager', 'analyst', 'company_consultant'),
    tags: ['matchmaking'],
    params: IdParams,
    response: { 200: PilotOutcomesView },
  }),
  stats: endpoint({
    method: 'GET',
    path: '/api/matchmaking/stats',
    access: access.roles('company_consultant', 'analyst', 'pilot_manager', 'admin'),
    tags: ['matchmaking'],
    response: { 200: StatsView },
  }),
};
