// The strategy's indicators, computed from what the areas report (FollowUpFacts): pure, so each
// is tested on fixture data whose answer is known by hand. One pass counts everything per day
// and site (kept in a summary table, indicator-counts.ts); a period and a set of sites sum those
// into months; an indicator for a period adds up its months, so the trend and the period's
// figure are the same arithmetic.
import type { CitizenDay } from '../vocabulary/follow-up';
import { LEARNING_METHODS, type LearningMethod } from '../vocabulary';
import { shownCells, shownCount, shownShare } from './disclosure.model';
import {
  INDICATOR_SPECS,
  INDICATORS,
  SHORT_COURSE,
  type Indicator,
  type IndicatorUnit,
  type Recommendation,
} from './taskforce.constants';

export type TriageName = 'foundation' | 'building_blocks' | 'no_need';
export const TRIAGE_NAMES: readonly TriageName[] = ['foundation', 'building_blocks', 'no_need'];
const WORKPLACE: readonly LearningMethod[] = ['workplace', 'internship'];

export interface FollowUpFacts {
  citizens: {
    id: string;
    siteId: string | null;
    registeredOn: string;
    flaggedOn: string | null;
    academic: boolean;
  }[];
  offers: CitizenDay[];
  tests: (CitizenDay & { triageGroup: TriageName | null })[];
  enrolments: {
    citizenId: string;
    on: string;
    status: 'enrolled' | 'completed' | 'dropped_out' | 'waitlisted' | 'cancelled';
    methods: readonly LearningMethod[];
    weeks: number;
    hoursPerWeek: number;
  }[];
  visits: {
    month: string;
    siteId: string;
    resolved: boolean;
    waitBand: number | null;
    n: number;
  }[];
  firstVisits: CitizenDay[];
  demand: { measure: string; month: string; n: number }[];
  /** Academics' contacts with SMEs (accepted requests, held meetings) and placements there. */
  smeContacts: CitizenDay[];
  smePlacements: CitizenDay[];
  pilots: {
    id: string;
    status: string;
    startsOn: string;
    learningMethods: readonly LearningMethod[];
  }[];
  participations: (CitizenDay & { pilotId: string })[];
  meetings: CitizenDay[];
  jobs: CitizenDay[];
}

export interface Period {
  from: string;
  to: string;
}

/** Which sites to count: null for the whole municipality (people without a site included). */
export type SiteScope = ReadonlySet<string> | null;

type Counts = Map<string, number>;
/** Counts per month (YYYY-MM), per key. */
export type MonthCounts = Map<string, Counts>;

const monthOf = (day: string) => day.slice(0, 7);

/** The earliest day per citizen among rows. */
export function earliestDays(rows: readonly CitizenDay[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const r of rows) {
    const had = out.get(r.citizenId);
    if (!had || r.on < had) out.set(r.citizenId, r.on);
  }
  return out;
}

/** Every month from the period's first to its last, as YYYY-MM. */
export function monthsOf(period: Period): string[] {
  const out: string[] = [];
  let [y, m] = period.from.slice(0, 7).split('-').map(Number) as [number, number];
  const last = period.to.slice(0, 7);
  for (;;) {
    const key = `${y}-${String(m).padStart(2, '0')}`;
    if (key > last) return out;
    out.push(key);
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
}

export const isShortCourse = (e: { weeks: number; hoursPerWeek: number }) =>
  e.weeks <= SHORT_COURSE.maxWeeks && e.hoursPerWeek >= SHORT_COURSE.minHoursPerWeek;

/**
 * One measure counted on one day at one site: the site of the citizen it concerns, the site of
 * a workshop visit, or null for what is the municipality's (demand, pilots) or concerns a
 * citizen without a site. Month-level facts (visits, demand) fall on the month's first day.
 */
export interface DayCount {
  siteId: string | null;
  day: string;
  key: string;
  n: number;
}

/** A measure's sum over a month for the chosen sites and period. */
export interface MonthCount {
  month: string;
  key: string;
  n: number;
}

/**
 * Counts everything the indicators need, day by day and site by site, over all time: what the
 * summary table keeps (indicator-counts.ts), and the pure path the tests take.
 */
export function countByDay(facts: FollowUpFacts): DayCount[] {
  const out = new Map<string, DayCount>();
  const add = (siteId: string | null, day: string, key: string, n = 1) => {
    const k = `${siteId ?? ''}|${day}|${key}`;
    const had = out.get(k);
    if (had) had.n += n;
    else out.set(k, { siteId, day, key, n });
  };
  const siteOf = new Map(facts.citizens.map((c) => [c.id, c.siteId]));
  /** Adds for a citizen of this municipality at their site; others never count. */
  const forCitizen = (citizenId: string, day: string, key: string) => {
    const site = siteOf.get(citizenId);
    if (site !== undefined) add(site, day, key);
  };

  // Recommendation 5: new citizens, and whether they were offered and took the test.
  const offered = new Set(facts.offers.map((o) => o.citizenId));
  const tested = new Map(facts.tests.map((t) => [t.citizenId, t]));
  for (const c of facts.citizens) {
    add(c.siteId, c.registeredOn, 'new');
    if (offered.has(c.id)) add(c.siteId, c.registeredOn, 'new_offered');
    const test = tested.get(c.id);
    if (test) {
      add(c.siteId, c.registeredOn, 'new_tested');
      if (test.triageGroup) add(c.siteId, c.registeredOn, `triage:${test.triageGroup}`);
    }
  }
  // Recommendations 1–3: learning on offers and in pilots.
  for (const e of facts.enrolments) {
    if (e.status === 'waitlisted' || e.status === 'cancelled') continue;
    forCitizen(e.citizenId, e.on, 'upskilling');
    if (e.methods.some((m) => WORKPLACE.includes(m)))
      forCitizen(e.citizenId, e.on, 'upskilling_workplace');
    for (const m of e.methods) forCitizen(e.citizenId, e.on, `method:${m}`);
    if (isShortCourse(e)) {
      forCitizen(e.citizenId, e.on, 'short');
      if (e.status === 'completed') forCitizen(e.citizenId, e.on, 'short_completed');
      if (e.status !== 'enrolled') forCitizen(e.citizenId, e.on, 'short_ended');
    }
  }
  const pilotsById = new Map(facts.pilots.map((p) => [p.id, p]));
  for (const p of facts.participations) {
    const pilot = pilotsById.get(p.pilotId);
    if (!pilot) continue;
    forCitizen(p.citizenId, p.on, 'upskilling');
    if (pilot.learningMethods.some((m) => WORKPLACE.includes(m)))
      forCitizen(p.citizenId, p.on, 'upskilling_workplace');
    for (const m of pilot.learningMethods) forCitizen(p.citizenId, p.on, `method:${m}`);
  }
  // Recommendation 6: academics and SMEs (firsts, so months add up to people).
  for (const c of facts.smeContacts) forCitizen(c.citizenId, c.on, 'sme_contact');
  for (const c of facts.smePlacements) forCitizen(c.citizenId, c.on, 'sme_placed');
  // Track 1: workshop visits, counted where they happened.
  for (const v of facts.visits) {
    const day = `${v.month}-01`;
    add(v.siteId, day, 'visits', v.n);
    if (v.resolved) add(v.siteId, day, 'resolved', v.n);
    if (v.waitBand !== null) add(v.siteId, day, `wait:${v.waitBand}`, v.n);
  }
  // Recommendations 4 and 7 belong to the municipality, not to a site.
  for (const d of facts.demand) add(null, `${d.month}-01`, d.measure, d.n);
  for (const p of facts.pilots) add(null, p.startsOn, 'pilots_started');
  return [...out.values()];
}

/**
 * Sums day counts into months for the sites in scope and the period. The whole municipality
 * counts everything; a site or centre leaves out what has no site (the municipality's own
 * measures and citizens without one). The summary table's SQL does the same.
 */
export function sumByMonth(
  rows: readonly DayCount[],
  scope: SiteScope,
  period: Period,
): MonthCount[] {
  const out = new Map<string, MonthCount>();
  for (const r of rows) {
    if (r.day < period.from || r.day > period.to) continue;
    if (scope !== null && (r.siteId === null || !scope.has(r.siteId))) continue;
    const month = monthOf(r.day);
    const k = `${month}|${r.key}`;
    const had = out.get(k);
    if (had) had.n += r.n;
    else out.set(k, { month, key: r.key, n: r.n });
  }
  return [...out.values()];
}

export function monthCountsOf(rows: readonly MonthCount[]): MonthCounts {
  const out: MonthCounts = new Map();
  for (const r of rows) {
    const counts = out.get(r.month) ?? new Map<string, number>();
    counts.set(r.key, (counts.get(r.key) ?? 0) + r.n);
    out.set(r.month, counts);
  }
  return out;
}

/** Counts everything the indicators need, month by month, for the sites in scope. */
export function countByMonth(facts: FollowUpFacts, scope: SiteScope, period: Period): MonthCounts {
  return monthCountsOf(sumByMonth(countByDay(facts), scope, period));
}

function sumOver(counts: MonthCounts, months: readonly string[]): Counts {
  const out: Counts = new Map();
  for (const m of months)
    for (const [k, n] of counts.get(m) ?? []) out.set(k, (out.get(k) ?? 0) + n);
  return out;
}

/** The median of waits kept in five-minute bands, read within its band. */
export function medianOfBands(counts: Counts): { value: number | null; n: number } {
  const bands: [number, number][] = [];
  for (const [k, n] of counts) if (k.startsWith('wait:')) bands.push([Number(k.slice(5)), n]);
  bands.sort((a, b) => a[0] - b[0]);
  const total = bands.reduce((s, [, n]) => s + n, 0);
  if (total === 0) return { value: null, n: 0 };
  let below = 0;
  for (const [band, n] of bands) {
    if (below + n >= total / 2) {
      if (band >= 24) return { value: 120, n: total };
      return { value: band * 5 + (5 * (total / 2 - below)) / n, n: total };
    }
    below += n;
  }
  return { value: null, n: total };
}

export interface IndicatorValue {
  value: number | null;
  suppressed: boolean;
  /** The part and the whole a share rests on (null where hidden or not a share). */
  part: number | null;
  whole: number | null;
}

const none: IndicatorValue = { value: null, suppressed: false, part: null, whole: null };

function shareOfPeople(part: number, whole: number, people: boolean): IndicatorValue {
  if (!people) return { value: whole === 0 ? null : part / whole, suppressed: false, part, whole };
  const s = shownShare(part, whole);
  return s.suppressed ? { ...s, part: null, whole: null } : { ...s, part, whole };
}

function countOfPeople(n: number, people: boolean): IndicatorValue {
  if (!people) return { value: n, suppressed: false, part: null, whole: null };
  const s = shownCount(n);
  return { value: s.n, suppressed: s.suppressed, part: null, whole: null };
}

/** One indicator from the counts of a period (or a month). */
export function indicatorValue(
  id: Indicator,
  c: Counts,
  scope: SiteScope,
  pilots: FollowUpFacts['pilots'],
): IndicatorValue {
  const get = (k: string) => c.get(k) ?? 0;
  const municipal = INDICATOR_SPECS[id].municipalityOnly ?? false;
  if (municipal && scope !== null) return none;
  // Companies, roles and pilots are not people: their counts are shown as they are.
  const countOf = (n: number) => countOfPeople(n, !municipal);
  const share = (part: number, whole: number) => shareOfPeople(part, whole, !municipal);
  switch (id) {
    case 'workplace_share':
      return share(get('upskilling_workplace'), get('upskilling'));
    case 'methods_in_use':
      return {
        ...none,
        value: LEARNING_METHODS.filter((m) => get(`method:${m}`) > 0).length,
      };
    case 'short_share':
      return share(get('short'), get('upskilling'));
    case 'short_completion':
      return share(get('short_completed'), get('short_ended'));
    case 'companies_with_demand':
    case 'roles_posted':
    case 'ads_analysed':
      return countOf(get(id));
    case 'survey_response':
      return share(get('survey_answered'), get('survey_invited'));
    case 'new_citizens':
      return countOf(get('new'));
    case 'offered_share':
      return share(get('new_offered'), get('new'));
    case 'tested_share':
      return share(get('new_tested'), get('new'));
    case 'academics_in_contact':
      return countOf(get('sme_contact'));
    case 'academics_placed':
      return countOf(get('sme_placed'));
    case 'pilots_started':
      return countOf(get('pilots_started'));
    case 'pilots_running':
      return countOf(pilots.filter((p) => p.status === 'running').length);
    case 'pilots_continued':
      return countOf(pilots.filter((p) => p.status === 'continued').length);
    case 'pilots_closed':
      return countOf(pilots.filter((p) => p.status === 'closed').length);
    case 'workshop_visits':
      return countOf(get('visits'));
    case 'median_wait': {
      const m = medianOfBands(c);
      if (m.n > 0 && m.n < 5) return { ...none, suppressed: true };
      return { ...none, value: m.value };
    }
    case 'resolved_share':
      return share(get('resolved'), get('visits'));
  }
}

export interface IndicatorResult extends IndicatorValue {
  id: Indicator;
  recommendation: Recommendation;
  unit: IndicatorUnit;
  target: number | null;
  lowerIsBetter: boolean;
  /** Whether the period's value reaches the target (null: no target or no value). */
  onTarget: boolean | null;
  trend: ({ month: string } & IndicatorValue)[];
}

/** Counted once per period: the status of pilots is today's, not a month's. */
const SNAPSHOT: readonly Indicator[] = ['pilots_running', 'pilots_continued', 'pilots_closed'];
/** Counted as a running total: companies whose demand is known by the month's end. */
const CUMULATIVE: readonly Indicator[] = ['companies_with_demand'];

/** The municipality's own targets where it has set them (null: no target). */
export type Targets = Readonly<Partial<Record<Indicator, number | null>>>;

/** An indicator's target: the municipality's own where it has set one, else the default. */
export const targetOf = (id: Indicator, targets: Targets): number | null =>
  Object.hasOwn(targets, id) ? (targets[id] ?? null) : INDICATOR_SPECS[id].target;

export function computeIndicators(
  byMonth: MonthCounts,
  pilots: FollowUpFacts['pilots'],
  scope: SiteScope,
  period: Period,
  targets: Targets = {},
): IndicatorResult[] {
  const months = monthsOf(period);
  const whole = sumOver(byMonth, months);
  return INDICATORS.map((id) => {
    const spec = INDICATOR_SPECS[id];
    const value = indicatorValue(id, whole, scope, pilots);
    const trend = SNAPSHOT.includes(id)
      ? []
      : months.map((month, i) => ({
          month,
          ...indicatorValue(
            id,
            CUMULATIVE.includes(id)
              ? sumOver(byMonth, months.slice(0, i + 1))
              : sumOver(byMonth, [month]),
            scope,
            pilots,
          ),
        }));
    const target = targetOf(id, targets);
    const onTarget =
      target === null || value.value === null
        ? null
        : spec.lowerIsBetter
          ? value.value <= target
          : value.value >= target;
    return {
      id,
      recommendation: spec.recommendation,
      unit: spec.unit,
      target,
      lowerIsBetter: spec.lowerIsBetter ?? false,
      onTarget,
      ...value,
      trend,
    };
  });
}

/** Participants per learning method and the triage distribution, small cells hidden. */
export function breakdowns(byMonth: MonthCounts, period: Period) {
  const whole = sumOver(byMonth, monthsOf(period));
  return {
    methods: shownCells(
      LEARNING_METHODS.map((m) => ({ key: m, n: whole.get(`method:${m}`) ?? 0 })),
    ),
    triage: shownCells(TRIAGE_NAMES.map((g) => ({ key: g, n: whole.get(`triage:${g}`) ?? 0 }))),
  };
}
