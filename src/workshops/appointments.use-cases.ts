// Booking a time at a workshop (public: the citizen's phone, by a secret link) and the staff's
// side: the day's appointments, arrivals and the eMentors' shifts.
import { writeAudit, type AuditActor } from '../platform/audit';
import type { Actor } from '../platform/auth/roles';
import type { DbOrTx } from '../platform/db/client';
import { DomainError, conflict, invalid, notFound } from '../platform/errors';
import type { PageLang } from '../platform/i18n/messages';
import { enqueue, withdraw } from '../platform/messaging/outbox';
import type { UseCase } from '../platform/use-case';
import { clock } from '../platform/clock';
import type { BookInput, ShiftInput, TicketView } from './workshops.contract';
import { danishDay } from './workshops.model';
import { addDays, bookingPlan, danishTimeToUtc } from './appointments.model';
import { cancellation, confirmation, reminder } from './appointment-messages';
import {
  appointmentsOn,
  bookSeat,
  bookedCounts,
  deleteShift,
  findAppointment,
  findAppointmentByToken,
  insertShift,
  setAppointment,
  shiftsBetween,
  type AppointmentRow,
} from './appointments.store';
import {
  ementorsOf,
  insertTicket,
  nextTicketNumber,
  notifyQueue,
  type SiteRow,
} from './workshops.store';
import { ownWorkshop, type WorkshopDirectory } from './workshop-directory';
import { visitingCitizen } from './queue.use-cases';

/** How far ahead a time can be booked. */
export const HORIZON_DAYS = 28;

export function appointmentUseCases(directory: WorkshopDirectory) {
  const own = (db: DbOrTx, actor: Actor, siteId: string) =>
    ownWorkshop(directory, db, actor, siteId);

  /** The bookable plan of a workshop from a day, as the citizen sees it. */
  async function plan(db: DbOrTx, site: SiteRow, from: string, days: number) {
    const to = addDays(from, days - 1);
    const w = await directory.get(site.id, db);
    if (!w) throw notFound();
    return bookingPlan({
      from,
      days,
      now: clock.now(),
      hours: w.config.openingHours,
      slotMinutes: w.config.slotMinutes,
      openOnHolidays: w.config.openOnHolidays,
      closures: w.closures,
      shifts: await shiftsBetween(db, site.id, from, to),
      booked: await bookedCounts(db, site.id, from, to),
    });
  }

  /** The slot a citizen asks for, with its capacity; a clear refusal when it cannot be booked. */
  async function slotFor(db: DbOrTx, site: SiteRow, day: string, start: string) {
    const today = danishDay(clock.now());
    if (day < today || day > addDays(today, HORIZON_DAYS - 1)) throw invalid('slot_unknown');
    const [d] = await plan(db, site, day, 1);
    if (!d) throw invalid('slot_unknown');
    if (d.closed) throw conflict('workshop_closed_day');
    const slot = d.slots.find((s) => s.start === start);
    if (!slot) throw invalid('slot_unknown');
    return slot;
  }

  /** Confirmation now, reminder a day before (when that is still ahead). */
  async function queueMessages(
    tx: DbOrTx,
    a: AppointmentRow,
    site: SiteRow,
    lang: PageLang,
    link: string,
  ) {
    const facts = { siteName: site.name, address: site.address, day: a.day, start: a.start };
    const remindAt = new Date(danishTimeToUtc(a.day, a.start).getTime() - 24 * 3600_000);
    for (const [channel, recipient] of [
      ['email', a.email],
      ['sms', a.phone],
    ] as const) {
      if (!recipient) continue;
      const ref = `appointment:${a.id}`;
      await enqueue(tx, a.municipalityId, {
        channel,
        kind: 'appointment_confirmation',
        recipient,
        ...confirmation({ ...facts, link }, lang),
        sendAfter: clock.now(),
        ref,
      });
      if (remindAt.getTime() > clock.ms() + 3600_000)
        await enqueue(tx, a.municipalityId, {
          channel,
          kind: 'appointment_reminder',
          recipient,
          ...reminder(facts, lang),
          sendAfter: remindAt,
          ref,
        });
    }
  }

  async function byToken(db: DbOrTx, tokenHash: string) {
    const a = await findAppointmentByToken(db, tokenHash);
    const site = a ? (await directory.get(a.siteId, db))?.site : null;
    if (!a || !site)
      throw new DomainError('not_found', 'appointment_unknown', 'appointment_unknown');
    return { a, site };
  }

  return {
    /** Free times from a day (never before today, never past the horizon). */
    async slots(db: DbOrTx, siteId: string, query: { from?: string; days: number }) {
      const site = (await directory.get(siteId, db))?.site;
      if (!site) throw notFound();
      const today = danishDay(clock.now());
      const from = query.from && query.from > today ? query.from : today;
      const last = addDays(today, HORIZON_DAYS - 1);
      const days = Math.max(
        0,
        Math.min(query.days, Math.round((Date.parse(last) - Date.parse(from)) / 86400_000) + 1),
      );
      return days > 0 ? plan(db, site, from, days) : [];
    },

    /** A citizen books a seat; a logged-in citizen of this municipality gets it on their record. */
    async book(
      tx: DbOrTx,
      who: { actor: Actor | null; audit: AuditActor | null },
      site: SiteRow,
      input: BookInput,
      secret: { tokenHash: string; link: string; lang: PageLang },
    ) {
      const slot = await slotFor(tx, site, input.day, input.start);
      const citizen = await visitingCitizen(tx, who.actor, site);
      const booked = await bookSeat(
        tx,
        {
          municipalityId: site.municipalityId,
          siteId: site.id,
          day: input.day,
          start: slot.start,
          end: slot.end,
          firstName: input.firstName,
          topic: input.topic,
          citizenId: citizen?.id ?? null,
          email: input.email ?? null,
          phone: input.phone ?? null,
          tokenHash: secret.tokenHash,
        },
        slot.capacity,
      );
      if (!booked) throw conflict('slot_full');
      await queueMessages(tx, booked, site, secret.lang, secret.link);
      if (citizen && who.audit)
        await writeAudit(tx, who.audit, {
          action: 'workshop.appointment.book',
          entity: 'workshop_appointment',
          entityId: booked.id,
          citizenId: citizen.id,
          purpose: 'self_access',
        });
      return booked;
    },

    find: byToken,

    async cancel(tx: DbOrTx, tokenHash: string, lang: PageLang) {
      const { a, site } = await byToken(tx, tokenHash);
      if (a.status !== 'booked') throw conflict('appointment_cancelled');
      const cancelled = await setAppointment(tx, a.id, {
        status: 'cancelled',
        cancelledAt: clock.now(),
        sequence: a.sequence + 1,
      });
      await withdraw(tx, `appointment:${a.id}`);
      const facts = { siteName: site.name, address: site.address, day: a.day, start: a.start };
      for (const [channel, recipient] of [
        ['email', a.email],
        ['sms', a.phone],
      ] as const)
        if (recipient)
          await enqueue(tx, a.municipalityId, {
            channel,
            kind: 'appointment_cancellation',
            recipient,
            ...cancellation(facts, lang),
            sendAfter: clock.now(),
          });
      return { a: cancelled, site };
    },

    /**
     * The old booking gives up its seat and its token; the new one takes both, or, when the
     * new time is full, the transaction undoes everything.
     */
    async move(
      tx: DbOrTx,
      tokenHash: string,
      to: { day: string; start: string },
      secret: { link: string; lang: PageLang },
    ) {
      const { a, site } = await byToken(tx, tokenHash);
      if (a.status !== 'booked') throw conflict('appointment_cancelled');
      const slot = await slotFor(tx, site, to.day, to.start);
      await setAppointment(tx, a.id, {
        status: 'cancelled',
        cancelledAt: clock.now(),
        tokenHash: `moved:${a.id}`,
      });
      await withdraw(tx, `appointment:${a.id}`);
      const moved = await bookSeat(
        tx,
        {
          municipalityId: a.municipalityId,
          siteId: site.id,
          day: to.day,
          start: slot.start,
          end: slot.end,
          firstName: a.firstName,
          topic: a.topic,
          citizenId: a.citizenId,
          email: a.email,
          phone: a.phone,
          tokenHash: a.tokenHash,
          // The same calendar event, one change later.
          calendarUid: a.calendarUid,
          sequence: a.sequence + 1,
        },
        slot.capacity,
      );
      if (!moved) throw conflict('slot_full');
      await queueMessages(tx, moved, site, secret.lang, secret.link);
      return { a: moved, site };
    },

    async dayList(uc: UseCase, siteId: string, day: string | undefined) {
      const site = await own(uc.tx, uc.actor, siteId);
      const rows = await appointmentsOn(uc.tx, site.id, day ?? danishDay(clock.now()));
      return rows.map((r) => ({
        id: r.id,
        start: r.start,
        end: r.end,
        firstName: r.firstName,
        topic: r.topic,
      }));
    },

    /** The citizen with a booked time has come: straight to the eMentor who receives them. */
    async arrive(uc: UseCase, id: string): Promise<TicketView> {
      const { tx, actor } = uc;
      const a = await findAppointment(tx, actor.municipalityId, id);
      if (!a) throw notFound();
      const site = await own(tx, actor, a.siteId);
      const now = clock.now();
      if (a.status !== 'booked' || a.day !== danishDay(now)) throw conflict('ticket_moved');
      await setAppointment(tx, a.id, { status: 'attended' });
      const day = danishDay(now);
      const ticket = await insertTicket(tx, {
        municipalityId: a.municipalityId,
        siteId: site.id,
        day,
        number: await nextTicketNumber(tx, site, day),
        firstName: a.firstName,
        topic: a.topic,
        citizenId: a.citizenId,
        channel: 'appointment',
        status: 'called',
        createdAt: now,
        calledAt: now,
        calledBy: actor.userId,
      });
      await notifyQueue(tx, site.id);
      return {
        id: ticket.id,
        siteId: site.id,
        siteName: site.name,
        number: ticket.number,
        status: 'called',
        firstName: ticket.firstName,
        topic: ticket.topic,
        createdAt: ticket.createdAt.toISOString(),
      };
    },

    async shifts(uc: UseCase, siteId: string, query: { from?: string; days: number }) {
      const site = await own(uc.tx, uc.actor, siteId);
      const from = query.from ?? danishDay(clock.now());
      return shiftsBetween(uc.tx, site.id, from, addDays(from, query.days - 1));
    },

    async addShift(uc: UseCase, siteId: string, input: ShiftInput) {
      const site = await own(uc.tx, uc.actor, siteId);
      const person = (await ementorsOf(uc.tx, uc.actor.municipalityId)).find(
        (e) => e.id === input.userId,
      );
      if (!person) throw invalid('not_an_ementor');
      const row = await insertShift(uc.tx, {
        municipalityId: site.municipalityId,
        siteId: site.id,
        ...input,
      });
      return {
        id: row.id,
        userId: row.userId,
        name: person.name,
        day: row.day,
        start: row.start,
        end: row.end,
      };
    },

    async removeShift(uc: UseCase, siteId: string, shiftId: string) {
      const site = await own(uc.tx, uc.actor, siteId);
      if (!(await deleteShift(uc.tx, site.id, shiftId))) throw notFound();
    },
  };
}
