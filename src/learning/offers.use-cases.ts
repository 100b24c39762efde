// The catalogue's use cases: offers, their sessions, and who holds places on them.
import { writeAudit } from '../platform/audit';
import type { Actor } from '../platform/auth/roles';
import type { DbOrTx } from '../platform/db/client';
import { invalid, notFound } from '../platform/errors';
import { authorize } from '../platform/policy';
import type { UseCase } from '../platform/use-case';
import { findSite } from '../organisation';
import { findCitizen } from '../people';
import { fillPlaces } from './enrolments';
import type { EnrolmentView, OfferInput, OfferView, SessionInput } from './learning.contract';
import { offerPolicy } from './learning.policy';
import { learningStats } from './stats.model';
import { presentEnrolments, presentOffer, presentOfferSummary } from './learning.presenters';
import {
  attendanceOf,
  deleteSession,
  enrolmentsWhere,
  findOffer,
  insertOffer,
  insertSession,
  listOffers,
  offerCounts,
  sessionsOf,
  statsRows,
  updateOffer,
  waitlistPlaces,
  type EnrolmentJoin,
  type OfferRow,
} from './learning.store';

/** An offer the actor may read (404 otherwise). */
export async function loadOffer(db: DbOrTx, actor: Actor, id: string) {
  const o = await findOffer(db, actor.municipalityId, id);
  if (!o) throw notFound();
  authorize(offerPolicy, actor, 'read', o, 'not_found');
  return o;
}

export async function offerView(db: DbOrTx, actor: Actor, o: OfferRow): Promise<OfferView> {
  const counts = await offerCounts(db, o.municipalityId, [o.id]);
  return presentOffer(actor, o, counts(o.id), await sessionsOf(db, [o.id]));
}

export async function enrolmentViews(
  db: DbOrTx,
  actor: Actor,
  rows: EnrolmentJoin[],
): Promise<EnrolmentView[]> {
  const offerIds = [...new Set(rows.map((r) => r.enrolment.offerId))];
  return presentEnrolments(
    actor,
    rows,
    await sessionsOf(db, offerIds),
    await attendanceOf(
      db,
      rows.map((r) => r.enrolment.id),
    ),
    await waitlistPlaces(db, offerIds),
  );
}

/** How to reach a citizen told of a place (none, when the record is gone). */
export const contactOf = (db: DbOrTx, municipalityId: string) => async (citizenId: string) =>
  (await findCitizen(db, municipalityId, citizenId)) ?? { email: null, phone: null, userId: null };

export async function listOfferSummaries(uc: UseCase, includeRetired: boolean) {
  const offers = await listOffers(uc.tx, uc.actor.municipalityId, includeRetired);
  const counts = await offerCounts(uc.tx, uc.actor.municipalityId);
  return offers.map((o) => presentOfferSummary(o, counts(o.id)));
}

export async function createOffer(uc: UseCase, input: OfferInput) {
  const o = await insertOffer(uc.tx, {
    ...input,
    municipalityId: uc.actor.municipalityId,
    createdBy: uc.actor.userId,
  });
  return offerView(uc.tx, uc.actor, o);
}

export async function readOffer(uc: UseCase, id: string) {
  return offerView(uc.tx, uc.actor, await loadOffer(uc.tx, uc.actor, id));
}

export async function changeOffer(uc: UseCase, id: string, input: OfferInput) {
  const o = await loadOffer(uc.tx, uc.actor, id);
  authorize(offerPolicy, uc.actor, 'manage', o);
  const updated = await updateOffer(uc.tx, o.id, input);
  // More places: the waiting list moves up at once.
  await fillPlaces(uc.tx, updated, contactOf(uc.tx, uc.actor.municipalityId));
  return offerView(uc.tx, uc.actor, updated);
}

export async function retireOffer(uc: UseCase, id: string) {
  const o = await loadOffer(uc.tx, uc.actor, id);
  authorize(offerPolicy, uc.actor, 'manage', o);
  return offerView(uc.tx, uc.actor, await updateOffer(uc.tx, o.id, { status: 'retired' }));
}

export async function addSession(uc: UseCase, id: string, input: SessionInput) {
  const o = await loadOffer(uc.tx, uc.actor, id);
  authorize(offerPolicy, uc.actor, 'manage', o);
  if (input.siteId && !(await findSite(uc.tx, uc.actor.municipalityId, input.siteId)))
    throw invalid('site_invalid');
  await insertSession(uc.tx, {
    municipalityId: o.municipalityId,
    offerId: o.id,
    startsAt: new Date(input.startsAt),
    endsAt: new Date(input.endsAt),
    siteId: input.siteId,
    location: input.location,
  });
  return offerView(uc.tx, uc.actor, o);
}

export async function removeSession(uc: UseCase, id: string, sessionId: string) {
  const o = await loadOffer(uc.tx, uc.actor, id);
  authorize(offerPolicy, uc.actor, 'manage', o);
  if (!(await deleteSession(uc.tx, o.id, sessionId))) throw notFound();
  return offerView(uc.tx, uc.actor, o);
}

/** Who holds or waits for a place on an offer: one audit row per citizen seen. */
export async function listOfferEnrolments(uc: UseCase, id: string) {
  const o = await loadOffer(uc.tx, uc.actor, id);
  authorize(offerPolicy, uc.actor, 'seeEnrolments', o);
  const rows = await enrolmentsWhere(uc.tx, uc.actor.municipalityId, { offerId: o.id });
  for (const r of rows)
    await writeAudit(uc.tx, uc.audit, {
      action: 'learning.enrolment.read',
      entity: 'learning_enrolment',
      entityId: r.enrolment.id,
      citizenId: r.citizen.id,
      purpose: 'learning_management',
    });
  return enrolmentViews(uc.tx, uc.actor, rows);
}

/** Courses in numbers for the municipality: aggregates only. */
export async function offerStats(uc: UseCase) {
  return learningStats(await statsRows(uc.tx, uc.actor.municipalityId));
}
