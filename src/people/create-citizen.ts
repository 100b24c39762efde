import type { DbOrTx } from '../platform/db/client';
import type { CprCipher } from '../platform/crypto/cpr-cipher';
import { conflict, DomainError, invalid } from '../platform/errors';
import { writeAudit, type AuditActor, type Purpose } from '../platform/audit';
import { findMunicipality, findUser } from '../organisation';
import { parseCpr } from './cpr';
import { findCitizenByCprHash, insertCitizen, type CitizenRow } from './people.store';
import type { CitizenCreateInput } from './people.contract';
import { clock } from '../platform/clock';

export interface CreateCitizenDeps {
  tx: DbOrTx;
  cipher: CprCipher;
  actor: AuditActor;
  purpose?: Purpose;
  /**
   * Whether the caller may see an existing citizen with the same CPR number. If not, the
   * refusal names no record (as a lookup outside the caseload does not), and the attempt
   * is kept on the existing citizen's access log. Without it (the system itself) duplicates
   * are named.
   */
  maySee?: (existing: CitizenRow) => boolean;
}

/** A CPR number that belongs to a citizen the caller may not see. */
export class CprUnavailable extends DomainError {
  constructor(readonly existingId: string) {
    super('conflict', 'cpr_unavailable', 'cpr_unavailable');
  }
}

/** A CPR number checked by the municipality's rules (fictitious numbers where it allows them). */
export async function parseCprFor(tx: DbOrTx, municipalityId: string, input: string) {
  const municipality = await findMunicipality(tx, municipalityId);
  if (!municipality) throw new Error('actor municipality missing');
  const parsed = parseCpr(input, { allowFictitious: municipality.allowFictitiousCpr });
  if (!parsed.ok)
    throw new DomainError(
      'invalid',
      `cpr_${parsed.problem}`,
      parsed.problem === 'format' ? 'cpr_format' : 'cpr_date',
    );
  return parsed.cpr;
}

/** The keyed hash a citizen is found by. */
export const cprHashOf = (cipher: CprCipher, digits: string) => cipher.hash(`cpr:${digits}`);

/** Validates the CPR number, refuses duplicates, encrypts and stores, and audits the creation. */
export async function createCitizen(
  { tx, cipher, actor, purpose = 'case_management', maySee = () => true }: CreateCitizenDeps,
  input: CitizenCreateInput & {
    userId?: string | null;
    digitallyVulnerable?: boolean;
    vulnerableReason?: string | null;
    /**
     * When the citizen came to the jobcentre, where that was before they came into Digiløft (a
     * migration from the case system, the demo's history); otherwise now.
     */
    registeredAt?: Date;
  },
): Promise<CitizenRow> {
  const cpr = await parseCprFor(tx, actor.municipalityId, input.cpr);
  const cprHash = cprHashOf(cipher, cpr.digits);
  const existing = await findCitizenByCprHash(tx, actor.municipalityId, cprHash);
  if (existing) throw maySee(existing) ? conflict('cpr_taken') : new CprUnavailable(existing.id);

  const caseworkerId = input.caseworkerId ?? actor.actorId;
  if (caseworkerId) {
    const cw = await findUser(tx, actor.municipalityId, caseworkerId);
    if (!cw || !cw.active || !cw.roles.includes('caseworker')) {
      throw invalid('caseworker_invalid');
    }
  }
  const flagged = input.digitallyVulnerable === true;
  const row = await insertCitizen(tx, {
    municipalityId: actor.municipalityId,
    userId: input.userId ?? null,
    cprCipher: cipher.encrypt(cpr.digits),
    cprHash,
    birthDate: cpr.birthDate,
    firstName: input.firstName,
    lastName: input.lastName,
    email: input.email ?? null,
    phone: input.phone ?? null,
    address: input.address ?? null,
    postalCode: input.postalCode ?? null,
    city: input.city ?? null,
    employmentGoal: input.employmentGoal ?? null,
    educationLevel: input.educationLevel ?? null,
    caseworkerId,
    digitallyVulnerable: flagged,
    vulnerableReason: flagged ? (input.vulnerableReason ?? null) : null,
    vulnerableFlaggedAt: flagged ? (input.registeredAt ?? clock.now()) : null,
    vulnerableFlaggedBy: flagged ? caseworkerId : null,
    ...(input.registeredAt ? { createdAt: input.registeredAt } : {}),
  });
  await writeAudit(tx, actor, {
    action: 'citizen.create',
    entity: 'citizen',
    entityId: row.id,
    citizenId: row.id,
    purpose,
  });
  return row;
}
