// The tables behind the taskforce's plots, for CSV export: the same figures the pages show,
// hidden counts left empty and marked.
import type { CsvCell } from '../platform/csv';
import type { BudgetView, IndicatorsView, JourneyView } from './taskforce.contract';

export function indicatorsTable(v: IndicatorsView): { header: string[]; rows: CsvCell[][] } {
  const header = ['indicator', 'recommendation', 'unit', 'month', 'value', 'suppressed', 'target'];
  const rows: CsvCell[][] = [];
  for (const i of v.indicators) {
    for (const t of i.trend)
      rows.push([i.id, i.recommendation, i.unit, t.month, t.value, t.suppressed, i.target]);
    rows.push([
      i.id,
      i.recommendation,
      i.unit,
      `${v.period.from}..${v.period.to}`,
      i.value,
      i.suppressed,
      i.target,
    ]);
  }
  // The breakdowns behind the methods and triage plots, for the period.
  const period = `${v.period.from}..${v.period.to}`;
  for (const m of v.breakdowns.methods)
    rows.push([`method:${m.key}`, 'r2', 'count', period, m.n, m.suppressed, null]);
  for (const g of v.breakdowns.triage)
    rows.push([`triage:${g.key}`, 'r5', 'count', period, g.n, g.suppressed, null]);
  return { header, rows };
}

/** The budget's quarters (behind its plot), then its lines. */
export function budgetTable(v: BudgetView): { header: string[]; rows: CsvCell[][] } {
  const header = [
    'table',
    'key',
    'committed_dkk',
    'spent_dkk',
    'cumulative_committed_dkk',
    'cumulative_spent_dkk',
  ];
  const rows: CsvCell[][] = v.quarters.map((q) => [
    'quarter',
    q.quarter,
    q.committed,
    q.spent,
    q.cumulativeCommitted,
    q.cumulativeSpent,
  ]);
  for (const l of v.lines)
    rows.push(['line', `${l.kind}:${l.name}`, l.committed, l.spent, null, null]);
  return { header, rows };
}

export function journeyTable(v: JourneyView): { header: string[]; rows: CsvCell[][] } {
  const header = ['table', 'group', 'from', 'to', 'people', 'suppressed', 'median_days'];
  const rows: CsvCell[][] = [];
  for (const g of v.groups) {
    for (const f of g.funnel) rows.push(['funnel', g.key, f.stage, '', f.n, f.suppressed, null]);
    for (const s of g.stops) rows.push(['stops', g.key, s.stage, '', s.n, s.suppressed, null]);
  }
  for (const l of v.links) rows.push(['flow', 'all', l.from, l.to, l.n, false, null]);
  for (const m of v.medians)
    rows.push(['median', 'all', m.from, m.to, m.people.n, m.people.suppressed, m.days]);
  return { header, rows };
}
