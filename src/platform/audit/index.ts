export {
  writeAudit,
  writeSystemAudit,
  systemAudit,
  listAuditForCitizen,
  PLATFORM_PURPOSES,
} from './audit.store';
export type { AuditActor, AuditEntry, AreaPurposes, Purpose } from './audit.store';
export { auditLog } from './audit.schema';

import type { FastifyRequest } from 'fastify';
import type { AuditActor } from './audit.store';

/** The audit actor of an authenticated request, in the role it acts in. */
export function auditActor(request: FastifyRequest): AuditActor {
  const actor = request.actor;
  if (!actor) throw new Error('auditActor needs an authenticated request');
  return {
    municipalityId: actor.municipalityId,
    actorId: actor.userId,
    actorRole: request.actingRole ?? actor.roles[0] ?? 'unknown',
  };
}
