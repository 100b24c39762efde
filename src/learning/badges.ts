// Open Badges 3.0: each municipality (the jobcentre) is an issuer with its own RS256 key; a
// badge is an OpenBadgeCredential (a W3C Verifiable Credential) secured as a VC-JWT, whose
// payload is the credential itself with iss/sub/nbf (OB 3.0 §8.2), every term defined by the
// contexts it names (so a strict JSON-LD verifier expands it), its key named by a URL (`kid`)
// and its revocation a bit in the issuer's Bitstring Status List (W3C).
import crypto from 'node:crypto';
import zlib from 'node:zlib';
import { eq, sql } from 'drizzle-orm';
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

export const VC_CONTEXT = 'https://www.w3.org/ns/credentials/v2';
export const OB_CONTEXT = [
  VC_CONTEXT,
  'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
  // Defines 1EdTechJsonSchemaValidator2019 (credentialSchema) for JSON-LD processors.
  'https://purl.imsglobal.org/spec/ob/v3p0/extensions.json',
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
  /** The issuer's status list credential and the badge's bit in it. */
  status: { listUrl: string; index: number };
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
    credentialStatus: {
      id: `${f.status.listUrl}#${f.status.index}`,
      type: 'BitstringStatusListEntry',
      statusPurpose: 'revocation',
      statusListIndex: String(f.status.index),
      statusListCredential: f.status.listUrl,
    },
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
    // Our own key, encrypted by us at creation.
    privateJwk: JSON.parse(cipher.decrypt(row.privateJwkCipher)) as JWK,
  };
}

/** Where an issuer's status list credential is published. */
export const statusListUrl = (publicUrl: string, municipalityId: string) =>
  `${publicUrl}/api/badges/status/${municipalityId}`;

/**
 * The next bit of the issuer's status list for a new badge: one atomic step on the issuer's
 * key row, so two badges issued at once never share a bit.
 */
export async function takeStatusIndex(db: DbOrTx, municipalityId: string): Promise<number> {
  const [row] = await db
    .update(badgeKeys)
    .set({ nextStatusIndex: sql`${badgeKeys.nextStatusIndex} + 1` })
    .where(eq(badgeKeys.municipalityId, municipalityId))
    .returning({ next: badgeKeys.nextStatusIndex });
  if (!row) throw new Error(`no badge key for municipality ${municipalityId}`);
  if (row.next > STATUS_LIST_BITS) throw new Error('the status list is full');
  return row.next - 1;
}

/**
 * The URL `kid` names: where the public key is published as a JWK (OB 3.0 §8.2.3), under the
 * installation's public address.
 */
export const keyUrl = (publicUrl: string, kid: string) => `${publicUrl}/api/badges/keys/${kid}`;

/** The key id in a JWT header: our published key URL, or (badges issued before) the bare id. */
export const kidOf = (header: string) => header.slice(header.lastIndexOf('/') + 1);

export async function signCredential(
  credential: OpenBadgeCredential,
  key: IssuerKey,
  publicUrl: string,
): Promise<string> {
  const privateKey = await importJWK(key.privateJwk, ALG);
  // iss, sub and nbf are the registered claims OB 3.0 asks for, and its context defines them;
  // the credential's own `id` stands for jti, which no context defines.
  return new SignJWT(credential)
    .setProtectedHeader({ alg: ALG, typ: 'JWT', kid: keyUrl(publicUrl, key.kid) })
    .setIssuer(credential.issuer.id)
    .setSubject(credential.credentialSubject.id)
    .setNotBefore(Math.floor(new Date(credential.validFrom).getTime() / 1000))
    .sign(privateKey);
}

/** Bits in a status list: the W3C minimum (16 KiB), so one list hides which badge is which. */
export const STATUS_LIST_BITS = 131_072;

/**
 * The Bitstring Status List's `encodedList`: the bits (index 0 = the first byte's highest
 * bit), GZIP-compressed, as multibase base64url (prefix `u`).
 */
export function encodeStatusList(setBits: Iterable<number>, bits = STATUS_LIST_BITS): string {
  const bytes = Buffer.alloc(Math.ceil(bits / 8));
  for (const i of setBits) {
    if (!Number.isInteger(i) || i < 0 || i >= bits)
      throw new Error(`status index ${i} out of range`);
    bytes[i >> 3]! |= 0x80 >> (i & 7);
  }
  return `u${zlib.gzipSync(bytes).toString('base64url')}`;
}

/** The issuer's BitstringStatusListCredential (revocation), signed as a VC-JWT. */
export async function signStatusList(
  f: { listUrl: string; issuerId: string; validFrom: Date; revoked: Iterable<number> },
  key: IssuerKey,
  publicUrl: string,
): Promise<string> {
  const credential = {
    '@context': [VC_CONTEXT],
    id: f.listUrl,
    type: ['VerifiableCredential', 'BitstringStatusListCredential'],
    issuer: f.issuerId,
    validFrom: f.validFrom.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    credentialSubject: {
      id: `${f.listUrl}#list`,
      type: 'BitstringStatusList',
      statusPurpose: 'revocation',
      encodedList: encodeStatusList(f.revoked),
    },
  };
  const privateKey = await importJWK(key.privateJwk, ALG);
  return new SignJWT(credential)
    .setProtectedHeader({ alg: ALG, typ: 'vc+jwt', kid: keyUrl(publicUrl, key.kid) })
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
    kid = header.kid === undefined ? undefined : kidOf(header.kid);
  } catch {
    return { valid: false, revoked: false, reason: 'malformed' };
  }
  const jwk = kid ? await keyOf(kid) : null;
  if (!jwk) return { valid: false, revoked: false, reason: 'unknown_key' };
  let payload: Record<string, unknown>;
  try {
    ({ payload } = await jwtVerify(token, await importJWK(jwk, ALG), { algorithms: [ALG] }));
  } catch (err) {
    // jose puts its error code on `code`.
    const code = (err as { code?: string }).code;
    if (code === 'ERR_JWT_CLAIM_VALIDATION_FAILED')
      return { valid: false, revoked: false, reason: 'not_yet_valid' };
    return { valid: false, revoked: false, reason: 'bad_signature' };
  }
  // The signature and schema are checked above; the payload is an Open Badge credential.
  const credential = payload as unknown as OpenBadgeCredential;
  const types = Array.isArray(credential.type) ? credential.type : [];
  if (
    !types.includes('OpenBadgeCredential') ||
    typeof credential.id !== 'string' ||
    // Badges issued before carry jti; where present it must be the credential's id.
    (payload.jti !== undefined && payload.jti !== credential.id)
  )
    return { valid: false, revoked: false, reason: 'not_an_open_badge' };
  if (await isRevoked(credential.id))
    return { valid: false, revoked: true, reason: 'revoked', credential };
  return { valid: true, revoked: false, reason: 'ok', credential };
}
