// Queries for the candidate pool and contact requests, filtered by tenant.
import { and, eq, inArray, sql } from 'drizzle-orm';
import { copenhagenDaySql } from '../platform/db/days';
import type { DbOrTx } from '../platform/db/client';
import { candidateProfiles, contactRequests } from './matching.schema';

export type ProfileRow = typeof candidateProfiles.$inferSelect;
export type ContactRow = typeof contactRequests.$inferSelect;

export async function profileOf(db: DbOrTx, municipalityId: string, citizenId: string) {
  const [row] = await db
    .select()
    .from(candidateProfiles)
    .where(
      and(
        eq(candidateProfiles.municipalityId, municipalityId),
        eq(candidateProfiles.citizenId, citizenId),
      ),
    );
  return row ?? null;
}

export async function findProfile(db: DbOrTx, municipalityId: string, id: string) {
  const [row] = await db
    .select()
    .from(candidateProfiles)
    .where(and(eq(candidateProfiles.municipalityId, municipalityId), eq(candidateProfiles.id, id)));
  return row ?? null;
}

export async function poolOf(db: DbOrTx, municipalityId: string) {
  return db
    .select()
    .from(candidateProfiles)
    .where(eq(candidateProfiles.municipalityId, municipalityId));
}

export async function upsertProfile(db: DbOrTx, values: typeof candidateProfiles.$inferInsert) {
  await db
    .insert(candidateProfiles)
    .values(values)
    .onConflictDoUpdate({
      target: candidateProfiles.citizenId,
      set: { pitch: values.pitch, languages: values.languages, workAreas: values.workAreas },
    });
}

export async function setCv(db: DbOrTx, profileId: string, cvBase64: string, cvName: string) {
  await db
    .update(candidateProfiles)
    .set({ cvBase64, cvName })
    .where(eq(candidateProfiles.id, profileId));
}

/** Leaving the pool deletes the profile (pitch and CV) and every request about the citizen. */
export async function deleteProfile(db: DbOrTx, municipalityId: string, citizenId: string) {
  await db
    .delete(contactRequests)
    .where(
      and(
        eq(contactRequests.municipalityId, municipalityId),
        eq(contactRequests.citizenId, citizenId),
      ),
    );
  await db
    .delete(candidateProfiles)
    .where(
      and(
        eq(candidateProfiles.municipalityId, municipalityId),
        eq(candidateProfiles.citizenId, citizenId),
      ),
    );
}

export async function requestsOfCitizen(db: DbOrTx, municipalityId: string, citizenId: string) {
  return db
    .select()
    .from(contactRequests)
    .where(
      and(
        eq(contactRequests.municipalityId, municipalityId),
        eq(contactRequests.citizenId, citizenId),
      ),
    );
}

export async function requestsOfRole(db: DbOrTx, municipalityId: string, roleId: string) {
  return db
    .select()
    .from(contactRequests)
    .where(
      and(eq(contactRequests.municipalityId, municipalityId), eq(contactRequests.roleId, roleId)),
    );
}

export async function requestsOfRoles(db: DbOrTx, municipalityId: string, roleIds: string[]) {
  if (roleIds.length === 0) return [];
  return db
    .select()
    .from(contactRequests)
    .where(
      and(
        eq(contactRequests.municipalityId, municipalityId),
        inArray(contactRequests.roleId, roleIds),
      ),
    );
}

export async function upsertRequest(db: DbOrTx, values: typeof contactRequests.$inferInsert) {
  await db
    .insert(contactRequests)
    .values(values)
    .onConflictDoUpdate({
      target: [contactRequests.roleId, contactRequests.citizenId],
      set: { status: values.status, sentAt: values.sentAt ?? null },
    });
}

export async function answerRequest(
  db: DbOrTx,
  id: string,
  status: 'accepted' | 'declined',
  at: Date,
) {
  await db
    .update(contactRequests)
    .set({ status, answeredAt: at })
    .where(eq(contactRequests.id, id));
}

/** Every contact request a citizen accepted: the company and the day of the answer. */
export async function acceptedContacts(db: DbOrTx, municipalityId: string) {
  return db
    .select({
      citizenId: contactRequests.citizenId,
      companyId: contactRequests.companyId,
      on: copenhagenDaySql(
        sql`coalesce(${contactRequests.answeredAt}, ${contactRequests.createdAt})`,
      ),
    })
    .from(contactRequests)
    .where(
      and(
        eq(contactRequests.municipalityId, municipalityId),
        eq(contactRequests.status, 'accepted'),
      ),
    );
}
