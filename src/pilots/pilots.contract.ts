import { z } from 'zod';
import { EDUCATION_LEVELS } from '../vocabulary';
import {
  ENROLMENT_ARMS,
  LEARNING_METHODS,
  LOOK_DECISIONS,
  OUTCOME_WEEKS,
  PARTNER_KINDS,
  PILOT_STATUSES,
  SPENDINGS,
  SUBGROUPS,
  TRIAGE_GROUPS,
  VERDICTS,
} from './pilots.constants';
import { singleLine } from '../platform/http/text';
import { endpoint } from '../platform/http/endpoint';
import { access } from '../platform/http/access';
import { CsvFormat } from '../platform/csv';
import { IdParams } from '../organisation';
import { pilotRules } from './pilots.policy';

const Day = z.iso.date();

export const TargetGroupInput = z
  .object({
    triageGroups: z.array(z.enum(TRIAGE_GROUPS)).max(3).default([]),
    minAge: z.number().int().min(15).max(80).optional(),
    maxAge: z.number().int().min(15).max(80).optional(),
    jobGoalWords: z.array(singleLine().min(1).max(40)).max(10).default([]),
    educationLevels: z.array(z.enum(EDUCATION_LEVELS)).max(6).default([]),
  })
  .refine((t) => t.minAge === undefined || t.maxAge === undefined || t.minAge <= t.maxAge, {
    message: 'minAge ≤ maxAge',
    path: ['minAge'],
  });

export const DecisionRuleInput = z.object({
  outcomeWeeks: z.union(
    // z.union needs a non-empty tuple; OUTCOME_WEEKS has three members.
    OUTCOME_WEEKS.map((w) => z.literal(w)) as [
      z.ZodLiteral<13>,
      z.ZodLiteral<26>,
      z.ZodLiteral<52>,
    ],
  ),
  minimumEffect: z.number().min(0).max(100),
  method: z.enum(['lottery', 'matching']),
  stretchWeeks: z.number().int().min(1).max(26).default(4),
  alpha: z.number().min(0.001).max(0.2).default(0.05),
  sides: z.union([z.literal(1), z.literal(2)]).default(2),
  power: z.number().min(0.5).max(0.99).default(0.8),
  /** Expected exit rate at the horizon without the pilot (%); absent = from the register. */
  expectedRate: z.number().min(0.1).max(99).nullable().default(null),
  /** Information fractions of planned looks; the last is 1. Empty = one final analysis. */
  looks: z
    .array(z.number().gt(0).max(1))
    .max(5)
    .default([])
    .refine((l) => l.every((t, k) => k === 0 || t > l[k - 1]!), {
      message: 'i18n:pilot_looks_order',
    })
    .refine((l) => l.length === 0 || l.at(-1) === 1, { message: 'i18n:pilot_looks_last' }),
  spending: z.enum(SPENDINGS).default('obf'),
  subgroups: z.array(z.enum(SUBGROUPS)).max(3).default([]),
});
export type DecisionRuleInput = z.input<typeof DecisionRuleInput>;

const RuleView = z.object({
  outcomeWeeks: z.number(),
  minimumEffect: z.number(),
  method: z.enum(['lottery', 'matching']),
  stretchWeeks: z.number(),
  alpha: z.number(),
  sides: z.union([z.literal(1), z.literal(2)]),
  power: z.number(),
  expectedRate: z.number().nullable(),
  plannedSize: z
    .object({ participants: z.number(), controls: z.number(), expectedRate: z.number() })
    .nullable(),
  looks: z.array(z.number()),
  spending: z.enum(SPENDINGS),
  subgroups: z.array(z.enum(SUBGROUPS)),
});

export const PowerQuery = z.object({
  outcomeWeeks: z.coerce.number().pipe(DecisionRuleInput.shape.outcomeWeeks),
  stretchWeeks: z.coerce.number().int().min(1).max(26).default(4),
  minimumEffect: z.coerce.number().gt(0).max(100),
  alpha: z.coerce.number().min(0.001).max(0.2).default(0.05),
  sides: z.coerce
    .number()
    .pipe(z.union([z.literal(1), z.literal(2)]))
    .default(2),
  power: z.coerce.number().min(0.5).max(0.99).default(0.8),
  expectedRate: z.coerce.number().min(0.1).max(99).optional(),
  capacity: z.coerce.number().int().min(1).max(10_000),
  /** Comma-separated information fractions. */
  looks: z.string().max(60).default(''),
  spending: z.enum(SPENDINGS).default('obf'),
});

export type PowerQuery = z.infer<typeof PowerQuery>;

export const PowerView = z.object({
  /** The rate used (%), and where it came from. */
  expectedRate: z.number().nullable(),
  source: z.enum(['given', 'register', 'none']),
  /** People in the register data the default rate rests on. */
  registerPeople: z.number(),
  perArm: z.number().nullable(),
  participants: z.number().nullable(),
  controls: z.number().nullable(),
  reachable: z.boolean(),
  /** The power the planned places give at the minimum effect. */
  powerAtCapacity: z.number().nullable(),
});
export type PowerView = z.infer<typeof PowerView>;

const PilotFields = {
  name: singleLine().min(2).max(120),
  description: z.string().trim().max(2000).default(''),
  targetGroup: TargetGroupInput,
  learningMethods: z.array(z.enum(LEARNING_METHODS)).min(1),
  hoursPerWeek: z.number().int().min(1).max(60),
  weeks: z.number().int().min(1).max(104),
  capacity: z.number().int().min(1).max(10_000),
  startsOn: Day,
  endsOn: Day,
  budgetDkk: z.number().int().min(0).max(1_000_000_000),
  decisionRule: DecisionRuleInput,
};

export const PilotCreateInput = z
  .object(PilotFields)
  .refine((p) => p.startsOn <= p.endsOn, { message: 'startsOn ≤ endsOn', path: ['endsOn'] });
export type PilotCreateInput = z.infer<typeof PilotCreateInput>;

export const PilotUpdateInput = z
  .object({
    name: PilotFields.name,
    description: z.string().trim().max(2000),
    targetGroup: TargetGroupInput,
    learningMethods: PilotFields.learningMethods,
    hoursPerWeek: PilotFields.hoursPerWeek,
    weeks: PilotFields.weeks,
    capacity: PilotFields.capacity,
    startsOn: Day,
    endsOn: Day,
    budgetDkk: PilotFields.budgetDkk,
    decisionRule: DecisionRuleInput,
  })
  .partial();
export type PilotUpdateInput = z.infer<typeof PilotUpdateInput>;

export const StatusInput = z.object({
  to: z.enum(PILOT_STATUSES),
  reason: z.string().trim().min(3).max(1000),
});
export type StatusInput = z.infer<typeof StatusInput>;

export const PartnerInput = z.object({
  kind: z.enum(PARTNER_KINDS),
  name: singleLine().min(2).max(200),
  cvr: z
    .string()
    .trim()
    .regex(/^\d{8}$/)
    .optional(),
  role: z.string().trim().max(300).default(''),
});
export type PartnerInput = z.infer<typeof PartnerInput>;

export const ReferralInput = z.object({ citizenId: z.uuid() });
/**
 * A drawn lottery as published: the commitment, the revealed seed, the order it started from
 * and the groups it gave (enrolment ids, no names), and the server's own check of them. Anyone
 * can redo the check offline (`digiloft pilots verify-lottery --input lottery.json`).
 */
export const LotteryRecordView = z.object({
  pilotId: z.uuid(),
  algorithm: z.string(),
  commitment: z.string(),
  committedAt: z.string().nullable(),
  seed: z.string(),
  drawnAt: z.string(),
  capacity: z.number().int(),
  applicants: z.array(z.uuid()),
  participants: z.array(z.uuid()),
  controls: z.array(z.uuid()),
  check: z.object({
    commitmentMatches: z.boolean(),
    drawMatches: z.boolean(),
    valid: z.boolean(),
  }),
});
export type LotteryRecordView = z.infer<typeof LotteryRecordView>;

/** Nothing to choose: the seed was committed to by the server when the pilot was made. */
export const LotteryInput = z.strictObject({});
export const ParticipationInput = z.object({
  /** Controls only: got the course elsewhere. */
  tookPartElsewhere: z.boolean().optional(),
  sessionsAttended: z.number().int().min(0).max(1000).optional(),
  completed: z.boolean().optional(),
  certification: z.string().trim().max(120).nullable().optional(),
});
export type ParticipationInput = z.infer<typeof ParticipationInput>;

export const PartnerView = z.object({
  id: z.uuid(),
  kind: z.enum(PARTNER_KINDS),
  name: z.string(),
  cvr: z.string().nullable(),
  role: z.string(),
});

export const PilotSummaryView = z.object({
  id: z.uuid(),
  name: z.string(),
  status: z.enum(PILOT_STATUSES),
  startsOn: z.string(),
  endsOn: z.string(),
  capacity: z.number(),
  applicants: z.number(),
  participants: z.number(),
});
export type PilotSummaryView = z.infer<typeof PilotSummaryView>;

export const PilotView = z.object({
  id: z.uuid(),
  name: z.string(),
  description: z.string(),
  status: z.enum(PILOT_STATUSES),
  targetGroup: z.object({
    triageGroups: z.array(z.enum(TRIAGE_GROUPS)),
    minAge: z.number().optional(),
    maxAge: z.number().optional(),
    jobGoalWords: z.array(z.string()),
    educationLevels: z.array(z.enum(EDUCATION_LEVELS)).optional(),
  }),
  learningMethods: z.array(z.enum(LEARNING_METHODS)),
  hoursPerWeek: z.number(),
  weeks: z.number(),
  capacity: z.number(),
  startsOn: z.string(),
  endsOn: z.string(),
  budgetDkk: z.number(),
  decisionRule: RuleView,
  ruleLockedAt: z.string().nullable(),
  lottery: z.object({
    /** SHA-256 of the seed, published from the pilot's creation. */
    commitment: z.string().nullable(),
    committedAt: z.string().nullable(),
    /** The seed, once drawn. */
    seed: z.string().nullable(),
    at: z.string().nullable(),
  }),
  partners: z.array(PartnerView),
  history: z.array(
    z.object({ from: z.string(), to: z.string(), reason: z.string(), at: z.string() }),
  ),
  counts: z.record(z.enum(ENROLMENT_ARMS), z.number()),
  /** What the caller may do, from the server's rules. */
  allowed: z.object({
    edit: z.boolean(),
    editRule: z.boolean(),
    moveTo: z.array(z.enum(PILOT_STATUSES)),
    lottery: z.boolean(),
    refer: z.boolean(),
    seeEnrolments: z.boolean(),
    evaluate: z.boolean(),
    look: z.boolean(),
  }),
});
export type PilotView = z.infer<typeof PilotView>;

export const EnrolmentView = z.object({
  id: z.uuid(),
  citizenId: z.uuid(),
  name: z.string(),
  eligible: z.boolean(),
  eligibility: z.array(z.object({ rule: z.string(), ok: z.boolean() })),
  arm: z.enum(ENROLMENT_ARMS),
  lotteryRank: z.number().nullable(),
  sessionsAttended: z.number(),
  completedAt: z.string().nullable(),
  certification: z.string().nullable(),
  tookPartElsewhere: z.boolean(),
});
export type EnrolmentView = z.infer<typeof EnrolmentView>;

export const ImportReportView = z.object({
  rows: z.number(),
  imported: z.number(),
  unknownPeople: z.number(),
  problems: z.array(z.object({ line: z.number(), column: z.string(), message: z.string() })),
  problemCount: z.number(),
});
export type ImportReportView = z.infer<typeof ImportReportView>;

const Interval = z.tuple([z.number(), z.number()]);
const KmRowView = z.object({
  time: z.number(),
  n_risk: z.number(),
  events: z.number(),
  survival: z.number(),
  ci95: Interval,
});

const Decision = z.object({
  verdict: z.enum(VERDICTS),
  interval: Interval.nullable(),
  settle: z
    .object({
      towards: z.enum(['continue', 'close']),
      participants: z.number(),
      controls: z.number(),
    })
    .nullable(),
});

const LookView = z.object({
  look: z.number(),
  fraction: z.number(),
  boundary: z.number(),
  z: z.number(),
  estimate: z.number(),
  se: z.number(),
  decision: z.enum(LOOK_DECISIONS),
});
export type LookView = z.infer<typeof LookView>;

const HireSummaryView = z.object({
  hired: z.number(),
  confirmed: z.number(),
  awaiting: z.number(),
  notConfirmed: z.number(),
});

export const PortfolioView = z.object({
  pilots: z.array(
    z.object({
      id: z.uuid(),
      name: z.string(),
      status: z.enum(PILOT_STATUSES),
      verdict: z.enum(VERDICTS).nullable(),
      nTreated: z.number().nullable(),
      nControl: z.number().nullable(),
      effect: z.object({ estimate: z.number(), ci95: Interval }).nullable(),
      p: z.number().nullable(),
      /** Benjamini–Hochberg over the pilots with a p-value. */
      pAdjusted: z.number().nullable(),
      /** Why there is no estimate (too few people, no register data yet). */
      reason: z.string().nullable(),
    }),
  ),
});
export type PortfolioView = z.infer<typeof PortfolioView>;

export const EvaluationView = z.object({
  method: z.enum(['lottery', 'matching']),
  nTreated: z.number(),
  nControl: z.number(),
  followUpWeeks: z.number(),
  rates: z.array(
    z.object({
      weeks: z.number(),
      treated: z.object({ rate: z.number(), ci95: Interval }).nullable(),
      control: z.object({ rate: z.number(), ci95: Interval }).nullable(),
      difference: z.object({ estimate: z.number(), ci95: Interval }).nullable(),
    }),
  ),
  km: z.object({ treated: z.array(KmRowView), control: z.array(KmRowView) }),
  logrank: z.object({ chi2: z.number().nullable(), df: z.number(), p: z.number().nullable() }),
  cox: z.object({ hr: z.number().nullable(), ci95: Interval.nullable(), p: z.number().nullable() }),
  balance: z.array(
    z.object({ covariate: z.string(), before: z.number(), after: z.number().nullable() }),
  ),
  lockIn: z.object({ weeks: z.number(), difference: z.number() }),
  verdict: z.enum(VERDICTS),
  effect: z.object({ estimate: z.number(), se: z.number() }).nullable(),
  decision: Decision,
  /** Planned looks (empty without): boundaries, what was decided, and whether one is due. */
  sequential: z
    .object({
      planned: z.array(
        z.object({ look: z.number(), fraction: z.number(), record: LookView.nullable() }),
      ),
      fraction: z.number().nullable(),
      due: z
        .object({
          look: z.number(),
          fraction: z.number(),
          boundary: z.number(),
          final: z.boolean(),
        })
        .nullable(),
      /** Figures read between planned looks: shown, not decided on. */
      exploratory: z.boolean(),
    })
    .nullable(),
  takingPart: z
    .object({
      n: z.number(),
      uptake: z.object({ offered: z.number(), controls: z.number() }),
      itt: z.object({ estimate: z.number(), ci: Interval }),
      cace: z.object({ estimate: z.number(), se: z.number(), ci: Interval }).nullable(),
      covariates: z.array(z.string()),
    })
    .nullable(),
  subgroups: z.array(
    z.object({
      by: z.enum(SUBGROUPS),
      groups: z.array(
        z.object({
          key: z.string(),
          nTreated: z.number(),
          nControl: z.number(),
          effect: z.object({ estimate: z.number(), ci: Interval }).nullable(),
        }),
      ),
      test: z.object({ chi2: z.number(), df: z.number(), p: z.number() }).nullable(),
    }),
  ),
  /** Hires companies reported, per group, and how many the register confirms so far. */
  reportedHires: z.object({ treated: HireSummaryView, control: HireSummaryView }),
  rule: RuleView,
  /** The Kaplan–Meier plot as SVG (the same as in the PDF report). */
  plotSvg: z.string(),
});
export type EvaluationView = z.infer<typeof EvaluationView>;

export const pilotsApi = {
  listPilots: endpoint({
    method: 'GET',
    path: '/api/pilots',
    access: access.roles('pilot_manager', 'analyst', 'caseworker'),
    tags: ['pilots'],
    response: { 200: z.array(PilotSummaryView) },
  }),
  createPilot: endpoint({
    method: 'POST',
    path: '/api/pilots',
    access: access.roles('pilot_manager'),
    tags: ['pilots'],
    body: PilotCreateInput,
    response: { 201: PilotView },
  }),
  getPilot: endpoint({
    method: 'GET',
    path: '/api/pilots/:id',
    access: access.roles('pilot_manager', 'analyst', 'caseworker'),
    governedBy: pilotRules('read'),
    tags: ['pilots'],
    params: IdParams,
    response: { 200: PilotView },
  }),
  updatePilot: endpoint({
    method: 'PATCH',
    path: '/api/pilots/:id',
    access: access.roles('pilot_manager'),
    governedBy: pilotRules('edit'),
    tags: ['pilots'],
    params: IdParams,
    body: PilotUpdateInput,
    response: { 200: PilotView },
  }),
  changePilotStatus: endpoint({
    method: 'POST',
    path: '/api/pilots/:id/status',
    access: access.roles('pilot_manager'),
    governedBy: pilotRules('move'),
    tags: ['pilots'],
    params: IdParams,
    body: StatusInput,
    response: { 200: PilotView },
  }),
  addPilotPartner: endpoint({
    method: 'POST',
    path: '/api/pilots/:id/partners',
    access: access.roles('pilot_manager'),
    governedBy: pilotRules('edit'),
    tags: ['pilots'],
    params: IdParams,
    body: PartnerInput,
    response: { 201: PilotView },
  }),
  removePilotPartner: endpoint({
    method: 'DELETE',
    path: '/api/pilots/:id/partners/:partnerId',
    access: access.roles('pilot_manager'),
    governedBy: pilotRules('edit'),
    tags: ['pilots'],
    params: z.object({ id: z.uuid(), partnerId: z.uuid() }),
    response: { 200: PilotView },
  }),
  referToPilot: endpoint({
    method: 'POST',
    path: '/api/pilots/:id/referrals',
    access: access.roles('caseworker', 'pilot_manager'),
    governedBy: pilotRules('refer'),
    personalData: true,
    tags: ['pilots'],
    params: IdParams,
    body: ReferralInput,
    response: {
      201: z.object({
        id: z.uuid(),
        eligible: z.boolean(),
        eligibility: z.array(z.object({ rule: z.string(), ok: z.boolean() })),
      }),
    },
  }),
  pilotEnrolments: endpoint({
    method: 'GET',
    path: '/api/pilots/:id/enrolments',
    access: access.roles('pilot_manager'),
    governedBy: pilotRules('seeEnrolments'),
    personalData: true,
    tags: ['pilots'],
    params: IdParams,
    response: { 200: z.array(EnrolmentView) },
  }),
  drawLottery: endpoint({
    method: 'POST',
    path: '/api/pilots/:id/lottery',
    access: access.roles('pilot_manager'),
    governedBy: pilotRules('lottery'),
    tags: ['pilots'],
    params: IdParams,
    body: LotteryInput,
    response: { 200: PilotView },
  }),
  lotteryRecord: endpoint({
    method: 'GET',
    path: '/api/pilots/:id/lottery',
    access: access.roles('pilot_manager', 'analyst', 'caseworker'),
    governedBy: pilotRules('read'),
    tags: ['pilots'],
    params: IdParams,
    response: { 200: LotteryRecordView },
  }),
  updatePilotEnrolment: endpoint({
    method: 'PATCH',
    path: '/api/pilot-enrolments/:id',
    access: access.roles('pilot_manager'),
    governedBy: pilotRules('seeEnrolments'),
    personalData: true,
    tags: ['pilots'],
    params: IdParams,
    body: ParticipationInput,
    response: { 200: z.object({ id: z.uuid() }) },
  }),
  importRegisterData: endpoint({
    method: 'POST',
    path: '/api/register-imports',
    access: access.roles('pilot_manager'),
    bodyLimit: 200 * 1024 * 1024,
    tags: ['pilots'],
    description: 'CSV: cpr,week (YYYY-Www),benefit,employed (0/1),education (0/1)',
    response: {
      200: ImportReportView,
      // Also the shape of every other 400 here, hence the optional parts.
      400: z.object({
        error: z.object({
          code: z.string(),
          message: z.string(),
          fields: z.unknown().optional(),
        }),
        report: ImportReportView.optional(),
      }),
    },
  }),
  pilotEvaluation: endpoint({
    method: 'GET',
    path: '/api/pilots/:id/evaluation',
    access: access.roles('pilot_manager', 'analyst'),
    governedBy: pilotRules('evaluate'),
    tags: ['pilots'],
    params: IdParams,
    response: { 200: EvaluationView },
  }),
  pilotPower: endpoint({
    method: 'GET',
    path: '/api/pilots/power',
    access: access.roles('pilot_manager'),
    tags: ['pilots'],
    description:
      'The size a decision rule needs: people per arm to detect the minimum effect with the chosen power and significance (two proportions, normal approximation as R power.prop.test; inflated for planned looks), from the given expected exit rate or, without one, the rate in the register data.',
    query: PowerQuery,
    response: { 200: PowerView },
  }),
  pilotPortfolio: endpoint({
    method: 'GET',
    path: '/api/pilots/portfolio',
    access: access.roles('pilot_manager', 'analyst'),
    tags: ['pilots'],
    description:
      "Every pilot of the municipality with its effect at its rule's horizon, the two-sided p-value and the p-value adjusted for the number of pilots (Benjamini–Hochberg).",
    response: { 200: PortfolioView },
  }),
  recordPilotLook: endpoint({
    method: 'POST',
    path: '/api/pilots/:id/looks',
    access: access.roles('pilot_manager'),
    governedBy: pilotRules('look'),
    tags: ['pilots'],
    description:
      'Takes the planned look that is due (409 when none is: an unplanned look is not a decision) and keeps its boundary, statistic and decision.',
    params: IdParams,
    body: z.strictObject({}),
    response: { 201: LookView },
  }),
  pilotEvaluationCsv: endpoint({
    method: 'GET',
    path: '/api/pilots/:id/evaluation.csv',
    access: access.roles('pilot_manager', 'analyst'),
    governedBy: pilotRules('evaluate'),
    produces: 'text/csv',
    tags: ['pilots'],
    description:
      "The analysis rows, pseudonymised: one per participant and per (matched) control, with covariates, weeks to exit or censoring, and whether the exit happened. By default for a spreadsheet in the user's language (Danish Excel: semicolons, decimal commas, BOM); `?format=rfc4180` is plain comma CSV, ready for `digiloft evaluate survival --time weeks --event exit --group group`.",
    params: IdParams,
    query: z.object({ format: CsvFormat }),
  }),
  pilotEvaluationPdf: endpoint({
    method: 'GET',
    path: '/api/pilots/:id/evaluation.pdf',
    access: access.roles('pilot_manager', 'analyst'),
    governedBy: pilotRules('evaluate'),
    produces: 'application/pdf',
    tags: ['pilots'],
    params: IdParams,
  }),
};
