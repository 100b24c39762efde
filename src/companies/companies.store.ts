// Queries for the company register (the use cases call these; nothing else does).
import { and, asc, count, desc, eq, ilike, inArray, isNull, ne, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/client';
import {
  companies,
  companyActivities,
  companyContacts,
  companyInvitations,
  companyMembers,
  companyUnits,
  jobRoles,
} from './companies.schema';
import type { CompanyListQuery } from './companies.contract';

export type CompanyRow = typeof companies.$inferSelect;

export async function findCompany(db: DbOrTx, municipalityId: string, id: string) {
  const [row] = await db
    .select()
    .from(companies)
    .where(and(eq(companies.municipalityId, municipalityId), eq(companies.id, id)));
  return row ?? null;
}

export async function cvrTaken(db: DbOrTx, municipalityId: string, cvr: string, exceptId?: string) {
  const [row] = await db
    .select({ id: companies.id })
    .from(companies)
    .where(
      and(
        eq(companies.municipalityId, municipalityId),
        eq(companies.cvr, cvr),
        exceptId ? ne(companies.id, exceptId) : undefined,
      ),
    );
  return row !== undefined;
}

export async function membersOf(db: DbOrTx, companyId: string): Promise<string[]> {
  const rows = await db
    .select({ userId: companyMembers.userId })
    .from(companyMembers)
    .where(eq(companyMembers.companyId, companyId));
  return rows.map((r) => r.userId);
}

export async function listCompanies(
  db: DbOrTx,
  municipalityId: string,
  filter: CompanyListQuery & { ids?: readonly string[] },
) {
  const q = filter.q?.trim();
  return db
    .select({
      company: companies,
      // A one-table select renders its columns unqualified, so the outer id is named in full.
      openRoles: sql<number>`(select count(*)::int from job_roles r where r.company_id = ${companies}.${sql.identifier('id')} and r.status = 'open')`,
    })
    .from(companies)
    .where(
      and(
        eq(companies.municipalityId, municipalityId),
        q ? or(ilike(companies.name, `%${q}%`), eq(companies.cvr, q)) : undefined,
        filter.section ? eq(companies.industrySection, filter.section) : undefined,
        filter.sme === 'true' ? ne(companies.sizeBand, '250+') : undefined,
        filter.sme === 'false' ? eq(companies.sizeBand, '250+') : undefined,
        filter.ids ? inArray(companies.id, [...filter.ids]) : undefined,
      ),
    )
    .orderBy(asc(companies.name))
    .limit(500);
}

export async function companiesOfMember(db: DbOrTx, userId: string): Promise<string[]> {
  const rows = await db
    .select({ id: companyMembers.companyId })
    .from(companyMembers)
    .where(eq(companyMembers.userId, userId));
  return rows.map((r) => r.id);
}

export async function insertCompany(db: DbOrTx, values: typeof companies.$inferInsert) {
  const [row] = await db.insert(companies).values(values).returning();
  return row!;
}

export async function updateCompany(
  db: DbOrTx,
  id: string,
  values: Partial<typeof companies.$inferInsert>,
) {
  const [row] = await db.update(companies).set(values).where(eq(companies.id, id)).returning();
  return row!;
}

export async function companyDetails(db: DbOrTx, companyId: string) {
  const [units, contacts, activities, invitations, openRoles] = await Promise.all([
    db
      .select()
      .from(companyUnits)
      .where(eq(companyUnits.companyId, companyId))
      .orderBy(asc(companyUnits.pNumber)),
    db
      .select()
      .from(companyContacts)
      .where(eq(companyContacts.companyId, companyId))
      .orderBy(asc(companyContacts.name)),
    db
      .select()
      .from(companyActivities)
      .where(eq(companyActivities.companyId, companyId))
      .orderBy(desc(companyActivities.on), desc(companyActivities.createdAt)),
    db
      .select()
      .from(companyInvitations)
      .where(eq(companyInvitations.companyId, companyId))
      .orderBy(desc(companyInvitations.createdAt)),
    db
      .select({ n: count() })
      .from(jobRoles)
      .where(and(eq(jobRoles.companyId, companyId), eq(jobRoles.status, 'open'))),
  ]);
  return { units, contacts, activities, invitations, openRoles: openRoles[0]?.n ?? 0 };
}

export async function pNumberTaken(db: DbOrTx, municipalityId: string, pNumber: string) {
  const [row] = await db
    .select({ id: companyUnits.id })
    .from(companyUnits)
    .where(and(eq(companyUnits.municipalityId, municipalityId), eq(companyUnits.pNumber, pNumber)));
  return row !== undefined;
}

export async function insertUnit(db: DbOrTx, values: typeof companyUnits.$inferInsert) {
  await db.insert(companyUnits).values(values);
}

export async function insertContact(db: DbOrTx, values: typeof companyContacts.$inferInsert) {
  await db.insert(companyContacts).values(values);
}

export async function insertActivity(db: DbOrTx, values: typeof companyActivities.$inferInsert) {
  await db.insert(companyActivities).values(values);
}

export async function insertInvitation(db: DbOrTx, values: typeof companyInvitations.$inferInsert) {
  const [row] = await db.insert(companyInvitations).values(values).returning();
  return row!;
}

/** The invitation a token opens, locked for the one acceptance. */
export async function invitationByToken(db: DbOrTx, tokenHash: string, forUpdate = false) {
  const q = db
    .select({ invitation: companyInvitations, companyName: companies.name })
    .from(companyInvitations)
    .innerJoin(companies, eq(companies.id, companyInvitations.companyId))
    .where(and(eq(companyInvitations.tokenHash, tokenHash), isNull(companyInvitations.acceptedAt)));
  const [row] = await (forUpdate ? q.for('update', { of: companyInvitations }) : q);
  return row ?? null;
}

export async function markAccepted(db: DbOrTx, id: string, userId: string, at: Date) {
  await db
    .update(companyInvitations)
    .set({ acceptedAt: at, userId })
    .where(eq(companyInvitations.id, id));
}

export async function addMember(
  db: DbOrTx,
  values: { municipalityId: string; companyId: string; userId: string },
) {
  await db.insert(companyMembers).values(values).onConflictDoNothing();
}

export async function findCompanyByCvr(db: DbOrTx, municipalityId: string, cvr: string) {
  const [row] = await db
    .select()
    .from(companies)
    .where(and(eq(companies.municipalityId, municipalityId), eq(companies.cvr, cvr)));
  return row ?? null;
}

export async function deleteUnit(db: DbOrTx, companyId: string, unitId: string) {
  const rows = await db
    .delete(companyUnits)
    .where(and(eq(companyUnits.companyId, companyId), eq(companyUnits.id, unitId)))
    .returning({ id: companyUnits.id });
  return rows.length > 0;
}

export async function deleteContact(db: DbOrTx, companyId: string, contactId: string) {
  const rows = await db
    .delete(companyContacts)
    .where(and(eq(companyContacts.companyId, companyId), eq(companyContacts.id, contactId)))
    .returning({ id: companyContacts.id });
  return rows.length > 0;
}

/** Companies by id, in one municipality (others' ids are left out). */
export async function companiesByIds(db: DbOrTx, municipalityId: string, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(companies)
    .where(and(eq(companies.municipalityId, municipalityId), inArray(companies.id, [...ids])));
}
