// The roles companies need, over HTTP: posted by a company user or a consultant, with the
// digital competences the job asks (pre-filled from ESCO, then edited).
import { z } from 'zod';
import { endpoint } from '../platform/http/endpoint';
import { access } from '../platform/http/access';
import { singleLine } from '../platform/http/text';
import { IdParams } from '../organisation';
import { EDUCATION_LEVELS } from '../vocabulary';
import { ROLE_LANGUAGES, ROLE_STATUSES, WORKPLACE_LEARNING } from './companies.constants';
import { companyRules } from './companies.policy';

const Competence = z.object({
  competence: z.string().regex(/^[1-5]\.[1-6]$/, 'i18n:competence_invalid'),
  level: z.number().int().min(1).max(8),
});

export const RoleInput = z.object({
  title: singleLine().min(2).max(200),
  occupationId: z.uuid().nullable().optional(),
  people: z.number().int().min(1).max(1000),
  neededBy: z.iso.date().nullable().optional(),
  location: singleLine().max(200).default(''),
  competences: z
    .array(Competence)
    .max(21)
    .refine((cs) => new Set(cs.map((c) => c.competence)).size === cs.length, {
      message: 'i18n:competence_twice',
    }),
  education: z.enum(EDUCATION_LEVELS).nullable().optional(),
  languages: z.array(z.enum(ROLE_LANGUAGES)).max(ROLE_LANGUAGES.length).default([]),
  otherRequirements: z.string().trim().max(2000).default(''),
  workplaceLearning: z.array(z.enum(WORKPLACE_LEARNING)).max(WORKPLACE_LEARNING.length).default([]),
});
export type RoleInput = z.infer<typeof RoleInput>;

export const RoleStatusInput = z.object({ to: z.enum(ROLE_STATUSES) });

export const RoleView = z.object({
  id: z.uuid(),
  companyId: z.uuid(),
  companyName: z.string(),
  title: z.string(),
  occupation: z.object({ id: z.string(), label: z.string(), iscoGroup: z.string() }).nullable(),
  people: z.number(),
  neededBy: z.string().nullable(),
  location: z.string(),
  competences: z.array(Competence),
  education: z.enum(EDUCATION_LEVELS).nullable(),
  languages: z.array(z.string()),
  otherRequirements: z.string(),
  workplaceLearning: z.array(z.enum(WORKPLACE_LEARNING)),
  status: z.enum(ROLE_STATUSES),
  createdAt: z.string(),
});
export type RoleView = z.infer<typeof RoleView>;

export const RequirementsQuery = z.object({ occupationId: z.uuid() });
export const RequirementsView = z.object({
  occupation: z.object({ id: z.string(), label: z.string(), iscoGroup: z.string() }),
  competences: z.array(Competence.extend({ skills: z.array(z.string()) })),
  attribution: z.string(),
});

export const UpskillingView = z.object({
  offers: z.array(
    z.object({
      id: z.uuid(),
      name: z.string(),
      provider: z.string(),
      weeks: z.number(),
      hoursPerWeek: z.number(),
      lifts: z.array(Competence),
    }),
  ),
  pilots: z.array(z.object({ id: z.uuid(), name: z.string(), startsOn: z.string() })),
});
export type UpskillingView = z.infer<typeof UpskillingView>;

const ROLE_POSTERS = access.roles('company_consultant', 'company');

export const jobRolesApi = {
  companyRoles: endpoint({
    method: 'GET',
    path: '/api/companies/:id/roles',
    access: access.roles('company_consultant', 'admin', 'company'),
    governedBy: companyRules('read'),
    tags: ['companies'],
    params: IdParams,
    response: { 200: z.array(RoleView) },
  }),
  postRole: endpoint({
    method: 'POST',
    path: '/api/companies/:id/roles',
    access: ROLE_POSTERS,
    governedBy: companyRules('postRole'),
    tags: ['companies'],
    params: IdParams,
    body: RoleInput,
    response: { 201: RoleView },
  }),
  editRole: endpoint({
    method: 'PUT',
    path: '/api/job-roles/:id',
    access: ROLE_POSTERS,
    governedBy: companyRules('postRole'),
    tags: ['companies'],
    params: IdParams,
    body: RoleInput,
    response: { 200: RoleView },
  }),
  moveRole: endpoint({
    method: 'POST',
    path: '/api/job-roles/:id/status',
    access: ROLE_POSTERS,
    governedBy: companyRules('postRole'),
    tags: ['companies'],
    params: IdParams,
    body: RoleStatusInput,
    response: { 200: RoleView },
  }),
  companyUpskilling: endpoint({
    method: 'GET',
    path: '/api/companies/:id/upskilling',
    access: access.roles('company_consultant', 'admin', 'company'),
    governedBy: companyRules('read'),
    tags: ['companies'],
    summary:
      'The jobcentre’s courses that lift the competences the company’s open roles need, and its open pilot projects.',
    params: IdParams,
    response: { 200: UpskillingView },
  }),
  roleRequirements: endpoint({
    method: 'GET',
    path: '/api/job-roles/requirements',
    access: ROLE_POSTERS,
    tags: ['companies'],
    summary: 'The digital competences an ESCO occupation asks, to pre-fill a role.',
    query: RequirementsQuery,
    response: { 200: RequirementsView },
  }),
};
