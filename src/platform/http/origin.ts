import type { FastifyRequest } from 'fastify';

/** This site's origin as the client reached it (behind a proxy: with TRUST_PROXY), for links. */
export function requestOrigin(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}`;
}
