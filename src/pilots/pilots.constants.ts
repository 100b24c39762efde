// Pilot constants, import-free so the web client can use them.
export const PILOT_STATUSES = [
  'planned',
  'recruiting',
  'running',
  'evaluating',
  'continued',
  'closed',
] as const;
export type PilotStatus = (typeof PILOT_STATUSES)[number];

/** Where a pilot may go next. A pilot may be stopped before it runs; once run, it is judged. */
export const TRANSITIONS: Record<PilotStatus, PilotStatus[]> = {
  planned: ['recruiting', 'closed'],
  recruiting: ['running', 'closed'],
  running: ['evaluating'],
  evaluating: ['continued', 'closed'],
  continued: [],
  closed: [],
};

export { LEARNING_METHODS, type LearningMethod } from '../vocabulary';

export const PARTNER_KINDS = ['company', 'organisation', 'a_kasse', 'union', 'education'] as const;
export type PartnerKind = (typeof PARTNER_KINDS)[number];

export const TRIAGE_GROUPS = ['foundation', 'building_blocks', 'no_need'] as const;
export type TriageGroup = (typeof TRIAGE_GROUPS)[number];

export const OUTCOME_WEEKS = [13, 26, 52] as const;
export type OutcomeWeeks = (typeof OUTCOME_WEEKS)[number];

export const ENROLMENT_ARMS = ['applicant', 'participant', 'control', 'withdrawn'] as const;
export type EnrolmentArm = (typeof ENROLMENT_ARMS)[number];

/** Continue: the effect is shown; close: the smallest worthwhile effect is ruled out. */
export const VERDICTS = ['continue', 'close', 'not_yet_decided', 'too_early'] as const;
export type Verdict = (typeof VERDICTS)[number];

export const SUBGROUPS = ['triage', 'age', 'education'] as const;
export type Subgroup = (typeof SUBGROUPS)[number];

export const SPENDINGS = ['obf', 'pocock'] as const;

export const LOOK_DECISIONS = ['stop_efficacy', 'stop_futility', 'go_on', 'final'] as const;
export type LookDecision = (typeof LOOK_DECISIONS)[number];
