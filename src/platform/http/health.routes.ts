import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ping } from '../db/client';
import { route } from './route';
import { healthApi } from './health.contract';

export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  route(app, healthApi.health, async (_request, reply) => {
    const db = app.ctx.database.kind;
    const live = app.ctx.database.listening() ? ('up' as const) : ('down' as const);
    try {
      await ping(app.ctx.db);
      return { status: live === 'up' ? ('ok' as const) : ('degraded' as const), db, live };
    } catch {
      return reply.code(503).send({ status: 'unavailable' as const, db, live });
    }
  });
};
