// Citizens' records over HTTP, for caseworkers and for the citizen (GDPR art. 15). Parse, call
// the use case (people.use-cases.ts), answer.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { access } from '../platform/http/access';
import { inTransaction } from '../platform/http/use-case';
import { CSV_CONTENT_TYPE, csvDialect, toCsv } from '../platform/csv';
import { clock } from '../platform/clock';
import { IdParams } from '../organisation';
import {
  AuditEntryView,
  AuditExportQuery,
  CitizenCreateInput,
  CitizenListItem,
  CitizenListQuery,
  CitizenSelfView,
  CitizenUpdateInput,
  CitizenView,
  CprLookupInput,
  CprLookupView,
  NoteInput,
  VulnerabilityInput,
} from './people.contract';
import { CprUnavailable } from './create-citizen';
import {
  addNote,
  changeCitizen,
  flagVulnerability,
  listCitizens,
  lookupCpr,
  readCitizen,
  readOwnAuditLog,
  readOwnRecord,
  recordRefusedCreation,
  registerCitizen,
} from './people.use-cases';

const caseworker = access.roles('caseworker');
const citizenOnly = access.roles('citizen');
const personal = true;

export const peopleRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;

  app.get(
    '/api/citizens',
    {
      config: { access: caseworker, personalData: personal },
      schema: {
        tags: ['people'],
        querystring: CitizenListQuery,
        response: { 200: z.array(CitizenListItem) },
      },
    },
    async (request) =>
      inTransaction(ctx.db, request, (uc) => listCitizens(uc, ctx.cipher, request.query)),
  );
  app.post(
    '/api/citizens/lookup',
    {
      config: { access: caseworker, personalData: personal },
      schema: { tags: ['people'], body: CprLookupInput, response: { 200: CprLookupView } },
    },
    async (request) =>
      inTransaction(ctx.db, request, (uc) => lookupCpr(uc, ctx.cipher, request.body.cpr)),
  );
  app.post(
    '/api/citizens',
    {
      config: { access: caseworker, personalData: personal },
      schema: { tags: ['people'], body: CitizenCreateInput, response: { 201: CitizenView } },
    },
    async (request, reply) => {
      try {
        const view = await inTransaction(ctx.db, request, (uc) =>
          registerCitizen(uc, ctx.cipher, request.body),
        );
        return reply.code(201).send(view);
      } catch (err) {
        if (err instanceof CprUnavailable)
          await inTransaction(ctx.db, request, (uc) => recordRefusedCreation(uc, err.existingId));
        throw err;
      }
    },
  );
  app.get(
    '/api/citizens/:id',
    {
      config: { access: caseworker, personalData: personal },
      schema: { tags: ['people'], params: IdParams, response: { 200: CitizenView } },
    },
    async (request) =>
      inTransaction(ctx.db, request, (uc) => readCitizen(uc, ctx.cipher, request.params.id)),
  );
  app.patch(
    '/api/citizens/:id',
    {
      config: { access: caseworker, personalData: personal },
      schema: {
        tags: ['people'],
        params: IdParams,
        body: CitizenUpdateInput,
        response: { 200: CitizenView },
      },
    },
    async (request) =>
      inTransaction(ctx.db, request, (uc) =>
        changeCitizen(uc, ctx.cipher, request.params.id, request.body),
      ),
  );
  app.post(
    '/api/citizens/:id/vulnerability',
    {
      config: { access: caseworker, personalData: personal },
      schema: {
        tags: ['people'],
        params: IdParams,
        body: VulnerabilityInput,
        response: { 200: CitizenView },
      },
    },
    async (request) =>
      inTransaction(ctx.db, request, (uc) =>
        flagVulnerability(uc, ctx.cipher, request.params.id, request.body),
      ),
  );
  app.post(
    '/api/citizens/:id/notes',
    {
      config: { access: caseworker, personalData: personal },
      schema: {
        tags: ['people'],
        params: IdParams,
        body: NoteInput,
        response: { 201: CitizenView },
      },
    },
    async (request, reply) => {
      const view = await inTransaction(ctx.db, request, (uc) =>
        addNote(uc, ctx.cipher, request.params.id, request.body.body),
      );
      return reply.code(201).send(view);
    },
  );
  app.get(
    '/api/me/citizen',
    {
      config: { access: citizenOnly, personalData: personal },
      schema: { tags: ['me'], response: { 200: CitizenSelfView } },
    },
    async (request) => inTransaction(ctx.db, request, (uc) => readOwnRecord(uc, ctx.cipher)),
  );
  app.get(
    '/api/me/audit',
    {
      config: { access: citizenOnly, personalData: personal },
      schema: { tags: ['me'], response: { 200: z.array(AuditEntryView) } },
    },
    async (request) =>
      inTransaction(ctx.db, request, (uc) => readOwnAuditLog(uc, { action: 'audit.read' })),
  );
  app.get(
    '/api/me/audit/export',
    {
      config: {
        produces: ['application/json', 'text/csv'],
        access: citizenOnly,
        personalData: personal,
      },
      schema: { tags: ['me'], querystring: AuditExportQuery },
    },
    async (request, reply) => {
      const entries = await inTransaction(ctx.db, request, (uc) =>
        readOwnAuditLog(uc, { action: 'audit.export', format: request.query.format }),
      );
      const stamp = clock.now().toISOString().slice(0, 10);
      const format = request.query.format;
      if (format !== 'json') {
        const header = ['tidspunkt', 'handling', 'formaal', 'rolle', 'myndighed', 'dig_selv'];
        const rows = entries.map((e) => [
          e.at,
          e.action,
          e.purpose,
          e.actorRole,
          e.organisation,
          e.self ? 'ja' : 'nej',
        ]);
        const dialect = csvDialect(format === 'csv' ? 'excel' : 'rfc4180', request.lang);
        return reply
          .header('content-type', CSV_CONTENT_TYPE)
          .header('content-disposition', `attachment; filename="digiloft-opslag-${stamp}.csv"`)
          .send(toCsv(header, rows, dialect));
      }
      return reply
        .header('content-type', 'application/json; charset=utf-8')
        .header('content-disposition', `attachment; filename="digiloft-opslag-${stamp}.json"`)
        .send(JSON.stringify({ exportedAt: clock.now().toISOString(), entries }, null, 2));
    },
  );
};
