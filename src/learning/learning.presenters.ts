// Records → the views the API answers with. Pure: the use cases load what a view needs.
import type { Actor } from '../platform/auth/roles';
import { permissionsFor } from '../platform/policy';
import type { completedTests } from '../assessment';
import { ESCO_ATTRIBUTION } from './esco';
import type {
  BadgeView,
  EnrolmentView,
  LearningView,
  OfferSummaryView,
  OfferView,
} from './learning.contract';
import { DigCompAreaKey } from './learning.contract';
import { enrolmentPolicy, offerPolicy } from './learning.policy';
import {
  placeOf,
  type activePlan,
  type attendanceOf,
  type badgesOf,
  type BadgeRow,
  type EnrolmentJoin,
  type OfferRow,
  type SessionRow,
} from './learning.store';

const iso = (d: Date) => d.toISOString();
const isoOrNull = (d: Date | null) => (d ? d.toISOString() : null);

export interface OfferCounts {
  enrolled: number;
  waitlisted: number;
  nextSession: Date | null;
}

export const presentOfferSummary = (o: OfferRow, c: OfferCounts): OfferSummaryView => ({
  id: o.id,
  name: o.name,
  providerKind: o.providerKind,
  providerName: o.providerName,
  methods: o.methods,
  format: o.format,
  hoursPerWeek: o.hoursPerWeek,
  weeks: o.weeks,
  // Written only through OfferInput, which admits DigComp competence codes alone.
  lifts: o.lifts as OfferView['lifts'],
  languages: o.languages,
  capacity: o.capacity,
  enrolled: c.enrolled,
  waitlisted: c.waitlisted,
  mainstreaming: o.mainstreaming,
  status: o.status,
  nextSession: isoOrNull(c.nextSession),
});

export const presentOffer = (
  actor: Actor,
  o: OfferRow,
  counts: OfferCounts,
  sessions: SessionRow[],
): OfferView => ({
  ...presentOfferSummary(o, counts),
  description: o.description,
  hostCvr: o.hostCvr,
  // As lifts: written only through OfferInput.
  prerequisites: o.prerequisites as OfferView['prerequisites'],
  prerequisitesText: o.prerequisitesText,
  priceDkk: o.priceDkk,
  sessions: sessions.map((s) => ({
    id: s.id,
    startsAt: iso(s.startsAt),
    endsAt: iso(s.endsAt),
    siteId: s.siteId,
    place: placeOf(s),
  })),
  permissions: permissionsFor(offerPolicy, actor, o, ['manage', 'seeEnrolments']),
});

export function presentEnrolments(
  actor: Actor,
  rows: EnrolmentJoin[],
  sessions: SessionRow[],
  attendance: Awaited<ReturnType<typeof attendanceOf>>,
  places: Map<string, number>,
): EnrolmentView[] {
  return rows.map(({ enrolment: e, offerName, citizen, badgeId }) => {
    const mine = attendance.filter((a) => a.enrolmentId === e.id);
    return {
      id: e.id,
      offerId: e.offerId,
      offerName,
      citizenId: citizen.id,
      citizenName: `${citizen.firstName} ${citizen.lastName}`,
      status: e.status,
      waitlistPlace: places.get(e.id) ?? null,
      queuedAt: iso(e.queuedAt),
      completedAt: isoOrNull(e.completedAt),
      endReason: e.endReason,
      attended: mine.filter((a) => a.present).length,
      sessions: sessions
        .filter((s) => s.offerId === e.offerId)
        .map((s) => ({
          id: s.id,
          startsAt: iso(s.startsAt),
          endsAt: iso(s.endsAt),
          siteId: s.siteId,
          place: placeOf(s),
          present: mine.find((a) => a.sessionId === s.id)?.present ?? null,
        })),
      badgeId,
      permissions: permissionsFor(
        enrolmentPolicy,
        actor,
        { municipalityId: e.municipalityId, status: e.status, citizen },
        ['cancel', 'attend', 'complete'],
      ),
    };
  });
}

export const presentBadge = (b: BadgeRow, testWithdrawnAt: Date | null = null): BadgeView => ({
  id: b.id,
  kind: b.kind,
  name: b.name,
  issuedAt: iso(b.issuedAt),
  revokedAt: isoOrNull(b.revokedAt ?? testWithdrawnAt),
  revokeReason: b.revokeReason,
  testWithdrawn: testWithdrawnAt !== null,
});

/** Everything about a citizen's learning: plan, places, badges, test progress. */
export function presentLearning(
  active: Awaited<ReturnType<typeof activePlan>>,
  tests: Awaited<ReturnType<typeof completedTests>>,
  mine: Awaited<ReturnType<typeof badgesOf>>,
  enrolments: EnrolmentView[],
): LearningView {
  const latest = tests.at(-1);
  const held = new Set(
    mine
      .filter(
        ({ badge: b, testWithdrawnAt }) => b.kind === 'digcomp' && !b.revokedAt && !testWithdrawnAt,
      )
      .map(({ badge: b }) => `${b.area}:${b.level}`),
  );
  const planTest = active?.plan.assessmentId
    ? tests.find((t) => t.id === active.plan.assessmentId)
    : undefined;
  return {
    plan: active
      ? {
          id: active.plan.id,
          occupationId: active.plan.occupationId,
          occupationLabel: active.plan.occupationLabel,
          escoVersion: active.plan.escoVersion,
          attribution: ESCO_ATTRIBUTION,
          testedAt: planTest ? iso(planTest.completedAt) : null,
          gaps: active.plan.gaps,
          items: active.items.map((i) => ({
            id: i.id,
            kind: i.kind,
            refId: i.refId,
            title: i.title,
            rank: i.rank,
            score: i.score,
            covers: i.covers,
            reasons: i.reasons,
            status: i.status,
            decidedAt: isoOrNull(i.decidedAt),
          })),
          createdAt: iso(active.plan.createdAt),
        }
      : null,
    enrolments,
    badges: mine.map((b) => presentBadge(b.badge, b.testWithdrawnAt)),
    progress: tests.map((t) => ({ completedAt: iso(t.completedAt), areas: t.areas })),
    claimable: (latest?.areas ?? [])
      .filter(
        (a): a is { area: DigCompAreaKey; level: number } =>
          DigCompAreaKey.safeParse(a.area).success && a.level !== null && a.level >= 1,
      )
      .filter((a) => !held.has(`${a.area}:${a.level}`)),
  };
}
