// Records → the views the API answers with. Pure.
import type { Actor } from '../platform/auth/roles';
import { permissionsFor } from '../platform/policy';
import type { SiteView, UserView } from './organisation.contract';
import { userPolicy } from './organisation.policy';
import type { SiteRow, UserRow } from './organisation.store';

export function presentUser(actor: Actor, u: UserRow): UserView {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    roles: u.roles,
    siteId: u.siteId,
    active: u.active,
    locale: u.locale === 'en' ? 'en' : 'da',
    lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
    lastLoginMethod: u.lastLoginMethod,
    permissions: permissionsFor(userPolicy, actor, u, ['update', 'deactivate']),
  };
}

export function presentSite(s: SiteRow): SiteView {
  return {
    id: s.id,
    name: s.name,
    address: s.address,
    postalCode: s.postalCode,
    city: s.city,
    hasWorkshop: s.hasWorkshop,
    active: s.active,
  };
}
