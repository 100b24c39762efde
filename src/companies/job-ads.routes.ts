// Job-ad analysis over HTTP: parse, call the use case (job-ads.use-cases.ts), answer.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { inTransaction } from '../platform/http/use-case';
import { route } from '../platform/http/route';
import { jobAdsApi } from './job-ads.contract';
import { analyse, importJobAds, listJobAds, saveJobAd } from './job-ads.use-cases';
import { invalid } from '../platform/errors';

export const jobAdRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;
  route(app, jobAdsApi.analyseAd, async (request) => analyse(request.body.text));
  route(app, jobAdsApi.saveAd, async (request) =>
    inTransaction(ctx.db, request, (uc) => saveJobAd(uc, request.body)),
  );
  // A CSV file of ads arrives as text.
  app.register(async (imports) => {
    imports.addContentTypeParser(
      ['text/csv', 'text/plain'],
      { parseAs: 'string', bodyLimit: 10 * 1024 * 1024 },
      (_req, body, done) => done(null, body),
    );
    route(imports, jobAdsApi.importAds, async (request) => {
      if (typeof request.body !== 'string') throw invalid('ads_csv_columns');
      const csv = request.body;
      return inTransaction(ctx.db, request, (uc) => importJobAds(uc, csv));
    });
  });
  route(app, jobAdsApi.listAds, async (request) => inTransaction(ctx.db, request, listJobAds));
};
