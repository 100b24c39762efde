import type { Actor } from '../platform/auth/roles';
import { anyOf, governing, type Policy } from '../platform/policy';

export interface FollowUpTarget {
  municipalityId: string;
}

const here = (a: Actor, t: FollowUpTarget) => a.municipalityId === t.municipalityId;

/**
 * The taskforce (and the centre managers with the role) follows the strategy and keeps its
 * actions; analysts and admins read along; admins say which sites form a centre. Everything is
 * about the actor's own municipality, and nothing names a citizen.
 */
export const followUpPolicy: Policy<'read' | 'act' | 'defineCentres', FollowUpTarget> = {
  read: (a, t) => anyOf('taskforce', 'analyst', 'admin')(a) && here(a, t),
  act: (a, t) => anyOf('taskforce')(a) && here(a, t),
  defineCentres: (a, t) => anyOf('admin')(a) && here(a, t),
};

export const followUpRules = governing('follow-up', followUpPolicy, (a) => [
  { municipalityId: a.municipalityId },
]);

/** The audit purposes this area works for. */
export const TASKFORCE_PURPOSES = ['strategy_follow_up'] as const;

declare module '../platform/audit/audit.store' {
  interface AreaPurposes {
    strategy_follow_up: true;
  }
}

declare module '../platform/auth/capabilities' {
  interface AreaCapabilities {
    strategy: true;
    'strategy.act': true;
    'strategy.centres': true;
  }
}
