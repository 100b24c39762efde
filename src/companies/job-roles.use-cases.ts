// Posting, editing and closing the roles companies need. A company user posts for the companies
// they act for, a consultant for any company; each change is audited.
import { writeAudit } from '../platform/audit';
import { clock } from '../platform/clock';
import { conflict, invalid, notFound } from '../platform/errors';
import { authorize } from '../platform/policy';
import type { UseCase } from '../platform/use-case';
import { esco, learningOffersOf, requirementsOf, ESCO_ATTRIBUTION } from '../learning';
import { openPilots } from '../pilots';
import { canMoveRole } from './companies.model';
import { companyPolicy } from './companies.policy';
import type { RoleStatus } from './companies.constants';
import type { RoleInput, RoleView } from './job-roles.contract';
import {
  findRole,
  insertRole,
  rolesOfCompany,
  updateRole,
  type JobRoleRow,
} from './job-roles.store';
import { loadCompany } from './companies.use-cases';

const PURPOSE = 'company_relations' as const;

function occupationOf(id: string | null) {
  if (!id) return null;
  const o = esco().find(id);
  return o ? { id: o.id, label: o.label, iscoGroup: o.iscoGroup } : null;
}

export function presentRole(row: JobRoleRow, companyName: string): RoleView {
  return {
    id: row.id,
    companyId: row.companyId,
    companyName,
    title: row.title,
    occupation: occupationOf(row.occupationId),
    people: row.people,
    neededBy: row.neededBy,
    location: row.location,
    competences: row.competences,
    education: row.education,
    languages: row.languages,
    otherRequirements: row.otherRequirements,
    workplaceLearning: row.workplaceLearning,
    status: row.status,
    createdAt: row.createdAt.toISOString(),
  };
}

function values(input: RoleInput) {
  const occupationId = input.occupationId ?? null;
  const occupation = occupationId ? esco().find(occupationId) : null;
  if (occupationId && !occupation) throw invalid('occupation_unknown');
  return {
    title: input.title,
    occupationId,
    iscoGroup: occupation?.iscoGroup ?? null,
    people: input.people,
    neededBy: input.neededBy ?? null,
    location: input.location,
    competences: [...input.competences].sort((a, b) =>
      a.competence.localeCompare(b.competence, 'en', { numeric: true }),
    ),
    education: input.education ?? null,
    languages: input.languages,
    otherRequirements: input.otherRequirements,
    workplaceLearning: input.workplaceLearning,
  };
}

export async function listCompanyRoles(uc: UseCase, companyId: string) {
  const { row } = await loadCompany(uc.tx, uc.actor, companyId);
  return (await rolesOfCompany(uc.tx, row.id)).map((r) => presentRole(r, row.name));
}

export async function postRole(uc: UseCase, companyId: string, input: RoleInput) {
  const { row, target } = await loadCompany(uc.tx, uc.actor, companyId);
  authorize(companyPolicy, uc.actor, 'postRole', target);
  const role = await insertRole(uc.tx, {
    municipalityId: row.municipalityId,
    companyId: row.id,
    createdBy: uc.actor.userId,
    ...values(input),
  });
  await writeAudit(uc.tx, uc.audit, {
    action: 'company.role.create',
    entity: 'job_role',
    entityId: role.id,
    purpose: PURPOSE,
  });
  return presentRole(role, row.name);
}

async function loadRole(uc: UseCase, id: string) {
  const found = await findRole(uc.tx, uc.actor.municipalityId, id);
  if (!found) throw notFound();
  const { target } = await loadCompany(uc.tx, uc.actor, found.role.companyId);
  authorize(companyPolicy, uc.actor, 'postRole', target);
  return found;
}

export async function editRole(uc: UseCase, id: string, input: RoleInput) {
  const { role, companyName } = await loadRole(uc, id);
  if (role.status !== 'open') throw conflict('role_not_open');
  const row = await updateRole(uc.tx, role.id, values(input));
  await writeAudit(uc.tx, uc.audit, {
    action: 'company.role.update',
    entity: 'job_role',
    entityId: role.id,
    purpose: PURPOSE,
  });
  return presentRole(row, companyName);
}

export async function moveRole(uc: UseCase, id: string, to: RoleStatus) {
  const { role, companyName } = await loadRole(uc, id);
  if (!canMoveRole(role.status, to)) throw conflict('role_move_invalid', { from: role.status, to });
  const row = await updateRole(uc.tx, role.id, { status: to, statusChangedAt: clock.now() });
  await writeAudit(uc.tx, uc.audit, {
    action: 'company.role.status',
    entity: 'job_role',
    entityId: role.id,
    purpose: PURPOSE,
    details: { from: role.status, to },
  });
  return presentRole(row, companyName);
}

/** What ESCO says the occupation needs, as DigComp competences and levels (the pre-fill). */
export function occupationRequirements(occupationId: string) {
  const o = esco().find(occupationId);
  if (!o) throw notFound();
  return {
    occupation: { id: o.id, label: o.label, iscoGroup: o.iscoGroup },
    competences: requirementsOf(o).map((r) => ({
      competence: r.competence,
      level: r.level,
      skills: r.skills.slice(0, 5),
    })),
    attribution: ESCO_ATTRIBUTION,
  };
}

/**
 * What the jobcentre offers that lifts the competences the company's open roles need (to the
 * level they ask or towards it), and the pilots still open: workplace learning to take part in.
 */
export async function companyUpskilling(uc: UseCase, companyId: string) {
  const { row } = await loadCompany(uc.tx, uc.actor, companyId);
  const needed = new Set(
    (await rolesOfCompany(uc.tx, row.id))
      .filter((r) => r.status === 'open')
      .flatMap((r) => r.competences.map((c) => c.competence)),
  );
  const offers = (await learningOffersOf(uc.tx, row.municipalityId, false))
    .map((o) => ({
      id: o.id,
      name: o.name,
      provider: o.providerName,
      weeks: o.weeks,
      hoursPerWeek: o.hoursPerWeek,
      lifts: o.lifts.filter((l) => needed.has(l.competence)),
    }))
    .filter((o) => o.lifts.length > 0)
    .sort((a, b) => b.lifts.length - a.lifts.length || a.name.localeCompare(b.name));
  const pilots = (await openPilots(uc.tx, row.municipalityId)).map((p) => ({
    id: p.id,
    name: p.name,
    startsOn: p.startsOn,
  }));
  return { offers, pilots };
}
