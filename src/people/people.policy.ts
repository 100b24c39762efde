import type { Actor } from '../platform/auth/roles';
import { anyOf, governing, type Policy } from '../platform/policy';

export interface CitizenTarget {
  municipalityId: string;
  caseworkerId: string | null;
  userId: string | null;
}

const onOwnCaseload = (a: Actor, c: CitizenTarget) =>
  anyOf('caseworker')(a) && a.municipalityId === c.municipalityId && c.caseworkerId === a.userId;

const isSelf = (a: Actor, c: CitizenTarget) =>
  anyOf('citizen')(a) && a.municipalityId === c.municipalityId && c.userId === a.userId;

/**
 * A caseworker may work with citizens on their own caseload; a citizen may read themselves.
 * Nobody else sees a citizen's record: denial answers 404, so existence stays private.
 */
export const citizenPolicy: Policy<
  'read' | 'update' | 'flagVulnerable' | 'addNote' | 'readSelf',
  CitizenTarget
> = {
  read: onOwnCaseload,
  update: onOwnCaseload,
  flagVulnerable: onOwnCaseload,
  addNote: onOwnCaseload,
  readSelf: isSelf,
};

/** A citizen on the actor's caseload or not, the actor's own record or someone else's. */
export const citizenExamples = (a: Actor): CitizenTarget[] =>
  [a.userId, 'another-caseworker', null].flatMap((caseworkerId) =>
    [a.userId, 'another-citizen', null].map((userId) => ({
      municipalityId: a.municipalityId,
      caseworkerId,
      userId,
    })),
  );

export const citizenRules = governing('citizen', citizenPolicy, citizenExamples);

/** The audit purposes this area works for (shown to citizens in their access log). */
export const PEOPLE_PURPOSES = ['case_management'] as const;

declare module '../platform/audit/audit.store' {
  interface AreaPurposes {
    case_management: true;
  }
}

declare module '../platform/auth/capabilities' {
  interface AreaCapabilities {
    caseload: true;
    'citizens.create': true;
    myData: true;
  }
}
