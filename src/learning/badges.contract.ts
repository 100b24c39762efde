import { endpoint } from '../platform/http/endpoint';
import { access } from '../platform/http/access';
import { z } from 'zod';
import { IdParams } from '../organisation';
import { VerifyView } from './learning.contract';

export const badgesApi = {
  verifyBadge: endpoint({
    method: 'POST',
    path: '/api/badges/verify',
    access: access.public(),
    tags: ['badges'],
    description:
      'Checks an Open Badge: the compact VC-JWT as the body (`application/jwt`, `application/vc+jwt` or `text/plain`), or `{"credential": "<jwt>"}` as JSON.',
    body: z.union([z.object({ credential: z.string() }), z.string()]),
    response: { 200: VerifyView },
    consumes: ['application/json', 'application/jwt', 'application/vc+jwt', 'text/plain'],
  }),
  badgeKeySet: endpoint({
    method: 'GET',
    path: '/api/badges/jwks',
    access: access.public(),
    produces: 'application/jwk-set+json',
    tags: ['badges'],
  }),
  badgeIssuer: endpoint({
    method: 'GET',
    path: '/api/badges/issuers/:id',
    access: access.public(),
    produces: 'application/ld+json',
    tags: ['badges'],
    params: IdParams,
  }),
  badgeRevocations: endpoint({
    method: 'GET',
    path: '/api/badges/revocations/:id',
    access: access.public(),
    produces: 'application/json',
    tags: ['badges'],
    params: IdParams,
  }),
  badgeKey: endpoint({
    method: 'GET',
    path: '/api/badges/keys/:kid',
    access: access.public(),
    produces: 'application/jwk+json',
    tags: ['badges'],
    params: z.object({ kid: z.string().regex(/^[A-Za-z0-9_-]{20,64}$/) }),
  }),
  badgeStatusList: endpoint({
    method: 'GET',
    path: '/api/badges/status/:id',
    access: access.public(),
    produces: 'application/vc+jwt',
    tags: ['badges'],
    params: IdParams,
  }),
  badgeCredential: endpoint({
    method: 'GET',
    path: '/api/badges/:id',
    access: access.public(),
    tags: ['badges'],
    params: IdParams,
    response: { 200: z.object({ credential: z.string() }) },
  }),
};
