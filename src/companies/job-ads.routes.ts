// Job-ad analysis over HTTP: parse, call the use case (job-ads.use-cases.ts), answer.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { inTransaction } from '../platform/http/use-case';
import { route } from '../platform/http/route';
import { jobAdsApi } from './job-ads.contract';
import { analyse, listJobAds, saveJobAd } from './job-ads.use-cases';

export const jobAdRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;
  route(app, jobAdsApi.analyseAd, async (request) => analyse(request.body.text));
  route(app, jobAdsApi.saveAd, async (request) =>
    inTransaction(ctx.db, request, (uc) => saveJobAd(uc, request.body)),
  );
  route(app, jobAdsApi.listAds, async (request) => inTransaction(ctx.db, request, listJobAds));
};
