// The drop-in queue over HTTP: the door's QR code, the kiosk, the citizen's phone, the screen
// in the room (public), and the eMentors' live queue. Parse, call the use case
// (queue.use-cases.ts), answer.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { inTransaction } from '../platform/http/use-case';
import { notFound } from '../platform/errors';
import { TICKET_COOKIE } from '../platform/http/app-constants';
import { auditActor } from '../platform/audit';
import { newToken, tokenHash } from '../platform/crypto/tokens';
import { enforceLimits } from '../platform/http/rate-limit';
import { clock } from '../platform/clock';
import { PUBLIC_WRITE_LIMITS, closedReason, type QueueSnapshot } from './workshops.model';
import { citizenVisits, queueUseCases } from './queue.use-cases';
import type { LiveQueue } from './live-queue';
import type { WorkshopDirectory } from './workshop-directory';
import { route } from '../platform/http/route';
import { queueApi } from './queue.contract';

const TICKET_HOURS = 14;

export const queueRoutes: FastifyPluginAsyncZod<{
  directory: WorkshopDirectory;
  live: LiveQueue;
  loadSnapshot: (siteId: string) => Promise<QueueSnapshot | null>;
}> = async (app, { directory, live, loadSnapshot }) => {
  const { ctx } = app;
  const queue = queueUseCases(directory);

  route(app, queueApi.workshopPublic, async (request) => {
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
  });
  route(app, queueApi.checkIn, async (request, reply) => {
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
    return ticket;
  });
  route(app, queueApi.currentTicket, async (request) =>
    queue.phoneTicket(ctx.db, request.cookies[TICKET_COOKIE]),
  );
  route(app, queueApi.leaveQueue, async (request) =>
    ctx.db.transaction((tx) => queue.leave(tx, request.cookies[TICKET_COOKIE])),
  );
  route(app, queueApi.queueSnapshot, async (request) => {
    const snapshot = await loadSnapshot(request.params.id);
    if (!snapshot) throw notFound();
    return snapshot;
  });
  route(app, queueApi.queueLive, async (request, reply) => {
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
  });
  route(app, queueApi.workshopQueue, async (request) =>
    inTransaction(ctx.db, request, (uc) => queue.readQueue(uc, request.params.id)),
  );
  route(app, queueApi.callNext, async (request) =>
    inTransaction(ctx.db, request, (uc) => queue.callNext(uc, request.params.id)),
  );
  route(app, queueApi.addWalkIn, async (request) =>
    inTransaction(ctx.db, request, (uc) => queue.walkIn(uc, request.params.id, request.body)),
  );
  route(app, queueApi.markNoShow, async (request) =>
    inTransaction(ctx.db, request, (uc) => queue.noShow(uc, request.params.id)),
  );
  route(app, queueApi.handOverTicket, async (request) =>
    inTransaction(ctx.db, request, (uc) => queue.handOver(uc, request.params.id, request.body)),
  );
  route(app, queueApi.recordVisit, async (request) =>
    inTransaction(ctx.db, request, (uc) => queue.recordVisit(uc, request.params.id, request.body)),
  );
  route(app, queueApi.citizenWorkshopVisits, async (request) =>
    inTransaction(ctx.db, request, (uc) => citizenVisits(uc, request.params.id)),
  );
  route(app, queueApi.workshopEmentors, async (request) =>
    inTransaction(ctx.db, request, (uc) => queue.colleaguesOnDuty(uc, request.params.id)),
  );
};
