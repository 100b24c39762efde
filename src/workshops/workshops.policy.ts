import { anyOf, governing, type Policy } from '../platform/policy';
import type { Actor } from '../platform/auth/roles';
import { TICKET_STATUSES } from './workshops.constants';

export interface TicketTarget {
  municipalityId: string;
  status: string;
  calledBy: string | null;
  citizenId: string | null;
}

/**
 * While an eMentor helps a citizen who checked in as themselves (the ticket is linked to their
 * record), the eMentor may read that citizen's test results and history to guide the help. The
 * access ends when the visit is logged or handed over.
 */
const servedBy = (a: Actor, t: TicketTarget) =>
  anyOf('ementor')(a) &&
  a.municipalityId === t.municipalityId &&
  t.status === 'called' &&
  t.calledBy === a.userId;

export const ticketPolicy: Policy<'readCitizenTests' | 'handOver', TicketTarget> = {
  readCitizenTests: (a, t) => servedBy(a, t) && t.citizenId !== null,
  /** Only the eMentor serving the citizen passes them on (to a colleague on duty there). */
  handOver: servedBy,
};

export const ticketRules = governing('ticket', ticketPolicy, (a) =>
  TICKET_STATUSES.flatMap((status) =>
    [a.userId, 'another-ementor', null].flatMap((calledBy) =>
      ['a-citizen', null].map((citizenId) => ({
        municipalityId: a.municipalityId,
        status,
        calledBy,
        citizenId,
      })),
    ),
  ),
);

/** The audit purposes this area works for (shown to citizens in their access log). */
export const WORKSHOPS_PURPOSES = ['digital_guidance'] as const;

declare module '../platform/audit/audit.store' {
  interface AreaPurposes {
    digital_guidance: true;
  }
}

declare module '../platform/auth/capabilities' {
  interface AreaCapabilities {
    workshopQueue: true;
    workshopStats: true;
    workshopAdmin: true;
    doorPoster: true;
  }
}
