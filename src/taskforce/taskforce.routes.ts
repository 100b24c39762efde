// The taskforce's follow-up over HTTP: parse, call the use case, answer.
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { inTransaction } from '../platform/http/use-case';
import { route } from '../platform/http/route';
import {
  CSV_CONTENT_TYPE,
  csvDialect,
  toCsv,
  type CsvCell,
  type CsvDialect,
} from '../platform/csv';
import { taskforceApi } from './taskforce.contract';
import {
  issueReport,
  listReportsView,
  reportFile,
  budgetView,
  recordSpending,
  setBudget,
  centresView,
  changeAction,
  createAction,
  indicatorsView,
  recountIndicators,
  setTargets,
  journeyView,
  linkTargets,
  listActionsView,
  pilotsView,
  saveCentre,
} from './taskforce.use-cases';
import { budgetTable, indicatorsTable, journeyTable } from './taskforce.presenters';

/** A table behind a plot as a CSV download in the asked dialect. */
function sendCsv(
  reply: FastifyReply,
  name: string,
  { header, rows }: { header: string[]; rows: CsvCell[][] },
  dialect: CsvDialect,
) {
  return reply
    .header('content-type', CSV_CONTENT_TYPE)
    .header('content-disposition', `attachment; filename="${name}"`)
    .send(toCsv(header, rows, dialect));
}

export const taskforceRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;
  route(app, taskforceApi.indicators, async (request) =>
    inTransaction(ctx.db, request, (uc) => indicatorsView(uc, request.query)),
  );
  route(app, taskforceApi.recount, async (request) =>
    inTransaction(ctx.db, request, (uc) => recountIndicators(uc)),
  );
  route(app, taskforceApi.setTargets, async (request) =>
    inTransaction(ctx.db, request, (uc) => setTargets(uc, request.body)),
  );
  route(app, taskforceApi.indicatorsCsv, async (request, reply) => {
    const view = await inTransaction(ctx.db, request, (uc) => indicatorsView(uc, request.query));
    return sendCsv(
      reply,
      'indikatorer.csv',
      indicatorsTable(view),
      csvDialect(request.query.format, request.lang),
    );
  });
  route(app, taskforceApi.pilots, async (request) =>
    inTransaction(ctx.db, request, (uc) => pilotsView(uc, ctx.cipher)),
  );
  route(app, taskforceApi.journey, async (request) =>
    inTransaction(ctx.db, request, (uc) => journeyView(uc, request.query)),
  );
  route(app, taskforceApi.journeyCsv, async (request, reply) => {
    const view = await inTransaction(ctx.db, request, (uc) => journeyView(uc, request.query));
    return sendCsv(
      reply,
      'borgerforloeb.csv',
      journeyTable(view),
      csvDialect(request.query.format, request.lang),
    );
  });
  route(app, taskforceApi.budget, async (request) =>
    inTransaction(ctx.db, request, (uc) => budgetView(uc)),
  );
  route(app, taskforceApi.budgetCsv, async (request, reply) => {
    const view = await inTransaction(ctx.db, request, (uc) => budgetView(uc));
    return sendCsv(
      reply,
      'budget.csv',
      budgetTable(view),
      csvDialect(request.query.format, request.lang),
    );
  });
  route(app, taskforceApi.setBudget, async (request) =>
    inTransaction(ctx.db, request, (uc) => setBudget(uc, request.body)),
  );
  route(app, taskforceApi.recordSpending, async (request, reply) => {
    const view = await inTransaction(ctx.db, request, (uc) => recordSpending(uc, request.body));
    return reply.code(201).send(view);
  });
  route(app, taskforceApi.listReports, async (request) =>
    inTransaction(ctx.db, request, (uc) => listReportsView(uc)),
  );
  route(app, taskforceApi.issueReport, async (request, reply) => {
    const view = await inTransaction(ctx.db, request, (uc) =>
      issueReport(uc, ctx.cipher, request.body),
    );
    return reply.code(201).send(view);
  });
  route(app, taskforceApi.reportPdf, async (request, reply) => {
    const r = await inTransaction(ctx.db, request, (uc) =>
      reportFile(uc, request.params.id, 'pdf'),
    );
    return reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', `attachment; filename="${r.name}"`)
      .send(r.file);
  });
  route(app, taskforceApi.reportDocx, async (request, reply) => {
    const r = await inTransaction(ctx.db, request, (uc) =>
      reportFile(uc, request.params.id, 'docx'),
    );
    return reply
      .header(
        'content-type',
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      )
      .header('content-disposition', `attachment; filename="${r.name}"`)
      .send(r.file);
  });
  route(app, taskforceApi.listActions, async (request) =>
    inTransaction(ctx.db, request, (uc) => listActionsView(uc, request.query.recommendation)),
  );
  route(app, taskforceApi.createAction, async (request, reply) => {
    const view = await inTransaction(ctx.db, request, (uc) => createAction(uc, request.body));
    return reply.code(201).send(view);
  });
  route(app, taskforceApi.updateAction, async (request) =>
    inTransaction(ctx.db, request, (uc) => changeAction(uc, request.params.id, request.body)),
  );
  route(app, taskforceApi.linkTargets, async (request) =>
    inTransaction(ctx.db, request, (uc) => linkTargets(uc)),
  );
  route(app, taskforceApi.listCentres, async (request) =>
    inTransaction(ctx.db, request, (uc) => centresView(uc)),
  );
  route(app, taskforceApi.createCentre, async (request, reply) => {
    const view = await inTransaction(ctx.db, request, (uc) => saveCentre(uc, null, request.body));
    return reply.code(201).send(view);
  });
  route(app, taskforceApi.updateCentre, async (request) =>
    inTransaction(ctx.db, request, (uc) => saveCentre(uc, request.params.id, request.body)),
  );
};
