// The public side of Open Badges as use cases: verification, the published keys, issuer
// profiles, revocation lists and the credential behind a certificate. No login and no personal
// data beyond what the earner chose to share (the credential itself).
import type { AppContext } from '../platform/context';
import { notFound } from '../platform/errors';
import { clock } from '../platform/clock';
import { findMunicipality } from '../organisation';
import { issuerKey, keyUrl, signStatusList, statusListUrl, verifyCredential } from './badges';
import {
  findBadge,
  isBadgeRevoked,
  publicKey,
  publicKeys,
  revokedIds,
  revokedStatusIndexes,
} from './learning.store';

export function publicBadges(ctx: Pick<AppContext, 'db' | 'cipher' | 'settings'>) {
  const { db } = ctx;
  const origin = ctx.settings.publicUrl;
  const municipality = async (id: string) => {
    const m = await findMunicipality(db, id);
    if (!m) throw notFound();
    return m;
  };

  return {
    async verify(token: string) {
      const result = await verifyCredential(
        token,
        async (kid) => (await publicKey(db, kid))?.publicJwk ?? null,
        async (credentialId) => {
          const id = credentialId.replace(/^urn:uuid:/, '');
          return /^[0-9a-f-]{36}$/.test(id) && isBadgeRevoked(db, id);
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
    },

    async keySet() {
      // Each key's kid is the URL our credentials name it by.
      return {
        keys: (await publicKeys(db)).map((k) => ({ ...k.publicJwk, kid: keyUrl(origin, k.id) })),
      };
    },

    async issuer(municipalityId: string) {
      const m = await municipality(municipalityId);
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
    },

    async revocations(municipalityId: string) {
      const m = await municipality(municipalityId);
      return {
        id: `${origin}/api/badges/revocations/${m.id}`,
        revokedCredentials: await revokedIds(db, m.id),
      };
    },

    async key(kid: string) {
      const k = await publicKey(db, kid);
      if (!k) throw notFound();
      return { ...k.publicJwk, kid: keyUrl(origin, k.id) };
    },

    async statusList(municipalityId: string) {
      const m = await municipality(municipalityId);
      return signStatusList(
        {
          listUrl: statusListUrl(origin, m.id),
          issuerId: `${origin}/api/badges/issuers/${m.id}`,
          validFrom: clock.now(),
          revoked: await revokedStatusIndexes(db, m.id),
        },
        await issuerKey(db, ctx.cipher, m.id),
        origin,
      );
    },

    async credential(badgeId: string) {
      const b = await findBadge(db, badgeId);
      if (!b) throw notFound();
      return { credential: b.credential };
    },
  };
}
