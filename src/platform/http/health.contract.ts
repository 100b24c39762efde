import { z } from 'zod';
import { endpoint } from './endpoint';

export const HealthView = z.object({
  /** `degraded`: requests are answered, but live queue screens wait for the database. */
  status: z.enum(['ok', 'degraded', 'unavailable']),
  db: z.enum(['pglite', 'postgres']),
  live: z.enum(['up', 'down']),
});

export const healthApi = {
  health: endpoint({
    method: 'GET',
    path: '/api/health',
    access: { kind: 'public' },
    sessionless: true,
    tags: ['platform'],
    response: { 200: HealthView, 503: HealthView },
  }),
};
