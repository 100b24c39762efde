// A municipality's settings over HTTP: parse, call the use case, answer.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { inTransaction } from '../platform/http/use-case';
import { route } from '../platform/http/route';
import { settingsApi } from './settings.contract';
import {
  checkMailSettings,
  deliveryView,
  readMailSettings,
  setMailSettings,
} from './settings.use-cases';

export const settingsRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;
  route(app, settingsApi.getMailSettings, async (request) =>
    inTransaction(ctx.db, request, (uc) => readMailSettings(uc)),
  );
  route(app, settingsApi.putMailSettings, async (request) =>
    inTransaction(ctx.db, request, (uc) => setMailSettings(uc, ctx.cipher, request.body)),
  );
  route(app, settingsApi.checkMailSettings, async (request) =>
    inTransaction(ctx.db, request, (uc) => checkMailSettings(uc, ctx.cipher)),
  );
  route(app, settingsApi.delivery, async (request) =>
    inTransaction(ctx.db, request, (uc) => deliveryView(uc)),
  );
};
