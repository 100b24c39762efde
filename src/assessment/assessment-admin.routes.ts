// The test's administration over HTTP (admins): cut scores, the item bank and calibration.
// Parse, call the use case (item-bank.use-cases.ts), answer.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { access } from '../platform/http/access';
import { inTransaction } from '../platform/http/use-case';
import { IdParams } from '../organisation';
import {
  CalibrationInput,
  CalibrationView,
  ItemAdminView,
  ItemCreateInput,
  ItemUpdateInput,
  TriageSettingsInput,
  TriageSettingsView,
} from './assessment-admin.contract';
import { cutScores } from './assessment.store';
import {
  calibrations,
  changeItem,
  createItem,
  decideOnCalibration,
  listItemBank,
  runCalibration,
  setCutScores,
} from './item-bank.use-cases';

export const assessmentAdminRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;
  const admin = access.roles('admin');

  app.get(
    '/api/assessment/settings',
    {
      config: { access: admin },
      schema: { tags: ['test admin'], response: { 200: TriageSettingsView } },
    },
    async (request) => {
      const cuts = await cutScores(ctx.db, request.actor!.municipalityId);
      return { foundationCut: cuts.foundation, jobGoalCut: cuts.jobGoal };
    },
  );
  app.put(
    '/api/assessment/settings',
    {
      config: { access: admin },
      schema: {
        tags: ['test admin'],
        body: TriageSettingsInput,
        response: { 200: TriageSettingsView },
      },
    },
    async (request) => inTransaction(ctx.db, request, (uc) => setCutScores(uc, request.body)),
  );
  app.get(
    '/api/assessment/items',
    {
      config: { access: admin },
      schema: { tags: ['test admin'], response: { 200: z.array(ItemAdminView) } },
    },
    async (request) => inTransaction(ctx.db, request, listItemBank),
  );
  app.post(
    '/api/assessment/items',
    {
      config: { access: admin },
      schema: {
        tags: ['test admin'],
        body: ItemCreateInput,
        response: { 201: z.object({ id: z.uuid(), key: z.string() }) },
      },
    },
    async (request, reply) => {
      const item = await inTransaction(ctx.db, request, (uc) => createItem(uc, request.body));
      return reply.code(201).send(item);
    },
  );
  app.patch(
    '/api/assessment/items/:id',
    {
      config: { access: admin },
      schema: {
        tags: ['test admin'],
        params: IdParams,
        body: ItemUpdateInput,
        response: { 200: z.object({ id: z.uuid(), status: z.string() }) },
      },
    },
    async (request) =>
      inTransaction(ctx.db, request, (uc) => changeItem(uc, request.params.id, request.body)),
  );
  app.post(
    '/api/assessment/calibrations',
    {
      config: { access: admin },
      schema: { tags: ['test admin'], body: CalibrationInput, response: { 201: CalibrationView } },
    },
    async (request, reply) => {
      const run = await inTransaction(ctx.db, request, (uc) =>
        runCalibration(uc, request.body.minResponses),
      );
      return reply.code(201).send(run);
    },
  );
  app.get(
    '/api/assessment/calibrations',
    {
      config: { access: admin },
      schema: { tags: ['test admin'], response: { 200: z.array(CalibrationView) } },
    },
    async (request) => inTransaction(ctx.db, request, calibrations),
  );
  app.post(
    '/api/assessment/calibrations/:id/:decision',
    {
      config: { access: admin },
      schema: {
        tags: ['test admin'],
        params: z.object({ id: z.uuid(), decision: z.enum(['publish', 'discard']) }),
        response: { 200: CalibrationView },
      },
    },
    async (request) =>
      inTransaction(ctx.db, request, (uc) =>
        decideOnCalibration(uc, request.params.id, request.params.decision),
      ),
  );
};
