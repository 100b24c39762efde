// What every use case is called with. A use case (`(uc, input) → view`) is one change of state
// or one read of personal data: it authorises through the area's policy, writes the audit row in
// its transaction and throws DomainErrors. Routes, CLI commands and background jobs call it
// alike; only where the context comes from differs.
import type { DbOrTx } from './db/client';
import type { Actor } from './auth/roles';
import type { AuditActor } from './audit';

export interface UseCase {
  /** The transaction the use case works in (or the database, for a read). */
  tx: DbOrTx;
  actor: Actor;
  /** How the audit log names the actor (in the role they act in). */
  audit: AuditActor;
}
