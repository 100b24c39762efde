import crypto from 'node:crypto';
import type { DbOrTx } from '../../platform/db/client';
import type { CprCipher } from '../../platform/crypto/cpr-cipher';
import { hashPassword } from '../../platform/auth/password';
import type { Actor, Role } from '../../platform/auth/roles';
import { insertMunicipality, insertSite, insertUser } from '../../organisation';
import { createCitizen } from '../../people';
import { systemAudit } from '../../platform/audit';

export const TEST_PASSWORD = 'correct horse battery';
let cachedHash: Promise<string> | undefined;
const passwordHash = () => (cachedHash ??= hashPassword(TEST_PASSWORD));

let seq = 0;
const next = () => ++seq;

export async function buildMunicipality(
  db: DbOrTx,
  overrides: { code?: string; name?: string; allowFictitiousCpr?: boolean } = {},
) {
  const n = next();
  return insertMunicipality(db, {
    code:
      overrides.code ?? `9${String(n).padStart(3, '0')}${crypto.randomBytes(2).toString('hex')}`,
    name: overrides.name ?? `Testkommune ${n}`,
    allowFictitiousCpr: overrides.allowFictitiousCpr ?? false,
  });
}

export async function buildSite(
  db: DbOrTx,
  municipalityId: string,
  overrides: { name?: string } = {},
) {
  const n = next();
  return insertSite(db, {
    municipalityId,
    name: overrides.name ?? `Teststed ${n}`,
    address: `Prøvevej ${n}`,
    postalCode: '2500',
    city: 'Valby',
    hasWorkshop: true,
  });
}

export async function buildUser(
  db: DbOrTx,
  municipalityId: string,
  roles: Role[],
  overrides: { email?: string; name?: string; active?: boolean } = {},
) {
  const n = next();
  return insertUser(db, {
    municipalityId,
    email:
      overrides.email ?? `${roles[0]}-${n}-${crypto.randomBytes(3).toString('hex')}@test.invalid`,
    name: overrides.name ?? `Test ${roles[0]} ${n}`,
    roles,
    active: overrides.active ?? true,
    passwordHash: await passwordHash(),
  });
}

/** A valid CPR number that is unique within a test run (modulus 11 is not required). */
export function testCpr(): string {
  const n = next();
  const day = 1 + (n % 28);
  const month = 1 + (Math.floor(n / 28) % 12);
  const serial = String(1000 + (n % 9000)).slice(-3);
  return `${String(day).padStart(2, '0')}${String(month).padStart(2, '0')}85-1${serial}`;
}

export async function buildCitizen(
  db: DbOrTx,
  cipher: CprCipher,
  opts: {
    municipalityId: string;
    caseworkerId: string | null;
    userId?: string | null;
    cpr?: string;
    firstName?: string;
  },
) {
  const n = next();
  return createCitizen(
    {
      tx: db,
      cipher,
      actor: systemAudit(opts.municipalityId),
      purpose: 'system',
    },
    {
      cpr: opts.cpr ?? testCpr(),
      firstName: opts.firstName ?? `Testborger${n}`,
      lastName: 'Prøvesen',
      caseworkerId: opts.caseworkerId ?? undefined,
      userId: opts.userId ?? null,
      employmentGoal: 'Kontorassistent',
    },
  );
}

/** An actor for policy tests (no database): user u1 in municipality m1 unless told otherwise. */
export function buildActor(roles: Role[], over: Partial<Actor> = {}): Actor {
  return {
    userId: 'u1',
    municipalityId: 'm1',
    roles,
    name: 'Test',
    email: 'test@example.dk',
    locale: 'da',
    sessionId: 's',
    ...over,
  };
}
