// Loading a citizen for a request, with the policy applied: 404 for missing and for not-yours
// alike, so existence stays private. Every area that works on a citizen record uses these.
import type { Actor } from '../platform/auth/roles';
import type { DbOrTx } from '../platform/db/client';
import { notFound } from '../platform/errors';
import { authorize } from '../platform/policy';
import { citizenPolicy } from './people.policy';
import { findCitizen, findCitizenByUser, type CitizenRow } from './people.store';

export async function loadAuthorized(
  db: DbOrTx,
  actor: Actor,
  id: string,
  action: 'read' | 'update' | 'flagVulnerable' | 'addNote',
): Promise<CitizenRow> {
  const c = await findCitizen(db, actor.municipalityId, id);
  if (!c) throw notFound();
  authorize(citizenPolicy, actor, action, c, 'not_found');
  return c;
}

/** The logged-in citizen's own record. */
export async function loadSelf(db: DbOrTx, actor: Actor): Promise<CitizenRow> {
  const c = await findCitizenByUser(db, actor.municipalityId, actor.userId);
  if (!c) throw notFound();
  authorize(citizenPolicy, actor, 'readSelf', c, 'not_found');
  return c;
}
