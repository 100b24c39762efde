// A citizen's learning: plans, places on offers (enrol, cancel, attendance, completion) and
// badges. Used by the caseworker's pages and the citizen's own.
import { writeAudit, type Purpose } from '../platform/audit';
import type { Actor } from '../platform/auth/roles';
import type { CprCipher } from '../platform/crypto/cpr-cipher';
import type { DbOrTx } from '../platform/db/client';
import { conflict, invalid, notFound } from '../platform/errors';
import type { UseCase } from '../platform/use-case';
import { findMunicipality } from '../organisation';
import { findCitizen, loadAuthorized, loadSelf, type CitizenRow } from '../people';
import { completedTests } from '../assessment';
import { esco } from './esco';
import { buildPlan } from './build-plan';
import { endEnrolment, enrol } from './enrolments';
import { issueBadge, levelAchievement, offerAchievement } from './issue-badge';
import type {
  AttendanceInput,
  CancelInput,
  CompleteInput,
  DecisionInput,
  EnrolInput,
  LearningView,
} from './learning.contract';
import { badgePolicy, enrolmentPolicy } from './learning.policy';
import { authorize } from '../platform/policy';
import { presentBadge, presentLearning } from './learning.presenters';
import {
  activePlan,
  badgesOf,
  decidePlanItem,
  enrolmentsWhere,
  findBadge,
  findEnrolment,
  findOffer,
  isSessionOf,
  markCompleted,
  planItemRef,
  recordAttendance,
  revokeBadge,
} from './learning.store';
import { contactOf, enrolmentViews, loadOffer } from './offers.use-cases';

/** Who issues badges: the municipality, at our public address. */
export interface IssuerSettings {
  cipher: CprCipher;
  publicUrl: string;
}

const issuerOf = async (db: DbOrTx, settings: IssuerSettings, municipalityId: string) => ({
  municipalityId,
  name: (await findMunicipality(db, municipalityId))?.name ?? 'Jobcenter',
  origin: settings.publicUrl,
});

const purposeFor = (actor: Actor): Purpose =>
  actor.roles.includes('citizen')
    ? 'self_access'
    : actor.roles.includes('caseworker')
      ? 'case_management'
      : 'learning_management';

async function learningView(db: DbOrTx, actor: Actor, c: CitizenRow): Promise<LearningView> {
  return presentLearning(
    await activePlan(db, c.municipalityId, c.id),
    await completedTests(db, c.municipalityId, c.id),
    await badgesOf(db, c.municipalityId, c.id),
    await enrolmentViews(
      db,
      actor,
      await enrolmentsWhere(db, c.municipalityId, { citizenId: c.id }),
    ),
  );
}

async function enrolmentView(db: DbOrTx, actor: Actor, enrolmentId: string) {
  const rows = await enrolmentsWhere(db, actor.municipalityId, { id: enrolmentId });
  return (await enrolmentViews(db, actor, rows))[0]!;
}

/** A citizen's learning, read by their caseworker, or (`{ self: true }`) by the citizen. */
export async function readLearning(uc: UseCase, whose: { citizenId: string } | { self: true }) {
  const self = 'self' in whose;
  const c = self
    ? await loadSelf(uc.tx, uc.actor)
    : await loadAuthorized(uc.tx, uc.actor, whose.citizenId, 'update');
  await writeAudit(uc.tx, uc.audit, {
    action: 'learning.plan.read',
    entity: 'citizen',
    entityId: c.id,
    citizenId: c.id,
    purpose: self ? 'self_access' : 'case_management',
  });
  return learningView(uc.tx, uc.actor, c);
}

export async function makePlan(uc: UseCase, citizenId: string, occupationId: string) {
  const occupation = esco().find(occupationId);
  if (!occupation) throw invalid('occupation_unknown');
  const c = await loadAuthorized(uc.tx, uc.actor, citizenId, 'update');
  const { plan } = await buildPlan(uc.tx, { citizen: c, occupation, by: uc.actor.userId });
  await writeAudit(uc.tx, uc.audit, {
    action: 'learning.plan.create',
    entity: 'learning_plan',
    entityId: plan.id,
    citizenId: c.id,
    purpose: 'case_management',
    details: { occupation: occupation.label },
  });
  return learningView(uc.tx, uc.actor, c);
}

/** The citizen accepts or declines a suggestion in their own plan. */
export async function decide(uc: UseCase, itemId: string, { decision }: DecisionInput) {
  const c = await loadSelf(uc.tx, uc.actor);
  const active = await activePlan(uc.tx, c.municipalityId, c.id);
  const item = active?.items.find((i) => i.id === itemId);
  if (!item) throw notFound();
  await decidePlanItem(uc.tx, item.id, decision);
  await writeAudit(uc.tx, uc.audit, {
    action: 'learning.plan.decide',
    entity: 'learning_plan_item',
    entityId: item.id,
    citizenId: c.id,
    purpose: 'self_access',
    details: { decision },
  });
  return learningView(uc.tx, uc.actor, c);
}

export async function enrolCitizen(uc: UseCase, input: EnrolInput) {
  const { tx, actor } = uc;
  const c = await loadAuthorized(tx, actor, input.citizenId, 'update');
  const o = await loadOffer(tx, actor, input.offerId);
  if (o.status !== 'active') throw conflict('offer_retired');
  if (input.planItemId && (await planItemRef(tx, actor.municipalityId, input.planItemId)) !== o.id)
    throw invalid('plan_item_not_offer');
  const e = await enrol(tx, {
    offer: o,
    citizen: c,
    planItemId: input.planItemId ?? null,
    by: actor.userId,
  });
  await writeAudit(tx, uc.audit, {
    action: 'learning.enrolment.create',
    entity: 'learning_enrolment',
    entityId: e.id,
    citizenId: c.id,
    purpose: 'case_management',
    details: { offer: o.name, status: e.status },
  });
  return enrolmentView(tx, actor, e.id);
}

/** Loads a place and checks the actor may do `action` to it. */
async function loadEnrolment(
  db: DbOrTx,
  actor: Actor,
  id: string,
  action: 'cancel' | 'attend' | 'complete',
) {
  const row = await findEnrolment(db, actor.municipalityId, id);
  if (!row) throw notFound();
  const target = {
    municipalityId: row.enrolment.municipalityId,
    status: row.enrolment.status,
    citizen: row.citizen,
  };
  // Those who may not see the place at all get 404; those who may see it but not now, 409.
  if (!enrolmentPolicy.read(actor, target)) throw notFound();
  if (!enrolmentPolicy[action](actor, target)) throw conflict('enrolment_ended');
  const offer = await findOffer(db, actor.municipalityId, row.enrolment.offerId);
  if (!offer) throw notFound();
  return { ...row, offer };
}

export async function cancelEnrolment(uc: UseCase, id: string, { reason }: CancelInput) {
  const { tx, actor } = uc;
  const { enrolment, citizen, offer } = await loadEnrolment(tx, actor, id, 'cancel');
  const { promoted } = await endEnrolment(
    tx,
    offer,
    enrolment,
    'cancelled',
    reason,
    contactOf(tx, actor.municipalityId),
  );
  await writeAudit(tx, uc.audit, [
    {
      action: 'learning.enrolment.cancel',
      entity: 'learning_enrolment',
      entityId: enrolment.id,
      citizenId: citizen.id,
      purpose: purposeFor(actor),
    },
    ...promoted.map((p) => ({
      action: 'learning.enrolment.promote',
      entity: 'learning_enrolment',
      entityId: p.id,
      citizenId: p.citizenId,
      purpose: 'system' as const,
    })),
  ]);
  return enrolmentView(tx, actor, enrolment.id);
}

export async function markAttendance(uc: UseCase, id: string, input: AttendanceInput) {
  const { tx, actor } = uc;
  const { enrolment, citizen } = await loadEnrolment(tx, actor, id, 'attend');
  if (!(await isSessionOf(tx, enrolment.offerId, input.sessionId)))
    throw invalid('session_not_of_offer');
  await recordAttendance(tx, {
    municipalityId: enrolment.municipalityId,
    enrolmentId: enrolment.id,
    sessionId: input.sessionId,
    present: input.present,
    recordedBy: actor.userId,
  });
  await writeAudit(tx, uc.audit, {
    action: 'learning.attendance.update',
    entity: 'learning_enrolment',
    entityId: enrolment.id,
    citizenId: citizen.id,
    purpose: purposeFor(actor),
  });
  return enrolmentView(tx, actor, enrolment.id);
}

/** Completion earns the offer's badge; a drop-out frees the place for the waiting list. */
export async function completeEnrolment(
  uc: UseCase,
  settings: IssuerSettings,
  id: string,
  { outcome }: CompleteInput,
) {
  const { tx, actor } = uc;
  const { enrolment, citizen, offer } = await loadEnrolment(tx, actor, id, 'complete');
  let badgeId: string | null = null;
  if (outcome === 'dropped_out') {
    await endEnrolment(
      tx,
      offer,
      enrolment,
      'dropped_out',
      'dropped_out',
      contactOf(tx, actor.municipalityId),
    );
  } else {
    await markCompleted(tx, enrolment.id);
    const badge = await issueBadge(tx, settings.cipher, {
      issuer: await issuerOf(tx, settings, actor.municipalityId),
      citizen,
      achievement: offerAchievement(offer),
      kind: 'offer',
      enrolmentId: enrolment.id,
      by: actor.userId,
    });
    badgeId = badge.id;
  }
  // One row for the completion and the badge it earned.
  await writeAudit(tx, uc.audit, {
    action: 'learning.enrolment.complete',
    entity: 'learning_enrolment',
    entityId: enrolment.id,
    citizenId: citizen.id,
    purpose: purposeFor(actor),
    details: { outcome, badgeId },
  });
  return enrolmentView(tx, actor, enrolment.id);
}

/** The citizen claims the badge for a DigComp level their latest test showed. */
export async function claimBadge(uc: UseCase, settings: IssuerSettings, area: string) {
  const { tx, actor } = uc;
  const c = await loadSelf(tx, actor);
  const latest = (await completedTests(tx, c.municipalityId, c.id)).at(-1);
  const level = latest?.areas.find((a) => a.area === area)?.level ?? null;
  if (!latest || level === null || level < 1) throw invalid('nothing_to_claim');
  const held = (await badgesOf(tx, c.municipalityId, c.id)).find(
    ({ badge: b }) =>
      b.kind === 'digcomp' && b.assessmentId === latest.id && b.area === area && b.level === level,
  );
  if (held) return { created: false, badge: presentBadge(held.badge) };
  const badge = await issueBadge(tx, settings.cipher, {
    issuer: await issuerOf(tx, settings, c.municipalityId),
    citizen: c,
    achievement: levelAchievement(area, level),
    kind: 'digcomp',
    assessmentId: latest.id,
    area,
    level,
    by: actor.userId,
  });
  await writeAudit(tx, uc.audit, {
    action: 'badge.issue',
    entity: 'badge',
    entityId: badge.id,
    citizenId: c.id,
    purpose: 'self_access',
  });
  return { created: true, badge: presentBadge(badge) };
}

/** The citizen's own badge, for download as a credential or a certificate. */
export async function ownBadge(
  uc: UseCase,
  id: string,
  action: 'badge.download' | 'badge.certificate',
) {
  const c = await loadSelf(uc.tx, uc.actor);
  const b = await findBadge(uc.tx, id);
  if (!b || b.citizenId !== c.id) throw notFound();
  await writeAudit(uc.tx, uc.audit, {
    action,
    entity: 'badge',
    entityId: b.id,
    citizenId: c.id,
    purpose: 'self_access',
  });
  return { citizen: c, badge: b };
}

export async function revoke(uc: UseCase, id: string, reason: string) {
  const { tx, actor } = uc;
  const b = await findBadge(tx, id);
  if (!b || b.municipalityId !== actor.municipalityId) throw notFound();
  const c = await findCitizen(tx, actor.municipalityId, b.citizenId);
  if (!c) throw notFound();
  authorize(
    badgePolicy,
    actor,
    'revoke',
    { municipalityId: b.municipalityId, citizen: c },
    'not_found',
  );
  if (b.revokedAt) throw conflict('badge_revoked');
  const revoked = await revokeBadge(tx, b.id, actor.userId, reason);
  await writeAudit(tx, uc.audit, {
    action: 'badge.revoke',
    entity: 'badge',
    entityId: b.id,
    citizenId: c.id,
    purpose: actor.roles.includes('caseworker') ? 'case_management' : 'administration',
  });
  return presentBadge(revoked);
}
