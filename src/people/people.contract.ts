import { EDUCATION_LEVELS } from './people.constants';
import { z } from 'zod';
import { singleLine } from '../platform/http/text';
import { endpoint } from '../platform/http/endpoint';
import { access } from '../platform/http/access';
import { IdParams } from '../organisation';
import { citizenRules } from './people.policy';

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .optional();

export const CitizenListQuery = z.object({
  q: z.string().trim().max(100).optional(),
  vulnerable: z.enum(['true', 'false']).optional(),
});
export type CitizenListQuery = z.infer<typeof CitizenListQuery>;

export const CitizenListItem = z.object({
  id: z.uuid(),
  cprMasked: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  employmentGoal: z.string().nullable(),
  digitallyVulnerable: z.boolean(),
});
export type CitizenListItem = z.infer<typeof CitizenListItem>;

export const CitizenNoteView = z.object({
  id: z.uuid(),
  body: z.string(),
  authorName: z.string(),
  createdAt: z.iso.datetime({ offset: true }),
});

export const CitizenView = z.object({
  id: z.uuid(),
  cprMasked: z.string(),
  birthDate: z.iso.date(),
  firstName: z.string(),
  lastName: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  address: z.string().nullable(),
  postalCode: z.string().nullable(),
  city: z.string().nullable(),
  employmentGoal: z.string().nullable(),
  educationLevel: z.enum(EDUCATION_LEVELS).nullable(),
  caseworker: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  digitallyVulnerable: z.boolean(),
  vulnerableReason: z.string().nullable(),
  vulnerableFlaggedAt: z.iso.datetime({ offset: true }).nullable(),
  notes: z.array(CitizenNoteView),
  permissions: z.object({ update: z.boolean(), flagVulnerable: z.boolean(), addNote: z.boolean() }),
});
export type CitizenView = z.infer<typeof CitizenView>;

/** What a citizen sees of themselves: no internal case notes. */
export const CitizenSelfView = CitizenView.omit({ notes: true, permissions: true });
export type CitizenSelfView = z.infer<typeof CitizenSelfView>;

const contactFields = {
  email: z
    .union([z.email().max(254), z.literal('')])
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .optional(),
  phone: optionalText(30),
  address: optionalText(200),
  postalCode: z
    .union([
      z
        .string()
        .trim()
        .regex(/^\d{4}$/),
      z.literal(''),
    ])
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .optional(),
  city: optionalText(100),
  employmentGoal: optionalText(300),
  educationLevel: z
    .union([z.enum(EDUCATION_LEVELS), z.literal('')])
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .optional(),
};

export const CitizenCreateInput = z.object({
  /** ddmmyy-xxxx or ten digits; checked on format and date, never on modulus 11. */
  cpr: z.string().trim().min(1).max(20),
  firstName: singleLine().min(1).max(100),
  lastName: singleLine().min(1).max(100),
  ...contactFields,
  caseworkerId: z.uuid().optional(),
});
export type CitizenCreateInput = z.infer<typeof CitizenCreateInput>;

export const CitizenUpdateInput = z.object({
  firstName: singleLine().min(1).max(100).optional(),
  lastName: singleLine().min(1).max(100).optional(),
  ...contactFields,
  caseworkerId: z.uuid().optional(),
});
export type CitizenUpdateInput = z.infer<typeof CitizenUpdateInput>;

export const CprLookupInput = z.object({ cpr: z.string().trim().min(1).max(20) });
export const CprLookupView = z.object({ id: z.uuid() });

export const VulnerabilityInput = z.discriminatedUnion('vulnerable', [
  z.object({ vulnerable: z.literal(true), reason: z.string().trim().min(3).max(1000) }),
  z.object({ vulnerable: z.literal(false), reason: z.string().trim().max(1000).optional() }),
]);
export type VulnerabilityInput = z.infer<typeof VulnerabilityInput>;

export const NoteInput = z.object({ body: z.string().trim().min(1).max(5000) });
export type NoteInput = z.infer<typeof NoteInput>;

export const AuditEntryView = z.object({
  at: z.iso.datetime({ offset: true }),
  action: z.string(),
  purpose: z.string(),
  actorRole: z.string(),
  self: z.boolean(),
  organisation: z.string(),
});
export type AuditEntryView = z.infer<typeof AuditEntryView>;

/** `csv`: for a spreadsheet in the user's language; `rfc4180`: plain comma CSV; `json`. */
export const AuditExportQuery = z.object({
  format: z.enum(['csv', 'rfc4180', 'json']).default('json'),
});

export const peopleApi = {
  caseload: endpoint({
    method: 'GET',
    path: '/api/citizens',
    access: access.roles('caseworker'),
    personalData: true,
    tags: ['people'],
    query: CitizenListQuery,
    response: { 200: z.array(CitizenListItem) },
  }),
  lookupCitizen: endpoint({
    method: 'POST',
    path: '/api/citizens/lookup',
    access: access.roles('caseworker'),
    personalData: true,
    tags: ['people'],
    body: CprLookupInput,
    response: { 200: CprLookupView },
  }),
  createCitizen: endpoint({
    method: 'POST',
    path: '/api/citizens',
    access: access.roles('caseworker'),
    personalData: true,
    tags: ['people'],
    body: CitizenCreateInput,
    response: { 201: CitizenView },
  }),
  getCitizen: endpoint({
    method: 'GET',
    path: '/api/citizens/:id',
    access: access.roles('caseworker'),
    governedBy: citizenRules('read'),
    personalData: true,
    tags: ['people'],
    params: IdParams,
    response: { 200: CitizenView },
  }),
  updateCitizen: endpoint({
    method: 'PATCH',
    path: '/api/citizens/:id',
    access: access.roles('caseworker'),
    governedBy: citizenRules('update'),
    personalData: true,
    tags: ['people'],
    params: IdParams,
    body: CitizenUpdateInput,
    response: { 200: CitizenView },
  }),
  recordVulnerability: endpoint({
    method: 'POST',
    path: '/api/citizens/:id/vulnerability',
    access: access.roles('caseworker'),
    governedBy: citizenRules('flagVulnerable'),
    personalData: true,
    tags: ['people'],
    params: IdParams,
    body: VulnerabilityInput,
    response: { 200: CitizenView },
  }),
  addCitizenNote: endpoint({
    method: 'POST',
    path: '/api/citizens/:id/notes',
    access: access.roles('caseworker'),
    governedBy: citizenRules('addNote'),
    personalData: true,
    tags: ['people'],
    params: IdParams,
    body: NoteInput,
    response: { 201: CitizenView },
  }),
  myCitizenData: endpoint({
    method: 'GET',
    path: '/api/me/citizen',
    access: access.roles('citizen'),
    governedBy: citizenRules('readSelf'),
    personalData: true,
    tags: ['me'],
    response: { 200: CitizenSelfView },
  }),
  myAuditTrail: endpoint({
    method: 'GET',
    path: '/api/me/audit',
    access: access.roles('citizen'),
    personalData: true,
    tags: ['me'],
    response: { 200: z.array(AuditEntryView) },
  }),
  myDataExport: endpoint({
    method: 'GET',
    path: '/api/me/audit/export',
    access: access.roles('citizen'),
    personalData: true,
    produces: ['application/json', 'text/csv'],
    tags: ['me'],
    query: AuditExportQuery,
  }),
};
