import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { and, eq } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import QRCode from 'qrcode';
import { access } from '../platform/http/access';
import { DomainError, invalid, notFound } from '../platform/errors';
import { TICKET_COOKIE } from '../platform/http/app-constants';
import { auditActor, writeAudit } from '../platform/audit';
import { newToken, tokenHash } from '../platform/crypto/tokens';
import type { Actor } from '../platform/auth/roles';
import type { DbOrTx } from '../platform/db/client';
import { IdParams } from '../organisation';
import { citizenPolicy, findCitizen, findCitizenByUser } from '../people';
import { ticketPolicy } from './workshops.policy';
import {
  CheckInInput,
  ClosureInput,
  ClosureView,
  HandOverInput,
  QueueEntryView,
  QueueSnapshotView,
  TicketView,
  VisitInput,
  WalkInInput,
  WorkshopPublicView,
  WorkshopSettingsInput,
  WorkshopSettingsView,
  WeekStatsView,
  CitizenVisitView,
} from './workshops.contract';
import {
  PUBLIC_WRITE_LIMITS,
  closedReason,
  danishDay,
  type CheckInChannel,
} from './workshops.model';
import { lastWeeks, statsTable, weeklyStats } from './stats.model';
import {
  callNext,
  ementorsOnDuty,
  findTicket,
  findTicketByToken,
  findWorkshop,
  insertTicket,
  insertVisit,
  listClosures,
  listQueue,
  listWorkshops,
  moveTicket,
  nextTicketNumber,
  notifyQueue,
  queueSnapshot,
  saveWorkshopConfig,
  workshopConfig,
  type SiteRow,
  type TicketRow,
  visitFacts,
  visitsOfCitizen,
} from './workshops.store';
import { workshopClosures } from './workshops.schema';

import { LiveQueue } from './live-queue';
import { WorkshopDirectory, ownWorkshop } from './workshop-directory';
import { appointmentRoutes } from './appointments.routes';
import { publicLink } from '../platform/http/origin';
import { CSV_CONTENT_TYPE, CsvFormat, csvDialect, toCsv } from '../platform/csv';
import { enforceLimits } from '../platform/http/rate-limit';
import { clock } from '../platform/clock';

const TICKET_HOURS = 14;

function ticketView(t: TicketRow, site: SiteRow): TicketView {
  return {
    id: t.id,
    siteId: t.siteId,
    siteName: site.name,
    number: t.number,
    status: t.status as TicketView['status'],
    firstName: t.firstName,
    topic: t.topic as TicketView['topic'],
    createdAt: t.createdAt.toISOString(),
  };
}

export const workshopRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;
  const ementor = access.roles('ementor');
  const admin = access.roles('admin');

  const directory = new WorkshopDirectory(ctx.db);
  const loadSnapshot = async (siteId: string) => {
    const w = await directory.get(siteId);
    if (!w) return null;
    return queueSnapshot(ctx.db, siteId, danishDay(clock.now()), w.config);
  };
  const live = new LiveQueue(ctx.database, loadSnapshot, (err) =>
    app.log.error({ err }, 'live queue snapshot failed'),
  );
  await live.start();
  // Bookings share the workshops' settings cache, so an admin's change reaches both at once.
  await app.register(appointmentRoutes, { directory });
  app.addHook('onClose', async () => live.close());

  const own = (db: DbOrTx, actor: Actor, siteId: string) =>
    ownWorkshop(directory, db, actor, siteId);

  /** Opens a ticket: number of the day, row, and a notice to every process. */
  async function checkIn(
    tx: DbOrTx,
    site: SiteRow,
    input: { firstName: string; topic: string },
    channel: CheckInChannel,
    extra: { citizenId?: string | null; tokenHash?: string | null },
  ) {
    const now = clock.now();
    // Citizens check in only while it is open; an eMentor in the room registers whoever is there.
    if (channel !== 'walk_in') {
      const w = await directory.get(site.id, tx);
      const closed =
        !w ||
        closedReason(now, w.config.openingHours, w.closures, w.config.openOnHolidays) !== null;
      if (closed) throw new DomainError('conflict', 'workshop_closed', 'workshop_closed');
    }
    const day = danishDay(now);
    const ticket = await insertTicket(tx, {
      municipalityId: site.municipalityId,
      siteId: site.id,
      day,
      number: await nextTicketNumber(tx, site, day),
      firstName: input.firstName,
      topic: input.topic,
      channel,
      status: 'waiting',
      createdAt: now,
      citizenId: extra.citizenId ?? null,
      tokenHash: extra.tokenHash ?? null,
    });
    await notifyQueue(tx, site.id);
    return ticket;
  }

  async function ticketOf(request: FastifyRequest) {
    const token = request.cookies[TICKET_COOKIE];
    const t = token ? await findTicketByToken(ctx.db, tokenHash(token)) : null;
    if (!t) throw new DomainError('not_found', 'no_ticket', 'no_ticket');
    const site = await findWorkshop(ctx.db, t.siteId);
    if (!site) throw new DomainError('not_found', 'no_ticket', 'no_ticket');
    return { t, site };
  }

  // ---- Public: the door's QR code, the kiosk, the citizen's phone, the screen in the room.

  app.get(
    '/api/workshops/:id/public',
    {
      config: { access: access.public() },
      schema: { tags: ['workshops'], params: IdParams, response: { 200: WorkshopPublicView } },
    },
    async (request) => {
      const w = await directory.get(request.params.id);
      if (!w) throw notFound();
      const { site, config } = w;
      return {
        id: site.id,
        name: site.name,
        address: site.address,
        postalCode: site.postalCode,
        city: site.city,
        closed: closedReason(clock.now(), config.openingHours, w.closures, config.openOnHolidays),
      };
    },
  );

  app.post(
    '/api/workshops/:id/check-in',
    {
      config: { access: access.public(), personalData: true },
      schema: {
        tags: ['workshops'],
        params: IdParams,
        body: CheckInInput,
        response: { 201: TicketView },
      },
    },
    async (request, reply) => {
      const site = (await directory.get(request.params.id))?.site;
      if (!site) throw notFound();
      await enforceLimits(ctx.db, [
        {
          key: `checkin:src:${site.id}:${request.ip}`,
          limit: PUBLIC_WRITE_LIMITS.checkInPerSource,
        },
        { key: `checkin:site:${site.id}`, limit: PUBLIC_WRITE_LIMITS.checkInPerWorkshop },
      ]);
      const phone = request.body.channel === 'qr';
      const token = phone ? newToken() : null;
      const ticket = await ctx.db.transaction(async (tx) => {
        // A logged-in citizen of this municipality gets the visit on their own record.
        const actor = request.actor;
        const citizen =
          actor?.roles.includes('citizen') && actor.municipalityId === site.municipalityId
            ? await findCitizenByUser(tx, actor.municipalityId, actor.userId)
            : null;
        const t = await checkIn(tx, site, request.body, request.body.channel, {
          citizenId: citizen?.id ?? null,
          tokenHash: token ? tokenHash(token) : null,
        });
        if (citizen) {
          await writeAudit(tx, auditActor(request), {
            action: 'workshop.check_in',
            entity: 'queue_ticket',
            entityId: t.id,
            citizenId: citizen.id,
            purpose: 'self_access',
          });
        }
        return t;
      });
      if (token)
        reply.setCookie(TICKET_COOKIE, token, {
          path: '/api/tickets',
          httpOnly: true,
          sameSite: 'lax',
          secure: 'auto',
          maxAge: TICKET_HOURS * 3600,
        });
      return reply.code(201).send(ticketView(ticket, site));
    },
  );

  app.get(
    '/api/tickets/current',
    {
      config: { access: access.public() },
      schema: { tags: ['workshops'], response: { 200: TicketView } },
    },
    async (request) => {
      const { t, site } = await ticketOf(request);
      return ticketView(t, site);
    },
  );

  app.post(
    '/api/tickets/current/leave',
    {
      config: { access: access.public() },
      schema: { tags: ['workshops'], response: { 200: TicketView } },
    },
    async (request) => {
      const { t, site } = await ticketOf(request);
      const left = await ctx.db.transaction(async (tx) => {
        const moved = await moveTicket(tx, t.id, 'waiting', {
          status: 'left',
          finishedAt: clock.now(),
        });
        if (!moved) throw new DomainError('conflict', 'ticket_moved', 'ticket_moved');
        await notifyQueue(tx, site.id);
        return moved;
      });
      return ticketView(left, site);
    },
  );

  app.get(
    '/api/workshops/:id/snapshot',
    {
      config: { access: access.public() },
      schema: { tags: ['workshops'], params: IdParams, response: { 200: QueueSnapshotView } },
    },
    async (request) => {
      const snapshot = await loadSnapshot(request.params.id);
      if (!snapshot) throw notFound();
      return snapshot;
    },
  );

  // Server-sent events: the snapshot now, then again at every change, from any process.
  app.get(
    '/api/workshops/:id/live',
    {
      config: { produces: 'text/event-stream', access: access.public() },
      schema: { tags: ['workshops'], params: IdParams },
    },
    async (request, reply) => {
      const first = await loadSnapshot(request.params.id);
      if (!first) throw notFound();
      reply.hijack();
      const res = reply.raw;
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      res.write(`data: ${JSON.stringify(first)}\n\n`);
      const unsubscribe = live.subscribe(request.params.id, (event) => res.write(event));
      // Proxies drop quiet connections; a comment line every 25 s keeps this one open.
      const beat = setInterval(() => res.write(': keep-alive\n\n'), 25_000);
      request.raw.on('close', () => {
        clearInterval(beat);
        unsubscribe();
      });
    },
  );

  // ---- Staff: the workshops of the municipality, the eMentors' live queue and visit log.

  app.get(
    '/api/workshops',
    {
      config: { access: access.roles('ementor', 'admin', 'caseworker', 'analyst') },
      schema: {
        tags: ['workshops'],
        response: {
          200: z.array(z.object({ id: z.uuid(), name: z.string(), address: z.string() })),
        },
      },
    },
    async (request) => {
      const rows = await listWorkshops(ctx.db, request.actor!.municipalityId);
      return rows.map((s) => ({ id: s.id, name: s.name, address: s.address }));
    },
  );

  app.get(
    '/api/workshops/:id/queue',
    {
      config: { access: ementor, personalData: true },
      schema: {
        tags: ['workshops'],
        params: IdParams,
        response: { 200: z.array(QueueEntryView) },
      },
    },
    async (request) => {
      const actor = request.actor!;
      return ctx.db.transaction(async (tx) => {
        const site = await own(tx, actor, request.params.id);
        const rows = await listQueue(tx, site.id, danishDay(clock.now()));
        // Like a caseload listing: one row for the list, naming no single citizen.
        await writeAudit(tx, auditActor(request), {
          action: 'workshop.queue.read',
          entity: 'queue_ticket',
          purpose: 'digital_guidance',
          details: { count: rows.length, linked: rows.filter((r) => r.ticket.citizenId).length },
        });
        return rows.map(({ ticket: t, helper }) => ({
          id: t.id,
          number: t.number,
          firstName: t.firstName,
          topic: t.topic as QueueEntryView['topic'],
          status: t.status as QueueEntryView['status'],
          channel: t.channel as QueueEntryView['channel'],
          createdAt: t.createdAt.toISOString(),
          calledAt: t.calledAt?.toISOString() ?? null,
          helper: helper ?? null,
          helperId: t.calledBy,
          linkedToCitizen: t.citizenId !== null,
        }));
      });
    },
  );

  app.post(
    '/api/workshops/:id/queue/next',
    {
      config: { access: ementor },
      schema: { tags: ['workshops'], params: IdParams, response: { 200: TicketView } },
    },
    async (request) => {
      const actor = request.actor!;
      return ctx.db.transaction(async (tx) => {
        const site = await own(tx, actor, request.params.id);
        const t = await callNext(tx, site.id, danishDay(clock.now()), actor.userId);
        if (!t) throw new DomainError('conflict', 'queue_empty', 'queue_empty');
        await notifyQueue(tx, site.id);
        return ticketView(t, site);
      });
    },
  );

  app.post(
    '/api/workshops/:id/walk-in',
    {
      config: { access: ementor },
      schema: {
        tags: ['workshops'],
        params: IdParams,
        body: WalkInInput,
        response: { 201: TicketView },
      },
    },
    async (request, reply) => {
      const actor = request.actor!;
      const view = await ctx.db.transaction(async (tx) => {
        const site = await own(tx, actor, request.params.id);
        return ticketView(await checkIn(tx, site, request.body, 'walk_in', {}), site);
      });
      return reply.code(201).send(view);
    },
  );

  /** A ticket of the actor's municipality that an eMentor is working with. */
  async function staffTicket(tx: DbOrTx, actor: Actor, id: string) {
    const t = await findTicket(tx, id);
    if (!t || t.municipalityId !== actor.municipalityId) throw notFound();
    const site = await own(tx, actor, t.siteId);
    return { t, site };
  }

  app.post(
    '/api/queue-tickets/:id/no-show',
    {
      config: { access: ementor },
      schema: { tags: ['workshops'], params: IdParams, response: { 200: TicketView } },
    },
    async (request) => {
      const actor = request.actor!;
      return ctx.db.transaction(async (tx) => {
        const { t, site } = await staffTicket(tx, actor, request.params.id);
        const moved = await moveTicket(tx, t.id, 'called', {
          status: 'no_show',
          finishedAt: clock.now(),
        });
        if (!moved) throw new DomainError('conflict', 'ticket_moved', 'ticket_moved');
        await notifyQueue(tx, site.id);
        return ticketView(moved, site);
      });
    },
  );

  app.post(
    '/api/queue-tickets/:id/hand-over',
    {
      config: { access: ementor },
      schema: {
        tags: ['workshops'],
        params: IdParams,
        body: HandOverInput,
        response: { 200: TicketView },
      },
    },
    async (request) => {
      const actor = request.actor!;
      return ctx.db.transaction(async (tx) => {
        const { t, site } = await staffTicket(tx, actor, request.params.id);
        // Only the eMentor serving the citizen hands them over, and only to a colleague on
        // duty at this workshop: taking over would open the citizen's tests to the taker.
        if (!ticketPolicy.handOver(actor, t))
          throw new DomainError('conflict', 'ticket_not_yours', 'ticket_not_yours');
        const colleagues = await ementorsOnDuty(tx, site.id, t.day);
        if (
          request.body.userId === actor.userId ||
          !colleagues.some((c) => c.id === request.body.userId)
        )
          throw invalid('not_an_ementor');
        const moved = await moveTicket(tx, t.id, 'called', { calledBy: request.body.userId });
        if (!moved) throw new DomainError('conflict', 'ticket_moved', 'ticket_moved');
        await notifyQueue(tx, site.id);
        return ticketView(moved, site);
      });
    },
  );

  app.post(
    '/api/queue-tickets/:id/visit',
    {
      config: { access: ementor, personalData: true },
      schema: {
        tags: ['workshops'],
        params: IdParams,
        body: VisitInput,
        response: { 201: z.object({ id: z.uuid(), ticket: TicketView }) },
      },
    },
    async (request, reply) => {
      const actor = request.actor!;
      const input = request.body;
      if (input.onBehalf && !input.powerOfAttorneyConfirmed)
        throw invalid('power_of_attorney_required');
      const out = await ctx.db.transaction(async (tx) => {
        const { t, site } = await staffTicket(tx, actor, request.params.id);
        const now = clock.now();
        const moved = await moveTicket(tx, t.id, 'called', { status: 'done', finishedAt: now });
        if (!moved) throw new DomainError('conflict', 'ticket_moved', 'ticket_moved');
        const visit = await insertVisit(tx, {
          municipalityId: site.municipalityId,
          siteId: site.id,
          ticketId: t.id,
          citizenId: t.citizenId,
          ementorId: actor.userId,
          topics: input.topics,
          competences: input.competences,
          device: input.device,
          resolved: input.resolved,
          minutes: input.minutes,
          onBehalfWithPowerOfAttorney: input.onBehalf,
          courseSuggested: input.courseSuggested,
          waitedMinutes: t.calledAt
            ? Math.round((t.calledAt.getTime() - t.createdAt.getTime()) / 60_000)
            : null,
        });
        await writeAudit(tx, auditActor(request), {
          action: 'workshop.visit.create',
          entity: 'workshop_visit',
          entityId: visit.id,
          citizenId: t.citizenId,
          purpose: 'digital_guidance',
        });
        await notifyQueue(tx, site.id);
        return { id: visit.id, ticket: ticketView(moved, site) };
      });
      return reply.code(201).send(out);
    },
  );

  app.get(
    '/api/citizens/:id/workshop-visits',
    {
      config: { access: access.roles('caseworker'), personalData: true },
      schema: {
        tags: ['workshops'],
        params: IdParams,
        response: { 200: z.array(CitizenVisitView) },
      },
    },
    async (request) => {
      const actor = request.actor!;
      return ctx.db.transaction(async (tx) => {
        const c = await findCitizen(tx, actor.municipalityId, request.params.id);
        if (!c || !citizenPolicy.read(actor, c)) throw notFound();
        const rows = await visitsOfCitizen(tx, actor.municipalityId, c.id);
        await writeAudit(tx, auditActor(request), {
          action: 'workshop.visit.read',
          entity: 'workshop_visit',
          citizenId: c.id,
          purpose: 'case_management',
          details: { count: rows.length },
        });
        return rows.map(({ visit: v, siteName }) => ({
          id: v.id,
          at: v.createdAt.toISOString(),
          siteName,
          topics: v.topics as CitizenVisitView['topics'],
          competences: v.competences,
          resolved: v.resolved,
          minutes: v.minutes,
          courseSuggested: v.courseSuggested,
        }));
      });
    },
  );

  app.get(
    '/api/workshops/:id/ementors',
    {
      config: { access: ementor },
      schema: {
        tags: ['workshops'],
        params: IdParams,
        response: { 200: z.array(z.object({ id: z.uuid(), name: z.string() })) },
      },
    },
    async (request) => {
      const site = await own(ctx.db, request.actor!, request.params.id);
      // Colleagues one can hand a citizen over to: on duty here today, not oneself.
      const onDuty = await ementorsOnDuty(ctx.db, site.id, danishDay(clock.now()));
      return onDuty.filter((c) => c.id !== request.actor!.userId);
    },
  );

  app.get(
    '/api/workshops/:id/door-poster',
    {
      config: { access: access.roles('ementor', 'admin') },
      schema: {
        tags: ['workshops'],
        params: IdParams,
        response: { 200: z.object({ name: z.string(), url: z.string(), qrSvg: z.string() }) },
      },
    },
    async (request) => {
      const site = await own(ctx.db, request.actor!, request.params.id);
      const url = publicLink(ctx.settings, `/vaerksted/${site.id}/tjek-ind`);
      return {
        name: site.name,
        url,
        qrSvg: await QRCode.toString(url, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }),
      };
    },
  );

  // ---- Statistics per workshop and week (aggregates only).

  async function weekly(request: FastifyRequest, siteId: string, weeks: number) {
    const site = await own(ctx.db, request.actor!, siteId);
    const now = clock.now();
    const labels = lastWeeks(now, weeks);
    const since = new Date(now.getTime() - (weeks * 7 + 7) * 86400_000);
    const facts = await visitFacts(ctx.db, site.id, since);
    return weeklyStats(facts.visits, labels, facts.firstVisit);
  }
  const StatsQuery = z.object({ weeks: z.coerce.number().int().min(1).max(104).default(12) });

  app.get(
    '/api/workshops/:id/stats',
    {
      config: { access: access.roles('ementor', 'admin', 'analyst') },
      schema: {
        tags: ['workshops'],
        params: IdParams,
        querystring: StatsQuery,
        response: { 200: z.array(WeekStatsView) },
      },
    },
    async (request) => weekly(request, request.params.id, request.query.weeks),
  );

  app.get(
    '/api/workshops/:id/stats.csv',
    {
      config: { produces: 'text/csv', access: access.roles('ementor', 'admin', 'analyst') },
      schema: {
        tags: ['workshops'],
        params: IdParams,
        querystring: StatsQuery.extend({ format: CsvFormat }),
      },
    },
    async (request, reply) => {
      const rows = await weekly(request, request.params.id, request.query.weeks);
      const table = statsTable(rows);
      return reply
        .header('content-type', CSV_CONTENT_TYPE)
        .header('content-disposition', 'attachment; filename="vaerksted-statistik.csv"')
        .send(toCsv(table.header, table.rows, csvDialect(request.query.format, request.lang)));
    },
  );

  // ---- Admin: how each workshop runs.

  app.get(
    '/api/workshops/:id/settings',
    {
      config: { access: admin },
      schema: { tags: ['workshops'], params: IdParams, response: { 200: WorkshopSettingsView } },
    },
    async (request) => {
      const site = await own(ctx.db, request.actor!, request.params.id);
      return workshopConfig(ctx.db, site.id);
    },
  );

  app.put(
    '/api/workshops/:id/settings',
    {
      config: { access: admin },
      schema: {
        tags: ['workshops'],
        params: IdParams,
        body: WorkshopSettingsInput,
        response: { 200: WorkshopSettingsView },
      },
    },
    async (request) => {
      const actor = request.actor!;
      const site = await own(ctx.db, actor, request.params.id);
      await saveWorkshopConfig(ctx.db, site, request.body, actor.userId);
      directory.forget(site.id);
      await notifyQueue(ctx.db, site.id);
      return request.body;
    },
  );

  app.get(
    '/api/workshops/:id/closures',
    {
      config: { access: access.roles('admin', 'ementor') },
      schema: { tags: ['workshops'], params: IdParams, response: { 200: z.array(ClosureView) } },
    },
    async (request) => {
      const site = await own(ctx.db, request.actor!, request.params.id);
      const rows = await listClosures(ctx.db, site.id, danishDay(clock.now()));
      return rows.map((r) => ({ id: r.id, day: r.day, reason: r.reason }));
    },
  );

  app.post(
    '/api/workshops/:id/closures',
    {
      config: { access: admin },
      schema: {
        tags: ['workshops'],
        params: IdParams,
        body: ClosureInput,
        response: { 201: ClosureView },
      },
    },
    async (request, reply) => {
      const site = await own(ctx.db, request.actor!, request.params.id);
      const [row] = await ctx.db
        .insert(workshopClosures)
        .values({ municipalityId: site.municipalityId, siteId: site.id, ...request.body })
        .onConflictDoUpdate({
          target: [workshopClosures.siteId, workshopClosures.day],
          set: { reason: request.body.reason },
        })
        .returning();
      directory.forget(site.id);
      return reply.code(201).send({ id: row!.id, day: row!.day, reason: row!.reason });
    },
  );

  app.delete(
    '/api/workshops/:id/closures/:closureId',
    {
      config: { access: admin },
      schema: {
        tags: ['workshops'],
        params: z.object({ id: z.uuid(), closureId: z.uuid() }),
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      const site = await own(ctx.db, request.actor!, request.params.id);
      const rows = await ctx.db
        .delete(workshopClosures)
        .where(
          and(
            eq(workshopClosures.siteId, site.id),
            eq(workshopClosures.id, request.params.closureId),
          ),
        )
        .returning();
      if (rows.length === 0) throw notFound();
      directory.forget(site.id);
      return reply.code(204).send(null);
    },
  );
};
