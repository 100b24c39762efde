import { describe, expect, it } from 'vitest';
import { budgetSummary, quarterOf, quartersOf, type BudgetLine } from './budget.model';

const SETTINGS = {
  totalDkk: 2_200_000,
  startsOn: '2020-01-01',
  endsOn: '2021-12-31',
  ementorRateDkk: 400,
};

describe('the budget', () => {
  it('runs in quarters over the period', () => {
    expect(quarterOf('2020-03-31')).toBe('2020-Q1');
    expect(quarterOf('2020-04-01')).toBe('2020-Q2');
    expect(quartersOf('2020-01-01', '2021-12-31')).toHaveLength(8);
    expect(quartersOf('2020-11-15', '2021-02-01')).toEqual(['2020-Q4', '2021-Q1']);
  });

  it('adds committed and spent per quarter, leaves out what falls outside, and forecasts the pace', () => {
    // By hand: a pilot of 600,000 committed in 2020-Q2, 100,000 of it spent in Q2 and 200,000
    // in Q3; eMentors 50,000 a quarter in Q1–Q3; a course bought in 2019 (outside).
    const lines: BudgetLine[] = [
      {
        kind: 'pilot',
        name: 'Azure',
        committed: [{ on: '2020-04-01', dkk: 600_000 }],
        spent: [
          { on: '2020-05-01', dkk: 100_000 },
          { on: '2020-08-01', dkk: 200_000 },
        ],
      },
      {
        kind: 'ementor',
        name: 'eMentorer',
        committed: ['2020-01-15', '2020-04-15', '2020-07-15'].map((on) => ({ on, dkk: 50_000 })),
        spent: ['2020-01-15', '2020-04-15', '2020-07-15'].map((on) => ({ on, dkk: 50_000 })),
      },
      {
        kind: 'course',
        name: 'Kurser',
        committed: [{ on: '2019-12-01', dkk: 9_999 }],
        spent: [{ on: '2019-12-01', dkk: 9_999 }],
      },
    ];
    // Today in 2020-Q4: Q2 and Q3 are the last two full quarters (150,000 and 250,000).
    const b = budgetSummary(SETTINGS, lines, '2020-10-10');
    expect(b.quarters.slice(0, 3).map((q) => [q.committed, q.spent])).toEqual([
      [50_000, 50_000],
      [650_000, 150_000],
      [50_000, 250_000],
    ]);
    expect(b.totals).toEqual({ committed: 750_000, spent: 450_000, uncommitted: 1_450_000 });
    expect(b.quarters[7]!.cumulativeSpent).toBe(450_000);
    expect(b.lines.find((l) => l.kind === 'course')).toMatchObject({ committed: 0, spent: 0 });
    // 450,000 so far (Q4 2020 has nothing yet) + 200,000 a quarter for the four of 2021.
    expect(b.forecast).toEqual({ spentAtEnd: 1_250_000, overBudget: false });
    const tight = budgetSummary({ ...SETTINGS, totalDkk: 1_000_000 }, lines, '2020-10-10');
    expect(tight.forecast.overBudget).toBe(true);
  });

  it('forecasts no less than what is committed, and after the period only what was spent', () => {
    const lines: BudgetLine[] = [
      { kind: 'pilot', name: 'P', committed: [{ on: '2020-01-02', dkk: 900_000 }], spent: [] },
    ];
    expect(budgetSummary(SETTINGS, lines, '2020-02-01').forecast.spentAtEnd).toBe(900_000);
    expect(budgetSummary(SETTINGS, lines, '2023-01-01').forecast.spentAtEnd).toBe(900_000);
  });
});
