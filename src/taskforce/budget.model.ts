// The taskforce's budget: what is committed and spent per quarter against the sum set aside,
// from the lines the platform knows (pilots' budgets and the costs recorded for them, eMentor
// hours on the workshop rota at a cost rate, courses bought) and those the taskforce records,
// with a forecast to the period's end. Pure.

export interface BudgetSettings {
  totalDkk: number;
  startsOn: string;
  endsOn: string;
  /** What an hour of an eMentor on the rota costs. */
  ementorRateDkk: number;
}

export const BUDGET_LINE_KINDS = ['pilot', 'ementor', 'course', 'other'] as const;
export type BudgetLineKind = (typeof BUDGET_LINE_KINDS)[number];

export interface BudgetLine {
  kind: BudgetLineKind;
  name: string;
  committed: { on: string; dkk: number }[];
  spent: { on: string; dkk: number }[];
}

/** The quarter a day falls in, as 2020-Q1. */
export const quarterOf = (day: string) =>
  `${day.slice(0, 4)}-Q${Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1}`;

/** Every quarter from the one the period starts in to the one it ends in. */
export function quartersOf(startsOn: string, endsOn: string): string[] {
  const out: string[] = [];
  let y = Number(startsOn.slice(0, 4));
  let q = Number(quarterOf(startsOn).slice(-1));
  const last = quarterOf(endsOn);
  for (;;) {
    const key = `${y}-Q${q}`;
    if (key > last) return out;
    out.push(key);
    q++;
    if (q > 4) {
      q = 1;
      y++;
    }
  }
}

export interface BudgetSummary {
  quarters: {
    quarter: string;
    committed: number;
    spent: number;
    cumulativeCommitted: number;
    cumulativeSpent: number;
  }[];
  lines: { kind: BudgetLineKind; name: string; committed: number; spent: number }[];
  totals: { committed: number; spent: number; uncommitted: number };
  /** Spent by the period's end if the last two full quarters' pace holds (never below what is committed). */
  forecast: { spentAtEnd: number; overBudget: boolean };
}

export function budgetSummary(
  settings: BudgetSettings,
  lines: readonly BudgetLine[],
  today: string,
): BudgetSummary {
  const quarters = quartersOf(settings.startsOn, settings.endsOn);
  const inPeriod = (on: string) => on >= settings.startsOn && on <= settings.endsOn;
  const sum = (xs: { on: string; dkk: number }[]) =>
    xs.filter((x) => inPeriod(x.on)).reduce((s, x) => s + x.dkk, 0);
  const perQuarter = new Map(quarters.map((q) => [q, { committed: 0, spent: 0 }]));
  for (const l of lines) {
    for (const c of l.committed)
      if (inPeriod(c.on)) perQuarter.get(quarterOf(c.on))!.committed += c.dkk;
    for (const s of l.spent) if (inPeriod(s.on)) perQuarter.get(quarterOf(s.on))!.spent += s.dkk;
  }
  let cc = 0;
  let cs = 0;
  const rows = quarters.map((quarter) => {
    const { committed, spent } = perQuarter.get(quarter)!;
    cc += committed;
    cs += spent;
    return { quarter, committed, spent, cumulativeCommitted: cc, cumulativeSpent: cs };
  });
  const totals = { committed: cc, spent: cs, uncommitted: settings.totalDkk - cc };
  // The pace of the last two full quarters before today, carried over the quarters to come.
  const current = quarterOf(today);
  const pace = rows.filter((r) => r.quarter < current).slice(-2);
  const rate = pace.length ? pace.reduce((s, r) => s + r.spent, 0) / pace.length : 0;
  const toCome = rows.filter((r) => r.quarter > current).length;
  const spentSoFar = rows.filter((r) => r.quarter <= current).reduce((s, r) => s + r.spent, 0);
  const spentAtEnd = Math.max(cc, Math.round(spentSoFar + rate * toCome));
  return {
    quarters: rows,
    lines: lines.map((l) => ({
      kind: l.kind,
      name: l.name,
      committed: sum(l.committed),
      spent: sum(l.spent),
    })),
    totals,
    forecast: { spentAtEnd, overBudget: spentAtEnd > settings.totalDkk },
  };
}
