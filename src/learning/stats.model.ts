// Learning statistics from one row per (offer, enrolment): totals, completion by method and by
// provider, waiting lists and enrolments per month. Pure.
import { ENROLMENT_STATUSES, type EnrolmentStatus } from './learning.constants';

export interface StatsRow {
  offerId: string;
  name: string;
  providerName: string;
  methods: string[];
  capacity: number;
  /** Null for an offer nobody has enrolled in. */
  status: string | null;
  createdAt: Date | null;
}

interface Group {
  key: string;
  enrolments: number;
  completed: number;
  droppedOut: number;
}

function grouped(rows: StatsRow[], keysOf: (r: StatsRow) => string[]): Group[] {
  const out = new Map<string, Group>();
  for (const r of rows) {
    if (!r.status) continue;
    for (const key of keysOf(r)) {
      const g = out.get(key) ?? { key, enrolments: 0, completed: 0, droppedOut: 0 };
      // Waiting is not a start: only those who got a place count as enrolments here.
      if (r.status !== 'waitlisted') g.enrolments++;
      if (r.status === 'completed') g.completed++;
      if (r.status === 'dropped_out') g.droppedOut++;
      out.set(key, g);
    }
  }
  return [...out.values()].sort(
    (a, b) => b.enrolments - a.enrolments || a.key.localeCompare(b.key),
  );
}

/** Copenhagen calendar month of an instant, as YYYY-MM. */
const monthOf = (d: Date) =>
  d.toLocaleDateString('sv-SE', {
    timeZone: 'Europe/Copenhagen',
    year: 'numeric',
    month: '2-digit',
  });

export function learningStats(rows: StatsRow[]) {
  // Filled for every status just here.
  const totals = Object.fromEntries(ENROLMENT_STATUSES.map((s) => [s, 0])) as Record<
    EnrolmentStatus,
    number
  >;
  for (const r of rows) if (r.status && r.status in totals) totals[r.status as EnrolmentStatus]++;

  const offers = new Map<
    string,
    { offerId: string; name: string; capacity: number; enrolled: number; waitlisted: number }
  >();
  for (const r of rows) {
    const o = offers.get(r.offerId) ?? {
      offerId: r.offerId,
      name: r.name,
      capacity: r.capacity,
      enrolled: 0,
      waitlisted: 0,
    };
    if (r.status === 'enrolled') o.enrolled++;
    if (r.status === 'waitlisted') o.waitlisted++;
    offers.set(r.offerId, o);
  }
  const months = new Map<string, number>();
  for (const r of rows)
    if (r.createdAt && r.status !== 'waitlisted' && r.status)
      months.set(monthOf(r.createdAt), (months.get(monthOf(r.createdAt)) ?? 0) + 1);

  return {
    totals,
    byMethod: grouped(rows, (r) => r.methods),
    byProvider: grouped(rows, (r) => [r.providerName]),
    waiting: [...offers.values()]
      .filter((o) => o.waitlisted > 0)
      .sort((a, b) => b.waitlisted - a.waitlisted || a.name.localeCompare(b.name)),
    byMonth: [...months]
      .sort((a, b) => a[0].localeCompare(b[0]))
      .map(([month, enrolments]) => ({ month, enrolments })),
  };
}
