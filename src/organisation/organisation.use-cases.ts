// The municipality's own organisation: staff users and sites, kept by its admins. Changes to a
// user (roles, password, deactivation) are audited: they decide who may see citizens' data.
import { writeAudit } from '../platform/audit';
import { hashPassword } from '../platform/auth/password';
import { conflict, invalid, notFound } from '../platform/errors';
import { authorize } from '../platform/policy';
import type { UseCase } from '../platform/use-case';
import type { Role } from '../platform/auth/roles';
import { endAllSessionsOf } from './auth/session.store';
import type {
  SiteInput,
  SiteUpdateInput,
  SiteView,
  UserCreateInput,
  UserUpdateInput,
  UserView,
} from './organisation.contract';
import { presentSite, presentUser } from './organisation.presenters';
import { sitePolicy, userPolicy } from './organisation.policy';
import {
  emailTaken,
  findSite,
  findUser,
  insertSite,
  insertUser,
  listSites,
  listUsers,
  siteNameTaken,
  updateSite,
  updateUser,
} from './organisation.store';

export async function listStaff(
  uc: UseCase,
  filter: { q?: string; role?: Role; includeInactive: boolean },
): Promise<UserView[]> {
  const rows = await listUsers(uc.tx, uc.actor.municipalityId, filter);
  return rows.map((u) => presentUser(uc.actor, u));
}

export async function listCaseworkerNames(uc: UseCase) {
  const rows = await listUsers(uc.tx, uc.actor.municipalityId, { role: 'caseworker' });
  return rows.map((u) => ({ id: u.id, name: u.name }));
}

async function checkSite(uc: UseCase, siteId: string | null | undefined) {
  if (siteId && !(await findSite(uc.tx, uc.actor.municipalityId, siteId)))
    throw invalid('site_invalid');
}

export async function createStaffUser(uc: UseCase, input: UserCreateInput): Promise<UserView> {
  const { municipalityId } = uc.actor;
  if (await emailTaken(uc.tx, municipalityId, input.email)) throw conflict('email_taken');
  await checkSite(uc, input.siteId);
  const row = await insertUser(uc.tx, {
    municipalityId,
    email: input.email.trim(),
    name: input.name,
    roles: [...new Set(input.roles)],
    siteId: input.siteId,
    locale: input.locale,
    passwordHash: await hashPassword(input.password),
  });
  await writeAudit(uc.tx, uc.audit, {
    action: 'user.create',
    entity: 'user',
    entityId: row.id,
    purpose: 'administration',
    details: { roles: row.roles },
  });
  return presentUser(uc.actor, row);
}

export async function readStaffUser(uc: UseCase, id: string): Promise<UserView> {
  const row = await findUser(uc.tx, uc.actor.municipalityId, id);
  if (!row) throw notFound();
  authorize(userPolicy, uc.actor, 'read', row, 'not_found');
  return presentUser(uc.actor, row);
}

export async function editStaffUser(
  uc: UseCase,
  id: string,
  input: UserUpdateInput,
): Promise<UserView> {
  const { actor } = uc;
  const row = await findUser(uc.tx, actor.municipalityId, id);
  if (!row) throw notFound();
  authorize(userPolicy, actor, 'update', row, 'not_found');
  if (input.active === false && !userPolicy.deactivate(actor, row))
    throw invalid('cannot_deactivate_self');
  if (input.roles && row.id === actor.userId && !input.roles.includes('admin'))
    throw invalid('cannot_remove_own_admin');
  if (input.email && (await emailTaken(uc.tx, actor.municipalityId, input.email, row.id)))
    throw conflict('email_taken');
  await checkSite(uc, input.siteId);
  const updated = await updateUser(uc.tx, actor.municipalityId, row.id, {
    ...(input.email !== undefined && { email: input.email.trim() }),
    ...(input.name !== undefined && { name: input.name }),
    ...(input.roles !== undefined && { roles: [...new Set(input.roles)] }),
    ...(input.siteId !== undefined && { siteId: input.siteId }),
    ...(input.active !== undefined && { active: input.active }),
    ...(input.locale !== undefined && { locale: input.locale }),
    ...(input.password !== undefined && { passwordHash: await hashPassword(input.password) }),
  });
  if (!updated) throw notFound();
  // Deactivation, a new password or changed roles take effect at once, not at next login:
  // everywhere else the user is logged in (one's own change keeps only this session).
  if (input.active === false || input.password !== undefined || input.roles !== undefined)
    await endAllSessionsOf(uc.tx, row.id, row.id === actor.userId ? actor.sessionId : undefined);
  await writeAudit(uc.tx, uc.audit, {
    action: 'user.update',
    entity: 'user',
    entityId: row.id,
    purpose: 'administration',
    // Which fields changed, never their values (a password above all).
    details: { fields: Object.keys(input).sort() },
  });
  return presentUser(actor, updated);
}

export async function listMunicipalitySites(uc: UseCase): Promise<SiteView[]> {
  return (await listSites(uc.tx, uc.actor.municipalityId)).map(presentSite);
}

export async function createSite(uc: UseCase, input: SiteInput): Promise<SiteView> {
  const { municipalityId } = uc.actor;
  if (await siteNameTaken(uc.tx, municipalityId, input.name)) throw conflict('site_name_taken');
  return presentSite(await insertSite(uc.tx, { ...input, municipalityId }));
}

export async function editSite(uc: UseCase, id: string, input: SiteUpdateInput): Promise<SiteView> {
  const { municipalityId } = uc.actor;
  const site = await findSite(uc.tx, municipalityId, id);
  if (!site) throw notFound();
  authorize(sitePolicy, uc.actor, 'update', site, 'not_found');
  if (input.name && (await siteNameTaken(uc.tx, municipalityId, input.name, site.id)))
    throw conflict('site_name_taken');
  const row = await updateSite(uc.tx, municipalityId, site.id, input);
  if (!row) throw notFound();
  return presentSite(row);
}
