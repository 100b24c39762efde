// The citizen an eMentor is helping right now, for other areas (the test history) to show.
import type { Actor } from '../platform/auth/roles';
import type { DbOrTx } from '../platform/db/client';
import { notFound } from '../platform/errors';
import { authorize } from '../platform/policy';
import { findTicket } from './workshops.store';
import { ticketPolicy } from './workshops.policy';

/** The citizen record behind a ticket the actor is helping; 404/403 otherwise. */
export async function helpedCitizen(db: DbOrTx, actor: Actor, ticketId: string): Promise<string> {
  const t = await findTicket(db, ticketId);
  if (!t || t.municipalityId !== actor.municipalityId) throw notFound();
  authorize(ticketPolicy, actor, 'readCitizenTests', t);
  return t.citizenId!;
}
