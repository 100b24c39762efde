// Registers a route from its contract (endpoint.ts): the one way an HTTP operation is added.
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteHandlerMethod } from 'fastify';
import type { z } from 'zod';
import { keyOf, type EndpointDef, type HandlerResult } from './endpoint';

type Parsed<S> = S extends z.ZodType ? z.output<S> : unknown;

export type EndpointRequest<D extends EndpointDef> = FastifyRequest<{
  Params: Parsed<D['params']>;
  Querystring: Parsed<D['query']>;
  Body: Parsed<D['body']>;
}>;

export type Handler<D extends EndpointDef> = (
  request: EndpointRequest<D>,
  reply: FastifyReply,
) => Promise<HandlerResult<D> | FastifyReply>;

/** Any Fastify instance: the areas' plugins carry the zod type provider, the route only its contract. */
interface Routable {
  route: FastifyInstance['route'];
}

export function route<const D extends EndpointDef>(
  app: Routable,
  ep: D,
  handler: Handler<D>,
): void {
  const created = ep.response?.[201] !== undefined && ep.response[200] === undefined;
  const schema: Record<string, unknown> = { tags: [...ep.tags] };
  if (ep.summary) schema.summary = ep.summary;
  if (ep.description) schema.description = ep.description;
  if (ep.params) schema.params = ep.params;
  if (ep.query) schema.querystring = ep.query;
  if (ep.body) schema.body = ep.body;
  if (ep.response) schema.response = ep.response;
  if (ep.consumes) schema.consumes = [...ep.consumes];
  if (ep.hide) schema.hide = true;
  app.route({
    method: ep.method,
    url: ep.path,
    config: {
      access: ep.access,
      personalData: ep.personalData === true,
      sessionless: ep.sessionless === true,
      crossSite: ep.crossSite === true,
      endpoint: keyOf(ep),
      ...(ep.governedBy ? { governedBy: ep.governedBy } : {}),
      ...(ep.produces ? { produces: ep.produces } : {}),
    },
    ...(ep.bodyLimit ? { bodyLimit: ep.bodyLimit } : {}),
    schema,
    // The validator compiled from the same contract guarantees the request's shape the handler
    // is typed with; Fastify's own generics cannot follow a contract chosen at run time.
    handler: (created
      ? async (request: EndpointRequest<D>, reply: FastifyReply) => {
          // A contract that only creates answers 201; the handler just returns what it made.
          reply.code(201);
          return handler(request, reply);
        }
      : handler) as unknown as RouteHandlerMethod,
  });
}
