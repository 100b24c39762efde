// The workshops over HTTP: the municipality's workshops, the door poster, weekly statistics
// and the admin's settings and closed days. The queue (queue.routes.ts) and bookings
// (appointments.routes.ts) are registered here, sharing one settings cache and live queue.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import QRCode from 'qrcode';
import { inTransaction } from '../platform/http/use-case';
import { statsTable } from './stats.model';
import { snapshotLoader } from './queue.use-cases';
import { workshopAdminUseCases } from './workshop-admin.use-cases';
import { LiveQueue } from './live-queue';
import { WorkshopDirectory } from './workshop-directory';
import { appointmentRoutes } from './appointments.routes';
import { queueRoutes } from './queue.routes';
import { publicLink } from '../platform/http/origin';
import { CSV_CONTENT_TYPE, csvDialect, toCsv } from '../platform/csv';
import { route } from '../platform/http/route';
import { workshopsApi } from './workshops.contract';

export const workshopRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;

  const directory = new WorkshopDirectory(ctx.db);
  const loadSnapshot = snapshotLoader(ctx.db, directory);
  const live = new LiveQueue(ctx.database, loadSnapshot, (err) =>
    app.log.error({ err }, 'live queue snapshot failed'),
  );
  await live.start();
  await app.register(queueRoutes, { directory, live, loadSnapshot });
  // Bookings share the workshops' settings cache, so an admin's change reaches both at once.
  await app.register(appointmentRoutes, { directory });
  app.addHook('onClose', async () => live.close());

  const admin = workshopAdminUseCases(directory);
  const { db } = ctx;

  route(app, workshopsApi.listWorkshops, async (request) =>
    inTransaction(db, request, (uc) => admin.listWorkshops(uc)),
  );
  route(app, workshopsApi.doorPoster, async (request) => {
    const site = await inTransaction(db, request, (uc) => admin.ownWorkshop(uc, request.params.id));
    const url = publicLink(ctx.settings, `/vaerksted/${site.id}/tjek-ind`);
    return {
      name: site.name,
      url,
      qrSvg: await QRCode.toString(url, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }),
    };
  });
  route(app, workshopsApi.workshopStats, async (request) =>
    inTransaction(db, request, (uc) =>
      admin.weeklyStats(uc, request.params.id, request.query.weeks),
    ),
  );
  route(app, workshopsApi.workshopStatsCsv, async (request, reply) => {
    const rows = await inTransaction(db, request, (uc) =>
      admin.weeklyStats(uc, request.params.id, request.query.weeks),
    );
    const table = statsTable(rows);
    return reply
      .header('content-type', CSV_CONTENT_TYPE)
      .header('content-disposition', 'attachment; filename="vaerksted-statistik.csv"')
      .send(toCsv(table.header, table.rows, csvDialect(request.query.format, request.lang)));
  });
  route(app, workshopsApi.workshopSettings, async (request) =>
    inTransaction(db, request, (uc) => admin.settings(uc, request.params.id)),
  );
  route(app, workshopsApi.updateWorkshopSettings, async (request) =>
    inTransaction(db, request, (uc) => admin.updateSettings(uc, request.params.id, request.body)),
  );
  route(app, workshopsApi.listClosures, async (request) =>
    inTransaction(db, request, (uc) => admin.closures(uc, request.params.id)),
  );
  route(app, workshopsApi.addClosure, async (request) =>
    inTransaction(db, request, (uc) => admin.addClosure(uc, request.params.id, request.body)),
  );
  route(app, workshopsApi.removeClosure, async (request, reply) => {
    await inTransaction(db, request, (uc) =>
      admin.removeClosure(uc, request.params.id, request.params.closureId),
    );
    return reply.code(204).send(null);
  });
};
