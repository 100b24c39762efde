// Weekly statistics of a workshop: visits, waits, topics, share resolved, returning citizens.
// Pure: visits come in, numbers go out.
import { VISIT_TOPICS, type VisitTopic } from './workshops.constants';
import { danishDay } from './workshops.model';
import { percentile } from '../platform/stats';

export interface VisitFact {
  at: Date;
  topics: readonly string[];
  resolved: boolean;
  waitedMinutes: number | null;
  citizenId: string | null;
}

export interface WeekStats {
  /** ISO week, e.g. "2026-W48" (weeks start on Monday, Danish time). */
  week: string;
  visits: number;
  waitMedian: number | null;
  waitP90: number | null;
  resolvedShare: number | null;
  /** Visits by citizens (with a record) who had been helped before. */
  returning: number;
  topics: Record<VisitTopic, number>;
}

/** ISO 8601 week of the Danish calendar day of an instant. */
export function isoWeek(at: Date): string {
  const d = new Date(`${danishDay(at)}T12:00:00Z`);
  const weekday = d.getUTCDay() || 7;
  d.setUTCDate(d.getUTCDate() + 4 - weekday); // the Thursday of this week decides the year
  const year = d.getUTCFullYear();
  const first = Date.UTC(year, 0, 1);
  const week = Math.ceil(((d.getTime() - first) / 86400_000 + 1) / 7);
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The `count` weeks up to and including the week of `now`, oldest first. */
export function lastWeeks(now: Date, count: number): string[] {
  const out: string[] = [];
  for (let i = count - 1; i >= 0; i--)
    out.push(isoWeek(new Date(now.getTime() - i * 7 * 86400_000)));
  return out;
}

/**
 * One row per week. `history` holds every earlier visit of a citizen (first visit time per
 * citizen), so "returning" also counts citizens first helped before the period shown.
 */
export function weeklyStats(
  visits: readonly VisitFact[],
  weeks: readonly string[],
  firstVisit: ReadonlyMap<string, Date>,
): WeekStats[] {
  const byWeek = new Map<string, VisitFact[]>(weeks.map((w) => [w, []]));
  for (const v of visits) byWeek.get(isoWeek(v.at))?.push(v);
  return weeks.map((week) => {
    const list = byWeek.get(week)!;
    const waits = list.flatMap((v) => (v.waitedMinutes === null ? [] : [v.waitedMinutes]));
    // Filled for every topic just here.
    const topics = Object.fromEntries(VISIT_TOPICS.map((t) => [t, 0])) as Record<
      VisitTopic,
      number
    >;
    for (const v of list) for (const t of v.topics) if (t in topics) topics[t as VisitTopic]++;
    return {
      week,
      visits: list.length,
      waitMedian: waits.length ? percentile(waits, 0.5) : null,
      waitP90: waits.length ? percentile(waits, 0.9) : null,
      resolvedShare: list.length ? list.filter((v) => v.resolved).length / list.length : null,
      returning: list.filter(
        (v) => v.citizenId && (firstVisit.get(v.citizenId)?.getTime() ?? Infinity) < v.at.getTime(),
      ).length,
      topics,
    };
  });
}

/** The table for a CSV file (platform/csv.ts), one column per topic. */
export function statsTable(rows: readonly WeekStats[]) {
  const header = [
    'week',
    'visits',
    'wait_median_minutes',
    'wait_p90_minutes',
    'resolved_share',
    'returning_visits',
    ...VISIT_TOPICS.map((t) => `topic_${t}`),
  ];
  const body = rows.map((r) => [
    r.week,
    r.visits,
    r.waitMedian,
    r.waitP90,
    r.resolvedShare === null ? null : Math.round(r.resolvedShare * 1000) / 1000,
    r.returning,
    ...VISIT_TOPICS.map((t) => r.topics[t]),
  ]);
  return { header, rows: body };
}
