import type { Actor } from '../platform/auth/roles';
import { anyOf, governing, type Policy } from '../platform/policy';
import { citizenExamples, citizenPolicy, type CitizenTarget } from '../people';
import { ENROLMENT_STATUSES } from './learning.constants';

export interface OfferTarget {
  municipalityId: string;
  status: string;
}

const here = (a: Actor, t: { municipalityId: string }) => a.municipalityId === t.municipalityId;
const offerManager = (a: Actor, t: { municipalityId: string }) =>
  anyOf('admin', 'pilot_manager')(a) && here(a, t);

/**
 * Admins and pilot managers keep the catalogue and run its courses (the list of who is on
 * them, attendance, completion). Staff who advise citizens read the catalogue.
 */
export const offerPolicy: Policy<'read' | 'manage' | 'seeEnrolments', OfferTarget> = {
  read: (a, o) =>
    anyOf('admin', 'pilot_manager', 'caseworker', 'ementor', 'analyst')(a) && here(a, o),
  manage: (a, o) => offerManager(a, o) && o.status === 'active',
  seeEnrolments: offerManager,
};

export interface EnrolmentTarget {
  municipalityId: string;
  status: string;
  citizen: CitizenTarget;
}

const live = (e: EnrolmentTarget) => e.status === 'enrolled' || e.status === 'waitlisted';
const caseworkerOf = (a: Actor, e: EnrolmentTarget) => citizenPolicy.update(a, e.citizen);
const runsIt = (a: Actor, e: EnrolmentTarget) => offerManager(a, e) || caseworkerOf(a, e);

/**
 * The citizen's caseworker and the course's managers record attendance and the outcome; the
 * citizen, their caseworker or the managers may cancel a place (the next in line moves up).
 */
export const enrolmentPolicy: Policy<'read' | 'cancel' | 'attend' | 'complete', EnrolmentTarget> = {
  read: (a, e) => runsIt(a, e) || citizenPolicy.readSelf(a, e.citizen),
  cancel: (a, e) => live(e) && (runsIt(a, e) || citizenPolicy.readSelf(a, e.citizen)),
  attend: (a, e) => e.status === 'enrolled' && runsIt(a, e),
  complete: (a, e) => e.status === 'enrolled' && runsIt(a, e),
};

export interface BadgeTarget {
  municipalityId: string;
  citizen: CitizenTarget;
}

/** A badge is revoked (issued in error) by an admin, or by the citizen's own caseworker. */
export const badgePolicy: Policy<'revoke', BadgeTarget> = {
  revoke: (a, b) => here(a, b) && (anyOf('admin')(a) || citizenPolicy.update(a, b.citizen)),
};

export const badgeRules = governing('badge', badgePolicy, (a) =>
  citizenExamples(a).map((citizen) => ({ municipalityId: a.municipalityId, citizen })),
);

export const offerRules = governing('offer', offerPolicy, (a) =>
  (['active', 'retired'] as const).map((status) => ({ municipalityId: a.municipalityId, status })),
);

export const enrolmentRules = governing(
  'enrolment',
  enrolmentPolicy,
  (a) =>
    ENROLMENT_STATUSES.flatMap((status) =>
      citizenExamples(a).map((citizen) => ({ municipalityId: a.municipalityId, status, citizen })),
    ),
  { read: 'checked before every change of an enrolment, which answers 404 where it fails' },
);

/** The audit purposes this area works for (shown to citizens in their access log). */
export const LEARNING_PURPOSES = ['learning_management'] as const;

declare module '../platform/audit/audit.store' {
  interface AreaPurposes {
    learning_management: true;
  }
}

declare module '../platform/auth/capabilities' {
  interface AreaCapabilities {
    courses: true;
    'courses.manage': true;
    courseStats: true;
    myPlan: true;
  }
}
