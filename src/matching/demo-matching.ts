// The Copenhagen demo's matchmaking: the Azure pilot's virtual matchmaking event with the
// participants who passed and eight partner companies — scheduled by the real scheduler, held,
// with outcomes (two hires, one meeting of the demo company's still to record) — and an
// upcoming hybrid event for SMEs and academics, where the demo citizen is invited. Dates are
// relative to the clock, so the demo keeps working as the calendar moves on.
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/client';
import { clock, copenhagenDay } from '../platform/clock';
import { addDays } from '../workshops';
import { firstWorkWeeks, passedParticipants, reportHire } from '../pilots';
import { scheduleInputOf } from './events.model';
import { schedule } from './scheduler/schedule.model';
import {
  candidateProfiles,
  contactRequests,
  eventCandidates,
  eventCompanies,
  eventMeetings,
  eventWishes,
  matchmakingEvents,
} from './matching.schema';
import type { MeetingOutcome } from './matching.constants';

interface SeededCompany {
  id: string;
  name: string;
  azurePartner: boolean;
  sme: boolean;
  roles: string[];
}

const slug = (name: string) =>
  name
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'oe')
    .replace(/å/g, 'aa')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** Fictitious video links (the .example domain never resolves). */
const videoLink = (event: string, company: string, table: number) =>
  `https://video.example/${event}/${slug(company)}/bord-${table + 1}`;

async function addEvent(
  tx: DbOrTx,
  e: typeof matchmakingEvents.$inferInsert,
  companies: SeededCompany[],
  tables: (i: number) => number,
  eventSlug: string,
) {
  const [event] = await tx.insert(matchmakingEvents).values(e).returning();
  const places = await tx
    .insert(eventCompanies)
    .values(
      companies.map((c, i) => ({
        municipalityId: e.municipalityId,
        eventId: event!.id,
        companyId: c.id,
        tables: tables(i),
        rooms: e.format === 'virtual' ? [] : [`Lokale ${i + 1}`],
        videoLinks: Array.from({ length: tables(i) }, (_, t) => videoLink(eventSlug, c.name, t)),
        roles: c.roles.slice(0, 2),
        unavailable: [],
      })),
    )
    .returning();
  return { event: event!, places };
}

/** Each candidate ranks 2–5 companies; popular ones (the first few) more often. */
function wishesFor(
  rand: () => number,
  municipalityId: string,
  eventId: string,
  citizenIds: string[],
  placeIds: string[],
) {
  const rows: (typeof eventWishes.$inferInsert)[] = [];
  for (const citizenId of citizenIds) {
    const chosen = new Set<string>();
    const n = 2 + Math.floor(rand() * 4);
    while (chosen.size < Math.min(n, placeIds.length))
      chosen.add(placeIds[Math.floor(rand() ** 1.5 * placeIds.length)]!);
    [...chosen].forEach((eventCompanyId, k) =>
      rows.push({
        municipalityId,
        eventId,
        citizenId,
        eventCompanyId,
        rank: k + 1,
        companyAnswer: rand() < 0.7 ? 'accept' : null,
      }),
    );
  }
  return rows;
}

export async function seedMatching(
  tx: DbOrTx,
  input: {
    municipalityId: string;
    consultantId: string;
    pilotId: string;
    pilotEndsOn: string;
    companies: SeededCompany[];
    /** Academics not in the Azure pilot's passed group (for the SME event). */
    academics: string[];
    demoCitizenId: string;
    /** An open role whose contact request waits for the demo citizen's answer. */
    requestRole?: { roleId: string; companyId: string };
    rand: () => number;
  },
) {
  const { municipalityId, rand } = input;
  const today = copenhagenDay(clock.now());
  const passed = (await passedParticipants(tx, municipalityId, input.pilotId))!.citizenIds;
  const partners = input.companies.filter((c) => c.azurePartner);
  const others = input.companies.filter((c) => !c.azurePartner && c.sme && c.roles.length > 0);
  const eight = [...partners, ...others].slice(0, 8);

  // The Azure event: a week after the course, and never later than two days ago.
  const held = [addDays(input.pilotEndsOn, 7), addDays(today, -2)].sort()[0]!;
  const azure = await addEvent(
    tx,
    {
      municipalityId,
      name: 'Azure-matchmaking med Microsofts partnere',
      format: 'virtual',
      on: held,
      startsAt: '09:00',
      slotMinutes: 15,
      slotCount: 8,
      breakEvery: 4,
      breakMinutes: 10,
      maxMeetings: 4,
      pilotId: input.pilotId,
      status: 'held',
      createdBy: input.consultantId,
      publishedAt: new Date(`${addDays(held, -5)}T10:00:00Z`),
    },
    eight,
    (i) => (i < 2 ? 3 : 2),
    'azure',
  );
  const registeredAt = new Date(`${addDays(held, -9)}T12:00:00Z`);
  await tx.insert(eventCandidates).values(
    passed.map((citizenId, i) => ({
      municipalityId,
      eventId: azure.event.id,
      citizenId,
      status: 'registered' as const,
      unavailable: i % 7 === 3 ? [0, 1] : [],
      invitedBy: input.consultantId,
      registeredAt,
      // One candidate did not come.
      checkedInAt: i === 5 ? null : new Date(`${held}T07:50:00Z`),
      noShow: i === 5,
    })),
  );
  const placeIds = azure.places.map((p) => p.id);
  const wishes = wishesFor(rand, municipalityId, azure.event.id, passed, placeIds);
  if (wishes.length) await tx.insert(eventWishes).values(wishes);
  const result = await schedule(
    scheduleInputOf({
      slotCount: 8,
      maxMeetings: 4,
      companies: azure.places.map((p) => ({ id: p.id, tables: p.tables, unavailable: [] })),
      candidates: passed.map((citizenId, i) => ({
        citizenId,
        unavailable: i % 7 === 3 ? [0, 1] : [],
      })),
      wishes: wishes.map((w) => ({
        citizenId: w.citizenId,
        eventCompanyId: w.eventCompanyId,
        rank: w.rank ?? null,
        companyAnswer: w.companyAnswer ?? null,
        rule: null,
        pinSlot: null,
      })),
    }),
    { fair: true, timeLimit: 30 },
  );
  const noShow = passed[5];
  const demoCompanyPlace = azure.places[0]!.id;
  const lastOfDemoCompany = [...result.meetings]
    .reverse()
    .find((m) => m.company === demoCompanyPlace && m.candidate !== noShow);
  // Outcomes: two hires, then follow-ups; the demo company's last meeting is left to record.
  // The hires go to candidates the register shows starting work two weeks or more after the
  // event, from that week: the evaluation then finds them confirmed, as a real one would.
  const recordable = result.meetings.filter(
    (m) => m.candidate !== noShow && m !== lastOfDemoCompany,
  );
  const working = await firstWorkWeeks(
    tx,
    municipalityId,
    recordable.map((m) => m.candidate),
    addDays(held, 14),
  );
  const hires = new Map<(typeof recordable)[number], string>();
  for (const m of recordable) {
    const week = working.get(m.candidate);
    if (
      hires.size < 2 &&
      week &&
      week < today &&
      ![...hires.keys()].some((h) => h.candidate === m.candidate)
    )
      hires.set(m, week);
  }
  // Without such candidates (another seed), the first meetings hire from a month on.
  for (const m of recordable)
    if (hires.size < 2 && !hires.has(m)) hires.set(m, addDays(held, 30 + 14 * hires.size));
  const plan: MeetingOutcome[] = [
    'job_offer',
    'trainee_place',
    'trainee_place',
    'second_interview',
    'second_interview',
    'second_interview',
    'second_interview',
  ];
  let k = 0;
  const outcomeAt = new Date(`${addDays(held, 1)}T13:00:00Z`);
  const meetings = await tx
    .insert(eventMeetings)
    .values(
      result.meetings.map((m) => {
        const absent = m.candidate === noShow;
        const hireOn = hires.get(m);
        const outcome: MeetingOutcome | null =
          absent || m === lastOfDemoCompany
            ? null
            : hireOn
              ? 'hire'
              : (plan[k++] ?? 'no_further_contact');
        const dated = outcome === 'job_offer' || outcome === 'trainee_place';
        return {
          municipalityId,
          eventId: azure.event.id,
          eventCompanyId: m.company,
          citizenId: m.candidate,
          slot: m.slot,
          tableNo: m.table,
          status: absent ? ('no_show' as const) : ('held' as const),
          outcome,
          outcomeStartsOn: hireOn ?? (dated ? addDays(held, 30 + 14 * (k % 3)) : null),
          outcomeAt: outcome ? outcomeAt : null,
        };
      }),
    )
    .returning();
  for (const m of meetings)
    if (m.outcome === 'hire')
      await reportHire(tx, {
        municipalityId,
        citizenId: m.citizenId,
        startsOn: m.outcomeStartsOn!,
        source: 'matchmaking',
        sourceId: m.id,
        reportedBy: null,
      });
  await tx
    .update(matchmakingEvents)
    .set({
      lastRun: {
        at: new Date(`${addDays(held, -6)}T09:00:00Z`).toISOString(),
        status: result.status === 'infeasible' ? 'optimal' : result.status,
        objective: result.objective,
        bound: result.bound,
        fair: true,
      },
    })
    .where(eq(matchmakingEvents.id, azure.event.id));

  // The SME × academics event, three weeks ahead: hybrid, four SMEs, the demo citizen invited.
  const smes = input.companies.filter((c) => c.sme && !c.azurePartner && c.roles.length > 0);
  const upcoming = await addEvent(
    tx,
    {
      municipalityId,
      name: 'SMV’er møder akademikere – digitale roller',
      format: 'hybrid',
      on: addDays(today, 21),
      startsAt: '13:00',
      slotMinutes: 20,
      slotCount: 6,
      breakEvery: 3,
      breakMinutes: 15,
      venue: 'Jobcenter København, Gyldenløvesgade 11, 1600 København V',
      maxMeetings: 3,
      status: 'planning',
      createdBy: input.consultantId,
    },
    smes.slice(0, 4),
    () => 1,
    'smv',
  );
  const academics = input.academics.filter((id) => !passed.includes(id)).slice(0, 12);
  await tx.insert(eventCandidates).values([
    {
      municipalityId,
      eventId: upcoming.event.id,
      citizenId: input.demoCitizenId,
      status: 'invited' as const,
      unavailable: [],
      invitedBy: input.consultantId,
    },
    ...academics.map((citizenId) => ({
      municipalityId,
      eventId: upcoming.event.id,
      citizenId,
      status: 'registered' as const,
      unavailable: [],
      invitedBy: input.consultantId,
      registeredAt: clock.now(),
    })),
  ]);
  const upcomingWishes = wishesFor(
    rand,
    municipalityId,
    upcoming.event.id,
    academics,
    upcoming.places.map((p) => p.id),
  );
  if (upcomingWishes.length) await tx.insert(eventWishes).values(upcomingWishes);

  // The candidate pool: the passed participants who chose to be shown, and the demo citizen,
  // who has a contact request waiting from the demo company's open role.
  const pool = [input.demoCitizenId, ...passed.slice(0, 40)];
  const consentedAt = new Date(`${addDays(held, -3)}T10:00:00Z`);
  await tx.insert(candidateProfiles).values(
    pool.map((citizenId, i) => ({
      municipalityId,
      citizenId,
      consentedAt,
      pitch:
        i === 0
          ? 'Jeg er god til kunder og vil gerne lære mere om it.'
          : i % 3 === 0
            ? 'Azure-certificeret (AZ-900), klar til drift og support.'
            : '',
      languages: i % 4 === 0 ? ['da'] : ['da', 'en'],
      workAreas: i % 5 === 0 ? ['2300', 'københavn'] : [],
    })),
  );
  if (input.requestRole)
    await tx.insert(contactRequests).values({
      municipalityId,
      citizenId: input.demoCitizenId,
      roleId: input.requestRole.roleId,
      companyId: input.requestRole.companyId,
      status: 'pending',
      createdBy: input.consultantId,
      sentAt: clock.now(),
    });
  return {
    azureEventId: azure.event.id,
    upcomingEventId: upcoming.event.id,
    meetings: result.meetings.length,
  };
}
