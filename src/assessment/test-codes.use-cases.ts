// Staff's side of the test: handing out one-time codes, following them, reading a citizen's
// tests (caseworker) or those of the citizen being helped (eMentor), and linking a test taken
// with a code to the citizen's record.
import { writeAudit } from '../platform/audit';
import type { CprCipher } from '../platform/crypto/cpr-cipher';
import { notFound } from '../platform/errors';
import type { UseCase } from '../platform/use-case';
import type { Role } from '../platform/auth/roles';
import { clock } from '../platform/clock';
import { citizenPolicy, findCitizen } from '../people';
import { helpedCitizen } from '../workshops';
import type { CodeResultView } from './assessment.contract';
import { presentCitizenAssessment, presentIssuedCode } from './assessment.presenters';
import { testCodePolicy } from './assessment.policy';
import {
  findCodeWithAssessment,
  insertCode,
  listAssessmentsForCitizen,
  listCodesByCreator,
} from './assessment.store';
import { linkCodeResult } from './link-test-result';
import { CODE_DAYS, codeHash, newCode } from './test-codes';

/** How long a giver can follow the codes they handed out. */
const CODE_LIST_DAYS = 30;

/** Staff read tests for a case (caseworker) or for the guidance in a workshop (eMentor). */
const purposeOf = (actingRole: Role | null | undefined) =>
  actingRole === 'caseworker' ? ('case_management' as const) : ('digital_guidance' as const);

/** A new one-time code, optionally for a citizen the giver may see (then audited). */
export async function issueCode(uc: UseCase, cipher: CprCipher, citizenId: string | null) {
  const code = newCode();
  const expiresAt = new Date(clock.ms() + CODE_DAYS * 86400_000);
  if (citizenId) {
    const c = await findCitizen(uc.tx, uc.actor.municipalityId, citizenId);
    if (!c || !citizenPolicy.read(uc.actor, c)) throw notFound();
  }
  const row = await insertCode(uc.tx, {
    municipalityId: uc.actor.municipalityId,
    codeHash: codeHash(cipher, code),
    citizenId,
    createdBy: uc.actor.userId,
    expiresAt,
  });
  if (citizenId)
    await writeAudit(uc.tx, uc.audit, {
      action: 'assessment.code.create',
      entity: 'test_code',
      entityId: row.id,
      citizenId,
      purpose: 'case_management',
    });
  return { code: `${code.slice(0, 4)}-${code.slice(4)}`, expiresAt };
}

/** A citizen's tests, read and audited with the reader's purpose. */
async function historyOf(
  uc: UseCase,
  citizenId: string,
  purpose: 'case_management' | 'digital_guidance',
) {
  const rows = await listAssessmentsForCitizen(uc.tx, uc.actor.municipalityId, citizenId);
  await writeAudit(uc.tx, uc.audit, {
    action: 'assessment.read',
    entity: 'assessment',
    citizenId,
    purpose,
    details: { count: rows.length },
  });
  return rows.map(presentCitizenAssessment);
}

export async function citizenTests(uc: UseCase, citizenId: string) {
  const c = await findCitizen(uc.tx, uc.actor.municipalityId, citizenId);
  if (!c || !citizenPolicy.read(uc.actor, c)) throw notFound();
  return historyOf(uc, c.id, 'case_management');
}

/** The tests of the citizen an eMentor is helping right now. */
export async function helpedCitizenTests(uc: UseCase, ticketId: string) {
  return historyOf(uc, await helpedCitizen(uc.tx, uc.actor, ticketId), 'digital_guidance');
}

/** The codes one handed out lately: one audit row for the list, naming no single citizen. */
export async function myCodes(uc: UseCase, actingRole: Role | null | undefined) {
  const since = new Date(clock.ms() - CODE_LIST_DAYS * 86400_000);
  const rows = await listCodesByCreator(uc.tx, uc.actor.municipalityId, uc.actor.userId, since);
  await writeAudit(uc.tx, uc.audit, {
    action: 'assessment.code.list',
    entity: 'test_code',
    purpose: purposeOf(actingRole),
    details: { count: rows.length },
  });
  const now = clock.now();
  return rows.map((r) => presentIssuedCode(r.code, r.assessment, now));
}

export async function codeResult(
  uc: UseCase,
  id: string,
  actingRole: Role | null | undefined,
): Promise<CodeResultView> {
  const row = await findCodeWithAssessment(uc.tx, uc.actor.municipalityId, { id });
  if (!row || !testCodePolicy.readResult(uc.actor, row.code)) throw notFound();
  const a = row.assessment;
  await writeAudit(uc.tx, uc.audit, {
    action: 'assessment.read',
    entity: 'assessment',
    entityId: a?.id ?? null,
    citizenId: a?.citizenId ?? row.code.citizenId,
    purpose: purposeOf(actingRole),
  });
  return {
    ...presentIssuedCode(row.code, a, clock.now()),
    completedAt: a?.completedAt?.toISOString() ?? null,
    language: a?.language ?? null,
    result: a?.result ?? null,
  };
}

export async function linkTest(uc: UseCase, cipher: CprCipher, citizenId: string, code: string) {
  const c = await findCitizen(uc.tx, uc.actor.municipalityId, citizenId);
  if (!c || !citizenPolicy.update(uc.actor, c)) throw notFound();
  const a = await linkCodeResult(
    uc.tx,
    cipher,
    { municipalityId: uc.actor.municipalityId, citizenId: c.id },
    code,
  );
  await writeAudit(uc.tx, uc.audit, {
    action: 'assessment.link',
    entity: 'assessment',
    entityId: a.id,
    citizenId: c.id,
    purpose: 'case_management',
  });
  return presentCitizenAssessment(a);
}
