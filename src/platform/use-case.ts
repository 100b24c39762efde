// What every use case is called with. A use case (`(uc, input) → view`) is one change of state
// or one read of personal data: it authorises through the area's policy, writes the audit row in
// its transaction and throws DomainErrors. Routes, CLI commands and background jobs call it
// alike; only where the context comes from differs.
import type { Db, DbOrTx } from './db/client';
import type { Actor } from './auth/roles';
import { systemAudit, type AuditActor } from './audit';
import { clock } from './clock';

export interface UseCase {
  /** The transaction the use case works in (or the database, for a read). */
  tx: DbOrTx;
  actor: Actor;
  /** How the audit log names the actor (in the role they act in). */
  audit: AuditActor;
}

/**
 * The installation acting as a municipality's administrator from the command line (creating
 * its first users). The nil id belongs to no user, so nothing can be recorded as done by it.
 */
export function installationUseCase(tx: DbOrTx, municipalityId: string): UseCase {
  return {
    tx,
    actor: {
      userId: '00000000-0000-0000-0000-000000000000',
      municipalityId,
      roles: ['admin'],
      name: 'Digiløft',
      email: '',
      locale: 'en',
      sessionId: '',
    },
    audit: systemAudit(municipalityId),
  };
}

/**
 * What a background job's use case is called with. No one acts and it works across
 * municipalities: each audit row names the system in the municipality of the row it touched.
 */
export interface SystemTask {
  tx: DbOrTx;
  /** The job's one moment, from the clock (tests pass their own). */
  now: Date;
}

/** Runs a background job's use case in one transaction. */
export function asSystem<T>(
  db: Db,
  task: (t: SystemTask) => Promise<T>,
  now: Date = clock.now(),
): Promise<T> {
  return db.transaction((tx) => task({ tx, now }));
}
