// The demand picture over HTTP: parse, call the use case (demand.use-cases.ts), answer.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { inTransaction } from '../platform/http/use-case';
import { route } from '../platform/http/route';
import { CSV_CONTENT_TYPE, csvDialect, toCsv } from '../platform/csv';
import { demandApi } from './demand.contract';
import { demandPicture, demandSupply, localRequirements } from './demand.use-cases';

export const demandRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;
  route(app, demandApi.demandPicture, async (request) =>
    inTransaction(ctx.db, request, (uc) => demandPicture(uc, request.query.by)),
  );
  route(app, demandApi.demandCsv, async (request, reply) => {
    const picture = await inTransaction(ctx.db, request, (uc) =>
      demandPicture(uc, request.query.by),
    );
    const rows = picture.cells.map((c) => [c.competence, c.key, c.source, c.value]);
    return reply
      .header('content-type', CSV_CONTENT_TYPE)
      .header('content-disposition', `attachment; filename="efterspoergsel-${picture.by}.csv"`)
      .send(
        toCsv(
          ['competence', picture.by, 'source', 'value'],
          rows,
          csvDialect(request.query.format, request.lang),
        ),
      );
  });
  route(app, demandApi.localRequirements, async (request) =>
    inTransaction(ctx.db, request, (uc) => localRequirements(uc, request.params.id)),
  );
  route(app, demandApi.demandSupply, async (request) =>
    inTransaction(ctx.db, request, demandSupply),
  );
};
