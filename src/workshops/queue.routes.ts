// The drop-in queue over HTTP: the door's QR code, the kiosk, the citizen's phone, the screen
// in the room (public), and the eMentors' live queue. Parse, call the use case
// (queue.use-cases.ts), answer.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { access } from '../platform/http/access';
import { inTransaction } from '../platform/http/use-case';
import { DomainError, notFound } from '../platform/errors';
import { TICKET_COOKIE } from '../platform/http/app-constants';
import { auditActor } from '../platform/audit';
import { newToken, tokenHash } from '../platform/crypto/tokens';
import { enforceLimits } from '../platform/http/rate-limit';
import { clock } from '../platform/clock';
import { IdParams } from '../organisation';
import {
  CheckInInput,
  CitizenVisitView,
  HandOverInput,
  QueueEntryView,
  QueueSnapshotView,
  TicketView,
  VisitInput,
  WalkInInput,
  WorkshopPublicView,
} from './workshops.contract';
import { PUBLIC_WRITE_LIMITS, closedReason, type QueueSnapshot } from './workshops.model';
import { findTicketByToken } from './workshops.store';
import { presentTicket } from './workshops.presenters';
import { citizenVisits, queueUseCases } from './queue.use-cases';
import type { LiveQueue } from './live-queue';
import type { WorkshopDirectory } from './workshop-directory';

const TICKET_HOURS = 14;

export const queueRoutes: FastifyPluginAsyncZod<{
  directory: WorkshopDirectory;
  live: LiveQueue;
  loadSnapshot: (siteId: string) => Promise<QueueSnapshot | null>;
}> = async (app, { directory, live, loadSnapshot }) => {
  const { ctx } = app;
  const ementor = access.roles('ementor');
  const queue = queueUseCases(directory);

  async function ticketOf(request: FastifyRequest) {
    const token = request.cookies[TICKET_COOKIE];
    const t = token ? await findTicketByToken(ctx.db, tokenHash(token)) : null;
    if (!t) throw new DomainError('not_found', 'no_ticket', 'no_ticket');
    const site = (await directory.get(t.siteId))?.site;
    if (!site) throw new DomainError('not_found', 'no_ticket', 'no_ticket');
    return { t, site };
  }

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
      const token = request.body.channel === 'qr' ? newToken() : null;
      const who = {
        actor: request.actor ?? null,
        audit: request.actor ? auditActor(request) : null,
      };
      const ticket = await ctx.db.transaction((tx) =>
        queue.checkIn(tx, who, site, request.body, token ? tokenHash(token) : null),
      );
      if (token)
        reply.setCookie(TICKET_COOKIE, token, {
          path: '/api/tickets',
          httpOnly: true,
          sameSite: 'lax',
          secure: 'auto',
          maxAge: TICKET_HOURS * 3600,
        });
      return reply.code(201).send(ticket);
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
      return presentTicket(t, site);
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
      return ctx.db.transaction((tx) => queue.leave(tx, t.id, site));
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
    async (request) =>
      inTransaction(ctx.db, request, (uc) => queue.readQueue(uc, request.params.id)),
  );
  app.post(
    '/api/workshops/:id/queue/next',
    {
      config: { access: ementor },
      schema: { tags: ['workshops'], params: IdParams, response: { 200: TicketView } },
    },
    async (request) =>
      inTransaction(ctx.db, request, (uc) => queue.callNext(uc, request.params.id)),
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
      const view = await inTransaction(ctx.db, request, (uc) =>
        queue.walkIn(uc, request.params.id, request.body),
      );
      return reply.code(201).send(view);
    },
  );
  app.post(
    '/api/queue-tickets/:id/no-show',
    {
      config: { access: ementor },
      schema: { tags: ['workshops'], params: IdParams, response: { 200: TicketView } },
    },
    async (request) => inTransaction(ctx.db, request, (uc) => queue.noShow(uc, request.params.id)),
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
    async (request) =>
      inTransaction(ctx.db, request, (uc) => queue.handOver(uc, request.params.id, request.body)),
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
      const out = await inTransaction(ctx.db, request, (uc) =>
        queue.recordVisit(uc, request.params.id, request.body),
      );
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
    async (request) => inTransaction(ctx.db, request, (uc) => citizenVisits(uc, request.params.id)),
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
    async (request) =>
      inTransaction(ctx.db, request, (uc) => queue.colleaguesOnDuty(uc, request.params.id)),
  );
};
