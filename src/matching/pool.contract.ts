// The candidate pool over HTTP: the citizen opts in (and out), companies' roles get explained
// matches, the consultant shortlists and asks, the citizen answers; acceptance reveals them.
import { z } from 'zod';
import { endpoint } from '../platform/http/endpoint';
import { access } from '../platform/http/access';
import { singleLine } from '../platform/http/text';
import { IdParams } from '../organisation';
import { CONTACT_STATUSES, CV_MAX_BYTES } from './matching.constants';
import { takingPartRules } from './matching.policy';

const Area = z
  .string()
  .trim()
  .regex(/^(\d{4}|[\p{L} .-]{2,40})$/u, 'i18n:pool_area_invalid');

export const ProfileInput = z.object({
  /** Ticking the consent is what puts the citizen in the pool. */
  consent: z.literal(true, 'i18n:pool_consent_required'),
  pitch: z.string().trim().max(600).default(''),
  languages: z.array(z.string().trim().min(2).max(2)).max(10).default([]),
  workAreas: z.array(Area).max(20).default([]),
});
export type ProfileInput = z.infer<typeof ProfileInput>;

export const ContactInput = z.object({
  candidateId: z.uuid(),
  /** false: put on the shortlist; true: send the request to the citizen. */
  send: z.boolean(),
});
export type PoolContactInput = z.infer<typeof ContactInput>;
export const AnswerRequestInput = z.object({ answer: z.enum(['accept', 'decline']) });

const Explanation = z.object({
  score: z.number(),
  fits: z.array(z.object({ competence: z.string(), required: z.number(), shown: z.number() })),
  missing: z.array(
    z.object({
      competence: z.string(),
      required: z.number(),
      shown: z.number(),
      closedBy: z.object({ id: z.string(), name: z.string() }).nullable(),
    }),
  ),
  missingLanguages: z.array(z.string()),
  educationShort: z.boolean(),
  placeFits: z.boolean(),
});

const Shown = z.object({
  areas: z.array(z.object({ area: z.string(), level: z.number().int().nullable() })),
  badges: z.array(z.string()),
  pilots: z.array(z.string()),
  education: z.string().nullable(),
  jobGoal: z.string().nullable(),
});

export const MyProfileView = z.object({
  inPool: z.boolean(),
  consentedAt: z.string().nullable(),
  pitch: z.string(),
  languages: z.array(z.string()),
  workAreas: z.array(z.string()),
  cvName: z.string().nullable(),
  shown: Shown,
  requests: z.array(
    z.object({
      id: z.uuid(),
      company: z.string(),
      role: z.string(),
      status: z.enum(CONTACT_STATUSES),
      sentAt: z.string().nullable(),
    }),
  ),
  roles: z.array(
    z.object({ id: z.uuid(), title: z.string(), company: z.string(), explanation: Explanation }),
  ),
});
export type MyProfileView = z.infer<typeof MyProfileView>;

export const RoleCandidatesView = z.object({
  role: z.object({ id: z.uuid(), title: z.string(), company: z.string() }),
  candidates: z.array(
    z.object({
      id: z.uuid(),
      handle: z.string(),
      pitch: z.string(),
      shown: Shown,
      languages: z.array(z.string()),
      hasCv: z.boolean(),
      explanation: Explanation,
      contact: z.enum(CONTACT_STATUSES).nullable(),
      /** Only once the citizen accepted this role's contact request. */
      revealed: z
        .object({ name: z.string(), email: z.string().nullable(), phone: z.string().nullable() })
        .nullable(),
    }),
  ),
});
export type RoleCandidatesView = z.infer<typeof RoleCandidatesView>;

export const SmeAcademicsView = z.object({
  rows: z.array(
    z.object({
      roleId: z.uuid(),
      role: z.string(),
      companyId: z.uuid(),
      company: z.string(),
      forms: z.array(z.string()),
      academics: z.number().int(),
      best: z.number(),
    }),
  ),
  followUps: z.array(
    z.object({
      company: z.string(),
      role: z.string(),
      handle: z.string(),
      status: z.enum(CONTACT_STATUSES),
      since: z.string(),
    }),
  ),
});
export type SmeAcademicsView = z.infer<typeof SmeAcademicsView>;

const RoleParams = IdParams;

export const poolApi = {
  myProfile: endpoint({
    method: 'GET',
    path: '/api/me/candidate-profile',
    access: access.roles('citizen'),
    personalData: true,
    tags: ['me'],
    response: { 200: MyProfileView },
  }),
  joinPool: endpoint({
    method: 'PUT',
    path: '/api/me/candidate-profile',
    access: access.roles('citizen'),
    personalData: true,
    tags: ['me'],
    body: ProfileInput,
    response: { 200: MyProfileView },
  }),
  leavePool: endpoint({
    method: 'DELETE',
    path: '/api/me/candidate-profile',
    access: access.roles('citizen'),
    personalData: true,
    tags: ['me'],
    response: { 200: MyProfileView },
  }),
  uploadCv: endpoint({
    method: 'PUT',
    path: '/api/me/candidate-profile/cv',
    access: access.roles('citizen'),
    personalData: true,
    tags: ['me'],
    consumes: ['application/pdf'],
    bodyLimit: CV_MAX_BYTES + 1024,
    query: z.object({ name: singleLine().min(1).max(120) }),
    response: { 200: MyProfileView },
  }),
  answerRequest: endpoint({
    method: 'POST',
    path: '/api/me/contact-requests/:id',
    access: access.roles('citizen'),
    personalData: true,
    tags: ['me'],
    params: IdParams,
    body: AnswerRequestInput,
    response: { 200: MyProfileView },
  }),
  roleCandidates: endpoint({
    method: 'GET',
    path: '/api/job-roles/:id/candidates',
    access: access.roles('company', 'company_consultant'),
    governedBy: takingPartRules('answer'),
    personalData: true,
    tags: ['matchmaking'],
    params: RoleParams,
    response: { 200: RoleCandidatesView },
  }),
  contactCandidate: endpoint({
    method: 'POST',
    path: '/api/job-roles/:id/contact-requests',
    access: access.roles('company_consultant'),
    personalData: true,
    tags: ['matchmaking'],
    params: RoleParams,
    body: ContactInput,
    response: { 200: z.object({ contact: z.enum(CONTACT_STATUSES) }) },
  }),
  candidateCv: endpoint({
    method: 'GET',
    path: '/api/job-roles/:id/candidates/:candidateId/cv',
    access: access.roles('company', 'company_consultant'),
    governedBy: takingPartRules('answer'),
    personalData: true,
    tags: ['matchmaking'],
    params: z.object({ id: z.uuid(), candidateId: z.uuid() }),
    produces: 'application/pdf',
  }),
  smeAcademics: endpoint({
    method: 'GET',
    path: '/api/matchmaking/sme-academics',
    access: access.roles('company_consultant'),
    tags: ['matchmaking'],
    response: { 200: SmeAcademicsView },
  }),
};
