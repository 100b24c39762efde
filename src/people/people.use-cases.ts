// The citizen record's use cases: the caseload, CPR lookup, creation, reading and changing a
// record, notes, the digital-vulnerability flag, and the citizen's own data (GDPR art. 15).
import { listAuditForCitizen, writeAudit } from '../platform/audit';
import type { Actor } from '../platform/auth/roles';
import type { CprCipher } from '../platform/crypto/cpr-cipher';
import type { DbOrTx } from '../platform/db/client';
import { invalid, notFound } from '../platform/errors';
import type { UseCase } from '../platform/use-case';
import { clock } from '../platform/clock';
import { findMunicipality, findUser } from '../organisation';
import { CPR_PATTERN } from './cpr';
import { cprHashOf, createCitizen, parseCprFor } from './create-citizen';
import { loadAuthorized, loadSelf } from './load-citizen';
import type {
  AuditEntryView,
  CitizenCreateInput,
  CitizenUpdateInput,
  VulnerabilityInput,
} from './people.contract';
import { citizenPolicy } from './people.policy';
import { presentCitizen, presentCitizenListItem, presentCitizenSelf } from './people.presenters';
import {
  caseworkerName,
  findCitizenByCprHash,
  insertNote,
  listCaseload,
  listNotes,
  updateCitizen,
  type CitizenRow,
} from './people.store';

async function citizenView(db: DbOrTx, cipher: CprCipher, actor: Actor, c: CitizenRow) {
  return presentCitizen(
    cipher,
    actor,
    c,
    await caseworkerName(db, c.caseworkerId),
    await listNotes(db, c.municipalityId, c.id),
  );
}

/** The caseworker's own caseload, searched: one audit row for the list. */
export async function listCitizens(
  uc: UseCase,
  cipher: CprCipher,
  { q, vulnerable }: { q?: string; vulnerable?: 'true' | 'false' },
) {
  // CPR numbers never travel in URLs; the client uses the lookup for them.
  if (q && CPR_PATTERN.test(q)) throw invalid('cpr_in_url');
  const rows = await listCaseload(
    uc.tx,
    { municipalityId: uc.actor.municipalityId, caseworkerId: uc.actor.userId },
    { q, vulnerable: vulnerable === undefined ? undefined : vulnerable === 'true' },
  );
  await writeAudit(uc.tx, uc.audit, {
    action: 'citizen.list',
    entity: 'caseload',
    purpose: 'case_management',
    details: { count: rows.length, search: q ? true : false },
  });
  return rows.map((c) => presentCitizenListItem(cipher, c));
}

export async function lookupCpr(uc: UseCase, cipher: CprCipher, cpr: string) {
  const { digits } = await parseCprFor(uc.tx, uc.actor.municipalityId, cpr);
  const c = await findCitizenByCprHash(uc.tx, uc.actor.municipalityId, cprHashOf(cipher, digits));
  if (!c || !citizenPolicy.read(uc.actor, c)) throw notFound();
  await writeAudit(uc.tx, uc.audit, {
    action: 'citizen.lookup',
    entity: 'citizen',
    entityId: c.id,
    citizenId: c.id,
    purpose: 'case_management',
  });
  return { id: c.id };
}

export async function registerCitizen(uc: UseCase, cipher: CprCipher, input: CitizenCreateInput) {
  const row = await createCitizen(
    { tx: uc.tx, cipher, actor: uc.audit, maySee: (c) => citizenPolicy.read(uc.actor, c) },
    input,
  );
  return citizenView(uc.tx, cipher, uc.actor, row);
}

/**
 * Trying to create a citizen one may not see is a lookup of them: it stays on their access
 * log (written after the refused creation rolled back), though the answer names nobody.
 */
export async function recordRefusedCreation(uc: UseCase, existingId: string) {
  await writeAudit(uc.tx, uc.audit, {
    action: 'citizen.create_refused',
    entity: 'citizen',
    entityId: existingId,
    citizenId: existingId,
    purpose: 'case_management',
  });
}

export async function readCitizen(uc: UseCase, cipher: CprCipher, id: string) {
  const c = await loadAuthorized(uc.tx, uc.actor, id, 'read');
  await writeAudit(uc.tx, uc.audit, {
    action: 'citizen.read',
    entity: 'citizen',
    entityId: c.id,
    citizenId: c.id,
    purpose: 'case_management',
  });
  return citizenView(uc.tx, cipher, uc.actor, c);
}

export async function changeCitizen(
  uc: UseCase,
  cipher: CprCipher,
  id: string,
  input: CitizenUpdateInput,
) {
  const { tx, actor } = uc;
  const c = await loadAuthorized(tx, actor, id, 'update');
  if (input.caseworkerId) {
    const cw = await findUser(tx, actor.municipalityId, input.caseworkerId);
    if (!cw || !cw.active || !cw.roles.includes('caseworker')) throw invalid('caseworker_invalid');
  }
  const changes = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
  const updated = await updateCitizen(tx, actor.municipalityId, c.id, changes);
  await writeAudit(tx, uc.audit, {
    action: 'citizen.update',
    entity: 'citizen',
    entityId: c.id,
    citizenId: c.id,
    purpose: 'case_management',
    details: { fields: Object.keys(changes) },
  });
  // After a hand-over the caseworker no longer sees the record; answer with what they sent.
  return citizenView(tx, cipher, actor, updated);
}

export async function flagVulnerability(
  uc: UseCase,
  cipher: CprCipher,
  id: string,
  input: VulnerabilityInput,
) {
  const { tx, actor } = uc;
  const c = await loadAuthorized(tx, actor, id, 'flagVulnerable');
  const updated = await updateCitizen(
    tx,
    actor.municipalityId,
    c.id,
    input.vulnerable
      ? {
          digitallyVulnerable: true,
          vulnerableReason: input.reason,
          vulnerableFlaggedAt: clock.now(),
          vulnerableFlaggedBy: actor.userId,
        }
      : {
          digitallyVulnerable: false,
          vulnerableReason: null,
          vulnerableFlaggedAt: null,
          vulnerableFlaggedBy: null,
        },
  );
  await writeAudit(tx, uc.audit, {
    action: input.vulnerable ? 'citizen.flag_vulnerable' : 'citizen.unflag_vulnerable',
    entity: 'citizen',
    entityId: c.id,
    citizenId: c.id,
    purpose: 'case_management',
  });
  return citizenView(tx, cipher, actor, updated);
}

export async function addNote(uc: UseCase, cipher: CprCipher, id: string, body: string) {
  const { tx, actor } = uc;
  const c = await loadAuthorized(tx, actor, id, 'addNote');
  const note = await insertNote(tx, {
    municipalityId: actor.municipalityId,
    citizenId: c.id,
    authorId: actor.userId,
    body,
  });
  await writeAudit(tx, uc.audit, {
    action: 'citizen.note.create',
    entity: 'citizen_note',
    entityId: note.id,
    citizenId: c.id,
    purpose: 'case_management',
  });
  return citizenView(tx, cipher, actor, c);
}

export async function readOwnRecord(uc: UseCase, cipher: CprCipher) {
  const c = await loadSelf(uc.tx, uc.actor);
  await writeAudit(uc.tx, uc.audit, {
    action: 'citizen.read',
    entity: 'citizen',
    entityId: c.id,
    citizenId: c.id,
    purpose: 'self_access',
  });
  return presentCitizenSelf(cipher, c, await caseworkerName(uc.tx, c.caseworkerId));
}

/** Who has looked at the citizen's data and why: read on screen, or exported. */
export async function readOwnAuditLog(
  uc: UseCase,
  how: { action: 'audit.read' } | { action: 'audit.export'; format: string },
): Promise<AuditEntryView[]> {
  const c = await loadSelf(uc.tx, uc.actor);
  const m = await findMunicipality(uc.tx, c.municipalityId);
  const rows = await listAuditForCitizen(uc.tx, c.municipalityId, c.id);
  await writeAudit(uc.tx, uc.audit, {
    action: how.action,
    entity: 'audit_log',
    citizenId: c.id,
    purpose: 'self_access',
    ...('format' in how && { details: { format: how.format } }),
  });
  return rows.map((r) => ({
    at: r.at.toISOString(),
    action: r.action,
    purpose: r.purpose,
    actorRole: r.actorRole,
    self: r.actorId === uc.actor.userId,
    organisation: m?.name ?? '',
  }));
}
