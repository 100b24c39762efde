import { z } from 'zod';
import {
  COMPETENCES,
  ENROLMENT_STATUSES,
  LEARNING_METHODS,
  OFFER_FORMATS,
  OFFER_LANGUAGES,
  PLAN_ITEM_STATUSES,
  PROVIDER_KINDS,
  SUGGESTION_KINDS,
} from './learning.constants';
import { singleLine } from '../platform/http/text';
import { endpoint } from '../platform/http/endpoint';
import { access } from '../platform/http/access';
import { IdParams } from '../organisation';
import { badgeRules, enrolmentRules } from './learning.policy';
import { citizenRules } from '../people';

const Instant = z.iso.datetime({ offset: true });

/** A DigComp competence area, '1' to '5'. */
export const DigCompAreaKey = z.enum(['1', '2', '3', '4', '5']);
export type DigCompAreaKey = z.infer<typeof DigCompAreaKey>;

export const CompetenceLevelInput = z.object({
  competence: z.enum(COMPETENCES),
  level: z.number().int().min(1).max(8),
});

const OfferFields = {
  name: singleLine().min(2).max(120),
  description: z.string().trim().max(2000).default(''),
  providerKind: z.enum(PROVIDER_KINDS),
  providerName: singleLine().min(2).max(120),
  hostCvr: z
    .string()
    .trim()
    .regex(/^\d{8}$/)
    .nullable()
    .default(null),
  methods: z.array(z.enum(LEARNING_METHODS)).min(1).max(LEARNING_METHODS.length),
  format: z.enum(OFFER_FORMATS),
  hoursPerWeek: z.number().int().min(1).max(60),
  weeks: z.number().int().min(1).max(104),
  lifts: z.array(CompetenceLevelInput).min(1).max(21),
  prerequisites: z.array(CompetenceLevelInput).max(21).default([]),
  prerequisitesText: z.string().trim().max(500).default(''),
  languages: z.array(z.enum(OFFER_LANGUAGES)).min(1).max(OFFER_LANGUAGES.length),
  capacity: z.number().int().min(1).max(10_000),
  priceDkk: z.number().int().min(0).max(10_000_000).default(0),
  mainstreaming: z.boolean().default(false),
};
export const OfferInput = z.object(OfferFields);
export type OfferInput = z.infer<typeof OfferInput>;

export const SessionInput = z
  .object({
    startsAt: Instant,
    endsAt: Instant,
    siteId: z.uuid().nullable().default(null),
    location: singleLine().max(200).default(''),
  })
  .refine((s) => s.startsAt < s.endsAt, { message: 'startsAt < endsAt', path: ['endsAt'] });
export type SessionInput = z.infer<typeof SessionInput>;

export const SessionView = z.object({
  id: z.uuid(),
  startsAt: Instant,
  endsAt: Instant,
  siteId: z.uuid().nullable(),
  place: z.string(),
});

export const OfferSummaryView = z.object({
  id: z.uuid(),
  name: z.string(),
  providerKind: z.enum(PROVIDER_KINDS),
  providerName: z.string(),
  methods: z.array(z.enum(LEARNING_METHODS)),
  format: z.enum(OFFER_FORMATS),
  hoursPerWeek: z.number(),
  weeks: z.number(),
  lifts: z.array(CompetenceLevelInput),
  languages: z.array(z.string()),
  capacity: z.number(),
  enrolled: z.number(),
  waitlisted: z.number(),
  mainstreaming: z.boolean(),
  status: z.enum(['active', 'retired']),
  nextSession: Instant.nullable(),
});
export type OfferSummaryView = z.infer<typeof OfferSummaryView>;

export const OfferView = OfferSummaryView.extend({
  description: z.string(),
  hostCvr: z.string().nullable(),
  prerequisites: z.array(CompetenceLevelInput),
  prerequisitesText: z.string(),
  priceDkk: z.number(),
  sessions: z.array(SessionView),
  permissions: z.object({ manage: z.boolean(), seeEnrolments: z.boolean() }),
});
export type OfferView = z.infer<typeof OfferView>;

export const EnrolmentView = z.object({
  id: z.uuid(),
  offerId: z.uuid(),
  offerName: z.string(),
  citizenId: z.uuid(),
  citizenName: z.string(),
  status: z.enum(ENROLMENT_STATUSES),
  /** Place on the waiting list (1 = next), for the waitlisted. */
  waitlistPlace: z.number().nullable(),
  queuedAt: Instant,
  completedAt: Instant.nullable(),
  endReason: z.string().nullable(),
  attended: z.number(),
  sessions: z.array(SessionView.extend({ present: z.boolean().nullable() })),
  badgeId: z.uuid().nullable(),
  permissions: z.object({ cancel: z.boolean(), attend: z.boolean(), complete: z.boolean() }),
});
export type EnrolmentView = z.infer<typeof EnrolmentView>;

export const EnrolInput = z.object({
  offerId: z.uuid(),
  citizenId: z.uuid(),
  planItemId: z.uuid().optional(),
});
export const CancelInput = z.object({ reason: z.string().trim().min(2).max(300) });
export const AttendanceInput = z.object({ sessionId: z.uuid(), present: z.boolean() });
export const CompleteInput = z.object({ outcome: z.enum(['completed', 'dropped_out']) });
export type EnrolInput = z.infer<typeof EnrolInput>;
export type CancelInput = z.infer<typeof CancelInput>;
export type AttendanceInput = z.infer<typeof AttendanceInput>;
export type CompleteInput = z.infer<typeof CompleteInput>;

export const ReasonView = z.object({
  code: z.string(),
  competence: z.string().optional(),
  competences: z.array(z.string()).optional(),
  from: z.number().nullable().optional(),
  to: z.number().optional(),
  level: z.number().optional(),
  hoursPerWeek: z.number().optional(),
  weeks: z.number().optional(),
});

export const GapView = z.object({
  competence: z.string(),
  required: z.number(),
  tested: z.number().nullable(),
  gap: z.number(),
  skills: z.array(z.string()),
  basic: z.boolean(),
});

export const PlanItemView = z.object({
  id: z.uuid(),
  kind: z.enum(SUGGESTION_KINDS),
  refId: z.uuid().nullable(),
  title: z.string(),
  rank: z.number(),
  score: z.number(),
  covers: z.array(z.string()),
  reasons: z.array(ReasonView),
  status: z.enum(PLAN_ITEM_STATUSES),
  decidedAt: Instant.nullable(),
});

export const PlanView = z.object({
  id: z.uuid(),
  occupationId: z.string(),
  occupationLabel: z.string(),
  escoVersion: z.string(),
  attribution: z.string(),
  testedAt: Instant.nullable(),
  gaps: z.array(GapView),
  items: z.array(PlanItemView),
  createdAt: Instant,
});
export type PlanView = z.infer<typeof PlanView>;

export const BadgeView = z.object({
  id: z.uuid(),
  kind: z.enum(['offer', 'digcomp']),
  name: z.string(),
  issuedAt: Instant,
  revokedAt: Instant.nullable(),
  revokeReason: z.string().nullable(),
  /** The test the badge rests on was withdrawn, so the badge no longer holds. */
  testWithdrawn: z.boolean(),
});
export type BadgeView = z.infer<typeof BadgeView>;

export const ProgressView = z.array(
  z.object({
    completedAt: Instant,
    areas: z.array(z.object({ area: z.string(), level: z.number().nullable() })),
  }),
);

export const LearningView = z.object({
  plan: PlanView.nullable(),
  enrolments: z.array(EnrolmentView),
  badges: z.array(BadgeView),
  progress: ProgressView,
  /** DigComp areas whose level in the latest test can still be claimed as a badge. */
  claimable: z.array(z.object({ area: DigCompAreaKey, level: z.number() })),
});
export type LearningView = z.infer<typeof LearningView>;

export const PlanInput = z.object({ occupationId: z.string().regex(/^[0-9a-f-]{36}$/) });
export const DecisionInput = z.object({ decision: z.enum(['accepted', 'declined']) });
export const ClaimInput = z.object({ area: DigCompAreaKey });
export const RevokeInput = z.object({ reason: z.string().trim().min(2).max(300) });
export type DecisionInput = z.infer<typeof DecisionInput>;
export type ClaimInput = z.infer<typeof ClaimInput>;
export type RevokeInput = z.infer<typeof RevokeInput>;
export type PlanInput = z.infer<typeof PlanInput>;

export const OccupationQuery = z.object({ q: z.string().trim().min(2).max(80) });
export const OccupationView = z.object({
  id: z.string(),
  label: z.string(),
  code: z.string(),
  altLabels: z.array(z.string()),
});
export const OccupationsView = z.object({
  attribution: z.string(),
  occupations: z.array(OccupationView),
});

export const VerifyView = z.object({
  valid: z.boolean(),
  revoked: z.boolean(),
  reason: z.string(),
  badge: z
    .object({
      name: z.string(),
      issuer: z.string(),
      issuedAt: z.string(),
      description: z.string(),
      alignments: z.array(z.object({ code: z.string(), name: z.string() })),
    })
    .optional(),
});

export const StatsView = z.object({
  totals: z.record(z.enum(ENROLMENT_STATUSES), z.number()),
  byMethod: z.array(
    z.object({
      key: z.string(),
      enrolments: z.number(),
      completed: z.number(),
      droppedOut: z.number(),
    }),
  ),
  byProvider: z.array(
    z.object({
      key: z.string(),
      enrolments: z.number(),
      completed: z.number(),
      droppedOut: z.number(),
    }),
  ),
  waiting: z.array(
    z.object({
      offerId: z.uuid(),
      name: z.string(),
      capacity: z.number(),
      enrolled: z.number(),
      waitlisted: z.number(),
    }),
  ),
  byMonth: z.array(z.object({ month: z.string(), enrolments: z.number() })),
});
export type StatsView = z.infer<typeof StatsView>;

export const learningApi = {
  citizenLearning: endpoint({
    method: 'GET',
    path: '/api/citizens/:id/learning',
    access: access.roles('caseworker'),
    governedBy: citizenRules('update'),
    personalData: true,
    tags: ['learning'],
    params: IdParams,
    response: { 200: LearningView },
  }),
  buildLearningPlan: endpoint({
    method: 'POST',
    path: '/api/citizens/:id/learning/plan',
    access: access.roles('caseworker'),
    governedBy: citizenRules('update'),
    personalData: true,
    tags: ['learning'],
    params: IdParams,
    body: PlanInput,
    response: { 201: LearningView },
  }),
  enrol: endpoint({
    method: 'POST',
    path: '/api/learning/enrolments',
    access: access.roles('caseworker'),
    governedBy: citizenRules('update'),
    personalData: true,
    tags: ['learning'],
    body: EnrolInput,
    response: { 201: EnrolmentView },
  }),
  cancelEnrolment: endpoint({
    method: 'POST',
    path: '/api/learning/enrolments/:id/cancel',
    access: access.roles('caseworker', 'admin', 'pilot_manager', 'citizen'),
    governedBy: enrolmentRules('cancel'),
    personalData: true,
    tags: ['learning'],
    params: IdParams,
    body: CancelInput,
    response: { 200: EnrolmentView },
  }),
  recordAttendance: endpoint({
    method: 'POST',
    path: '/api/learning/enrolments/:id/attendance',
    access: access.roles('caseworker', 'admin', 'pilot_manager'),
    governedBy: enrolmentRules('attend'),
    personalData: true,
    tags: ['learning'],
    params: IdParams,
    body: AttendanceInput,
    response: { 200: EnrolmentView },
  }),
  completeEnrolment: endpoint({
    method: 'POST',
    path: '/api/learning/enrolments/:id/complete',
    access: access.roles('caseworker', 'admin', 'pilot_manager'),
    governedBy: enrolmentRules('complete'),
    personalData: true,
    tags: ['learning'],
    params: IdParams,
    body: CompleteInput,
    response: { 200: EnrolmentView },
  }),
  myLearning: endpoint({
    method: 'GET',
    path: '/api/me/learning',
    access: access.roles('citizen'),
    personalData: true,
    tags: ['me'],
    response: { 200: LearningView },
  }),
  decidePlanItem: endpoint({
    method: 'POST',
    path: '/api/me/learning/items/:id/decision',
    access: access.roles('citizen'),
    personalData: true,
    tags: ['me'],
    params: IdParams,
    body: DecisionInput,
    response: { 200: LearningView },
  }),
  claimBadge: endpoint({
    method: 'POST',
    path: '/api/me/badges/claim',
    access: access.roles('citizen'),
    personalData: true,
    tags: ['me'],
    body: ClaimInput,
    response: { 201: BadgeView },
  }),
  myBadgeCredential: endpoint({
    method: 'GET',
    path: '/api/me/badges/:id/credential',
    access: access.roles('citizen'),
    personalData: true,
    produces: 'application/vc+jwt',
    tags: ['me'],
    params: IdParams,
  }),
  myBadgeCertificate: endpoint({
    method: 'GET',
    path: '/api/me/badges/:id/certificate',
    access: access.roles('citizen'),
    personalData: true,
    produces: 'application/pdf',
    tags: ['me'],
    params: IdParams,
  }),
  revokeBadge: endpoint({
    method: 'POST',
    path: '/api/badges/:id/revoke',
    access: access.roles('caseworker', 'admin'),
    governedBy: badgeRules('revoke'),
    personalData: true,
    tags: ['learning'],
    params: IdParams,
    body: RevokeInput,
    response: { 200: BadgeView },
  }),
};
