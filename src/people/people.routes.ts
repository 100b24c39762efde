// Citizens' records over HTTP, for caseworkers and for the citizen (GDPR art. 15). Parse, call
// the use case (people.use-cases.ts), answer.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { inTransaction } from '../platform/http/use-case';
import { CSV_CONTENT_TYPE, csvDialect, toCsv } from '../platform/csv';
import { clock } from '../platform/clock';
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
import { route } from '../platform/http/route';
import { peopleApi } from './people.contract';

export const peopleRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;

  route(app, peopleApi.caseload, async (request) =>
    inTransaction(ctx.db, request, (uc) => listCitizens(uc, ctx.cipher, request.query)),
  );
  route(app, peopleApi.lookupCitizen, async (request) =>
    inTransaction(ctx.db, request, (uc) => lookupCpr(uc, ctx.cipher, request.body.cpr)),
  );
  route(app, peopleApi.createCitizen, async (request) => {
    try {
      const view = await inTransaction(ctx.db, request, (uc) =>
        registerCitizen(uc, ctx.cipher, request.body),
      );
      return view;
    } catch (err) {
      if (err instanceof CprUnavailable)
        await inTransaction(ctx.db, request, (uc) => recordRefusedCreation(uc, err.existingId));
      throw err;
    }
  });
  route(app, peopleApi.getCitizen, async (request) =>
    inTransaction(ctx.db, request, (uc) => readCitizen(uc, ctx.cipher, request.params.id)),
  );
  route(app, peopleApi.updateCitizen, async (request) =>
    inTransaction(ctx.db, request, (uc) =>
      changeCitizen(uc, ctx.cipher, request.params.id, request.body),
    ),
  );
  route(app, peopleApi.recordVulnerability, async (request) =>
    inTransaction(ctx.db, request, (uc) =>
      flagVulnerability(uc, ctx.cipher, request.params.id, request.body),
    ),
  );
  route(app, peopleApi.addCitizenNote, async (request) =>
    inTransaction(ctx.db, request, (uc) =>
      addNote(uc, ctx.cipher, request.params.id, request.body.body),
    ),
  );
  route(app, peopleApi.myCitizenData, async (request) =>
    inTransaction(ctx.db, request, (uc) => readOwnRecord(uc, ctx.cipher)),
  );
  route(app, peopleApi.myAuditTrail, async (request) =>
    inTransaction(ctx.db, request, (uc) => readOwnAuditLog(uc, { action: 'audit.read' })),
  );
  route(app, peopleApi.myDataExport, async (request, reply) => {
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
  });
};
