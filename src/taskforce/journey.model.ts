// The citizen journey: spotted → tested → helped in a workshop → on a course → in a pilot → met
// a company → in a job. Each citizen's first day at each stage (from the areas' reports) makes
// the funnel, the flow between stages in the order people took them, the median days from one
// stage to the next, and where people stop. Pure; small counts hidden (disclosure.model.ts).
import { isSmall, shownCells, shownCount, type Shown } from './disclosure.model';
import { JOURNEY_STAGES, type JourneyStage } from './taskforce.constants';
import {
  earliestDays,
  type FollowUpFacts,
  type Period,
  type SiteScope,
  type TriageName,
} from './indicators.model';

export type StageDays = Partial<Record<JourneyStage, string>>;

export interface JourneyPerson {
  citizenId: string;
  siteId: string | null;
  triageGroup: TriageName | null;
  days: StageDays;
}

/** Spotted: flagged as digitally vulnerable, or a test placing them in a group that needs help. */
export function journeyPeople(facts: FollowUpFacts): JourneyPerson[] {
  const tests = new Map(facts.tests.map((t) => [t.citizenId, t]));
  const visits = earliestDays(facts.firstVisits);
  const courses = earliestDays(
    facts.enrolments.filter((e) => e.status !== 'waitlisted' && e.status !== 'cancelled'),
  );
  const pilots = earliestDays(facts.participations);
  const meetings = earliestDays(facts.meetings);
  const jobs = earliestDays(facts.jobs);
  return facts.citizens.map((c) => {
    const test = tests.get(c.id);
    const byTest = test && test.triageGroup !== 'no_need' ? test.on : undefined;
    const spotted = [c.flaggedOn ?? undefined, byTest].filter((d): d is string => !!d).sort()[0];
    const days: StageDays = {};
    if (spotted) days.spotted = spotted;
    if (test) days.tested = test.on;
    const set = (stage: JourneyStage, day: string | undefined) => {
      if (day) days[stage] = day;
    };
    set('workshop', visits.get(c.id));
    set('course', courses.get(c.id));
    set('pilot', pilots.get(c.id));
    set('company', meetings.get(c.id));
    set('job', jobs.get(c.id));
    return { citizenId: c.id, siteId: c.siteId, triageGroup: test?.triageGroup ?? null, days };
  });
}

/**
 * A citizen's stages in the order they reached them (ties in the journey's own order). The
 * journey starts where they were spotted: help they had before that follows it in the flow.
 */
export function pathOf(days: StageDays): JourneyStage[] {
  const rest = JOURNEY_STAGES.filter((s) => s !== 'spotted' && days[s] !== undefined).sort(
    (a, b) =>
      days[a]!.localeCompare(days[b]!) || JOURNEY_STAGES.indexOf(a) - JOURNEY_STAGES.indexOf(b),
  );
  return days.spotted === undefined ? rest : ['spotted', ...rest];
}

const daysBetween = (a: string, b: string) =>
  Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);

function median(xs: number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export type Cohort = 'all' | 'triage' | 'site';

export interface JourneyGroup {
  key: string;
  people: Shown;
  /** People who reached each stage. */
  funnel: ({ stage: JourneyStage } & Shown)[];
  /** Where people's journey ends for now (their last stage, other than a job). */
  stops: ({ stage: JourneyStage } & Shown)[];
}

export interface Journey {
  period: Period;
  groups: JourneyGroup[];
  /** Flows between stages in the order people took them; `end` where the journey stops. */
  links: { from: JourneyStage; to: JourneyStage | 'end'; n: number }[];
  /** People in links too small to show, left out of the flow plot. */
  hiddenFlow: boolean;
  /** Median days from each stage to the next one people reached. */
  medians: { from: JourneyStage; to: JourneyStage; days: number | null; people: Shown }[];
}

/**
 * The journey of the people spotted in the period at the sites in scope, for the whole cohort or
 * per group (triage group or site), with every count below five hidden.
 */
export function journey(
  people: JourneyPerson[],
  scope: SiteScope,
  period: Period,
  cohort: Cohort,
  siteName: (id: string | null) => string = (id) => id ?? 'none',
): Journey {
  const inScope = people.filter(
    (p) =>
      p.days.spotted !== undefined &&
      p.days.spotted >= period.from &&
      p.days.spotted <= period.to &&
      (scope === null || scope.has(p.siteId ?? '')),
  );
  const keyOf = (p: JourneyPerson) =>
    cohort === 'all'
      ? 'all'
      : cohort === 'triage'
        ? (p.triageGroup ?? 'untested')
        : siteName(p.siteId);
  const grouped = new Map<string, JourneyPerson[]>();
  for (const p of inScope) {
    const k = keyOf(p);
    const list = grouped.get(k);
    if (list) list.push(p);
    else grouped.set(k, [p]);
  }
  const paths = new Map(inScope.map((p) => [p, pathOf(p.days)]));
  if (cohort === 'all' && !grouped.has('all')) grouped.set('all', []);
  const groups = [...grouped]
    .sort((a, b) => a[0].localeCompare(b[0]))
    .map(([key, ps]) => {
      const reached = JOURNEY_STAGES.map((stage) => ({
        key: stage,
        n: ps.filter((p) => p.days[stage] !== undefined).length,
      }));
      const stopped = JOURNEY_STAGES.filter((s) => s !== 'job').map((stage) => ({
        key: stage,
        n: ps.filter((p) => {
          const path = paths.get(p)!;
          return path[path.length - 1] === stage && p.days.job === undefined;
        }).length,
      }));
      return {
        key,
        people: shownCount(ps.length),
        // Stages are nested, not parts of a whole: each count stands alone.
        funnel: reached.map(({ key: stage, n }) => ({ stage, ...shownCount(n) })),
        stops: shownCells(stopped).map(({ key: stage, ...s }) => ({ stage, ...s })),
      };
    });
  const linkCounts = new Map<string, number>();
  const gaps = new Map<string, number[]>();
  for (const p of inScope) {
    const path = paths.get(p)!;
    for (let i = 0; i < path.length; i++) {
      const from = path[i]!;
      const to = path[i + 1] ?? 'end';
      if (from === 'job') break;
      const key = `${from}>${to}`;
      linkCounts.set(key, (linkCounts.get(key) ?? 0) + 1);
      // Time between stages where the later came after the earlier (help before being spotted
      // has no waiting time to speak of).
      if (to !== 'end' && p.days[to]! >= p.days[from]!) {
        const list = gaps.get(`${from}>${to}`) ?? [];
        list.push(daysBetween(p.days[from]!, p.days[to]!));
        gaps.set(`${from}>${to}`, list);
      }
    }
  }
  const allLinks = [...linkCounts].map(([k, n]) => {
    const [from, to] = k.split('>') as [JourneyStage, JourneyStage | 'end'];
    return { from, to, n };
  });
  const order = (s: JourneyStage | 'end') => (s === 'end' ? 99 : JOURNEY_STAGES.indexOf(s));
  const links = allLinks
    .filter((l) => !isSmall(l.n))
    .sort((a, b) => order(a.from) - order(b.from) || order(a.to) - order(b.to));
  const medians = [...gaps]
    .map(([k, list]) => {
      const [from, to] = k.split('>') as [JourneyStage, JourneyStage];
      const people = shownCount(list.length);
      return { from, to, days: people.suppressed ? null : median(list), people };
    })
    .sort((a, b) => order(a.from) - order(b.from) || order(a.to) - order(b.to));
  return {
    period,
    groups,
    links,
    hiddenFlow: links.length < allLinks.length,
    medians,
  };
}
