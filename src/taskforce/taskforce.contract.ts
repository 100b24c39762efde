// The taskforce's follow-up over HTTP: the indicators (also as JSON for other tools), the citizen
// journey, the actions per recommendation, and the centres the strategy is followed across.
import { z } from 'zod';
import { endpoint } from '../platform/http/endpoint';
import { access } from '../platform/http/access';
import { singleLine } from '../platform/http/text';
import { CsvFormat } from '../platform/csv';
import { IdParams } from '../organisation';
import { LEARNING_METHODS } from '../vocabulary';
import {
  ACTION_LINK_KINDS,
  ACTION_STATUSES,
  INDICATOR_SPECS,
  INDICATORS,
  JOURNEY_STAGES,
  RECOMMENDATIONS,
  REPORT_SECTIONS,
} from './taskforce.constants';
import { followUpRules } from './taskforce.policy';

const READERS = access.roles('taskforce', 'analyst', 'admin');

const Day = z.iso.date();

/** The period and where: a site or a centre (by id), or the whole municipality without one. */
export const FollowUpQuery = z
  .object({
    from: Day.optional(),
    to: Day.optional(),
    site: z.uuid().optional(),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, {
    message: 'i18n:period_reversed',
    path: ['to'],
  });
export type FollowUpQuery = z.infer<typeof FollowUpQuery>;

const Scope = z.object({
  kind: z.enum(['municipality', 'centre', 'site']),
  id: z.uuid().nullable(),
  name: z.string(),
});

const Value = z.object({
  value: z.number().nullable(),
  /** Hidden because it rests on fewer than five people. */
  suppressed: z.boolean(),
  part: z.number().nullable(),
  whole: z.number().nullable(),
});

const Cell = z.object({ key: z.string(), n: z.number().nullable(), suppressed: z.boolean() });

export const IndicatorView = Value.extend({
  id: z.enum(INDICATORS),
  recommendation: z.enum(RECOMMENDATIONS),
  unit: z.enum(['share', 'count', 'minutes']),
  target: z.number().nullable(),
  lowerIsBetter: z.boolean(),
  onTarget: z.boolean().nullable(),
  trend: z.array(Value.extend({ month: z.string() })),
});
export type IndicatorView = z.infer<typeof IndicatorView>;

export const PilotLine = z.object({
  id: z.uuid(),
  name: z.string(),
  status: z.string(),
  startsOn: z.string(),
  verdict: z.string().nullable(),
  /** Difference in exit rate at the rule's horizon (percentage points), 95 % interval. */
  effect: z.object({ estimate: z.number(), ci95: z.tuple([z.number(), z.number()]) }).nullable(),
  budgetDkk: z.number(),
  participants: z.number(),
  /** Participants the register shows leaving benefit for work within the follow-up. */
  exits: z.number().nullable(),
  costPerParticipant: z.number().nullable(),
  costPerExit: z.number().nullable(),
});
export const PilotsView = z.object({ pilots: z.array(PilotLine) });
export type PilotsView = z.infer<typeof PilotsView>;

export const IndicatorsView = z.object({
  period: z.object({ from: z.string(), to: z.string() }),
  /** When the counts behind the figures were made (they are at most a quarter of an hour old). */
  countedAt: z.iso.datetime(),
  scope: Scope,
  indicators: z.array(IndicatorView),
  breakdowns: z.object({
    methods: z.array(Cell.extend({ key: z.enum(LEARNING_METHODS) })),
    triage: z.array(Cell),
  }),
});
export type IndicatorsView = z.infer<typeof IndicatorsView>;

export const JourneyQuery = FollowUpQuery.and(
  z.object({ cohort: z.enum(['all', 'triage', 'site']).default('all') }),
);

const Stage = z.enum(JOURNEY_STAGES);
const Shown = z.object({ n: z.number().nullable(), suppressed: z.boolean() });

export const JourneyView = z.object({
  period: z.object({ from: z.string(), to: z.string() }),
  scope: Scope,
  cohort: z.enum(['all', 'triage', 'site']),
  groups: z.array(
    z.object({
      key: z.string(),
      people: Shown,
      funnel: z.array(Shown.extend({ stage: Stage })),
      stops: z.array(Shown.extend({ stage: Stage })),
    }),
  ),
  links: z.array(z.object({ from: Stage, to: z.union([Stage, z.literal('end')]), n: z.number() })),
  hiddenFlow: z.boolean(),
  medians: z.array(
    z.object({ from: Stage, to: Stage, days: z.number().nullable(), people: Shown }),
  ),
});
export type JourneyView = z.infer<typeof JourneyView>;

const ActionLink = z.object({ kind: z.enum(ACTION_LINK_KINDS), id: z.uuid() });

export const ActionInput = z.object({
  recommendation: z.enum(RECOMMENDATIONS),
  title: singleLine().min(3).max(200),
  owner: singleLine().min(2).max(120),
  centreId: z.uuid().nullable().default(null),
  dueOn: Day,
  status: z.enum(ACTION_STATUSES).default('planned'),
  notes: z.string().trim().max(4000).default(''),
  links: z.array(ActionLink).max(20).default([]),
});
export type ActionInput = z.infer<typeof ActionInput>;

export const ActionPatch = z
  .object({
    status: z.enum(ACTION_STATUSES),
    dueOn: Day,
    notes: z.string().trim().max(4000),
    owner: singleLine().min(2).max(120),
    links: z.array(ActionLink).max(20),
  })
  .partial()
  .refine((p) => Object.keys(p).length > 0, { message: 'i18n:nothing_to_change' });

export const ActionView = z.object({
  id: z.uuid(),
  recommendation: z.enum(RECOMMENDATIONS),
  title: z.string(),
  owner: z.string(),
  centre: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  dueOn: z.string(),
  status: z.enum(ACTION_STATUSES),
  /** Not done or cancelled by its due date. */
  late: z.boolean(),
  notes: z.string(),
  links: z.array(ActionLink.extend({ name: z.string() })),
  updatedAt: z.string(),
});
export type ActionView = z.infer<typeof ActionView>;

export const ActionsQuery = z.object({ recommendation: z.enum(RECOMMENDATIONS).optional() });

export const LinkTargetsView = z.object({
  pilot: z.array(z.object({ id: z.uuid(), name: z.string() })),
  offer: z.array(z.object({ id: z.uuid(), name: z.string() })),
  event: z.array(z.object({ id: z.uuid(), name: z.string() })),
});

export const CentreInput = z.object({
  name: singleLine().min(2).max(120),
  siteIds: z.array(z.uuid()).min(1).max(50),
});
export type CentreInput = z.infer<typeof CentreInput>;

export const CentreView = z.object({
  id: z.uuid(),
  name: z.string(),
  sites: z.array(z.object({ id: z.uuid(), name: z.string() })),
});
export type CentreView = z.infer<typeof CentreView>;

export const CentresView = z.object({
  centres: z.array(CentreView),
  /** Every site of the municipality, with the centre it is in (if any). */
  sites: z.array(z.object({ id: z.uuid(), name: z.string(), centreId: z.uuid().nullable() })),
});
export type CentresView = z.infer<typeof CentresView>;

const Money = z.number().int().min(0).max(1_000_000_000);

export const BudgetInput = z
  .object({
    totalDkk: Money,
    startsOn: Day,
    endsOn: Day,
    ementorRateDkk: z.number().int().min(0).max(10_000),
  })
  .refine((b) => b.startsOn < b.endsOn, { message: 'i18n:period_reversed', path: ['endsOn'] });
export type BudgetInput = z.infer<typeof BudgetInput>;

export const SpendingInput = z
  .object({
    kind: z.enum(['pilot', 'course', 'other']),
    pilotId: z.uuid().nullable().default(null),
    description: singleLine().min(3).max(200),
    on: Day,
    amountDkk: Money.min(1),
  })
  .refine((x) => (x.kind === 'pilot') === (x.pilotId !== null), {
    message: 'i18n:spending_pilot',
    path: ['pilotId'],
  });
export type SpendingInput = z.infer<typeof SpendingInput>;

/** Targets the taskforce sets for its municipality, each in the indicator's own unit. */
export const TargetsInput = z
  .object({
    targets: z
      .array(
        z.object({
          indicator: z.enum(INDICATORS),
          /** A share as 0–1, a count, or minutes; null for no target. */
          target: z.number().min(0).max(1_000_000).nullable(),
        }),
      )
      .min(1)
      .max(INDICATORS.length),
  })
  .superRefine((x, ctx) => {
    const seen = new Set<string>();
    x.targets.forEach(({ indicator, target }, i) => {
      const path = ['targets', i, 'target'];
      if (seen.has(indicator))
        ctx.addIssue({ code: 'custom', message: 'i18n:target_twice', path: ['targets', i] });
      seen.add(indicator);
      if (target === null) return;
      const unit = INDICATOR_SPECS[indicator].unit;
      if (unit === 'share' && target > 1)
        ctx.addIssue({ code: 'custom', message: 'i18n:target_share', path });
      if (unit === 'count' && !Number.isInteger(target))
        ctx.addIssue({ code: 'custom', message: 'i18n:target_count', path });
      if (unit === 'minutes' && target > 600)
        ctx.addIssue({ code: 'custom', message: 'i18n:target_minutes', path });
    });
  });
export type TargetsInput = z.infer<typeof TargetsInput>;

export const TargetsView = z.object({
  targets: z.array(z.object({ indicator: z.enum(INDICATORS), target: z.number().nullable() })),
});
export type TargetsView = z.infer<typeof TargetsView>;

const LINE_KINDS = ['pilot', 'ementor', 'course', 'other'] as const;

export const BudgetView = z.object({
  settings: z.object({
    totalDkk: z.number(),
    startsOn: z.string(),
    endsOn: z.string(),
    ementorRateDkk: z.number(),
  }),
  quarters: z.array(
    z.object({
      quarter: z.string(),
      committed: z.number(),
      spent: z.number(),
      cumulativeCommitted: z.number(),
      cumulativeSpent: z.number(),
    }),
  ),
  lines: z.array(
    z.object({
      kind: z.enum(LINE_KINDS),
      name: z.string(),
      committed: z.number(),
      spent: z.number(),
    }),
  ),
  totals: z.object({ committed: z.number(), spent: z.number(), uncommitted: z.number() }),
  forecast: z.object({ spentAtEnd: z.number(), overBudget: z.boolean() }),
  recorded: z.array(
    z.object({
      id: z.uuid(),
      kind: z.enum(['pilot', 'course', 'other']),
      pilot: z.string().nullable(),
      description: z.string(),
      on: z.string(),
      amountDkk: z.number(),
    }),
  ),
});
export type BudgetView = z.infer<typeof BudgetView>;

export const ReportInput = z.object({
  title: singleLine().min(3).max(200),
  from: Day.optional(),
  to: Day.optional(),
  /** The taskforce's own text per section (summary, each recommendation, pilots, budget). */
  texts: z.partialRecord(z.enum(REPORT_SECTIONS), z.string().trim().max(8000)).default({}),
});
export type ReportInput = z.infer<typeof ReportInput>;

export const ReportView = z.object({
  id: z.uuid(),
  title: z.string(),
  issuedOn: z.string(),
  period: z.object({ from: z.string(), to: z.string() }),
});
export type ReportView = z.infer<typeof ReportView>;

export const taskforceApi = {
  indicators: endpoint({
    method: 'GET',
    path: '/api/taskforce/indicators',
    access: READERS,
    governedBy: followUpRules('read'),
    tags: ['taskforce'],
    description:
      'The strategy’s indicators for a period (default: the last twelve months) at a site or centre (`site`, an id) or for the whole municipality: each computed from the platform’s own data, with its target, whether it is met, and its trend per month. The counts are kept per day and site and made again every ten minutes (or at once by `POST /api/taskforce/indicators/recount`); `countedAt` says when. Counts of one to four people, and shares and medians resting on them, are null with `suppressed: true`.',
    query: FollowUpQuery,
    response: { 200: IndicatorsView },
  }),
  recount: endpoint({
    method: 'POST',
    path: '/api/taskforce/indicators/recount',
    access: READERS,
    governedBy: followUpRules('read'),
    tags: ['taskforce'],
    description:
      'Counts the indicators afresh from the platform’s data now, instead of waiting for the quarter-hourly count (what was just recorded shows at once). Answers when the counts stand.',
    response: { 200: z.object({ countedAt: z.iso.datetime() }) },
  }),
  indicatorsCsv: endpoint({
    method: 'GET',
    path: '/api/taskforce/indicators.csv',
    access: READERS,
    governedBy: followUpRules('read'),
    produces: 'text/csv',
    tags: ['taskforce'],
    description:
      'The table behind the indicator plots: one row per indicator and month, then the period (small counts left empty and marked).',
    query: FollowUpQuery.and(z.object({ format: CsvFormat })),
  }),
  pilots: endpoint({
    method: 'GET',
    path: '/api/taskforce/pilots',
    access: READERS,
    governedBy: followUpRules('read'),
    tags: ['taskforce'],
    description:
      'Every pilot project with its verdict and measured effect, beside its budget, participants, exits to work and the cost per participant and per exit (recommendation 7’s evidence).',
    response: { 200: PilotsView },
  }),
  journey: endpoint({
    method: 'GET',
    path: '/api/taskforce/journey',
    access: READERS,
    governedBy: followUpRules('read'),
    tags: ['taskforce'],
    description:
      'The journey of the citizens spotted in the period (flagged as digitally vulnerable, or by the test): how many reached each stage, the flows between stages, median days between them and where people stop; per triage group or site with `cohort`. Counts below five are hidden.',
    query: JourneyQuery,
    response: { 200: JourneyView },
  }),
  journeyCsv: endpoint({
    method: 'GET',
    path: '/api/taskforce/journey.csv',
    access: READERS,
    governedBy: followUpRules('read'),
    produces: 'text/csv',
    tags: ['taskforce'],
    description:
      'The tables behind the journey plots: the funnel and stops per group, then the flows.',
    query: JourneyQuery.and(z.object({ format: CsvFormat })),
  }),
  budget: endpoint({
    method: 'GET',
    path: '/api/taskforce/budget',
    access: READERS,
    governedBy: followUpRules('read'),
    tags: ['taskforce'],
    description:
      'The taskforce’s budget: committed and spent per quarter against the sum set aside, by line (pilots’ budgets and their recorded costs, eMentor hours on the workshop rota at the cost rate, courses bought, other costs recorded), with a forecast to the period’s end at the last two quarters’ pace.',
    response: { 200: BudgetView },
  }),
  budgetCsv: endpoint({
    method: 'GET',
    path: '/api/taskforce/budget.csv',
    access: READERS,
    governedBy: followUpRules('read'),
    produces: 'text/csv',
    tags: ['taskforce'],
    description:
      'The table behind the budget plot: committed and spent per quarter, then the lines.',
    query: z.object({ format: CsvFormat }),
  }),
  setTargets: endpoint({
    method: 'PUT',
    path: '/api/taskforce/targets',
    access: access.roles('taskforce'),
    governedBy: followUpRules('act'),
    tags: ['taskforce'],
    description:
      'Sets the municipality’s own targets for some indicators (a share as 0–1, a count as a whole number, a wait in minutes; null for no target). Indicators not named keep their target. Answers every indicator’s target as it now stands.',
    body: TargetsInput,
    response: { 200: TargetsView },
  }),
  setBudget: endpoint({
    method: 'PUT',
    path: '/api/taskforce/budget',
    access: access.roles('taskforce'),
    governedBy: followUpRules('act'),
    tags: ['taskforce'],
    body: BudgetInput,
    response: { 200: BudgetView },
  }),
  recordSpending: endpoint({
    method: 'POST',
    path: '/api/taskforce/spending',
    access: access.roles('taskforce'),
    governedBy: followUpRules('act'),
    tags: ['taskforce'],
    body: SpendingInput,
    response: { 201: BudgetView },
  }),
  listReports: endpoint({
    method: 'GET',
    path: '/api/taskforce/reports',
    access: READERS,
    governedBy: followUpRules('read'),
    tags: ['taskforce'],
    summary: 'The reports issued to the committee, newest first.',
    response: { 200: z.array(ReportView) },
  }),
  issueReport: endpoint({
    method: 'POST',
    path: '/api/taskforce/reports',
    access: access.roles('taskforce'),
    governedBy: followUpRules('act'),
    tags: ['taskforce'],
    description:
      'Issues a dated report to the employment and integration committee, in Danish: each recommendation’s indicators (with a plot) and actions, the pilots with verdicts, effects and costs, and the budget, generated from the live data with the taskforce’s own text per section; kept as issued (PDF and DOCX).',
    body: ReportInput,
    response: { 201: ReportView },
  }),
  reportPdf: endpoint({
    method: 'GET',
    path: '/api/taskforce/reports/:id/report.pdf',
    access: READERS,
    governedBy: followUpRules('read'),
    produces: 'application/pdf',
    tags: ['taskforce'],
    params: IdParams,
  }),
  reportDocx: endpoint({
    method: 'GET',
    path: '/api/taskforce/reports/:id/report.docx',
    access: READERS,
    governedBy: followUpRules('read'),
    produces: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    tags: ['taskforce'],
    params: IdParams,
  }),
  listActions: endpoint({
    method: 'GET',
    path: '/api/taskforce/actions',
    access: READERS,
    governedBy: followUpRules('read'),
    tags: ['taskforce'],
    query: ActionsQuery,
    response: { 200: z.array(ActionView) },
  }),
  createAction: endpoint({
    method: 'POST',
    path: '/api/taskforce/actions',
    access: access.roles('taskforce'),
    governedBy: followUpRules('act'),
    tags: ['taskforce'],
    body: ActionInput,
    response: { 201: ActionView },
  }),
  updateAction: endpoint({
    method: 'PATCH',
    path: '/api/taskforce/actions/:id',
    access: access.roles('taskforce'),
    governedBy: followUpRules('act'),
    tags: ['taskforce'],
    params: IdParams,
    body: ActionPatch,
    response: { 200: ActionView },
  }),
  linkTargets: endpoint({
    method: 'GET',
    path: '/api/taskforce/link-targets',
    access: access.roles('taskforce'),
    governedBy: followUpRules('act'),
    tags: ['taskforce'],
    summary: 'The pilots, learning offers and matchmaking events an action can be linked to.',
    response: { 200: LinkTargetsView },
  }),
  listCentres: endpoint({
    method: 'GET',
    path: '/api/taskforce/centres',
    access: READERS,
    governedBy: followUpRules('read'),
    tags: ['taskforce'],
    response: { 200: CentresView },
  }),
  createCentre: endpoint({
    method: 'POST',
    path: '/api/taskforce/centres',
    access: access.roles('admin'),
    governedBy: followUpRules('defineCentres'),
    tags: ['taskforce'],
    body: CentreInput,
    response: { 201: CentreView },
  }),
  updateCentre: endpoint({
    method: 'PUT',
    path: '/api/taskforce/centres/:id',
    access: access.roles('admin'),
    governedBy: followUpRules('defineCentres'),
    tags: ['taskforce'],
    params: IdParams,
    body: CentreInput,
    response: { 200: CentreView },
  }),
};
