// The learning catalogue over HTTP: offers, their sessions and places, ESCO occupations and
// the statistics. Parse, call the use case (offers.use-cases.ts), answer.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { inTransaction } from '../platform/http/use-case';
import { ESCO_ATTRIBUTION, esco } from './esco';
import {
  addSession,
  changeOffer,
  createOffer,
  listOfferEnrolments,
  listOfferSummaries,
  offerStats,
  readOffer,
  removeSession,
  retireOffer,
} from './offers.use-cases';
import { route } from '../platform/http/route';
import { offersApi } from './offers.contract';

export const offerRoutes: FastifyPluginAsyncZod = async (app) => {
  const ctx = app.ctx;

  route(app, offersApi.listOffers, async (request) =>
    inTransaction(ctx.db, request, (uc) => listOfferSummaries(uc, request.query.all === '1')),
  );
  route(app, offersApi.createOffer, async (request) =>
    inTransaction(ctx.db, request, (uc) => createOffer(uc, request.body)),
  );
  route(app, offersApi.getOffer, async (request) =>
    inTransaction(ctx.db, request, (uc) => readOffer(uc, request.params.id)),
  );
  route(app, offersApi.updateOffer, async (request) =>
    inTransaction(ctx.db, request, (uc) => changeOffer(uc, request.params.id, request.body)),
  );
  route(app, offersApi.retireOffer, async (request) =>
    inTransaction(ctx.db, request, (uc) => retireOffer(uc, request.params.id)),
  );
  route(app, offersApi.addOfferSession, async (request) =>
    inTransaction(ctx.db, request, (uc) => addSession(uc, request.params.id, request.body)),
  );
  route(app, offersApi.removeOfferSession, async (request) =>
    inTransaction(ctx.db, request, (uc) =>
      removeSession(uc, request.params.id, request.params.sessionId),
    ),
  );
  route(app, offersApi.offerEnrolments, async (request) =>
    inTransaction(ctx.db, request, (uc) => listOfferEnrolments(uc, request.params.id)),
  );
  route(app, offersApi.searchOccupations, async (request) => ({
    attribution: ESCO_ATTRIBUTION,
    occupations: esco()
      .search(request.query.q, 20)
      .map((o) => ({
        id: o.id,
        label: o.label,
        code: o.code,
        altLabels: o.altLabels.slice(0, 3),
      })),
  }));
  route(app, offersApi.learningStats, async (request) =>
    inTransaction(ctx.db, request, offerStats),
  );
};
