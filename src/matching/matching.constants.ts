// The matching area's words (import-free, so the web client uses them too).

export const EVENT_FORMATS = ['physical', 'virtual', 'hybrid'] as const;
export type EventFormat = (typeof EVENT_FORMATS)[number];

/** planning → published (agendas sent) → held (outcomes recorded). */
export const EVENT_STATUSES = ['planning', 'published', 'held'] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];

export const CANDIDATE_STATUSES = ['invited', 'registered', 'declined'] as const;
export type CandidateStatus = (typeof CANDIDATE_STATUSES)[number];

export const COMPANY_ANSWERS = ['accept', 'decline'] as const;
export type CompanyAnswer = (typeof COMPANY_ANSWERS)[number];

/** What the consultant decides over the wishes: a meeting that must or must not happen. */
export const CONSULTANT_RULES = ['pin', 'forbid'] as const;
export type ConsultantRule = (typeof CONSULTANT_RULES)[number];

export const MEETING_STATUSES = ['planned', 'held', 'no_show', 'cancelled'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

/** What came of a meeting, as the company records it (the last three are placements). */
export const MEETING_OUTCOMES = [
  'no_further_contact',
  'second_interview',
  'trainee_place',
  'job_offer',
  'hire',
] as const;
export type MeetingOutcome = (typeof MEETING_OUTCOMES)[number];
/** Outcomes that need a start date. */
export const DATED_OUTCOMES: readonly MeetingOutcome[] = ['trainee_place', 'job_offer', 'hire'];

/** How many companies a candidate may rank (the first wish weighs most). */
export const MAX_WISHES = 8;
/**
 * A possible meeting's weight in the scheduler: the candidate's 1st wish 10, 2nd 8, … never
 * below 2; the company's acceptance adds 3 (alone it makes a meeting worth 3); a company's
 * decline, or neither side asking, makes it 0 (never scheduled).
 */
export function wishWeight(rank: number | null, answer: CompanyAnswer | null): number {
  if (answer === 'decline') return 0;
  const wished = rank === null ? 0 : Math.max(2, 12 - 2 * rank);
  return wished + (answer === 'accept' ? 3 : 0);
}

/** The citizen's page for their events (the link in invitations and agendas). */
export const MY_EVENTS_PATH = '/mine-arrangementer';

/** shortlisted (by the consultant) → pending (sent) → accepted or declined (by the citizen). */
export const CONTACT_STATUSES = ['shortlisted', 'pending', 'accepted', 'declined'] as const;
export type ContactStatus = (typeof CONTACT_STATUSES)[number];

/** A CV: a PDF of at most 2 MB. */
export const CV_MAX_BYTES = 2 * 1024 * 1024;
/** The citizen's page for the candidate pool. */
export const MY_POOL_PATH = '/min-profil-til-virksomheder';
