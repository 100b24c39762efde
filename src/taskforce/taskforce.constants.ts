// The strategy the taskforce follows, import-free so the web client uses it too: the two tracks,
// the expert group's seven recommendations, what each indicator measures and its target.

export const RECOMMENDATIONS = ['r1', 'r2', 'r3', 'r4', 'r5', 'r6', 'r7', 'track1'] as const;
export type Recommendation = (typeof RECOMMENDATIONS)[number];

/** Which track of the strategy a recommendation serves. */
export const TRACK_OF: Record<Recommendation, 1 | 2> = {
  r1: 2,
  r2: 2,
  r3: 2,
  r4: 2,
  r5: 1,
  r6: 2,
  r7: 2,
  track1: 1,
};

export const INDICATORS = [
  'workplace_share',
  'methods_in_use',
  'short_share',
  'short_completion',
  'companies_with_demand',
  'survey_response',
  'roles_posted',
  'ads_analysed',
  'new_citizens',
  'offered_share',
  'tested_share',
  'academics_in_contact',
  'academics_placed',
  'pilots_started',
  'pilots_running',
  'pilots_continued',
  'pilots_closed',
  'workshop_visits',
  'median_wait',
  'resolved_share',
] as const;
export type Indicator = (typeof INDICATORS)[number];

export type IndicatorUnit = 'share' | 'count' | 'minutes';

export interface IndicatorSpec {
  recommendation: Recommendation;
  unit: IndicatorUnit;
  /** A default target for the period (a share as 0–1); null where none is set. */
  target: number | null;
  /** Whether a lower value is better (waiting time). */
  lowerIsBetter?: boolean;
  /**
   * Counted for the municipality only: the data is not tied to a jobcentre site. These count
   * companies, roles and pilots, not people, so disclosure control does not apply to them.
   */
  municipalityOnly?: boolean;
}

export const INDICATOR_SPECS: Record<Indicator, IndicatorSpec> = {
  workplace_share: { recommendation: 'r1', unit: 'share', target: 0.3 },
  methods_in_use: { recommendation: 'r2', unit: 'count', target: 5 },
  short_share: { recommendation: 'r3', unit: 'share', target: 0.5 },
  short_completion: { recommendation: 'r3', unit: 'share', target: 0.8 },
  companies_with_demand: {
    recommendation: 'r4',
    unit: 'count',
    target: 50,
    municipalityOnly: true,
  },
  survey_response: { recommendation: 'r4', unit: 'share', target: 0.4, municipalityOnly: true },
  roles_posted: { recommendation: 'r4', unit: 'count', target: null, municipalityOnly: true },
  ads_analysed: { recommendation: 'r4', unit: 'count', target: null, municipalityOnly: true },
  new_citizens: { recommendation: 'r5', unit: 'count', target: null },
  offered_share: { recommendation: 'r5', unit: 'share', target: 0.8 },
  tested_share: { recommendation: 'r5', unit: 'share', target: 0.5 },
  academics_in_contact: { recommendation: 'r6', unit: 'count', target: 40 },
  academics_placed: { recommendation: 'r6', unit: 'count', target: 15 },
  pilots_started: { recommendation: 'r7', unit: 'count', target: 4, municipalityOnly: true },
  pilots_running: { recommendation: 'r7', unit: 'count', target: null, municipalityOnly: true },
  pilots_continued: { recommendation: 'r7', unit: 'count', target: null, municipalityOnly: true },
  pilots_closed: { recommendation: 'r7', unit: 'count', target: null, municipalityOnly: true },
  workshop_visits: { recommendation: 'track1', unit: 'count', target: null },
  median_wait: { recommendation: 'track1', unit: 'minutes', target: 15, lowerIsBetter: true },
  resolved_share: { recommendation: 'track1', unit: 'share', target: 0.85 },
};

/** A short, intensive course: at most this many weeks at least this many hours a week. */
export const SHORT_COURSE = { maxWeeks: 8, minHoursPerWeek: 15 } as const;

/** Counts from 1 to this minus one are never shown (statistical disclosure control). */
export const SUPPRESS_BELOW = 5;

export const JOURNEY_STAGES = [
  'spotted',
  'tested',
  'workshop',
  'course',
  'pilot',
  'company',
  'job',
] as const;
export type JourneyStage = (typeof JOURNEY_STAGES)[number];

export const ACTION_STATUSES = ['planned', 'in_progress', 'done', 'cancelled'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export const ACTION_LINK_KINDS = ['pilot', 'offer', 'event'] as const;
export type ActionLinkKind = (typeof ACTION_LINK_KINDS)[number];

/** The committee report's sections, each with room for the taskforce's own text. */
export const REPORT_SECTIONS = ['summary', ...RECOMMENDATIONS, 'pilots', 'budget'] as const;
export type ReportSection = (typeof REPORT_SECTIONS)[number];
