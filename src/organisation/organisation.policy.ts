import type { Actor } from '../platform/auth/roles';
import { anyOf, governing, type Policy } from '../platform/policy';

export interface UserTarget {
  id: string;
  municipalityId: string;
}

const sameMunicipality = (actor: Actor, t: UserTarget) => actor.municipalityId === t.municipalityId;
const isAdmin = anyOf('admin');

export const userPolicy: Policy<'read' | 'update' | 'deactivate', UserTarget> = {
  read: (a, t) => isAdmin(a) && sameMunicipality(a, t),
  update: (a, t) => isAdmin(a) && sameMunicipality(a, t),
  // An admin who deactivates themselves can lock a municipality out of its own administration.
  deactivate: (a, t) => isAdmin(a) && sameMunicipality(a, t) && a.userId !== t.id,
};

export const sitePolicy: Policy<'read' | 'update', { municipalityId: string }> = {
  read: (a, s) => a.municipalityId === s.municipalityId,
  update: (a, s) => isAdmin(a) && a.municipalityId === s.municipalityId,
};

export const userRules = governing(
  'user',
  userPolicy,
  (a) => [a.userId, 'another-user'].map((id) => ({ id, municipalityId: a.municipalityId })),
  { deactivate: 'checked inside the update of a user that deactivates them' },
);

export const siteRules = governing(
  'site',
  sitePolicy,
  (a) => [{ municipalityId: a.municipalityId }],
  {
    read: 'every user reads their own municipality’s sites; the list filters by it',
  },
);

declare module '../platform/auth/capabilities' {
  interface AreaCapabilities {
    'users.manage': true;
    'sites.manage': true;
  }
}
