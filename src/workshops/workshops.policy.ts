import { anyOf, type Policy } from '../platform/policy';

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
export const ticketPolicy: Policy<'readCitizenTests', TicketTarget> = {
  readCitizenTests: (a, t) =>
    anyOf('ementor')(a) &&
    a.municipalityId === t.municipalityId &&
    t.status === 'called' &&
    t.calledBy === a.userId &&
    t.citizenId !== null,
};
