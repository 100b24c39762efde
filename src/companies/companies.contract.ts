// The company register over HTTP: companies, their units and contacts, the business service's
// log, and inviting company users.
import { z } from 'zod';
import { endpoint } from '../platform/http/endpoint';
import { access } from '../platform/http/access';
import { singleLine } from '../platform/http/text';
import { IdParams, Password } from '../organisation';
import {
  ACTIVITY_KINDS,
  AGREEMENT_KINDS,
  DB07_SECTION_CODES,
  SIZE_BANDS,
} from './companies.constants';
import { companyRules } from './companies.policy';

const Cvr = z
  .string()
  .trim()
  .regex(/^\d{8}$/, 'i18n:cvr_invalid');
const PostalCode = z
  .string()
  .trim()
  .regex(/^(\d{4})?$/, 'i18n:postal_code_invalid');

const CompanyFields = {
  cvr: Cvr,
  name: singleLine().min(2).max(200),
  industryCode: z
    .string()
    .trim()
    .regex(/^\d{6}$/, 'i18n:industry_code_invalid'),
  /** Either the head count (the band follows) or the band. */
  employees: z.number().int().min(0).max(1_000_000).nullable().optional(),
  sizeBand: z.enum(SIZE_BANDS).optional(),
  address: singleLine().max(200).default(''),
  postalCode: PostalCode.default(''),
  city: singleLine().max(100).default(''),
  website: z.url().max(300).nullable().optional(),
};

export const CompanyInput = z
  .object(CompanyFields)
  .refine((c) => c.employees != null || c.sizeBand !== undefined, {
    message: 'i18n:size_required',
    path: ['sizeBand'],
  });
export type CompanyInput = z.infer<typeof CompanyInput>;

export const UnitInput = z.object({
  pNumber: z
    .string()
    .trim()
    .regex(/^\d{10}$/, 'i18n:p_number_invalid'),
  name: singleLine().min(2).max(200),
  address: singleLine().max(200).default(''),
  postalCode: PostalCode.default(''),
  city: singleLine().max(100).default(''),
});
export type UnitInput = z.infer<typeof UnitInput>;

export const ContactInput = z
  .object({
    name: singleLine().min(2).max(120),
    title: singleLine().max(120).default(''),
    email: z.email().max(200).nullable().optional(),
    phone: z
      .string()
      .trim()
      .regex(/^\+?[\d ]{8,16}$/, 'i18n:contact_phone')
      .nullable()
      .optional(),
  })
  .refine((c) => c.email || c.phone, { message: 'i18n:contact_reach', path: ['email'] });
export type ContactInput = z.infer<typeof ContactInput>;

export const ActivityInput = z
  .object({
    kind: z.enum(ACTIVITY_KINDS),
    agreement: z.enum(AGREEMENT_KINDS).nullable().optional(),
    places: z.number().int().min(1).max(1000).nullable().optional(),
    on: z.iso.date(),
    note: z.string().trim().min(2).max(4000),
  })
  .refine((a) => (a.kind === 'agreement') === (a.agreement != null), {
    message: 'i18n:agreement_kind',
    path: ['agreement'],
  });
export type ActivityInput = z.infer<typeof ActivityInput>;

export const InvitationInput = z.object({
  email: z.email().max(200),
  name: singleLine().min(2).max(120),
});
export type InvitationInput = z.infer<typeof InvitationInput>;

const Token = z.object({ token: z.string().trim().min(20).max(100) });
export const AcceptInput = Token.extend({ password: Password });
export type AcceptInput = z.infer<typeof AcceptInput>;

export const CompanyListQuery = z.object({
  q: z.string().trim().max(100).optional(),
  section: z.enum(DB07_SECTION_CODES).optional(),
  sme: z.enum(['true', 'false']).optional(),
});
export type CompanyListQuery = z.infer<typeof CompanyListQuery>;

export const CompanySummaryView = z.object({
  id: z.uuid(),
  cvr: z.string(),
  name: z.string(),
  industryCode: z.string(),
  industrySection: z.enum(DB07_SECTION_CODES),
  sizeBand: z.enum(SIZE_BANDS),
  sme: z.boolean(),
  city: z.string(),
  fictitious: z.boolean(),
  openRoles: z.number().int(),
});
export type CompanySummaryView = z.infer<typeof CompanySummaryView>;

export const CompanyView = CompanySummaryView.extend({
  employees: z.number().nullable(),
  address: z.string(),
  postalCode: z.string(),
  website: z.string().nullable(),
  units: z.array(
    z.object({
      id: z.uuid(),
      pNumber: z.string(),
      name: z.string(),
      address: z.string(),
      postalCode: z.string(),
      city: z.string(),
    }),
  ),
  contacts: z.array(
    z.object({
      id: z.uuid(),
      name: z.string(),
      title: z.string(),
      email: z.string().nullable(),
      phone: z.string().nullable(),
    }),
  ),
  /** The business service's log: consultants only (empty for company users). */
  activities: z.array(
    z.object({
      id: z.uuid(),
      kind: z.enum(ACTIVITY_KINDS),
      agreement: z.enum(AGREEMENT_KINDS).nullable(),
      places: z.number().nullable(),
      on: z.string(),
      note: z.string(),
      by: z.string().nullable(),
    }),
  ),
  users: z.array(z.object({ name: z.string(), email: z.string() })),
  invitations: z.array(
    z.object({
      id: z.uuid(),
      email: z.string(),
      name: z.string(),
      expiresAt: z.string(),
      accepted: z.boolean(),
    }),
  ),
  can: z.object({ edit: z.boolean(), postRole: z.boolean() }),
});
export type CompanyView = z.infer<typeof CompanyView>;

export const InvitationView = z.object({
  companyName: z.string(),
  email: z.string(),
  name: z.string(),
});
export type InvitationView = z.infer<typeof InvitationView>;

const CONSULTANT = access.roles('company_consultant');

export const companiesApi = {
  listCompanies: endpoint({
    method: 'GET',
    path: '/api/companies',
    access: access.roles('company_consultant', 'admin'),
    tags: ['companies'],
    query: CompanyListQuery,
    response: { 200: z.array(CompanySummaryView) },
  }),
  createCompany: endpoint({
    method: 'POST',
    path: '/api/companies',
    access: CONSULTANT,
    tags: ['companies'],
    body: CompanyInput,
    response: { 201: CompanyView },
  }),
  getCompany: endpoint({
    method: 'GET',
    path: '/api/companies/:id',
    access: access.roles('company_consultant', 'admin', 'company'),
    governedBy: companyRules('read'),
    tags: ['companies'],
    params: IdParams,
    response: { 200: CompanyView },
  }),
  updateCompany: endpoint({
    method: 'PUT',
    path: '/api/companies/:id',
    access: CONSULTANT,
    governedBy: companyRules('edit'),
    tags: ['companies'],
    params: IdParams,
    body: CompanyInput,
    response: { 200: CompanyView },
  }),
  addUnit: endpoint({
    method: 'POST',
    path: '/api/companies/:id/units',
    access: CONSULTANT,
    governedBy: companyRules('edit'),
    tags: ['companies'],
    params: IdParams,
    body: UnitInput,
    response: { 201: CompanyView },
  }),
  addContact: endpoint({
    method: 'POST',
    path: '/api/companies/:id/contacts',
    access: CONSULTANT,
    governedBy: companyRules('edit'),
    tags: ['companies'],
    params: IdParams,
    body: ContactInput,
    response: { 201: CompanyView },
  }),
  removeUnit: endpoint({
    method: 'DELETE',
    path: '/api/companies/:id/units/:unitId',
    access: CONSULTANT,
    governedBy: companyRules('edit'),
    tags: ['companies'],
    params: z.object({ id: z.uuid(), unitId: z.uuid() }),
    response: { 200: CompanyView },
  }),
  removeContact: endpoint({
    method: 'DELETE',
    path: '/api/companies/:id/contacts/:contactId',
    access: CONSULTANT,
    governedBy: companyRules('edit'),
    tags: ['companies'],
    summary: 'Removes a contact person (their name, e-mail and phone are deleted).',
    params: z.object({ id: z.uuid(), contactId: z.uuid() }),
    response: { 200: CompanyView },
  }),
  logActivity: endpoint({
    method: 'POST',
    path: '/api/companies/:id/activities',
    access: CONSULTANT,
    governedBy: companyRules('edit'),
    tags: ['companies'],
    params: IdParams,
    body: ActivityInput,
    response: { 201: CompanyView },
  }),
  inviteUser: endpoint({
    method: 'POST',
    path: '/api/companies/:id/invitations',
    access: CONSULTANT,
    governedBy: companyRules('edit'),
    tags: ['companies'],
    params: IdParams,
    body: InvitationInput,
    response: { 201: CompanyView },
  }),
  myCompanies: endpoint({
    method: 'GET',
    path: '/api/me/companies',
    access: access.roles('company'),
    tags: ['companies'],
    response: { 200: z.array(CompanySummaryView) },
  }),
  lookupInvitation: endpoint({
    method: 'POST',
    path: '/api/company-invitations/lookup',
    access: access.public(),
    tags: ['companies'],
    summary:
      'What a company invitation link is for (the token travels in the body, never the URL).',
    body: Token,
    response: { 200: InvitationView },
  }),
  acceptInvitation: endpoint({
    method: 'POST',
    path: '/api/company-invitations/accept',
    access: access.public(),
    tags: ['companies'],
    summary: 'Accepts a company invitation once: makes the company user with the chosen password.',
    body: AcceptInput,
    response: { 200: z.object({ email: z.string() }) },
  }),
};
