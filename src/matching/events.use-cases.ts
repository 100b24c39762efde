// Matchmaking events: the consultant plans, invites, schedules (the HiGHS scheduler), publishes
// and runs the day; the citizen registers and ranks companies; the company answers, sees its
// agenda and records what came of each meeting. Every read or change of a candidate is audited.
import { writeAudit, type AuditEntry } from '../platform/audit';
import { clock, copenhagenDay } from '../platform/clock';
import type { DbOrTx } from '../platform/db/client';
import { conflict, invalid, notFound } from '../platform/errors';
import { enqueue } from '../platform/messaging/outbox';
import { authorize } from '../platform/policy';
import type { UseCase } from '../platform/use-case';
import { citizensByIds, loadAuthorized, loadSelf, type CitizenRow } from '../people';
import { completedTestsByCitizen } from '../assessment';
import { passedParticipants, pilotsWithPassed, reportHire, withdrawHire } from '../pilots';
import { calendarIcs } from '../workshops';
import { companiesByIds, findCompany, membersOf } from '../companies';
import { findUserById, userLocales } from '../organisation';
import { citizenLang } from '../platform/i18n/citizen-texts';
import type {
  AnswerInput,
  CheckInInput,
  CompanyEventView,
  EventCompanyInput,
  EventInput,
  EventSummaryView,
  EventView,
  InviteInput,
  MyEventView,
  OutcomeInput,
  PilotOutcomesView,
  RegistrationInput,
  RuleInput,
  StatsView,
} from './events.contract';
import {
  candidateHandle,
  scheduleInputOf,
  slotsFitDay,
  slotTimes,
  unmetReasons,
  type EventParties,
} from './events.model';
import {
  candidaciesOf,
  candidatesAt,
  clearRanks,
  companiesAt,
  eventsOfCompany,
  findCandidacy,
  findEvent,
  findMeeting,
  insertEvent,
  insertEventCompany,
  insertMeetings,
  inviteAll,
  listEvents,
  meetingsAt,
  meetingsOfCitizen,
  replacePlanned,
  setCompanySlots,
  statisticsRows,
  updateCandidacy,
  updateEvent,
  updateMeetings,
  upsertWish,
  wishesAt,
  type EventRow,
} from './events.store';
import { eventPolicy, takingPartPolicy } from './matching.policy';
import { agendaMessage, companyAgendaMessage, invitationMessage } from './event-messages';
import { MEETING_OUTCOMES, MY_EVENTS_PATH } from './matching.constants';
import { schedule } from './scheduler/schedule.model';

/** Makes the absolute links messages carry (from configuration, never from a request). */
export type LinkTo = (path: string) => string;

const PURPOSE = 'matchmaking' as const;
const SCHEDULER_SECONDS = 60;
const danishDay = (iso: string) => {
  const [y, m, d] = iso.split('-');
  return `${Number(d)}.${Number(m)}.${y}`;
};

function audit(uc: UseCase, entries: AuditEntry | AuditEntry[]) {
  return writeAudit(uc.tx, uc.audit, entries);
}

async function loadEvent(uc: UseCase, id: string, action: 'read' | 'manage', lock = false) {
  const e = await findEvent(uc.tx, uc.actor.municipalityId, id, lock);
  if (!e) throw notFound();
  authorize(eventPolicy, uc.actor, action, e, 'not_found');
  return e;
}

function summaryOf(
  e: EventRow,
  counts: { companies: number; invited: number; registered: number; meetings: number },
): EventSummaryView {
  return {
    id: e.id,
    name: e.name,
    format: e.format,
    on: e.on,
    startsAt: e.startsAt,
    status: e.status,
    ...counts,
  };
}

export async function listMatchmakingEvents(uc: UseCase): Promise<EventSummaryView[]> {
  const rows = await listEvents(uc.tx, uc.actor.municipalityId);
  return rows.map((r) => summaryOf(r.event, r));
}

export async function createEvent(uc: UseCase, input: EventInput): Promise<EventSummaryView> {
  if (!slotsFitDay(input)) throw invalid('event_too_long');
  if (input.pilotId && !(await passedParticipants(uc.tx, uc.actor.municipalityId, input.pilotId)))
    throw invalid('event_pilot_unknown');
  const e = await insertEvent(uc.tx, {
    municipalityId: uc.actor.municipalityId,
    ...input,
    pilotId: input.pilotId ?? null,
    createdBy: uc.actor.userId,
  });
  await audit(uc, {
    action: 'matching.event.create',
    entity: 'matchmaking_event',
    entityId: e.id,
    purpose: PURPOSE,
  });
  return summaryOf(e, { companies: 0, invited: 0, registered: 0, meetings: 0 });
}

/** Everything about an event the scheduler and the pages need, read once. */
async function partiesOf(db: DbOrTx, e: EventRow) {
  const [places, candidates, wishes, meetings] = [
    await companiesAt(db, e.id),
    await candidatesAt(db, e.id),
    await wishesAt(db, e.id),
    await meetingsAt(db, e.id),
  ];
  return { places, candidates, wishes, meetings };
}

type Parties = Awaited<ReturnType<typeof partiesOf>>;

function engineParties(e: EventRow, p: Parties, onTheDay = false): EventParties {
  const present = p.candidates.filter(
    (c) => c.status === 'registered' && !(onTheDay && (c.noShow || !c.checkedInAt)),
  );
  return {
    slotCount: e.slotCount,
    maxMeetings: e.maxMeetings,
    companies: p.places.map((c) => ({ id: c.id, tables: c.tables, unavailable: c.unavailable })),
    candidates: present.map((c) => ({ citizenId: c.citizenId, unavailable: c.unavailable })),
    wishes: p.wishes.map((w) => ({
      citizenId: w.citizenId,
      eventCompanyId: w.eventCompanyId,
      rank: w.rank,
      companyAnswer: w.companyAnswer,
      rule: w.rule,
      pinSlot: w.pinSlot,
    })),
  };
}

async function eventView(uc: UseCase, e: EventRow, p?: Parties): Promise<EventView> {
  const parties = p ?? (await partiesOf(uc.tx, e));
  const { places, candidates, wishes, meetings } = parties;
  const companies = await companiesById(
    uc.tx,
    e.municipalityId,
    places.map((c) => c.companyId),
  );
  const people = await citizensByIds(
    uc.tx,
    e.municipalityId,
    candidates.map((c) => c.citizenId),
  );
  const live = meetings.filter((m) => m.status !== 'cancelled');
  const reasons = unmetReasons(engineParties(e, parties), {
    meetings: live.map((m) => ({
      company: m.eventCompanyId,
      candidate: m.citizenId,
      slot: m.slot,
      table: m.tableNo,
    })),
  });
  const firstWish = (citizenId: string) => {
    const first = wishes.find((w) => w.citizenId === citizenId && w.rank === 1);
    return Boolean(
      first &&
      live.some((m) => m.citizenId === citizenId && m.eventCompanyId === first.eventCompanyId),
    );
  };
  const registered = candidates.filter((c) => c.status === 'registered');
  const scheduled = meetings.length > 0 || e.lastRun !== null;
  const pilot =
    e.pilotId === null ? null : await passedParticipants(uc.tx, e.municipalityId, e.pilotId);
  return {
    ...summaryOf(e, {
      companies: places.length,
      invited: candidates.length,
      registered: registered.length,
      meetings: live.length,
    }),
    slotMinutes: e.slotMinutes,
    slotCount: e.slotCount,
    breakEvery: e.breakEvery,
    breakMinutes: e.breakMinutes,
    venue: e.venue,
    maxMeetings: e.maxMeetings,
    pilot: e.pilotId && pilot ? { id: e.pilotId, name: pilot.name } : null,
    slots: slotTimes(e),
    lastRun: e.lastRun,
    publishedAt: e.publishedAt?.toISOString() ?? null,
    eventCompanies: places.map((c) => {
      const company = companies.get(c.companyId);
      return {
        id: c.id,
        companyId: c.companyId,
        name: company?.name ?? '',
        sme: company ? company.sizeBand !== '250+' : false,
        tables: c.tables,
        rooms: c.rooms,
        videoLinks: c.videoLinks,
        roles: c.roles,
        unavailable: c.unavailable,
      };
    }),
    candidates: candidates.map((c) => {
      const person = people.get(c.citizenId);
      return {
        citizenId: c.citizenId,
        name: person ? `${person.firstName} ${person.lastName}` : '',
        handle: candidateHandle(e.id, c.citizenId),
        status: c.status,
        unavailable: c.unavailable,
        checkedIn: c.checkedInAt !== null,
        noShow: c.noShow,
        meetings: live.filter((m) => m.citizenId === c.citizenId).length,
        firstWishMet: firstWish(c.citizenId),
        unmet: c.status === 'registered' && scheduled ? (reasons.get(c.citizenId) ?? null) : null,
      };
    }),
    wishes: wishes.map((w) => ({
      citizenId: w.citizenId,
      eventCompanyId: w.eventCompanyId,
      rank: w.rank,
      companyAnswer: w.companyAnswer,
      rule: w.rule,
      pinSlot: w.pinSlot,
    })),
    schedule: meetings.map((m) => ({
      id: m.id,
      eventCompanyId: m.eventCompanyId,
      citizenId: m.citizenId,
      slot: m.slot,
      table: m.tableNo,
      status: m.status,
      outcome: m.outcome,
    })),
    result: {
      candidatesMet: new Set(live.map((m) => m.citizenId)).size,
      firstWish: registered.filter((c) => firstWish(c.citizenId)).length,
      none: registered.filter((c) => !live.some((m) => m.citizenId === c.citizenId)).length,
    },
  };
}

/** The consultant's whole view of an event, names of the candidates included (audited). */
export async function readEvent(uc: UseCase, id: string): Promise<EventView> {
  const e = await loadEvent(uc, id, 'read');
  await audit(uc, {
    action: 'matching.event.read',
    entity: 'matchmaking_event',
    entityId: e.id,
    purpose: PURPOSE,
  });
  return eventView(uc, e);
}

export async function addEventCompany(uc: UseCase, eventId: string, input: EventCompanyInput) {
  const e = await loadEvent(uc, eventId, 'manage', true);
  if (e.status !== 'planning') throw conflict('event_published');
  const company = await findCompany(uc.tx, uc.actor.municipalityId, input.companyId);
  if (!company) throw invalid('event_company_unknown');
  if (e.format === 'virtual' && input.videoLinks.length < input.tables)
    throw invalid('event_links_for_virtual');
  checkSlots(e, input.unavailable);
  const row = await insertEventCompany(uc.tx, {
    municipalityId: e.municipalityId,
    eventId: e.id,
    companyId: company.id,
    tables: input.tables,
    rooms: input.rooms.slice(0, input.tables),
    videoLinks: input.videoLinks.slice(0, input.tables),
    roles: input.roles,
    unavailable: [...new Set(input.unavailable)].sort((a, b) => a - b),
  });
  if (!row) throw conflict('event_company_twice');
  await audit(uc, {
    action: 'matching.event.company.add',
    entity: 'matchmaking_event',
    entityId: e.id,
    purpose: PURPOSE,
    details: { company: company.name, tables: input.tables },
  });
  return { id: row.id };
}

function checkSlots(e: EventRow, slots: readonly number[]) {
  for (const slot of slots)
    if (slot >= e.slotCount)
      throw invalid('event_slot_out_of_range', 'event_slot_out_of_range', {
        slot,
        count: e.slotCount,
      });
}

/** The companies of the ids given (another municipality's are left out), by id. */
async function companiesById(db: DbOrTx, municipalityId: string, ids: readonly string[]) {
  return new Map((await companiesByIds(db, municipalityId, ids)).map((c) => [c.id, c]));
}

/** Reaches a citizen by e-mail, else by SMS; no address, no message. */
export function channelOf(c: CitizenRow) {
  if (c.email) return { channel: 'email' as const, recipient: c.email };
  if (c.phone) return { channel: 'sms' as const, recipient: c.phone };
  return null;
}

/** The language each citizen chose for their login (Danish without one), in one query. */
export async function languagesOf(db: DbOrTx, people: Iterable<CitizenRow>) {
  const list = [...people];
  const locales = await userLocales(
    db,
    list.flatMap((c) => (c.userId ? [c.userId] : [])),
  );
  return new Map(list.map((c) => [c.id, citizenLang(c.userId ? locales.get(c.userId) : null)]));
}

export async function inviteCandidates(
  uc: UseCase,
  eventId: string,
  input: InviteInput,
  link: LinkTo,
) {
  const e = await loadEvent(uc, eventId, 'manage', true);
  if (e.status !== 'planning') throw conflict('event_published');
  const ids = new Set(input.citizenIds);
  if (input.pilotId) {
    const pilot = await passedParticipants(uc.tx, e.municipalityId, input.pilotId);
    if (!pilot) throw invalid('event_pilot_unknown');
    for (const id of pilot.citizenIds) ids.add(id);
  }
  const people = await citizensByIds(uc.tx, e.municipalityId, [...ids]);
  // Ids of another municipality's citizens, or of nobody, are refused as a whole.
  if (people.size !== ids.size) throw invalid('event_candidate_unknown');
  const added = await inviteAll(
    uc.tx,
    [...ids].map((citizenId) => ({
      municipalityId: e.municipalityId,
      eventId: e.id,
      citizenId,
      unavailable: [],
      invitedBy: uc.actor.userId,
    })),
  );
  const langs = await languagesOf(uc.tx, people.values());
  for (const row of added) {
    const reach = channelOf(people.get(row.citizenId)!);
    if (!reach) continue;
    await enqueue(uc.tx, e.municipalityId, {
      ...reach,
      kind: 'matchmaking_invitation',
      ...invitationMessage(
        { event: e.name, day: e.on, link: link(MY_EVENTS_PATH) },
        langs.get(row.citizenId)!,
      ),
      sendAfter: clock.now(),
      ref: `matchmaking:${e.id}:${row.citizenId}`,
    });
  }
  await audit(
    uc,
    added.map((row) => ({
      action: 'matching.candidate.invite',
      entity: 'matchmaking_event',
      entityId: e.id,
      citizenId: row.citizenId,
      purpose: PURPOSE,
    })),
  );
  return { invited: added.length, already: ids.size - added.length };
}

export async function setRule(uc: UseCase, eventId: string, input: RuleInput) {
  const e = await loadEvent(uc, eventId, 'manage', true);
  if (e.status !== 'planning') throw conflict('event_published');
  const parties = await partiesOf(uc.tx, e);
  if (!parties.candidates.some((c) => c.citizenId === input.citizenId))
    throw invalid('event_candidate_unknown');
  if (!parties.places.some((p) => p.id === input.eventCompanyId))
    throw invalid('event_wish_unknown');
  if (input.slot != null) checkSlots(e, [input.slot]);
  await upsertWish(
    uc.tx,
    {
      municipalityId: e.municipalityId,
      eventId: e.id,
      citizenId: input.citizenId,
      eventCompanyId: input.eventCompanyId,
    },
    { rule: input.rule, pinSlot: input.rule === 'pin' ? (input.slot ?? null) : null },
  );
  await audit(uc, {
    action: 'matching.meeting.rule',
    entity: 'matchmaking_event',
    entityId: e.id,
    citizenId: input.citizenId,
    purpose: PURPOSE,
    details: { rule: input.rule ?? 'none' },
  });
  return { ok: true as const };
}

/** Runs the scheduler over the registered candidates and replaces the planned meetings. */
export async function runScheduler(uc: UseCase, eventId: string, fair: boolean) {
  const e = await loadEvent(uc, eventId, 'manage', true);
  if (e.status !== 'planning') throw conflict('event_published');
  const parties = await partiesOf(uc.tx, e);
  const input = scheduleInputOf(engineParties(e, parties));
  const result = await schedule(input, { fair, timeLimit: SCHEDULER_SECONDS });
  if (result.status === 'infeasible')
    throw invalid('event_pins_infeasible', 'event_pins_infeasible', {
      reason: result.reason ?? '',
    });
  await replacePlanned(
    uc.tx,
    e.id,
    0,
    result.meetings.map((m) => ({
      municipalityId: e.municipalityId,
      eventId: e.id,
      eventCompanyId: m.company,
      citizenId: m.candidate,
      slot: m.slot,
      tableNo: m.table,
    })),
  );
  const lastRun = {
    at: clock.now().toISOString(),
    status: result.status,
    objective: result.objective,
    bound: result.bound,
    fair,
  };
  await updateEvent(uc.tx, e.id, { lastRun });
  await audit(uc, {
    action: 'matching.event.schedule',
    entity: 'matchmaking_event',
    entityId: e.id,
    purpose: PURPOSE,
    details: { meetings: result.meetings.length, candidatesMet: result.candidatesMet },
  });
  return eventView(uc, { ...e, lastRun });
}

function tableWhere(e: EventRow, place: { rooms: string[]; videoLinks: string[] }, table: number) {
  const room = place.rooms[table] ?? `Bord ${table + 1}`;
  const videoLink = e.format === 'physical' ? null : (place.videoLinks[table] ?? null);
  return { room, videoLink };
}

/** Publishes the schedule: every candidate and company gets its agenda (page, .ics, message). */
export async function publishEvent(uc: UseCase, eventId: string, link: LinkTo) {
  const e = await loadEvent(uc, eventId, 'manage', true);
  if (e.status !== 'planning') throw conflict('event_published');
  if (e.lastRun === null) throw conflict('event_no_schedule');
  const parties = await partiesOf(uc.tx, e);
  const slots = slotTimes(e);
  const companies = await companiesById(
    uc.tx,
    e.municipalityId,
    parties.places.map((p) => p.companyId),
  );
  const placeById = new Map(parties.places.map((p) => [p.id, p]));
  const registered = parties.candidates.filter((c) => c.status === 'registered');
  const people = await citizensByIds(
    uc.tx,
    e.municipalityId,
    registered.map((c) => c.citizenId),
  );
  const langs = await languagesOf(uc.tx, people.values());
  const now = clock.now();
  for (const c of registered) {
    const person = people.get(c.citizenId);
    const reach = person ? channelOf(person) : null;
    if (!reach) continue;
    const lines = parties.meetings
      .filter((m) => m.citizenId === c.citizenId && m.status === 'planned')
      .map((m) => {
        const place = placeById.get(m.eventCompanyId)!;
        const where = tableWhere(e, place, m.tableNo);
        const company = companies.get(place.companyId)?.name ?? '';
        return `${slots[m.slot]!.start}–${slots[m.slot]!.end}  ${company}  (${where.videoLink ?? where.room})`;
      });
    await enqueue(uc.tx, e.municipalityId, {
      ...reach,
      kind: 'matchmaking_agenda',
      ...agendaMessage(
        { event: e.name, day: e.on, link: link(MY_EVENTS_PATH), lines },
        langs.get(c.citizenId)!,
      ),
      sendAfter: now,
      ref: `matchmaking:${e.id}:${c.citizenId}`,
    });
  }
  for (const place of parties.places) {
    const company = companies.get(place.companyId);
    if (!company) continue;
    const meetings = parties.meetings.filter(
      (m) => m.eventCompanyId === place.id && m.status === 'planned',
    ).length;
    for (const userId of await membersOf(uc.tx, company.id)) {
      const user = await findUserById(uc.tx, userId);
      if (!user?.active) continue;
      await enqueue(uc.tx, e.municipalityId, {
        channel: 'email',
        kind: 'matchmaking_company_agenda',
        recipient: user.email,
        ...companyAgendaMessage({
          company: company.name,
          event: e.name,
          day: danishDay(e.on),
          link: link(`/virksomheder/${company.id}/arrangementer`),
          meetings,
        }),
        sendAfter: now,
      });
    }
  }
  await updateEvent(uc.tx, e.id, { status: 'published', publishedAt: now });
  await audit(uc, {
    action: 'matching.event.publish',
    entity: 'matchmaking_event',
    entityId: e.id,
    purpose: PURPOSE,
    details: { candidates: registered.length },
  });
  return eventView(uc, { ...e, status: 'published', publishedAt: now }, parties);
}

/** On the day: a candidate arrives (or is marked absent, which frees their meetings). */
export async function checkIn(uc: UseCase, eventId: string, input: CheckInInput) {
  const e = await loadEvent(uc, eventId, 'manage', true);
  if (e.status === 'planning') throw conflict('event_not_published');
  const c = await findCandidacy(uc.tx, e.id, input.citizenId);
  if (!c || c.status !== 'registered') throw invalid('event_candidate_unknown');
  await updateCandidacy(uc.tx, c.id, {
    checkedInAt: input.present ? clock.now() : null,
    noShow: !input.present,
  });
  await updateMeetings(
    uc.tx,
    e.id,
    { citizenId: c.citizenId, statuses: input.present ? ['no_show'] : ['planned'] },
    { status: input.present ? 'planned' : 'no_show' },
  );
  await audit(uc, {
    action: input.present ? 'matching.candidate.check_in' : 'matching.candidate.no_show',
    entity: 'matchmaking_event',
    entityId: e.id,
    citizenId: c.citizenId,
    purpose: PURPOSE,
  });
  return eventView(uc, e);
}

/**
 * On the day, from a slot on: meetings before it stand (held), and the freed places in it and
 * after go to the candidates present, keeping their own planned meetings where they were.
 */
export async function reschedule(uc: UseCase, eventId: string, fromSlot: number) {
  const e = await loadEvent(uc, eventId, 'manage', true);
  if (e.status === 'planning') throw conflict('event_not_published');
  checkSlots(e, [fromSlot]);
  const parties = await partiesOf(uc.tx, e);
  await updateMeetings(
    uc.tx,
    e.id,
    {
      ids: parties.meetings.filter((m) => m.slot < fromSlot).map((m) => m.id),
      statuses: ['planned'],
    },
    { status: 'held' },
  );
  const present = new Set(
    parties.candidates.filter((c) => c.checkedInAt && !c.noShow).map((c) => c.citizenId),
  );
  const kept = parties.meetings.filter(
    (m) =>
      (m.slot < fromSlot && m.status !== 'no_show' && m.status !== 'cancelled') ||
      (m.slot >= fromSlot && m.status === 'planned' && present.has(m.citizenId)),
  );
  const base = engineParties(e, parties, true);
  const input = scheduleInputOf({
    ...base,
    fixed: kept.map((m) => ({
      eventCompanyId: m.eventCompanyId,
      citizenId: m.citizenId,
      slot: m.slot,
    })),
    pastSlots: fromSlot,
    // Who met before the slot counts still: their held meetings are fixed pairs.
    candidates: base.candidates.filter((c) => present.has(c.citizenId)),
  });
  const result = await schedule(input, { fair: true, timeLimit: SCHEDULER_SECONDS });
  if (result.status === 'infeasible')
    throw invalid('event_pins_infeasible', 'event_pins_infeasible', {
      reason: result.reason ?? '',
    });
  const keptKeys = new Set(kept.map((m) => `${m.eventCompanyId}/${m.citizenId}`));
  // Planned meetings of absent candidates from the slot on are cancelled; new ones are added.
  await updateMeetings(
    uc.tx,
    e.id,
    {
      ids: parties.meetings
        .filter(
          (m) =>
            m.slot >= fromSlot &&
            m.status === 'planned' &&
            !keptKeys.has(`${m.eventCompanyId}/${m.citizenId}`),
        )
        .map((m) => m.id),
      statuses: ['planned'],
    },
    { status: 'cancelled' },
  );
  const fresh = result.meetings.filter(
    (m) => m.slot >= fromSlot && !keptKeys.has(`${m.company}/${m.candidate}`),
  );
  // A kept meeting may have moved to another table number; tables within a slot are renumbered
  // so kept meetings keep theirs and new ones take the free ones.
  const used = new Map<string, Set<number>>();
  for (const m of kept) {
    const key = `${m.eventCompanyId}@${m.slot}`;
    if (!used.has(key)) used.set(key, new Set());
    used.get(key)!.add(m.tableNo);
  }
  const rows = fresh.map((m) => {
    const key = `${m.company}@${m.slot}`;
    const taken = used.get(key) ?? new Set<number>();
    let table = 0;
    while (taken.has(table)) table++;
    taken.add(table);
    used.set(key, taken);
    return {
      municipalityId: e.municipalityId,
      eventId: e.id,
      eventCompanyId: m.company,
      citizenId: m.candidate,
      slot: m.slot,
      tableNo: table,
    };
  });
  await insertMeetings(uc.tx, rows);
  await audit(uc, {
    action: 'matching.event.reschedule',
    entity: 'matchmaking_event',
    entityId: e.id,
    purpose: PURPOSE,
    details: { fromSlot, added: rows.length },
  });
  return eventView(uc, e);
}

// ——— The citizen ———

async function myEventView(
  db: DbOrTx,
  e: EventRow,
  candidacy: { citizenId: string; status: MyEventView['status']; unavailable: number[] },
): Promise<MyEventView> {
  const parties = await partiesOf(db, e);
  const companies = await companiesById(
    db,
    e.municipalityId,
    parties.places.map((p) => p.companyId),
  );
  const slots = slotTimes(e);
  const mine = parties.wishes.filter((w) => w.citizenId === candidacy.citizenId);
  const placeById = new Map(parties.places.map((p) => [p.id, p]));
  return {
    id: e.id,
    name: e.name,
    format: e.format,
    on: e.on,
    venue: e.venue,
    eventStatus: e.status,
    status: candidacy.status,
    slots,
    unavailable: candidacy.unavailable,
    companies: parties.places.map((p) => ({
      id: p.id,
      name: companies.get(p.companyId)?.name ?? '',
      roles: p.roles,
      rank: mine.find((w) => w.eventCompanyId === p.id)?.rank ?? null,
    })),
    // The agenda shows once published: before that the plan may still change.
    agenda:
      e.status === 'planning'
        ? []
        : parties.meetings
            .filter((m) => m.citizenId === candidacy.citizenId && m.status !== 'cancelled')
            .map((m) => {
              const place = placeById.get(m.eventCompanyId)!;
              return {
                meetingId: m.id,
                slot: m.slot,
                ...slots[m.slot]!,
                table: m.tableNo,
                ...tableWhere(e, place, m.tableNo),
                status: m.status,
                company: companies.get(place.companyId)?.name ?? '',
              };
            }),
  };
}

export async function myEvents(uc: UseCase): Promise<MyEventView[]> {
  const c = await loadSelf(uc.tx, uc.actor);
  const rows = await candidaciesOf(uc.tx, c.municipalityId, c.id);
  await audit(uc, {
    action: 'matching.self.read',
    entity: 'citizen',
    entityId: c.id,
    citizenId: c.id,
    purpose: 'self_access',
  });
  const out: MyEventView[] = [];
  for (const r of rows) out.push(await myEventView(uc.tx, r.event, r.candidacy));
  return out;
}

async function myCandidacy(uc: UseCase, eventId: string) {
  const c = await loadSelf(uc.tx, uc.actor);
  const e = await findEvent(uc.tx, c.municipalityId, eventId, true);
  const candidacy = e ? await findCandidacy(uc.tx, e.id, c.id) : null;
  if (!e || !candidacy) throw notFound();
  return { c, e, candidacy };
}

/** The citizen registers (or changes their registration) with ranked companies and busy slots. */
export async function register(uc: UseCase, eventId: string, input: RegistrationInput) {
  const { c, e, candidacy } = await myCandidacy(uc, eventId);
  if (e.status !== 'planning') throw conflict('event_closed');
  if (new Set(input.wishes).size !== input.wishes.length) throw invalid('event_wish_twice');
  const places = new Set((await companiesAt(uc.tx, e.id)).map((p) => p.id));
  if (input.wishes.some((w) => !places.has(w))) throw invalid('event_wish_unknown');
  checkSlots(e, input.unavailable);
  await clearRanks(uc.tx, e.id, c.id);
  for (const [i, eventCompanyId] of input.wishes.entries())
    await upsertWish(
      uc.tx,
      { municipalityId: e.municipalityId, eventId: e.id, citizenId: c.id, eventCompanyId },
      { rank: i + 1 },
    );
  const unavailable = [...new Set(input.unavailable)].sort((a, b) => a - b);
  await updateCandidacy(uc.tx, candidacy.id, {
    status: 'registered',
    unavailable,
    registeredAt: candidacy.registeredAt ?? clock.now(),
  });
  await audit(uc, {
    action: 'matching.self.register',
    entity: 'matchmaking_event',
    entityId: e.id,
    citizenId: c.id,
    purpose: 'self_access',
    details: { wishes: input.wishes.length },
  });
  return myEventView(uc.tx, e, { citizenId: c.id, status: 'registered', unavailable });
}

/** The citizen says no (before or after registering): their planned meetings are cancelled. */
export async function declineEvent(uc: UseCase, eventId: string) {
  const { c, e, candidacy } = await myCandidacy(uc, eventId);
  await updateCandidacy(uc.tx, candidacy.id, { status: 'declined' });
  await clearRanks(uc.tx, e.id, c.id);
  await updateMeetings(
    uc.tx,
    e.id,
    { citizenId: c.id, statuses: ['planned'] },
    { status: 'cancelled' },
  );
  await audit(uc, {
    action: 'matching.self.decline',
    entity: 'matchmaking_event',
    entityId: e.id,
    citizenId: c.id,
    purpose: 'self_access',
  });
  return myEventView(uc.tx, e, {
    citizenId: c.id,
    status: 'declined',
    unavailable: candidacy.unavailable,
  });
}

export async function myAgendaIcs(uc: UseCase, eventId: string): Promise<string> {
  const { c, e, candidacy } = await myCandidacy(uc, eventId);
  if (e.status === 'planning') throw conflict('event_not_published');
  const view = await myEventView(uc.tx, e, candidacy);
  await audit(uc, {
    action: 'matching.self.agenda',
    entity: 'matchmaking_event',
    entityId: e.id,
    citizenId: c.id,
    purpose: 'self_access',
  });
  return calendarIcs({
    product: 'Matchmaking',
    cancelled: false,
    stamp: clock.now(),
    events: view.agenda.map((a) => ({
      uid: `${a.meetingId}@digiloft`,
      sequence: 0,
      cancelled: a.status === 'cancelled' || a.status === 'no_show',
      day: e.on,
      start: a.start,
      end: a.end,
      summary: `${e.name}: ${a.company}`,
      location: a.videoLink ?? [e.venue, a.room].filter(Boolean).join(', '),
      description: a.videoLink ? `Videomøde: ${a.videoLink}` : a.room,
      ...(a.videoLink ? { url: a.videoLink } : {}),
    })),
  });
}

// ——— The company ———

async function companyParty(uc: UseCase, companyId: string, action: 'answer' | 'recordOutcome') {
  const company = await findCompany(uc.tx, uc.actor.municipalityId, companyId);
  if (!company) throw notFound();
  authorize(
    takingPartPolicy,
    uc.actor,
    action,
    { municipalityId: company.municipalityId, members: await membersOf(uc.tx, company.id) },
    'not_found',
  );
  return company;
}

async function companyEventView(
  uc: UseCase,
  e: EventRow,
  placeId: string,
): Promise<CompanyEventView> {
  const parties = await partiesOf(uc.tx, e);
  const place = parties.places.find((p) => p.id === placeId)!;
  const slots = slotTimes(e);
  const registered = parties.candidates.filter((c) => c.status === 'registered');
  const people = await citizensByIds(
    uc.tx,
    e.municipalityId,
    registered.map((c) => c.citizenId),
  );
  const testsOf = await completedTestsByCitizen(
    uc.tx,
    e.municipalityId,
    registered.map((c) => c.citizenId),
  );
  const candidates: CompanyEventView['candidates'] = [];
  for (const c of registered) {
    const wish = parties.wishes.find(
      (w) => w.citizenId === c.citizenId && w.eventCompanyId === place.id,
    );
    const tests = testsOf.get(c.citizenId) ?? [];
    const person = people.get(c.citizenId);
    candidates.push({
      id: c.id,
      handle: candidateHandle(e.id, c.citizenId),
      rank: wish?.rank ?? null,
      answer: wish?.companyAnswer ?? null,
      // No name, CPR, age, gender or photo: what they can do, and what they aim for.
      profile: {
        areas: tests.at(-1)?.areas ?? [],
        education: person?.educationLevel ?? null,
        jobGoal: person?.employmentGoal ?? null,
      },
    });
  }
  candidates.sort((a, b) => (a.rank ?? 99) - (b.rank ?? 99) || a.handle.localeCompare(b.handle));
  return {
    id: e.id,
    name: e.name,
    format: e.format,
    on: e.on,
    venue: e.venue,
    eventStatus: e.status,
    slots,
    tables: place.tables,
    unavailable: place.unavailable,
    candidates,
    agenda:
      e.status === 'planning'
        ? []
        : parties.meetings
            .filter((m) => m.eventCompanyId === place.id && m.status !== 'cancelled')
            .map((m) => ({
              meetingId: m.id,
              slot: m.slot,
              ...slots[m.slot]!,
              table: m.tableNo,
              ...tableWhere(e, place, m.tableNo),
              status: m.status,
              handle: candidateHandle(e.id, m.citizenId),
              outcome: m.outcome,
              outcomeStartsOn: m.outcomeStartsOn,
            })),
  };
}

/** The events a company takes part in, with the candidates who registered (anonymous). */
export async function companyEvents(uc: UseCase, companyId: string) {
  const company = await companyParty(uc, companyId, 'answer');
  const rows = await eventsOfCompany(uc.tx, company.municipalityId, company.id);
  const out: CompanyEventView[] = [];
  for (const r of rows) out.push(await companyEventView(uc, r.event, r.place.id));
  await audit(uc, {
    action: 'matching.company.read',
    entity: 'company',
    entityId: company.id,
    purpose: PURPOSE,
    details: { events: rows.length },
  });
  return out;
}

async function companyAt(uc: UseCase, companyId: string, eventId: string) {
  const company = await companyParty(uc, companyId, 'answer');
  const row = (await eventsOfCompany(uc.tx, company.municipalityId, company.id)).find(
    (r) => r.event.id === eventId,
  );
  if (!row) throw notFound();
  return { company, event: row.event, place: row.place };
}

export async function answerCandidate(
  uc: UseCase,
  companyId: string,
  eventId: string,
  input: AnswerInput,
) {
  const { event, place } = await companyAt(uc, companyId, eventId);
  if (event.status !== 'planning') throw conflict('event_closed');
  const candidacy = (await candidatesAt(uc.tx, event.id)).find(
    (c) => c.id === input.candidateId && c.status === 'registered',
  );
  if (!candidacy) throw invalid('event_candidate_unknown');
  await upsertWish(
    uc.tx,
    {
      municipalityId: event.municipalityId,
      eventId: event.id,
      citizenId: candidacy.citizenId,
      eventCompanyId: place.id,
    },
    { companyAnswer: input.answer },
  );
  await audit(uc, {
    action: 'matching.company.answer',
    entity: 'matchmaking_event',
    entityId: event.id,
    citizenId: candidacy.citizenId,
    purpose: PURPOSE,
    details: { answer: input.answer ?? 'none' },
  });
  return { ok: true as const };
}

export async function setCompanyUnavailable(
  uc: UseCase,
  companyId: string,
  eventId: string,
  unavailable: number[],
) {
  const { event, place, company } = await companyAt(uc, companyId, eventId);
  if (event.status !== 'planning') throw conflict('event_closed');
  checkSlots(event, unavailable);
  await setCompanySlots(
    uc.tx,
    place.id,
    [...new Set(unavailable)].sort((a, b) => a - b),
  );
  await audit(uc, {
    action: 'matching.company.slots',
    entity: 'company',
    entityId: company.id,
    purpose: PURPOSE,
  });
  return { ok: true as const };
}

export async function companyAgendaIcs(uc: UseCase, companyId: string, eventId: string) {
  const { event, place, company } = await companyAt(uc, companyId, eventId);
  if (event.status === 'planning') throw conflict('event_not_published');
  const view = await companyEventView(uc, event, place.id);
  return calendarIcs({
    product: 'Matchmaking',
    cancelled: false,
    stamp: clock.now(),
    events: view.agenda.map((a) => ({
      uid: `${a.meetingId}@digiloft`,
      sequence: 0,
      cancelled: a.status === 'no_show',
      day: event.on,
      start: a.start,
      end: a.end,
      summary: `${event.name}: ${a.handle} (${company.name})`,
      location: a.videoLink ?? [event.venue, a.room].filter(Boolean).join(', '),
      description: a.videoLink ? `Videomøde: ${a.videoLink}` : a.room,
      ...(a.videoLink ? { url: a.videoLink } : {}),
    })),
  });
}

/** The company (or the consultant for it) records what came of a held meeting. */
export async function recordOutcome(uc: UseCase, meetingId: string, input: OutcomeInput) {
  const row = await findMeeting(uc.tx, uc.actor.municipalityId, meetingId);
  if (!row) throw notFound();
  await companyParty(uc, row.place.companyId, 'recordOutcome');
  if (row.event.status === 'planning' || row.meeting.status === 'cancelled')
    throw conflict('event_outcome_not_held');
  if (row.meeting.status === 'no_show') throw conflict('event_outcome_not_held');
  await updateMeetings(
    uc.tx,
    row.event.id,
    { ids: [row.meeting.id], statuses: ['planned', 'held'] },
    {
      status: 'held',
      outcome: input.outcome,
      outcomeStartsOn: input.startsOn ?? null,
      outcomeNote: input.note || null,
      outcomeAt: clock.now(),
      outcomeBy: uc.actor.userId,
    },
  );
  if (row.event.status === 'published' && row.event.on <= copenhagenDay(clock.now()))
    await updateEvent(uc.tx, row.event.id, { status: 'held' });
  // A hire is an outcome the pilot evaluation reports; a corrected outcome takes it back.
  if (input.outcome === 'hire' && input.startsOn)
    await reportHire(uc.tx, {
      municipalityId: uc.actor.municipalityId,
      citizenId: row.meeting.citizenId,
      startsOn: input.startsOn,
      source: 'matchmaking',
      sourceId: row.meeting.id,
      reportedBy: uc.actor.userId,
    });
  else await withdrawHire(uc.tx, uc.actor.municipalityId, 'matchmaking', row.meeting.id);
  await audit(uc, {
    action: 'matching.meeting.outcome',
    entity: 'event_meeting',
    entityId: row.meeting.id,
    citizenId: row.meeting.citizenId,
    purpose: PURPOSE,
    details: { outcome: input.outcome },
  });
  return { ok: true as const };
}

// ——— The caseworker and the statistics ———

/** A citizen's meetings and their outcomes, for the caseworker (audited). */
export async function citizenMeetings(uc: UseCase, citizenId: string) {
  const c = await loadAuthorized(uc.tx, uc.actor, citizenId, 'read');
  const rows = await meetingsOfCitizen(uc.tx, c.municipalityId, c.id);
  const companies = await companiesById(
    uc.tx,
    c.municipalityId,
    rows.map((r) => r.place.companyId),
  );
  await audit(uc, {
    action: 'matching.meetings.read',
    entity: 'citizen',
    entityId: c.id,
    citizenId: c.id,
    purpose: 'case_management',
  });
  return rows
    .filter((r) => r.event.status !== 'planning' && r.meeting.status !== 'cancelled')
    .map((r) => ({
      event: r.event.name,
      on: r.event.on,
      company: companies.get(r.place.companyId)?.name ?? '',
      status: r.meeting.status,
      outcome: r.meeting.outcome,
      outcomeStartsOn: r.meeting.outcomeStartsOn,
      outcomeNote: r.meeting.outcomeNote,
    }));
}

const FOLLOW_UPS = new Set(['second_interview', 'trainee_place', 'job_offer', 'hire']);

/** The outcomes of a pilot's matchmaking events for its participants, as counts. */
export async function pilotOutcomes(uc: UseCase, pilotId: string): Promise<PilotOutcomesView> {
  const pilot = await passedParticipants(uc.tx, uc.actor.municipalityId, pilotId);
  if (!pilot) throw notFound();
  const { events, candidates, meetings } = await statisticsRows(uc.tx, uc.actor.municipalityId);
  const mine = events.filter((e) => e.pilotId === pilotId);
  const ids = new Set(mine.map((e) => e.id));
  const held = meetings.filter((m) => ids.has(m.eventId) && m.status !== 'cancelled');
  return {
    events: mine.map((e) => ({ name: e.name, on: e.on })).sort((a, b) => a.on.localeCompare(b.on)),
    candidates: candidates.filter((c) => ids.has(c.eventId) && c.status === 'registered').length,
    met: new Set(held.map((m) => `${m.eventId}/${m.citizenId}`)).size,
    meetings: held.length,
    outcomes: MEETING_OUTCOMES.map((outcome) => ({
      outcome,
      count: held.filter((m) => m.outcome === outcome).length,
    })),
    hires: held
      .filter((m) => m.outcome === 'hire')
      .map((m) => m.outcomeStartsOn ?? '')
      .sort(),
  };
}

/** Meetings, reach, follow-ups and hires per event, per company size and per pilot. */
export async function matchmakingStats(uc: UseCase): Promise<StatsView> {
  const { events, candidates, meetings, places } = await statisticsRows(
    uc.tx,
    uc.actor.municipalityId,
  );
  const companyOf = new Map(places.map((p) => [p.id, p.companyId]));
  const companies = await companiesById(uc.tx, uc.actor.municipalityId, [
    ...new Set(companyOf.values()),
  ]);
  const live = meetings.filter((m) => m.status !== 'cancelled');
  const counts = (label: string, keep: (m: (typeof live)[number]) => boolean, people: number) => {
    const mine = live.filter(keep);
    return {
      label,
      candidates: people,
      met: new Set(mine.map((m) => `${m.eventId}/${m.citizenId}`)).size,
      meetings: mine.length,
      held: mine.filter((m) => m.status === 'held').length,
      followUps: mine.filter((m) => m.outcome && FOLLOW_UPS.has(m.outcome)).length,
      hires: mine.filter((m) => m.outcome === 'hire').length,
    };
  };
  const registered = (eventIds: Set<string>) =>
    candidates.filter((c) => c.status === 'registered' && eventIds.has(c.eventId)).length;
  const sizeOf = (m: (typeof live)[number]) =>
    companies.get(companyOf.get(m.eventCompanyId) ?? '')?.sizeBand ?? 'unknown';
  const sizes = [...new Set(live.map(sizeOf))].sort();
  const pilotIds = [...new Set(events.map((e) => e.pilotId).filter((p): p is string => !!p))];
  const byPilot: StatsView['byPilot'] = [];
  for (const pilotId of pilotIds) {
    const ids = new Set(events.filter((e) => e.pilotId === pilotId).map((e) => e.id));
    const pilot = await passedParticipants(uc.tx, uc.actor.municipalityId, pilotId);
    byPilot.push(counts(pilot?.name ?? pilotId, (m) => ids.has(m.eventId), registered(ids)));
  }
  return {
    events: [...events]
      .sort((a, b) => b.on.localeCompare(a.on))
      .map((e) => ({
        id: e.id,
        on: e.on,
        ...counts(e.name, (m) => m.eventId === e.id, registered(new Set([e.id]))),
      })),
    bySize: sizes.map((s) => {
      const keep = (m: (typeof live)[number]) => sizeOf(m) === s;
      return counts(
        s,
        keep,
        new Set(live.filter(keep).map((m) => `${m.eventId}/${m.citizenId}`)).size,
      );
    }),
    byPilot,
  };
}

/** The pilots a consultant may invite the passed participants of (names and counts only). */
export function pilotChoices(uc: UseCase) {
  return pilotsWithPassed(uc.tx, uc.actor.municipalityId);
}
