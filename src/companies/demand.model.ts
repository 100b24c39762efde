// The demand picture's arithmetic, pure: signals of digital demand from three sources, summed by
// competence and one dimension. The sources count different things — posted roles count people,
// survey answers count companies that need a competence now, analysed ads count ads — so their
// numbers are shown side by side, never added together.
import type { Db07Section } from './companies.constants';

export const DEMAND_SOURCES = ['roles', 'survey', 'ads'] as const;
export type DemandSource = (typeof DEMAND_SOURCES)[number];

export const DEMAND_DIMENSIONS = ['competence', 'section', 'isco', 'size', 'quarter'] as const;
export type DemandDimension = (typeof DEMAND_DIMENSIONS)[number];

export interface DemandSignal {
  source: DemandSource;
  competence: string;
  section: Db07Section | null;
  /** ISCO-08 major group (first digit), when the signal names an occupation. */
  isco: string | null;
  sme: boolean | null;
  at: Date;
  weight: number;
}

/** The calendar quarter of a moment in Copenhagen, as "2026-Q4". */
export function quarterOf(at: Date): string {
  const [y, m] = at.toLocaleDateString('sv-SE', { timeZone: 'Europe/Copenhagen' }).split('-');
  return `${y}-Q${Math.floor((Number(m) - 1) / 3) + 1}`;
}

export function keyOf(s: DemandSignal, by: DemandDimension): string {
  switch (by) {
    case 'competence':
      return s.competence;
    case 'section':
      return s.section ?? '?';
    case 'isco':
      return s.isco ?? '?';
    case 'size':
      return s.sme === null ? '?' : s.sme ? 'sme' : 'large';
    case 'quarter':
      return quarterOf(s.at);
  }
}

export interface DemandCell {
  competence: string;
  key: string;
  source: DemandSource;
  value: number;
}

/** Sums by competence × the dimension × source, largest first within a competence. */
export function aggregate(signals: readonly DemandSignal[], by: DemandDimension): DemandCell[] {
  const cells = new Map<string, DemandCell>();
  for (const s of signals) {
    const key = keyOf(s, by);
    const id = `${s.competence}|${key}|${s.source}`;
    const cell = cells.get(id) ?? { competence: s.competence, key, source: s.source, value: 0 };
    cell.value += s.weight;
    cells.set(id, cell);
  }
  return [...cells.values()].sort(
    (a, b) =>
      a.competence.localeCompare(b.competence, 'en', { numeric: true }) ||
      a.key.localeCompare(b.key, 'en', { numeric: true }) ||
      DEMAND_SOURCES.indexOf(a.source) - DEMAND_SOURCES.indexOf(b.source),
  );
}
