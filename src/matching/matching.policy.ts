import type { Actor } from '../platform/auth/roles';
import { anyOf, governing, type Policy } from '../platform/policy';

export interface EventTarget {
  municipalityId: string;
}

const here = (a: Actor, e: EventTarget) => a.municipalityId === e.municipalityId;

/**
 * The business service (company consultants) runs matchmaking events: plans, invites, schedules,
 * publishes and runs the day; admins read them. Another municipality's events answer 404.
 */
export const eventPolicy: Policy<'read' | 'manage', EventTarget> = {
  read: (a, e) => anyOf('company_consultant', 'admin')(a) && here(a, e),
  manage: (a, e) => anyOf('company_consultant')(a) && here(a, e),
};

export const eventRules = governing('matchmakingEvent', eventPolicy, (a) => [
  { municipalityId: a.municipalityId },
  { municipalityId: 'another-municipality' },
]);

export interface TakingPart {
  municipalityId: string;
  /** The company users who act for the company taking part. */
  members: readonly string[];
}

/**
 * A company user answers for the companies they act for at events they take part in, and
 * records the outcomes of their meetings; the consultant may do both for them.
 */
export const takingPartPolicy: Policy<'answer' | 'recordOutcome', TakingPart> = {
  answer: (a, t) =>
    a.municipalityId === t.municipalityId &&
    ((anyOf('company')(a) && t.members.includes(a.userId)) || anyOf('company_consultant')(a)),
  recordOutcome: (a, t) =>
    a.municipalityId === t.municipalityId &&
    ((anyOf('company')(a) && t.members.includes(a.userId)) || anyOf('company_consultant')(a)),
};

export const takingPartRules = governing('takingPart', takingPartPolicy, (a) => [
  { municipalityId: a.municipalityId, members: [a.userId] },
  { municipalityId: a.municipalityId, members: ['someone-else'] },
]);

/** The audit purposes this area works for. */
export const MATCHING_PURPOSES = ['matchmaking'] as const;

declare module '../platform/audit/audit.store' {
  interface AreaPurposes {
    matchmaking: true;
  }
}

declare module '../platform/auth/capabilities' {
  interface AreaCapabilities {
    matchmaking: true;
    myMatchmaking: true;
    companyMatchmaking: true;
    matchmakingStats: true;
    candidatePool: true;
    smeAcademics: true;
  }
}
