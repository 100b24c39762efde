// The public side of Open Badges: verification, the published keys, issuer profiles and the
// revocation lists. Anyone an earner shares a badge with can check it here, without a login.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { notFound } from '../platform/errors';
import { publicLink } from '../platform/http/origin';
import { findMunicipality } from '../organisation';
import { issuerKey, keyUrl, signStatusList, statusListUrl, verifyCredential } from './badges';
import { clock } from '../platform/clock';
import {
  findBadge,
  isBadgeRevoked,
  publicKey,
  publicKeys,
  revokedIds,
  revokedStatusIndexes,
} from './learning.store';
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
  const ctx = app.ctx;

  // A VC-JWT may come as its own media type or as plain text, up to a generous size.
  for (const type of ['application/jwt', 'application/vc+jwt', 'text/plain'])
    if (!app.hasContentTypeParser(type))
      app.addContentTypeParser(
        type,
        { parseAs: 'string', bodyLimit: 256 * 1024 },
        (_req, body, done) => done(null, body),
      );

  route(app, badgesApi.verifyBadge, async (request) => {
    const result = await verifyCredential(
      tokenOf(request.body),
      async (kid) => {
        const k = await publicKey(ctx.db, kid);
        return k?.publicJwk ?? null;
      },
      async (credentialId) => {
        const id = credentialId.replace(/^urn:uuid:/, '');
        return /^[0-9a-f-]{36}$/.test(id) && isBadgeRevoked(ctx.db, id);
      },
    );
    const c = result.credential;
    return {
      valid: result.valid,
      revoked: result.revoked,
      reason: result.reason,
      ...(c
        ? {
            badge: {
              name: c.name,
              issuer: c.issuer.name,
              issuedAt: c.validFrom,
              description: c.credentialSubject.achievement.description,
              alignments: c.credentialSubject.achievement.alignment.map((a) => ({
                code: a.targetCode,
                name: a.targetName,
              })),
            },
          }
        : {}),
    };
  });

  route(app, badgesApi.badgeKeySet, async () => ({
    // Each key's kid is the URL our credentials name it by.
    keys: (await publicKeys(ctx.db)).map((k) => ({
      ...k.publicJwk,
      kid: keyUrl(ctx.settings.publicUrl, k.id),
    })),
  }));

  route(app, badgesApi.badgeIssuer, async (request) => {
    const m = await findMunicipality(ctx.db, request.params.id);
    if (!m) throw notFound();
    const origin = ctx.settings.publicUrl;
    return {
      '@context': [
        'https://www.w3.org/ns/credentials/v2',
        'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
      ],
      id: `${origin}/api/badges/issuers/${m.id}`,
      type: ['Profile'],
      name: m.name,
      url: origin,
    };
  });

  route(app, badgesApi.badgeRevocations, async (request) => {
    const m = await findMunicipality(ctx.db, request.params.id);
    if (!m) throw notFound();
    return {
      id: publicLink(ctx.settings, `/api/badges/revocations/${m.id}`),
      revokedCredentials: await revokedIds(ctx.db, m.id),
    };
  });

  // A key as the `kid` of our credentials names it (OB 3.0 §8.2.3: a URL of a JWK).
  route(app, badgesApi.badgeKey, async (request) => {
    const k = await publicKey(ctx.db, request.params.kid);
    if (!k) throw notFound();
    return { ...k.publicJwk, kid: keyUrl(ctx.settings.publicUrl, k.id) };
  });

  // The issuer's Bitstring Status List (revocation) as a signed VC-JWT; a verifier reads the
  // bit a badge's credentialStatus names.
  route(app, badgesApi.badgeStatusList, async (request, reply) => {
    const m = await findMunicipality(ctx.db, request.params.id);
    if (!m) throw notFound();
    const origin = ctx.settings.publicUrl;
    const jwt = await signStatusList(
      {
        listUrl: statusListUrl(origin, m.id),
        issuerId: `${origin}/api/badges/issuers/${m.id}`,
        validFrom: clock.now(),
        revoked: await revokedStatusIndexes(ctx.db, m.id),
      },
      await issuerKey(ctx.db, ctx.cipher, m.id),
      origin,
    );
    return reply.header('content-type', 'application/vc+jwt').send(jwt);
  });

  // The credential behind a certificate's QR code, so the verify page can check it.
  route(app, badgesApi.badgeCredential, async (request) => {
    const b = await findBadge(ctx.db, request.params.id);
    if (!b) throw notFound();
    return { credential: b.credential };
  });
};
