// Pilot projects over HTTP: parse, call the use case (pilots.use-cases.ts), answer.

import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { inTransaction } from '../platform/http/use-case';
import { CSV_CONTENT_TYPE, csvDialect, toCsv } from '../platform/csv';
import { invalid } from '../platform/errors';
import { auditActor } from '../platform/audit';
import { t } from '../platform/i18n/messages';
import { plotOf, reportPdf } from './evaluation-report';
import { BALANCE_COVARIATES } from './evaluate-pilot.model';
import { fullRule } from './decision.model';
import {
  addPartner,
  createPilot,
  drawPilotLottery,
  editPilot,
  evaluate,
  importRegisterData,
  listEnrolments,
  listPilotSummaries,
  movePilot,
  portfolio,
  powerFor,
  readLottery,
  recordLook,
  readPilot,
  recordParticipation,
  referCitizen,
  removePartner,
} from './pilots.use-cases';
import { route } from '../platform/http/route';
import { pilotsApi } from './pilots.contract';

export const pilotRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;

  route(app, pilotsApi.listPilots, async (request) =>
    inTransaction(ctx.db, request, listPilotSummaries),
  );

  route(app, pilotsApi.createPilot, async (request) =>
    inTransaction(ctx.db, request, (uc) => createPilot(uc, request.body)),
  );

  route(app, pilotsApi.getPilot, async (request) =>
    inTransaction(ctx.db, request, (uc) => readPilot(uc, request.params.id)),
  );

  route(app, pilotsApi.updatePilot, async (request) =>
    inTransaction(ctx.db, request, (uc) => editPilot(uc, request.params.id, request.body)),
  );

  route(app, pilotsApi.changePilotStatus, async (request) =>
    inTransaction(ctx.db, request, (uc) => movePilot(uc, request.params.id, request.body)),
  );

  route(app, pilotsApi.addPilotPartner, async (request) =>
    inTransaction(ctx.db, request, (uc) => addPartner(uc, request.params.id, request.body)),
  );

  route(app, pilotsApi.removePilotPartner, async (request) =>
    inTransaction(ctx.db, request, (uc) =>
      removePartner(uc, request.params.id, request.params.partnerId),
    ),
  );

  route(app, pilotsApi.referToPilot, async (request) =>
    inTransaction(ctx.db, request, (uc) =>
      referCitizen(uc, request.params.id, request.body.citizenId),
    ),
  );

  route(app, pilotsApi.pilotEnrolments, async (request) =>
    inTransaction(ctx.db, request, (uc) => listEnrolments(uc, request.params.id)),
  );

  route(app, pilotsApi.drawLottery, async (request) =>
    inTransaction(ctx.db, request, (uc) => drawPilotLottery(uc, request.params.id)),
  );

  route(app, pilotsApi.lotteryRecord, async (request) =>
    inTransaction(ctx.db, request, (uc) => readLottery(uc, request.params.id)),
  );

  route(app, pilotsApi.updatePilotEnrolment, async (request) =>
    inTransaction(ctx.db, request, (uc) =>
      recordParticipation(uc, request.params.id, request.body),
    ),
  );

  // Register data arrives as a CSV file of up to a few million rows.
  app.register(async (imports) => {
    imports.addContentTypeParser(
      ['text/csv', 'text/plain'],
      { parseAs: 'string', bodyLimit: 200 * 1024 * 1024 },
      (_req, body, done) => done(null, body),
    );
    route(imports, pilotsApi.importRegisterData, async (request, reply) => {
      if (typeof request.body !== 'string') throw invalid('bad_request');
      const report = await importRegisterData(
        ctx.db,
        auditActor(request),
        ctx.cipher,
        request.body,
      );
      if (report.problemCount > 0)
        return reply.code(400).send({
          error: {
            code: 'import_invalid',
            message: t(request.lang, 'import_invalid', { count: report.problemCount }),
          },
          report,
        });
      return report;
    });
  });

  const evaluation = (request: FastifyRequest, id: string, action?: 'pilot.evaluation.export') =>
    inTransaction(ctx.db, request, (uc) => evaluate(uc, ctx.cipher, id, action));

  route(app, pilotsApi.pilotEvaluation, async (request) => {
    const { pilot: p, result } = await evaluation(request, request.params.id);
    // The response schema keeps the per-person sample out of the view.
    return { ...result, rule: fullRule(p.decisionRule), plotSvg: plotOf(p, result, request.lang) };
  });

  route(app, pilotsApi.pilotPower, async (request) =>
    inTransaction(ctx.db, request, (uc) => powerFor(uc, request.query)),
  );

  route(app, pilotsApi.pilotPortfolio, async (request) =>
    inTransaction(ctx.db, request, (uc) => portfolio(uc, ctx.cipher)),
  );

  route(app, pilotsApi.recordPilotLook, async (request) =>
    inTransaction(ctx.db, request, (uc) => recordLook(uc, ctx.cipher, request.params.id)),
  );

  route(app, pilotsApi.pilotEvaluationCsv, async (request, reply) => {
    const { pilot: p, result } = await evaluation(
      request,
      request.params.id,
      'pilot.evaluation.export',
    );
    // A pseudonym per pilot: stable within the pilot, unlinkable across pilots and to the
    // person without the key.
    const pseudonym = (id: string) => ctx.cipher.hash(`pseudonym:${p.id}:${id}`).slice(0, 16);
    const header = ['pseudonym', 'group', ...BALANCE_COVARIATES, 'weeks', 'exit'];
    const rows = result.sample.map((r) => [
      pseudonym(r.id),
      r.group,
      ...BALANCE_COVARIATES.map((k) => Math.round(r.covariates[k] * 1e4) / 1e4),
      r.time,
      r.event,
    ]);
    return reply
      .header('content-type', CSV_CONTENT_TYPE)
      .header('content-disposition', `attachment; filename="evaluering-${p.id}.csv"`)
      .send(toCsv(header, rows, csvDialect(request.query.format, request.lang)));
  });

  route(app, pilotsApi.pilotEvaluationPdf, async (request, reply) => {
    const lang = request.lang;
    const { pilot: p, result } = await evaluation(request, request.params.id);
    const pdf = await reportPdf(p, result, plotOf(p, result, lang), lang);
    return reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', `attachment; filename="evaluering-${p.id}.pdf"`)
      .send(pdf);
  });
};
