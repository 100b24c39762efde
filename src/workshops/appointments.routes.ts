import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { access } from '../platform/http/access';
import { DomainError, invalid, notFound } from '../platform/errors';
import { auditActor, writeAudit } from '../platform/audit';
import { newToken, tokenHash } from '../platform/crypto/tokens';
import { enqueue, withdraw } from '../platform/messaging/outbox';
import type { Actor } from '../platform/auth/roles';
import type { DbOrTx } from '../platform/db/client';
import type { Lang } from '../platform/i18n/messages';
import { IdParams } from '../organisation';
import { findCitizenByUser } from '../people';
import {
  AppointmentView,
  BookInput,
  BookedView,
  DayPlanView,
  MoveInput,
  ShiftInput,
  ShiftView,
  SlotsQuery,
  StaffAppointmentView,
  TicketView,
  TokenInput,
} from './workshops.contract';
import { PUBLIC_WRITE_LIMITS, danishDay } from './workshops.model';
import { addDays, appointmentIcs, bookingPlan, danishTimeToUtc } from './appointments.model';
import { cancellation, confirmation, reminder } from './appointment-messages';
import {
  appointmentsOn,
  bookSeat,
  bookedCounts,
  findAppointmentByToken,
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
import { workshopAppointments, workshopShifts } from './workshops.schema';
import { WorkshopDirectory, ownWorkshop } from './workshop-directory';
import { publicLink } from '../platform/http/origin';
import { enforceLimits } from '../platform/http/rate-limit';
import { clock } from '../platform/clock';

const HORIZON_DAYS = 28;

function view(a: AppointmentRow, site: SiteRow): AppointmentView {
  return {
    id: a.id,
    siteId: site.id,
    siteName: site.name,
    address: `${site.address}, ${site.postalCode} ${site.city}`,
    day: a.day,
    start: a.start,
    end: a.end,
    firstName: a.firstName,
    topic: a.topic,
    status: a.status as AppointmentView['status'],
    reminders: [...(a.email ? ['email' as const] : []), ...(a.phone ? ['sms' as const] : [])],
  };
}

/**
 * The appointment as a calendar event. Calendars sync their text to the cloud, so the secret
 * link to move or cancel stays out of it: the description points to the confirmation.
 */
function icsOf(a: AppointmentRow, site: SiteRow, lang: Lang, publicUrl: string) {
  return appointmentIcs({
    uid: `${a.calendarUid}@${new URL(publicUrl).host}`,
    sequence: a.sequence,
    cancelled: a.status === 'cancelled',
    day: a.day,
    start: a.start,
    end: a.end,
    summary: lang === 'en' ? `Digital workshop: ${site.name}` : `Digitalt værksted: ${site.name}`,
    location: `${site.address}, ${site.postalCode} ${site.city}`,
    description:
      lang === 'en'
        ? 'Bring your phone or tablet. To change or cancel, use the link in your confirmation.'
        : 'Tag din telefon eller tablet med. Vil du ændre eller aflyse, så brug linket i din bekræftelse.',
    stamp: clock.now(),
  });
}

export const appointmentRoutes: FastifyPluginAsyncZod<{ directory: WorkshopDirectory }> = async (
  app,
  { directory },
) => {
  const { ctx } = app;
  const own = (db: DbOrTx, actor: Actor, siteId: string) =>
    ownWorkshop(directory, db, actor, siteId);

  /** The bookable plan of a workshop from a day, as the citizen sees it. */
  async function plan(db: DbOrTx, site: SiteRow, from: string, days: number) {
    const to = addDays(from, days - 1);
    const w = (await directory.get(site.id, db))!;
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

  /** The slot a citizen asks for, with its capacity; clear 4xx when it cannot be booked. */
  async function slotFor(db: DbOrTx, site: SiteRow, day: string, start: string) {
    const today = danishDay(clock.now());
    if (day < today || day > addDays(today, HORIZON_DAYS - 1)) throw invalid('slot_unknown');
    const [d] = await plan(db, site, day, 1);
    if (d!.closed) throw new DomainError('conflict', 'workshop_closed_day', 'workshop_closed_day');
    const slot = d!.slots.find((s) => s.start === start);
    if (!slot) throw invalid('slot_unknown');
    return slot;
  }

  /** Confirmation now, reminder a day before (when that is still ahead). */
  async function queueMessages(
    tx: DbOrTx,
    a: AppointmentRow,
    site: SiteRow,
    lang: Lang,
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
        recipient,
        ...confirmation({ ...facts, link }, lang),
        sendAfter: clock.now(),
        ref,
      });
      if (remindAt.getTime() > clock.ms() + 3600_000)
        await enqueue(tx, a.municipalityId, {
          channel,
          recipient,
          ...reminder(facts, lang),
          sendAfter: remindAt,
          ref,
        });
    }
  }

  async function byToken(db: DbOrTx, token: string) {
    const a = await findAppointmentByToken(db, tokenHash(token));
    const site = a ? (await directory.get(a.siteId, db))?.site : null;
    if (!a || !site)
      throw new DomainError('not_found', 'appointment_unknown', 'appointment_unknown');
    return { a, site };
  }

  const manageLink = (token: string) => publicLink(ctx.settings, `/vaerksted/aftale#${token}`);

  app.get(
    '/api/workshops/:id/slots',
    {
      config: { access: access.public() },
      schema: {
        tags: ['workshops'],
        params: IdParams,
        querystring: SlotsQuery,
        response: { 200: z.array(DayPlanView) },
      },
    },
    async (request) => {
      const site = (await directory.get(request.params.id))?.site;
      if (!site) throw notFound();
      const today = danishDay(clock.now());
      const from = request.query.from && request.query.from > today ? request.query.from : today;
      const last = addDays(today, HORIZON_DAYS - 1);
      const days = Math.max(
        0,
        Math.min(
          request.query.days,
          Math.round((Date.parse(last) - Date.parse(from)) / 86400_000) + 1,
        ),
      );
      return days > 0 ? plan(ctx.db, site, from, days) : [];
    },
  );

  app.post(
    '/api/workshops/:id/appointments',
    {
      config: { access: access.public(), personalData: true },
      schema: {
        tags: ['workshops'],
        params: IdParams,
        body: BookInput,
        response: { 201: BookedView },
      },
    },
    async (request, reply) => {
      const site = (await directory.get(request.params.id))?.site;
      if (!site) throw notFound();
      await enforceLimits(ctx.db, [
        { key: `booking:src:${request.ip}`, limit: PUBLIC_WRITE_LIMITS.bookingPerSource },
        { key: `booking:site:${site.id}`, limit: PUBLIC_WRITE_LIMITS.bookingPerWorkshop },
      ]);
      const input = request.body;
      const token = newToken();
      const link = manageLink(token);
      const a = await ctx.db.transaction(async (tx) => {
        const slot = await slotFor(tx, site, input.day, input.start);
        const actor = request.actor;
        const citizen =
          actor?.roles.includes('citizen') && actor.municipalityId === site.municipalityId
            ? await findCitizenByUser(tx, actor.municipalityId, actor.userId)
            : null;
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
            tokenHash: tokenHash(token),
          },
          slot.capacity,
        );
        if (!booked) throw new DomainError('conflict', 'slot_full', 'slot_full');
        await queueMessages(tx, booked, site, request.lang, link);
        if (citizen)
          await writeAudit(tx, auditActor(request), {
            action: 'workshop.appointment.book',
            entity: 'workshop_appointment',
            entityId: booked.id,
            citizenId: citizen.id,
            purpose: 'self_access',
          });
        return booked;
      });
      return reply.code(201).send({
        appointment: view(a, site),
        token,
        ics: icsOf(a, site, request.lang, ctx.settings.publicUrl),
      });
    },
  );

  app.post(
    '/api/appointments/manage',
    {
      config: { access: access.public() },
      schema: { tags: ['workshops'], body: TokenInput, response: { 200: BookedView } },
    },
    async (request) => {
      const { a, site } = await byToken(ctx.db, request.body.token);
      return {
        appointment: view(a, site),
        ics: icsOf(a, site, request.lang, ctx.settings.publicUrl),
      };
    },
  );

  app.post(
    '/api/appointments/cancel',
    {
      config: { access: access.public() },
      schema: { tags: ['workshops'], body: TokenInput, response: { 200: BookedView } },
    },
    async (request) => {
      const out = await ctx.db.transaction(async (tx) => {
        const { a, site } = await byToken(tx, request.body.token);
        if (a.status !== 'booked')
          throw new DomainError('conflict', 'appointment_cancelled', 'appointment_cancelled');
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
              recipient,
              ...cancellation(facts, request.lang),
              sendAfter: clock.now(),
            });
        return { cancelled, site };
      });
      return {
        appointment: view(out.cancelled, out.site),
        ics: icsOf(out.cancelled, out.site, request.lang, ctx.settings.publicUrl),
      };
    },
  );

  app.post(
    '/api/appointments/move',
    {
      config: { access: access.public() },
      schema: { tags: ['workshops'], body: MoveInput, response: { 200: BookedView } },
    },
    async (request) => {
      const link = manageLink(request.body.token);
      const out = await ctx.db.transaction(async (tx) => {
        const { a, site } = await byToken(tx, request.body.token);
        if (a.status !== 'booked')
          throw new DomainError('conflict', 'appointment_cancelled', 'appointment_cancelled');
        const slot = await slotFor(tx, site, request.body.day, request.body.start);
        // The old booking gives up its seat and its token; the new one takes both, or, when the
        // new time is full, the transaction undoes everything.
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
            day: request.body.day,
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
        if (!moved) throw new DomainError('conflict', 'slot_full', 'slot_full');
        await queueMessages(tx, moved, site, request.lang, link);
        return { moved, site };
      });
      return {
        appointment: view(out.moved, out.site),
        ics: icsOf(out.moved, out.site, request.lang, ctx.settings.publicUrl),
      };
    },
  );

  // ---- Staff: the day's appointments for the eMentors; shifts for the admin.

  app.get(
    '/api/workshops/:id/appointments',
    {
      config: { access: access.roles('ementor', 'admin') },
      schema: {
        tags: ['workshops'],
        params: IdParams,
        querystring: z.object({ day: z.iso.date().optional() }),
        response: { 200: z.array(StaffAppointmentView) },
      },
    },
    async (request) => {
      const site = await own(ctx.db, request.actor!, request.params.id);
      const rows = await appointmentsOn(
        ctx.db,
        site.id,
        request.query.day ?? danishDay(clock.now()),
      );
      return rows.map((r) => ({
        id: r.id,
        start: r.start,
        end: r.end,
        firstName: r.firstName,
        topic: r.topic,
      }));
    },
  );

  // The citizen with a booked time has come: they go straight to the eMentor who receives them.
  app.post(
    '/api/workshop-appointments/:id/arrive',
    {
      config: { access: access.roles('ementor') },
      schema: { tags: ['workshops'], params: IdParams, response: { 200: TicketView } },
    },
    async (request) => {
      const actor = request.actor!;
      return ctx.db.transaction(async (tx) => {
        const [a] = await tx
          .select()
          .from(workshopAppointments)
          .where(
            and(
              eq(workshopAppointments.id, request.params.id),
              eq(workshopAppointments.municipalityId, actor.municipalityId),
            ),
          );
        if (!a) throw notFound();
        const site = await own(tx, actor, a.siteId);
        const now = clock.now();
        if (a.status !== 'booked' || a.day !== danishDay(now))
          throw new DomainError('conflict', 'ticket_moved', 'ticket_moved');
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
          status: 'called' as const,
          firstName: ticket.firstName,
          topic: ticket.topic,
          createdAt: ticket.createdAt.toISOString(),
        };
      });
    },
  );

  app.get(
    '/api/workshops/:id/shifts',
    {
      config: { access: access.roles('admin', 'ementor') },
      schema: {
        tags: ['workshops'],
        params: IdParams,
        querystring: z.object({
          from: z.iso.date().optional(),
          days: z.coerce.number().int().min(1).max(62).default(14),
        }),
        response: { 200: z.array(ShiftView) },
      },
    },
    async (request) => {
      const site = await own(ctx.db, request.actor!, request.params.id);
      const from = request.query.from ?? danishDay(clock.now());
      return shiftsBetween(ctx.db, site.id, from, addDays(from, request.query.days - 1));
    },
  );

  app.post(
    '/api/workshops/:id/shifts',
    {
      config: { access: access.roles('admin') },
      schema: {
        tags: ['workshops'],
        params: IdParams,
        body: ShiftInput,
        response: { 201: ShiftView },
      },
    },
    async (request, reply) => {
      const actor = request.actor!;
      const site = await own(ctx.db, actor, request.params.id);
      const person = (await ementorsOf(ctx.db, actor.municipalityId)).find(
        (e) => e.id === request.body.userId,
      );
      if (!person) throw invalid('not_an_ementor');
      const [row] = await ctx.db
        .insert(workshopShifts)
        .values({ municipalityId: site.municipalityId, siteId: site.id, ...request.body })
        .returning();
      return reply.code(201).send({
        id: row!.id,
        userId: row!.userId,
        name: person.name,
        day: row!.day,
        start: row!.start,
        end: row!.end,
      });
    },
  );

  app.delete(
    '/api/workshops/:id/shifts/:shiftId',
    {
      config: { access: access.roles('admin') },
      schema: {
        tags: ['workshops'],
        params: z.object({ id: z.uuid(), shiftId: z.uuid() }),
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      const site = await own(ctx.db, request.actor!, request.params.id);
      const rows = await ctx.db
        .delete(workshopShifts)
        .where(
          and(eq(workshopShifts.siteId, site.id), eq(workshopShifts.id, request.params.shiftId)),
        )
        .returning();
      if (rows.length === 0) throw notFound();
      return reply.code(204).send(null);
    },
  );
};
