import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ping } from '../db/client';

export const HealthView = z.object({
  status: z.enum(['ok', 'unavailable']),
  db: z.enum(['pglite', 'postgres']),
});

export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/health',
    {
      config: { access: { kind: 'public' } },
      schema: { tags: ['platform'], response: { 200: HealthView, 503: HealthView } },
    },
    async (_request, reply) => {
      const db = app.ctx.database.kind;
      try {
        await ping(app.ctx.db);
        return { status: 'ok' as const, db };
      } catch {
        return reply.code(503).send({ status: 'unavailable' as const, db });
      }
    },
  );
};
