// Queries for the roles companies post.
import { and, desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/client';
import { companies, jobRoles } from './companies.schema';

export type JobRoleRow = typeof jobRoles.$inferSelect;

export async function rolesOfCompany(db: DbOrTx, companyId: string) {
  return db
    .select()
    .from(jobRoles)
    .where(eq(jobRoles.companyId, companyId))
    .orderBy(desc(jobRoles.createdAt));
}

export async function findRole(db: DbOrTx, municipalityId: string, id: string) {
  const [row] = await db
    .select({ role: jobRoles, companyName: companies.name })
    .from(jobRoles)
    .innerJoin(companies, eq(companies.id, jobRoles.companyId))
    .where(and(eq(jobRoles.municipalityId, municipalityId), eq(jobRoles.id, id)))
    .for('update', { of: jobRoles });
  return row ?? null;
}

export async function insertRole(db: DbOrTx, values: typeof jobRoles.$inferInsert) {
  const [row] = await db.insert(jobRoles).values(values).returning();
  return row!;
}

export async function updateRole(
  db: DbOrTx,
  id: string,
  values: Partial<typeof jobRoles.$inferInsert>,
) {
  const [row] = await db.update(jobRoles).set(values).where(eq(jobRoles.id, id)).returning();
  return row!;
}

/** Open roles with their company's place and size (for matching), in one municipality. */
export async function openRolesWithCompany(db: DbOrTx, municipalityId: string, roleId?: string) {
  return db
    .select({
      role: jobRoles,
      company: {
        id: companies.id,
        name: companies.name,
        postalCode: companies.postalCode,
        city: companies.city,
        sizeBand: companies.sizeBand,
      },
    })
    .from(jobRoles)
    .innerJoin(companies, eq(companies.id, jobRoles.companyId))
    .where(
      and(
        eq(jobRoles.municipalityId, municipalityId),
        eq(jobRoles.status, 'open'),
        roleId ? eq(jobRoles.id, roleId) : undefined,
      ),
    );
}
