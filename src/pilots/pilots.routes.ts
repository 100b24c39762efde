// Pilot projects over HTTP: parse, call the use case (pilots.use-cases.ts), answer.

import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { access } from '../platform/http/access';
import { inTransaction } from '../platform/http/use-case';
import { CSV_CONTENT_TYPE, CsvFormat, csvDialect, toCsv } from '../platform/csv';
import { invalid } from '../platform/errors';
import { auditActor } from '../platform/audit';
import { t } from '../platform/i18n/messages';
import { IdParams } from '../organisation';
import { plotOf, reportPdf } from './evaluation-report';
import {
  EnrolmentView,
  EvaluationView,
  ImportReportView,
  LotteryInput,
  LotteryRecordView,
  ParticipationInput,
  PartnerInput,
  PilotCreateInput,
  PilotSummaryView,
  PilotUpdateInput,
  PilotView,
  ReferralInput,
  StatusInput,
} from './pilots.contract';
import { BALANCE_COVARIATES } from './evaluate-pilot.model';
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
  readLottery,
  readPilot,
  recordParticipation,
  referCitizen,
  removePartner,
} from './pilots.use-cases';

export const pilotRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;
  const readers = access.roles('pilot_manager', 'analyst', 'caseworker');
  const manager = access.roles('pilot_manager');

  app.get(
    '/api/pilots',
    {
      config: { access: readers },
      schema: { tags: ['pilots'], response: { 200: z.array(PilotSummaryView) } },
    },
    async (request) => inTransaction(ctx.db, request, listPilotSummaries),
  );

  app.post(
    '/api/pilots',
    {
      config: { access: manager },
      schema: { tags: ['pilots'], body: PilotCreateInput, response: { 201: PilotView } },
    },
    async (request, reply) => {
      const view = await inTransaction(ctx.db, request, (uc) => createPilot(uc, request.body));
      return reply.code(201).send(view);
    },
  );

  app.get(
    '/api/pilots/:id',
    {
      config: { access: readers },
      schema: { tags: ['pilots'], params: IdParams, response: { 200: PilotView } },
    },
    async (request) => inTransaction(ctx.db, request, (uc) => readPilot(uc, request.params.id)),
  );

  app.patch(
    '/api/pilots/:id',
    {
      config: { access: manager },
      schema: {
        tags: ['pilots'],
        params: IdParams,
        body: PilotUpdateInput,
        response: { 200: PilotView },
      },
    },
    async (request) =>
      inTransaction(ctx.db, request, (uc) => editPilot(uc, request.params.id, request.body)),
  );

  app.post(
    '/api/pilots/:id/status',
    {
      config: { access: manager },
      schema: {
        tags: ['pilots'],
        params: IdParams,
        body: StatusInput,
        response: { 200: PilotView },
      },
    },
    async (request) =>
      inTransaction(ctx.db, request, (uc) => movePilot(uc, request.params.id, request.body)),
  );

  app.post(
    '/api/pilots/:id/partners',
    {
      config: { access: manager },
      schema: {
        tags: ['pilots'],
        params: IdParams,
        body: PartnerInput,
        response: { 201: PilotView },
      },
    },
    async (request, reply) => {
      const view = await inTransaction(ctx.db, request, (uc) =>
        addPartner(uc, request.params.id, request.body),
      );
      return reply.code(201).send(view);
    },
  );

  app.delete(
    '/api/pilots/:id/partners/:partnerId',
    {
      config: { access: manager },
      schema: {
        tags: ['pilots'],
        params: z.object({ id: z.uuid(), partnerId: z.uuid() }),
        response: { 200: PilotView },
      },
    },
    async (request) =>
      inTransaction(ctx.db, request, (uc) =>
        removePartner(uc, request.params.id, request.params.partnerId),
      ),
  );

  app.post(
    '/api/pilots/:id/referrals',
    {
      config: { access: access.roles('caseworker', 'pilot_manager'), personalData: true },
      schema: {
        tags: ['pilots'],
        params: IdParams,
        body: ReferralInput,
        response: {
          201: z.object({
            id: z.uuid(),
            eligible: z.boolean(),
            eligibility: z.array(z.object({ rule: z.string(), ok: z.boolean() })),
          }),
        },
      },
    },
    async (request, reply) => {
      const out = await inTransaction(ctx.db, request, (uc) =>
        referCitizen(uc, request.params.id, request.body.citizenId),
      );
      return reply.code(201).send(out);
    },
  );

  app.get(
    '/api/pilots/:id/enrolments',
    {
      config: { access: manager, personalData: true },
      schema: { tags: ['pilots'], params: IdParams, response: { 200: z.array(EnrolmentView) } },
    },
    async (request) =>
      inTransaction(ctx.db, request, (uc) => listEnrolments(uc, request.params.id)),
  );

  app.post(
    '/api/pilots/:id/lottery',
    {
      config: { access: manager },
      schema: {
        tags: ['pilots'],
        params: IdParams,
        body: LotteryInput,
        response: { 200: PilotView },
      },
    },
    async (request) =>
      inTransaction(ctx.db, request, (uc) => drawPilotLottery(uc, request.params.id)),
  );

  app.get(
    '/api/pilots/:id/lottery',
    {
      config: { access: readers },
      schema: {
        tags: ['pilots'],
        params: IdParams,
        response: { 200: LotteryRecordView },
      },
    },
    async (request) => inTransaction(ctx.db, request, (uc) => readLottery(uc, request.params.id)),
  );

  app.patch(
    '/api/pilot-enrolments/:id',
    {
      config: { access: manager, personalData: true },
      schema: {
        tags: ['pilots'],
        params: IdParams,
        body: ParticipationInput,
        response: { 200: z.object({ id: z.uuid() }) },
      },
    },
    async (request) =>
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
    imports.post(
      '/api/register-imports',
      {
        config: { access: manager },
        bodyLimit: 200 * 1024 * 1024,
        schema: {
          tags: ['pilots'],
          description: 'CSV: cpr,week (YYYY-Www),benefit,employed (0/1),education (0/1)',
          response: {
            200: ImportReportView,
            // Also the shape of every other 400 here, hence the optional parts.
            400: z.object({
              error: z.object({
                code: z.string(),
                message: z.string(),
                fields: z.unknown().optional(),
              }),
              report: ImportReportView.optional(),
            }),
          },
        },
      },
      async (request, reply) => {
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
      },
    );
  });

  const evaluation = (request: FastifyRequest, id: string, action?: 'pilot.evaluation.export') =>
    inTransaction(ctx.db, request, (uc) => evaluate(uc, ctx.cipher, id, action));

  app.get(
    '/api/pilots/:id/evaluation',
    {
      config: { access: access.roles('pilot_manager', 'analyst') },
      schema: { tags: ['pilots'], params: IdParams, response: { 200: EvaluationView } },
    },
    async (request) => {
      const { pilot: p, result } = await evaluation(request, request.params.id);
      // The response schema keeps the per-person sample out of the view.
      return { ...result, rule: p.decisionRule, plotSvg: plotOf(p, result, request.lang) };
    },
  );

  app.get(
    '/api/pilots/:id/evaluation.csv',
    {
      config: { produces: 'text/csv', access: access.roles('pilot_manager', 'analyst') },
      schema: {
        tags: ['pilots'],
        params: IdParams,
        querystring: z.object({ format: CsvFormat }),
        description:
          "The analysis rows, pseudonymised: one per participant and per (matched) control, with covariates, weeks to exit or censoring, and whether the exit happened. By default for a spreadsheet in the user's language (Danish Excel: semicolons, decimal commas, BOM); `?format=rfc4180` is plain comma CSV, ready for `digiloft evaluate survival --time weeks --event exit --group group`.",
      },
    },
    async (request, reply) => {
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
    },
  );

  app.get(
    '/api/pilots/:id/evaluation.pdf',
    {
      config: { produces: 'application/pdf', access: access.roles('pilot_manager', 'analyst') },
      schema: { tags: ['pilots'], params: IdParams },
    },
    async (request, reply) => {
      const lang = request.lang;
      const { pilot: p, result } = await evaluation(request, request.params.id);
      const pdf = await reportPdf(p, result, plotOf(p, result, lang), lang);
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename="evaluering-${p.id}.pdf"`)
        .send(pdf);
    },
  );
};
