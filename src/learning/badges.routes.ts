// The public side of Open Badges: verification, the published keys, issuer profiles and the
// revocation lists. Anyone an earner shares a badge with can check it here, without a login.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { publicBadges } from './badges.use-cases';
import { route } from '../platform/http/route';
import { badgesApi } from './badges.contract';

/** The credential from whatever the verifier sent: the compact JWT as text, or in JSON. */
function tokenOf(body: unknown): string {
  if (typeof body === 'string') return body;
  if (
    body &&
    typeof body === 'object' &&
    'credential' in body &&
    typeof body.credential === 'string'
  )
    return body.credential;
  return '';
}

export const badgeRoutes: FastifyPluginAsyncZod = async (app) => {
  const badges = publicBadges(app.ctx);

  // A VC-JWT may come as its own media type or as plain text, up to a generous size.
  for (const type of ['application/jwt', 'application/vc+jwt', 'text/plain'])
    if (!app.hasContentTypeParser(type))
      app.addContentTypeParser(
        type,
        { parseAs: 'string', bodyLimit: 256 * 1024 },
        (_req, body, done) => done(null, body),
      );

  route(app, badgesApi.verifyBadge, async (request) => badges.verify(tokenOf(request.body)));
  route(app, badgesApi.badgeKeySet, async () => badges.keySet());
  route(app, badgesApi.badgeIssuer, async (request) => badges.issuer(request.params.id));
  route(app, badgesApi.badgeRevocations, async (request) => badges.revocations(request.params.id));
  // A key as the `kid` of our credentials names it (OB 3.0 §8.2.3: a URL of a JWK).
  route(app, badgesApi.badgeKey, async (request) => badges.key(request.params.kid));
  // The issuer's Bitstring Status List (revocation) as a signed VC-JWT; a verifier reads the
  // bit a badge's credentialStatus names.
  route(app, badgesApi.badgeStatusList, async (request, reply) =>
    reply
      .header('content-type', 'application/vc+jwt')
      .send(await badges.statusList(request.params.id)),
  );
  // The credential behind a certificate's QR code, so the verify page can check it.
  route(app, badgesApi.badgeCredential, async (request) => badges.credential(request.params.id));
};
