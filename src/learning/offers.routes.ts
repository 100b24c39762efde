// The learning catalogue over HTTP: offers, their sessions and places, ESCO occupations and
// the statistics. Parse, call the use case (offers.use-cases.ts), answer.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { access } from '../platform/http/access';
import { inTransaction } from '../platform/http/use-case';
import { IdParams } from '../organisation';
import { ESCO_ATTRIBUTION, esco } from './esco';
import {
  EnrolmentView,
  OccupationQuery,
  OccupationsView,
  OfferInput,
  OfferSummaryView,
  OfferView,
  SessionInput,
  StatsView,
} from './learning.contract';
import { statsRows } from './learning.store';
import { learningStats } from './stats.model';
import {
  addSession,
  changeOffer,
  createOffer,
  listOfferEnrolments,
  listOfferSummaries,
  readOffer,
  removeSession,
  retireOffer,
} from './offers.use-cases';

const staff = access.roles('admin', 'pilot_manager', 'caseworker', 'ementor', 'analyst');
const manager = access.roles('admin', 'pilot_manager');

export const offerRoutes: FastifyPluginAsyncZod = async (app) => {
  const ctx = app.ctx;

  app.get(
    '/api/learning/offers',
    {
      config: { access: staff },
      schema: {
        tags: ['learning'],
        querystring: z.object({ all: z.enum(['0', '1']).default('0') }),
        response: { 200: z.array(OfferSummaryView) },
      },
    },
    async (request) =>
      inTransaction(ctx.db, request, (uc) => listOfferSummaries(uc, request.query.all === '1')),
  );
  app.post(
    '/api/learning/offers',
    {
      config: { access: manager },
      schema: { tags: ['learning'], body: OfferInput, response: { 201: OfferView } },
    },
    async (request, reply) => {
      const view = await inTransaction(ctx.db, request, (uc) => createOffer(uc, request.body));
      return reply.code(201).send(view);
    },
  );
  app.get(
    '/api/learning/offers/:id',
    {
      config: { access: staff },
      schema: { tags: ['learning'], params: IdParams, response: { 200: OfferView } },
    },
    async (request) => inTransaction(ctx.db, request, (uc) => readOffer(uc, request.params.id)),
  );
  app.put(
    '/api/learning/offers/:id',
    {
      config: { access: manager },
      schema: {
        tags: ['learning'],
        params: IdParams,
        body: OfferInput,
        response: { 200: OfferView },
      },
    },
    async (request) =>
      inTransaction(ctx.db, request, (uc) => changeOffer(uc, request.params.id, request.body)),
  );
  app.post(
    '/api/learning/offers/:id/retire',
    {
      config: { access: manager },
      schema: { tags: ['learning'], params: IdParams, response: { 200: OfferView } },
    },
    async (request) => inTransaction(ctx.db, request, (uc) => retireOffer(uc, request.params.id)),
  );
  app.post(
    '/api/learning/offers/:id/sessions',
    {
      config: { access: manager },
      schema: {
        tags: ['learning'],
        params: IdParams,
        body: SessionInput,
        response: { 201: OfferView },
      },
    },
    async (request, reply) => {
      const view = await inTransaction(ctx.db, request, (uc) =>
        addSession(uc, request.params.id, request.body),
      );
      return reply.code(201).send(view);
    },
  );
  app.delete(
    '/api/learning/offers/:id/sessions/:sessionId',
    {
      config: { access: manager },
      schema: {
        tags: ['learning'],
        params: z.object({ id: z.uuid(), sessionId: z.uuid() }),
        response: { 200: OfferView },
      },
    },
    async (request) =>
      inTransaction(ctx.db, request, (uc) =>
        removeSession(uc, request.params.id, request.params.sessionId),
      ),
  );
  app.get(
    '/api/learning/offers/:id/enrolments',
    {
      config: { access: manager, personalData: true },
      schema: { tags: ['learning'], params: IdParams, response: { 200: z.array(EnrolmentView) } },
    },
    async (request) =>
      inTransaction(ctx.db, request, (uc) => listOfferEnrolments(uc, request.params.id)),
  );
  app.get(
    '/api/esco/occupations',
    {
      config: { access: staff },
      schema: {
        tags: ['learning'],
        querystring: OccupationQuery,
        response: { 200: OccupationsView },
      },
    },
    async (request) => ({
      attribution: ESCO_ATTRIBUTION,
      occupations: esco()
        .search(request.query.q, 20)
        .map((o) => ({
          id: o.id,
          label: o.label,
          code: o.code,
          altLabels: o.altLabels.slice(0, 3),
        })),
    }),
  );
  app.get(
    '/api/learning/stats',
    {
      config: { access: access.roles('analyst', 'admin', 'pilot_manager') },
      schema: { tags: ['learning'], response: { 200: StatsView } },
    },
    async (request) => learningStats(await statsRows(ctx.db, request.actor!.municipalityId)),
  );
};
