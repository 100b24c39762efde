// Queries for analysed job ads.
import { desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/client';
import { companies, jobAds, jobRoles } from './companies.schema';

export async function insertJobAd(db: DbOrTx, values: typeof jobAds.$inferInsert) {
  const [row] = await db.insert(jobAds).values(values).returning();
  return row!;
}

export async function listJobAds(db: DbOrTx, municipalityId: string) {
  return db
    .select({ ad: jobAds, companyName: companies.name, roleTitle: jobRoles.title })
    .from(jobAds)
    .leftJoin(companies, eq(companies.id, jobAds.companyId))
    .leftJoin(jobRoles, eq(jobRoles.id, jobAds.roleId))
    .where(eq(jobAds.municipalityId, municipalityId))
    .orderBy(desc(jobAds.createdAt))
    .limit(200);
}
