import { and, desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { auditLog } from './audit.schema';

/**
 * Why personal data was read or changed; shown to the citizen in their own log. The platform
 * knows its own; each area adds the purposes it works for (declaration merging in its policy
 * file) and lists them in its module.
 */
export const PLATFORM_PURPOSES = ['self_access', 'administration', 'system'] as const;
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface AreaPurposes {}
export type Purpose = (typeof PLATFORM_PURPOSES)[number] | keyof AreaPurposes;

export interface AuditActor {
  municipalityId: string;
  actorId: string | null;
  actorRole: string;
}

export interface AuditEntry {
  action: string;
  entity: string;
  entityId?: string | null;
  citizenId?: string | null;
  purpose: Purpose;
  details?: Record<string, unknown>;
}

const toRow = (actor: AuditActor, e: AuditEntry) => ({
  municipalityId: actor.municipalityId,
  actorId: actor.actorId,
  actorRole: actor.actorRole,
  action: e.action,
  entity: e.entity,
  entityId: e.entityId ?? null,
  citizenId: e.citizenId ?? null,
  purpose: e.purpose,
  details: e.details ?? null,
});

/** Call inside the same transaction as the read or change being recorded. */
export async function writeAudit(
  tx: DbOrTx,
  actor: AuditActor,
  entries: AuditEntry | AuditEntry[],
): Promise<void> {
  const list = Array.isArray(entries) ? entries : [entries];
  if (list.length === 0) return;
  await tx.insert(auditLog).values(list.map((e) => toRow(actor, e)));
}

/** How the audit log names the installation acting on its own: no person behind it. */
export function systemAudit(municipalityId: string): AuditActor {
  return { municipalityId, actorId: null, actorRole: 'system' };
}

/**
 * The system's own rows (background jobs work across municipalities): each entry is logged in
 * the municipality of the record it touched, in one insert.
 */
export async function writeSystemAudit(
  tx: DbOrTx,
  entries: readonly (AuditEntry & { municipalityId: string })[],
): Promise<void> {
  if (entries.length === 0) return;
  await tx
    .insert(auditLog)
    .values(entries.map(({ municipalityId, ...e }) => toRow(systemAudit(municipalityId), e)));
}

export async function listAuditForCitizen(db: DbOrTx, municipalityId: string, citizenId: string) {
  return db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      action: auditLog.action,
      purpose: auditLog.purpose,
      actorRole: auditLog.actorRole,
      actorId: auditLog.actorId,
    })
    .from(auditLog)
    .where(and(eq(auditLog.municipalityId, municipalityId), eq(auditLog.citizenId, citizenId)))
    .orderBy(desc(auditLog.at), desc(auditLog.id));
}
