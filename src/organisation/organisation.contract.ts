import { z } from 'zod';
import { Role } from '../platform/auth/roles.contract';
import { ROLES } from '../platform/auth/roles';
import { singleLine } from '../platform/http/text';
import { endpoint } from '../platform/http/endpoint';
import { access } from '../platform/http/access';
import { siteRules, userRules } from './organisation.policy';

const trimmed = (max: number) => singleLine().min(1).max(max);

export const SiteView = z.object({
  id: z.uuid(),
  name: z.string(),
  address: z.string(),
  postalCode: z.string(),
  city: z.string(),
  hasWorkshop: z.boolean(),
  active: z.boolean(),
});
export type SiteView = z.infer<typeof SiteView>;

const siteFields = {
  name: trimmed(200),
  address: trimmed(200),
  postalCode: z
    .string()
    .trim()
    .regex(/^\d{4}$/),
  city: trimmed(100),
  hasWorkshop: z.boolean(),
  active: z.boolean(),
};

export const SiteInput = z.object({
  ...siteFields,
  hasWorkshop: siteFields.hasWorkshop.default(false),
  active: siteFields.active.default(true),
});
export type SiteInput = z.infer<typeof SiteInput>;
// No defaults here: a field left out of a PATCH keeps its value.
export const SiteUpdateInput = z.object(siteFields).partial();
export type SiteUpdateInput = z.infer<typeof SiteUpdateInput>;

export const UserView = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  roles: z.array(Role),
  siteId: z.uuid().nullable(),
  active: z.boolean(),
  locale: z.enum(['da', 'en']),
  lastLoginAt: z.iso.datetime({ offset: true }).nullable(),
  /** How they last logged in: an authenticator id such as `password`. */
  lastLoginMethod: z.string().nullable(),
  permissions: z.object({ update: z.boolean(), deactivate: z.boolean() }),
});
export type UserView = z.infer<typeof UserView>;

export const Password = z.string().min(12).max(200);

export const UserCreateInput = z.object({
  email: z.email().max(254),
  name: trimmed(200),
  roles: z.array(Role).min(1).max(ROLES.length),
  siteId: z.uuid().nullable().default(null),
  password: Password,
  locale: z.enum(['da', 'en']).default('da'),
});
export type UserCreateInput = z.infer<typeof UserCreateInput>;

export const UserUpdateInput = z.object({
  email: z.email().max(254).optional(),
  name: trimmed(200).optional(),
  roles: z.array(Role).min(1).max(7).optional(),
  siteId: z.uuid().nullable().optional(),
  active: z.boolean().optional(),
  password: Password.optional(),
  locale: z.enum(['da', 'en']).optional(),
});
export type UserUpdateInput = z.infer<typeof UserUpdateInput>;

export const UserListQuery = z.object({
  q: z.string().trim().max(200).optional(),
  role: Role.optional(),
  includeInactive: z.enum(['true', 'false']).optional(),
});

export const IdParams = z.object({ id: z.uuid() });

export const StaffView = z.object({ id: z.uuid(), name: z.string() });

export const organisationApi = {
  listUsers: endpoint({
    method: 'GET',
    path: '/api/users',
    access: access.roles('admin'),
    tags: ['admin'],
    query: UserListQuery,
    response: { 200: z.array(UserView) },
  }),
  createUser: endpoint({
    method: 'POST',
    path: '/api/users',
    access: access.roles('admin'),
    tags: ['admin'],
    body: UserCreateInput,
    response: { 201: UserView },
  }),
  getUser: endpoint({
    method: 'GET',
    path: '/api/users/:id',
    access: access.roles('admin'),
    governedBy: userRules('read'),
    tags: ['admin'],
    params: IdParams,
    response: { 200: UserView },
  }),
  updateUser: endpoint({
    method: 'PATCH',
    path: '/api/users/:id',
    access: access.roles('admin'),
    governedBy: userRules('update'),
    tags: ['admin'],
    params: IdParams,
    body: UserUpdateInput,
    response: { 200: UserView },
  }),
  listCaseworkers: endpoint({
    method: 'GET',
    path: '/api/staff/caseworkers',
    access: access.roles('caseworker', 'admin'),
    tags: ['people'],
    response: { 200: z.array(StaffView) },
  }),
  listSites: endpoint({
    method: 'GET',
    path: '/api/sites',
    access: access.authenticated(),
    tags: ['sites'],
    response: { 200: z.array(SiteView) },
  }),
  createSite: endpoint({
    method: 'POST',
    path: '/api/sites',
    access: access.roles('admin'),
    tags: ['sites'],
    body: SiteInput,
    response: { 201: SiteView },
  }),
  updateSite: endpoint({
    method: 'PATCH',
    path: '/api/sites/:id',
    access: access.roles('admin'),
    governedBy: siteRules('update'),
    tags: ['sites'],
    params: IdParams,
    body: SiteUpdateInput,
    response: { 200: SiteView },
  }),
};
