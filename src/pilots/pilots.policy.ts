import type { Actor } from '../platform/auth/roles';
import { anyOf, governing, type Policy } from '../platform/policy';
import { TRANSITIONS, ruleIsLocked, type PilotStatus } from './pilots.model';
import { PILOT_STATUSES } from './pilots.constants';
import { citizenExamples, citizenPolicy, type CitizenTarget } from '../people';

export interface PilotTarget {
  municipalityId: string;
  status: PilotStatus;
  lotteryDrawn: boolean;
}

const here = (a: Actor, p: PilotTarget) => a.municipalityId === p.municipalityId;
const manager = (a: Actor, p: PilotTarget) => anyOf('pilot_manager')(a) && here(a, p);

/**
 * Pilot managers run pilots in their municipality. The decision rule can change only until the
 * pilot runs; the lottery is drawn once, while recruiting. Caseworkers refer citizens while a
 * pilot recruits. Analysts (and managers) read evaluations, which hold aggregates only.
 */
export const pilotPolicy: Policy<
  | 'read'
  | 'edit'
  | 'editRule'
  | 'move'
  | 'lottery'
  | 'refer'
  | 'seeEnrolments'
  | 'evaluate'
  | 'look',
  PilotTarget
> = {
  read: (a, p) => anyOf('pilot_manager', 'analyst', 'caseworker')(a) && here(a, p),
  edit: (a, p) => manager(a, p) && p.status !== 'continued' && p.status !== 'closed',
  editRule: (a, p) => manager(a, p) && !ruleIsLocked(p.status),
  move: (a, p) => manager(a, p) && TRANSITIONS[p.status].length > 0,
  lottery: (a, p) => manager(a, p) && p.status === 'recruiting' && !p.lotteryDrawn,
  refer: (a, p) =>
    anyOf('caseworker', 'pilot_manager')(a) &&
    here(a, p) &&
    (p.status === 'planned' || p.status === 'recruiting') &&
    !p.lotteryDrawn,
  seeEnrolments: manager,
  evaluate: (a, p) => anyOf('pilot_manager', 'analyst')(a) && here(a, p),
  /** A planned look is taken once the pilot runs, until its verdict is acted on. */
  look: (a, p) => manager(a, p) && (p.status === 'running' || p.status === 'evaluating'),
};

export const pilotRules = governing(
  'pilot',
  pilotPolicy,
  (a) =>
    PILOT_STATUSES.flatMap((status) =>
      [false, true].map((lotteryDrawn) => ({
        municipalityId: a.municipalityId,
        status,
        lotteryDrawn,
      })),
    ),
  { editRule: 'checked inside the edit of a pilot whose decision rule changes' },
);

/**
 * Whom one may refer: a caseworker their own citizens, a pilot manager (who takes referrals
 * from every centre) any citizen of the municipality. Denial answers 404, as for the citizen.
 */
export const referralPolicy: Policy<'referCitizen', CitizenTarget> = {
  referCitizen: (a, c) =>
    a.municipalityId === c.municipalityId &&
    (anyOf('caseworker')(a) ? citizenPolicy.read(a, c) : anyOf('pilot_manager')(a)),
};

export const referralRules = governing('referral', referralPolicy, citizenExamples, {
  referCitizen: 'checked per citizen inside a referral, which the pilot’s refer rule governs',
});

/** The audit purposes this area works for (shown to citizens in their access log). */
export const PILOTS_PURPOSES = ['pilot_management', 'evaluation'] as const;

declare module '../platform/audit/audit.store' {
  interface AreaPurposes {
    pilot_management: true;
    evaluation: true;
  }
}

declare module '../platform/auth/capabilities' {
  interface AreaCapabilities {
    pilots: true;
    'pilots.manage': true;
    'pilots.portfolio': true;
  }
}
