// The server: the platform's app with every area's routes and pages.
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../platform/context';
import { buildApp, type BuildOptions } from '../platform/http/app';
import { MODULES } from './modules';

export function buildServer(ctx: AppContext, opts: BuildOptions = {}): Promise<FastifyInstance> {
  return buildApp(ctx, MODULES, opts);
}
