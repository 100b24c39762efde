// The company register's use cases: keeping companies, their units and contacts, the business
// service's log, and inviting company users. Each authorises through the company policy and
// writes its audit row (purpose: company relations) in the caller's transaction.
import { writeAudit } from '../platform/audit';
import { hashPassword } from '../platform/auth/password';
import { clock } from '../platform/clock';
import { newToken, tokenHash } from '../platform/crypto/tokens';
import type { DbOrTx } from '../platform/db/client';
import { conflict, invalid, notFound } from '../platform/errors';
import { enqueue } from '../platform/messaging/outbox';
import { authorize } from '../platform/policy';
import type { UseCase } from '../platform/use-case';
import type { Actor } from '../platform/auth/roles';
import { findUserByEmail, findUserById, insertUser, userNames } from '../organisation';
import { INVITATION_DAYS } from './companies.constants';
import type {
  AcceptInput,
  ActivityInput,
  CompanyInput,
  CompanyListQuery,
  CompanySummaryView,
  CompanyView,
  ContactInput,
  InvitationInput,
  InvitationView,
  UnitInput,
} from './companies.contract';
import { bandOf, isSme, sectionOf, validCvr, validPNumber } from './companies.model';
import { companyPolicy, type CompanyTarget } from './companies.policy';
import {
  addMember,
  companiesOfMember,
  companyDetails,
  cvrTaken,
  deleteContact,
  deleteUnit,
  findCompany,
  insertActivity,
  insertCompany,
  insertContact,
  insertInvitation,
  insertUnit,
  invitationByToken,
  listCompanies,
  markAccepted,
  membersOf,
  pNumberTaken,
  updateCompany,
  type CompanyRow,
} from './companies.store';
import { invitationMail } from './company-messages';

const PURPOSE = 'company_relations' as const;

/** A company the actor may read, with who acts for it (404 otherwise). */
export async function loadCompany(db: DbOrTx, actor: Actor, id: string) {
  const row = await findCompany(db, actor.municipalityId, id);
  if (!row) throw notFound();
  const target: CompanyTarget = {
    municipalityId: row.municipalityId,
    members: await membersOf(db, row.id),
  };
  authorize(companyPolicy, actor, 'read', target, 'not_found');
  return { row, target };
}

/** The audit row of a change to (or read of) one company's data. */
function audit(uc: UseCase, companyId: string, action: string, details?: Record<string, unknown>) {
  return writeAudit(uc.tx, uc.audit, {
    action,
    entity: 'company',
    entityId: companyId,
    purpose: PURPOSE,
    ...(details ? { details } : {}),
  });
}

function summary(row: CompanyRow, openRoles: number): CompanySummaryView {
  return {
    id: row.id,
    cvr: row.cvr,
    name: row.name,
    industryCode: row.industryCode,
    industrySection: row.industrySection,
    sizeBand: row.sizeBand,
    sme: isSme(row.sizeBand),
    city: row.city,
    fictitious: row.fictitious,
    openRoles,
  };
}

async function view(uc: UseCase, row: CompanyRow, target: CompanyTarget): Promise<CompanyView> {
  const d = await companyDetails(uc.tx, row.id);
  const seeLog = companyPolicy.seeLog(uc.actor, target);
  const names = await userNames(
    uc.tx,
    d.activities.map((a) => a.by).filter((b) => b !== null),
  );
  const members = (await Promise.all(target.members.map((id) => findUserById(uc.tx, id)))).filter(
    (u) => u !== null,
  );
  return {
    ...summary(row, d.openRoles),
    employees: row.employees,
    address: row.address,
    postalCode: row.postalCode,
    website: row.website,
    units: d.units.map((u) => ({
      id: u.id,
      pNumber: u.pNumber,
      name: u.name,
      address: u.address,
      postalCode: u.postalCode,
      city: u.city,
    })),
    contacts: d.contacts.map((c) => ({
      id: c.id,
      name: c.name,
      title: c.title,
      email: c.email,
      phone: c.phone,
    })),
    activities: seeLog
      ? d.activities.map((a) => ({
          id: a.id,
          kind: a.kind,
          agreement: a.agreement,
          places: a.places,
          on: a.on,
          note: a.note,
          by: a.by ? (names.get(a.by) ?? null) : null,
        }))
      : [],
    users: members.map((u) => ({ name: u.name, email: u.email })),
    invitations: seeLog
      ? d.invitations.map((i) => ({
          id: i.id,
          email: i.email,
          name: i.name,
          expiresAt: i.expiresAt.toISOString(),
          accepted: i.acceptedAt !== null,
        }))
      : [],
    can: {
      edit: companyPolicy.edit(uc.actor, target),
      postRole: companyPolicy.postRole(uc.actor, target),
    },
  };
}

function fields(input: CompanyInput) {
  if (!validCvr(input.cvr)) throw invalid('cvr_invalid');
  const industrySection = sectionOf(input.industryCode);
  if (!industrySection) throw invalid('industry_code_invalid');
  const employees = input.employees ?? null;
  return {
    cvr: input.cvr,
    name: input.name,
    industryCode: input.industryCode,
    industrySection,
    employees,
    // A head count decides the band; without one, the band given.
    sizeBand: employees !== null ? bandOf(employees) : input.sizeBand!,
    address: input.address,
    postalCode: input.postalCode,
    city: input.city,
    website: input.website ?? null,
  };
}

export async function searchCompanies(uc: UseCase, filter: CompanyListQuery) {
  const rows = await listCompanies(uc.tx, uc.actor.municipalityId, filter);
  return rows.map((r) => summary(r.company, r.openRoles));
}

export async function myCompanies(uc: UseCase) {
  const ids = await companiesOfMember(uc.tx, uc.actor.userId);
  if (ids.length === 0) return [];
  const rows = await listCompanies(uc.tx, uc.actor.municipalityId, { ids });
  return rows.map((r) => summary(r.company, r.openRoles));
}

export async function createCompany(uc: UseCase, input: CompanyInput) {
  const { actor } = uc;
  const target = { municipalityId: actor.municipalityId, members: [] };
  authorize(companyPolicy, actor, 'edit', target);
  const values = fields(input);
  if (await cvrTaken(uc.tx, actor.municipalityId, values.cvr)) throw conflict('cvr_taken');
  const row = await insertCompany(uc.tx, { municipalityId: actor.municipalityId, ...values });
  await audit(uc, row.id, 'company.create');
  return view(uc, row, target);
}

export async function readCompany(uc: UseCase, id: string) {
  const { row, target } = await loadCompany(uc.tx, uc.actor, id);
  // The page names the company's contact people: a read of personal data.
  await audit(uc, row.id, 'company.read');
  return view(uc, row, target);
}

async function forEdit(uc: UseCase, id: string) {
  const loaded = await loadCompany(uc.tx, uc.actor, id);
  authorize(companyPolicy, uc.actor, 'edit', loaded.target);
  return loaded;
}

export async function editCompany(uc: UseCase, id: string, input: CompanyInput) {
  const { row, target } = await forEdit(uc, id);
  const values = fields(input);
  if (await cvrTaken(uc.tx, row.municipalityId, values.cvr, row.id)) throw conflict('cvr_taken');
  const updated = await updateCompany(uc.tx, row.id, values);
  await audit(uc, row.id, 'company.update', { fields: Object.keys(input).sort() });
  return view(uc, updated, target);
}

export async function addUnit(uc: UseCase, id: string, input: UnitInput) {
  const { row, target } = await forEdit(uc, id);
  if (!validPNumber(input.pNumber)) throw invalid('p_number_invalid');
  if (await pNumberTaken(uc.tx, row.municipalityId, input.pNumber))
    throw conflict('p_number_taken');
  await insertUnit(uc.tx, { municipalityId: row.municipalityId, companyId: row.id, ...input });
  await audit(uc, row.id, 'company.unit.create');
  return view(uc, row, target);
}

export async function addContact(uc: UseCase, id: string, input: ContactInput) {
  const { row, target } = await forEdit(uc, id);
  await insertContact(uc.tx, {
    municipalityId: row.municipalityId,
    companyId: row.id,
    name: input.name,
    title: input.title,
    email: input.email ?? null,
    phone: input.phone ?? null,
  });
  await audit(uc, row.id, 'company.contact.create');
  return view(uc, row, target);
}

export async function removeUnit(uc: UseCase, id: string, unitId: string) {
  const { row, target } = await forEdit(uc, id);
  if (!(await deleteUnit(uc.tx, row.id, unitId))) throw notFound();
  await audit(uc, row.id, 'company.unit.delete');
  return view(uc, row, target);
}

/** A contact person who left, or asked to be forgotten: their details are deleted. */
export async function removeContact(uc: UseCase, id: string, contactId: string) {
  const { row, target } = await forEdit(uc, id);
  if (!(await deleteContact(uc.tx, row.id, contactId))) throw notFound();
  await audit(uc, row.id, 'company.contact.delete');
  return view(uc, row, target);
}

export async function logActivity(uc: UseCase, id: string, input: ActivityInput) {
  const { row, target } = await forEdit(uc, id);
  await insertActivity(uc.tx, {
    municipalityId: row.municipalityId,
    companyId: row.id,
    kind: input.kind,
    agreement: input.agreement ?? null,
    places: input.places ?? null,
    on: input.on,
    note: input.note,
    by: uc.actor.userId,
  });
  await audit(uc, row.id, 'company.activity.create', {
    kind: input.kind,
    agreement: input.agreement ?? null,
  });
  return view(uc, row, target);
}

/**
 * Invites someone to act for the company: a one-time link by e-mail (the outbox), valid for
 * INVITATION_DAYS. A company user who already exists is added at once; a staff address cannot
 * become a company user.
 */
export async function inviteCompanyUser(
  uc: UseCase,
  id: string,
  input: InvitationInput,
  linkFor: (token: string) => string,
) {
  const { row, target } = await forEdit(uc, id);
  const existing = await findUserByEmail(uc.tx, row.municipalityId, input.email);
  if (existing && !(existing.roles.length === 1 && existing.roles[0] === 'company'))
    throw conflict('email_not_company');
  if (existing && target.members.includes(existing.id)) throw conflict('already_member');
  const now = clock.now();
  if (existing) {
    await addMember(uc.tx, {
      municipalityId: row.municipalityId,
      companyId: row.id,
      userId: existing.id,
    });
    target.members = [...target.members, existing.id];
  } else {
    const token = newToken();
    await insertInvitation(uc.tx, {
      municipalityId: row.municipalityId,
      companyId: row.id,
      email: input.email.trim(),
      name: input.name,
      tokenHash: tokenHash(token),
      invitedBy: uc.actor.userId,
      expiresAt: new Date(now.getTime() + INVITATION_DAYS * 86_400_000),
    });
    await enqueue(uc.tx, row.municipalityId, {
      channel: 'email',
      kind: 'company_invitation',
      recipient: input.email.trim(),
      ...invitationMail({
        companyName: row.name,
        name: input.name,
        link: linkFor(token),
        days: INVITATION_DAYS,
      }),
      sendAfter: now,
    });
  }
  await audit(uc, row.id, existing ? 'company.member.add' : 'company.invitation.create');
  return view(uc, row, target);
}

/** An open, unexpired invitation by its token (the same answer for every other token). */
async function openInvitation(tx: DbOrTx, token: string, forUpdate = false) {
  const found = await invitationByToken(tx, tokenHash(token), forUpdate);
  if (!found || found.invitation.expiresAt <= clock.now()) throw notFound();
  return found;
}

export async function lookupInvitation(tx: DbOrTx, token: string): Promise<InvitationView> {
  const { invitation, companyName } = await openInvitation(tx, token);
  return { companyName, email: invitation.email, name: invitation.name };
}

/** Takes the invitation once: the company user is made with the password chosen. */
export async function acceptInvitation(tx: DbOrTx, input: AcceptInput) {
  const { invitation } = await openInvitation(tx, input.token, true);
  if (await findUserByEmail(tx, invitation.municipalityId, invitation.email))
    throw conflict('email_taken');
  const user = await insertUser(tx, {
    municipalityId: invitation.municipalityId,
    email: invitation.email,
    name: invitation.name,
    roles: ['company'],
    passwordHash: await hashPassword(input.password),
  });
  await addMember(tx, {
    municipalityId: invitation.municipalityId,
    companyId: invitation.companyId,
    userId: user.id,
  });
  await markAccepted(tx, invitation.id, user.id, clock.now());
  await writeAudit(
    tx,
    { actorId: user.id, actorRole: 'company', municipalityId: invitation.municipalityId },
    {
      action: 'company.invitation.accept',
      entity: 'company',
      entityId: invitation.companyId,
      purpose: PURPOSE,
    },
  );
  return { email: user.email };
}
