import { describe, expect, it } from 'vitest';
import { isoWeek, lastWeeks, statsTable, weeklyStats } from './stats.model';
import { toCsv } from '../platform/csv';

describe('weeks', () => {
  it('follows ISO 8601 in Danish time', () => {
    expect(isoWeek(new Date('2026-11-26T10:00:00Z'))).toBe('2026-W48');
    // Sunday 23:30 UTC is Monday 00:30 in Copenhagen: the next week.
    expect(isoWeek(new Date('2026-11-29T23:30:00Z'))).toBe('2026-W49');
    // 1 January 2027 is a Friday: still week 53 of 2026.
    expect(isoWeek(new Date('2027-01-01T12:00:00Z'))).toBe('2026-W53');
    expect(isoWeek(new Date('2026-01-01T12:00:00Z'))).toBe('2026-W01');
    expect(lastWeeks(new Date('2026-11-26T10:00:00Z'), 3)).toEqual([
      '2026-W46',
      '2026-W47',
      '2026-W48',
    ]);
  });
});

describe('weekly statistics', () => {
  const visit = (
    at: string,
    o: Partial<{
      topics: string[];
      resolved: boolean;
      waited: number | null;
      citizen: string | null;
    }> = {},
  ) => ({
    at: new Date(at),
    topics: o.topics ?? ['mitid'],
    resolved: o.resolved ?? true,
    waitedMinutes: o.waited === undefined ? 10 : o.waited,
    citizenId: o.citizen ?? null,
  });

  it('counts visits, waits, topics, share resolved and returning citizens per week', () => {
    const visits = [
      visit('2026-11-17T10:00:00Z', { citizen: 'c1', waited: 5 }),
      visit('2026-11-24T10:00:00Z', { citizen: 'c1', waited: 20, topics: ['mitid', 'netbank'] }),
      visit('2026-11-25T10:00:00Z', { citizen: 'c2', waited: 40, resolved: false }),
      visit('2026-11-26T10:00:00Z', { waited: null, topics: ['email'] }),
    ];
    const first = new Map([
      ['c1', new Date('2026-11-17T10:00:00Z')],
      ['c2', new Date('2026-11-25T10:00:00Z')],
    ]);
    const [w47, w48] = weeklyStats(visits, ['2026-W47', '2026-W48'], first);
    expect(w47).toMatchObject({ visits: 1, returning: 0, waitMedian: 5 });
    expect(w48).toMatchObject({ visits: 3, returning: 1, waitMedian: 20, waitP90: 40 });
    expect(w48!.resolvedShare).toBeCloseTo(2 / 3, 10);
    expect(w48!.topics).toMatchObject({ mitid: 2, netbank: 1, email: 1, digital_post: 0 });
  });

  it('has empty weeks with nulls, and exports CSV', () => {
    const rows = weeklyStats([], ['2026-W48'], new Map());
    expect(rows[0]).toMatchObject({ visits: 0, waitMedian: null, resolvedShare: null });
    const t = statsTable(rows);
    const csv = toCsv(t.header, t.rows, 'rfc4180');
    const [header, line] = csv.trimEnd().split('\r\n');
    expect(header!.split(',')).toHaveLength(6 + 11);
    expect(line).toBe('2026-W48,0,,,,0' + ',0'.repeat(11));
  });
});
