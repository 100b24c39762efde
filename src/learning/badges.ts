// Open Badges 3.0: each municipality (the jobcentre) is an issuer with its own RS256 key; a
// badge is an OpenBadgeCredential (a W3C Verifiable Credential) secured as a VC-JWT, whose
// payload is the credential itself with iss/jti/sub/nbf (OB 3.0 §8.2).
import crypto from 'node:crypto';
import { eq } from 'drizzle-orm';
import {
  calculateJwkThumbprint,
  decodeProtectedHeader,
  exportJWK,
  generateKeyPair,
  importJWK,
  jwtVerify,
  SignJWT,
  type JWK,
} from 'jose';
import type { CprCipher } from '../platform/crypto/cpr-cipher';
import type { DbOrTx } from '../platform/db/client';
import { badgeKeys } from './learning.schema';

export const OB_CONTEXT = [
  'https://www.w3.org/ns/credentials/v2',
  'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
];
export const OB_SCHEMA = {
  id: 'https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json',
  type: '1EdTechJsonSchemaValidator2019',
};
export const ALG = 'RS256';

export interface Alignment {
  code: string;
  name: string;
  url: string;
}

export interface CredentialFacts {
  /** The badge's own id (a UUID); the credential's id is its urn:uuid. */
  badgeId: string;
  issuer: { id: string; name: string; url: string };
  achievement: {
    id: string;
    name: string;
    description: string;
    criteria: string;
    achievementType: 'Competency' | 'Course';
    alignments: Alignment[];
  };
  /** The earner: an opaque id, and their name only as a salted hash. */
  subject: { id: string; name: string };
  validFrom: Date;
  statusUrl: string;
}

export function identityHash(name: string, salt: string): string {
  return `sha256$${crypto.createHash('sha256').update(`${name}${salt}`, 'utf8').digest('hex')}`;
}

/** The OpenBadgeCredential, unsigned. */
export function buildCredential(f: CredentialFacts) {
  const salt = crypto.createHash('sha256').update(`salt:${f.badgeId}`).digest('hex').slice(0, 16);
  return {
    '@context': OB_CONTEXT,
    id: `urn:uuid:${f.badgeId}`,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name: f.achievement.name,
    issuer: { id: f.issuer.id, type: ['Profile'], name: f.issuer.name, url: f.issuer.url },
    validFrom: f.validFrom.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    credentialSubject: {
      id: f.subject.id,
      type: ['AchievementSubject'],
      identifier: [
        {
          type: 'IdentityObject',
          hashed: true,
          identityHash: identityHash(f.subject.name, salt),
          identityType: 'ext:name',
          salt,
        },
      ],
      achievement: {
        id: f.achievement.id,
        type: ['Achievement'],
        achievementType: f.achievement.achievementType,
        name: f.achievement.name,
        description: f.achievement.description,
        criteria: { narrative: f.achievement.criteria },
        alignment: f.achievement.alignments.map((a) => ({
          type: ['Alignment'],
          targetCode: a.code,
          targetName: a.name,
          targetUrl: a.url,
          targetFramework: 'DigComp 2.2',
          targetType: 'CFItem',
        })),
      },
    },
    credentialStatus: { id: f.statusUrl, type: '1EdTechRevocationList' },
    credentialSchema: [OB_SCHEMA],
  };
}
export type OpenBadgeCredential = ReturnType<typeof buildCredential>;

export interface IssuerKey {
  kid: string;
  publicJwk: JWK;
  privateJwk: JWK;
}

/** The municipality's key, made on first use; the private half is encrypted with the data key. */
export async function issuerKey(
  db: DbOrTx,
  cipher: CprCipher,
  municipalityId: string,
): Promise<IssuerKey> {
  const found = await db
    .select()
    .from(badgeKeys)
    .where(eq(badgeKeys.municipalityId, municipalityId));
  if (!found[0]) {
    const { publicKey, privateKey } = await generateKeyPair(ALG, {
      extractable: true,
      modulusLength: 2048,
    });
    const publicJwk = { ...(await exportJWK(publicKey)), alg: ALG, use: 'sig' };
    const kid = await calculateJwkThumbprint(publicJwk);
    const privateJwk = await exportJWK(privateKey);
    // Two first badges at once: the unique municipality_id keeps one key; both then read it.
    await db
      .insert(badgeKeys)
      .values({
        id: kid,
        municipalityId,
        publicJwk: { ...publicJwk, kid },
        privateJwkCipher: cipher.encrypt(JSON.stringify(privateJwk)),
      })
      .onConflictDoNothing();
    return issuerKey(db, cipher, municipalityId);
  }
  const row = found[0];
  return {
    kid: row.id,
    publicJwk: row.publicJwk,
    privateJwk: JSON.parse(cipher.decrypt(row.privateJwkCipher)) as JWK,
  };
}

export async function signCredential(
  credential: OpenBadgeCredential,
  key: IssuerKey,
): Promise<string> {
  const privateKey = await importJWK(key.privateJwk, ALG);
  return new SignJWT(credential)
    .setProtectedHeader({ alg: ALG, typ: 'JWT', kid: key.kid })
    .setIssuer(credential.issuer.id)
    .setJti(credential.id)
    .setSubject(credential.credentialSubject.id)
    .setNotBefore(Math.floor(new Date(credential.validFrom).getTime() / 1000))
    .sign(privateKey);
}

export type VerifyReason =
  | 'ok'
  | 'malformed'
  | 'unknown_key'
  | 'bad_signature'
  | 'not_yet_valid'
  | 'not_an_open_badge'
  | 'revoked';

export interface Verification {
  valid: boolean;
  revoked: boolean;
  reason: VerifyReason;
  credential?: OpenBadgeCredential;
}

const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

/**
 * Checks a VC-JWT against the keys we publish and the revocation list. Anything that is not a
 * well-formed, correctly signed Open Badge of ours is `valid: false` with the reason.
 */
export async function verifyCredential(
  jwt: string,
  keyOf: (kid: string) => Promise<JWK | null>,
  isRevoked: (credentialId: string) => Promise<boolean>,
): Promise<Verification> {
  const token = jwt.trim();
  if (!COMPACT_JWS.test(token)) return { valid: false, revoked: false, reason: 'malformed' };
  let kid: string | undefined;
  try {
    const header = decodeProtectedHeader(token);
    if (header.alg !== ALG) return { valid: false, revoked: false, reason: 'malformed' };
    kid = header.kid;
  } catch {
    return { valid: false, revoked: false, reason: 'malformed' };
  }
  const jwk = kid ? await keyOf(kid) : null;
  if (!jwk) return { valid: false, revoked: false, reason: 'unknown_key' };
  let payload: Record<string, unknown>;
  try {
    ({ payload } = await jwtVerify(token, await importJWK(jwk, ALG), { algorithms: [ALG] }));
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'ERR_JWT_CLAIM_VALIDATION_FAILED')
      return { valid: false, revoked: false, reason: 'not_yet_valid' };
    return { valid: false, revoked: false, reason: 'bad_signature' };
  }
  const credential = payload as unknown as OpenBadgeCredential;
  const types = Array.isArray(credential.type) ? credential.type : [];
  if (
    !types.includes('OpenBadgeCredential') ||
    typeof credential.id !== 'string' ||
    payload.jti !== credential.id
  )
    return { valid: false, revoked: false, reason: 'not_an_open_badge' };
  if (await isRevoked(credential.id))
    return { valid: false, revoked: true, reason: 'revoked', credential };
  return { valid: true, revoked: false, reason: 'ok', credential };
}
