import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ping } from '../db/client';

export const HealthView = z.object({
  /** `degraded`: requests are answered, but live queue screens wait for the database. */
  status: z.enum(['ok', 'degraded', 'unavailable']),
  db: z.enum(['pglite', 'postgres']),
  live: z.enum(['up', 'down']),
});

export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/health',
    {
      config: { access: { kind: 'public' }, sessionless: true },
      schema: { tags: ['platform'], response: { 200: HealthView, 503: HealthView } },
    },
    async (_request, reply) => {
      const db = app.ctx.database.kind;
      const live = app.ctx.database.listening() ? ('up' as const) : ('down' as const);
      try {
        await ping(app.ctx.db);
        return { status: live === 'up' ? ('ok' as const) : ('degraded' as const), db, live };
      } catch {
        return reply.code(503).send({ status: 'unavailable' as const, db, live });
      }
    },
  );
};
