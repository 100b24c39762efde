// The workshops over HTTP: the municipality's workshops, the door poster, weekly statistics
// and the admin's settings and closed days. The queue (queue.routes.ts) and bookings
// (appointments.routes.ts) are registered here, sharing one settings cache and live queue.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import QRCode from 'qrcode';
import { notFound } from '../platform/errors';
import type { Actor } from '../platform/auth/roles';
import type { DbOrTx } from '../platform/db/client';
import { listWorkshopSites } from '../organisation';
import { danishDay } from './workshops.model';
import { lastWeeks, statsTable, weeklyStats } from './stats.model';
import {
  deleteClosure,
  listClosures,
  notifyQueue,
  queueSnapshot,
  saveClosure,
  saveWorkshopConfig,
  visitFacts,
  workshopConfig,
} from './workshops.store';
import { LiveQueue } from './live-queue';
import { WorkshopDirectory, ownWorkshop } from './workshop-directory';
import { appointmentRoutes } from './appointments.routes';
import { queueRoutes } from './queue.routes';
import { publicLink } from '../platform/http/origin';
import { CSV_CONTENT_TYPE, csvDialect, toCsv } from '../platform/csv';
import { clock } from '../platform/clock';
import { route } from '../platform/http/route';
import { workshopsApi } from './workshops.contract';

export const workshopRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;

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
  await app.register(queueRoutes, { directory, live, loadSnapshot });
  // Bookings share the workshops' settings cache, so an admin's change reaches both at once.
  await app.register(appointmentRoutes, { directory });
  app.addHook('onClose', async () => live.close());

  const own = (db: DbOrTx, actor: Actor, siteId: string) =>
    ownWorkshop(directory, db, actor, siteId);

  route(app, workshopsApi.listWorkshops, async (request) => {
    const rows = await listWorkshopSites(ctx.db, request.actor!.municipalityId);
    return rows.map((s) => ({ id: s.id, name: s.name, address: s.address }));
  });
  route(app, workshopsApi.doorPoster, async (request) => {
    const site = await own(ctx.db, request.actor!, request.params.id);
    const url = publicLink(ctx.settings, `/vaerksted/${site.id}/tjek-ind`);
    return {
      name: site.name,
      url,
      qrSvg: await QRCode.toString(url, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }),
    };
  });

  // ---- Statistics per workshop and week (aggregates only).

  async function weekly(request: FastifyRequest, siteId: string, weeks: number) {
    const site = await own(ctx.db, request.actor!, siteId);
    const now = clock.now();
    const labels = lastWeeks(now, weeks);
    const since = new Date(now.getTime() - (weeks * 7 + 7) * 86400_000);
    const facts = await visitFacts(ctx.db, site.id, since);
    return weeklyStats(facts.visits, labels, facts.firstVisit);
  }
  route(app, workshopsApi.workshopStats, async (request) =>
    weekly(request, request.params.id, request.query.weeks),
  );
  route(app, workshopsApi.workshopStatsCsv, async (request, reply) => {
    const rows = await weekly(request, request.params.id, request.query.weeks);
    const table = statsTable(rows);
    return reply
      .header('content-type', CSV_CONTENT_TYPE)
      .header('content-disposition', 'attachment; filename="vaerksted-statistik.csv"')
      .send(toCsv(table.header, table.rows, csvDialect(request.query.format, request.lang)));
  });
  route(app, workshopsApi.workshopSettings, async (request) => {
    const site = await own(ctx.db, request.actor!, request.params.id);
    return workshopConfig(ctx.db, site.id);
  });
  route(app, workshopsApi.updateWorkshopSettings, async (request) => {
    const actor = request.actor!;
    const site = await own(ctx.db, actor, request.params.id);
    await saveWorkshopConfig(ctx.db, site, request.body, actor.userId);
    directory.forget(site.id);
    await notifyQueue(ctx.db, site.id);
    return request.body;
  });
  route(app, workshopsApi.listClosures, async (request) => {
    const site = await own(ctx.db, request.actor!, request.params.id);
    const rows = await listClosures(ctx.db, site.id, danishDay(clock.now()));
    return rows.map((r) => ({ id: r.id, day: r.day, reason: r.reason }));
  });
  route(app, workshopsApi.addClosure, async (request, reply) => {
    const site = await own(ctx.db, request.actor!, request.params.id);
    const row = await saveClosure(ctx.db, site, request.body);
    directory.forget(site.id);
    return reply.code(201).send({ id: row.id, day: row.day, reason: row.reason });
  });
  route(app, workshopsApi.removeClosure, async (request, reply) => {
    const site = await own(ctx.db, request.actor!, request.params.id);
    if (!(await deleteClosure(ctx.db, site.id, request.params.closureId))) throw notFound();
    directory.forget(site.id);
    return reply.code(204).send(null);
  });
};
