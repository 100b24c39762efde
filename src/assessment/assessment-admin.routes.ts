// The test's administration over HTTP (admins): cut scores, the item bank and calibration.
// Parse, call the use case (item-bank.use-cases.ts), answer.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { inTransaction } from '../platform/http/use-case';
import {
  calibrations,
  changeItem,
  createItem,
  decideOnCalibration,
  listItemBank,
  runCalibration,
  setCutScores,
  testLengthReport,
  triageSettings,
} from './item-bank.use-cases';
import { route } from '../platform/http/route';
import { assessmentAdminApi } from './assessment-admin.contract';

export const assessmentAdminRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;

  route(app, assessmentAdminApi.triageSettings, async (request) =>
    inTransaction(ctx.db, request, triageSettings),
  );
  route(app, assessmentAdminApi.updateTriageSettings, async (request) =>
    inTransaction(ctx.db, request, (uc) => setCutScores(uc, request.body)),
  );
  route(app, assessmentAdminApi.testLength, async (request) =>
    inTransaction(ctx.db, request, testLengthReport),
  );
  route(app, assessmentAdminApi.listItems, async (request) =>
    inTransaction(ctx.db, request, listItemBank),
  );
  route(app, assessmentAdminApi.createItem, async (request) =>
    inTransaction(ctx.db, request, (uc) => createItem(uc, request.body)),
  );
  route(app, assessmentAdminApi.updateItem, async (request) =>
    inTransaction(ctx.db, request, (uc) => changeItem(uc, request.params.id, request.body)),
  );
  route(app, assessmentAdminApi.runCalibration, async (request) =>
    inTransaction(ctx.db, request, (uc) => runCalibration(uc, request.body.minResponses)),
  );
  route(app, assessmentAdminApi.listCalibrations, async (request) =>
    inTransaction(ctx.db, request, calibrations),
  );
  route(app, assessmentAdminApi.decideCalibration, async (request) =>
    inTransaction(ctx.db, request, (uc) =>
      decideOnCalibration(uc, request.params.id, request.params.decision),
    ),
  );
};
