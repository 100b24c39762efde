import { and, asc, desc, eq, ilike, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/client';
import { citizenNotes, citizens } from './people.schema';
import { users } from '../organisation';
import { clock } from '../platform/clock';

export type CitizenRow = typeof citizens.$inferSelect;

function likePattern(q: string) {
  return `%${q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
}

/** A caseworker's caseload: filtered in the query, never after. */
export async function listCaseload(
  db: DbOrTx,
  scope: { municipalityId: string; caseworkerId: string },
  filter: { q?: string; vulnerable?: boolean },
) {
  const conds = [
    eq(citizens.municipalityId, scope.municipalityId),
    eq(citizens.caseworkerId, scope.caseworkerId),
  ];
  if (filter.vulnerable !== undefined)
    conds.push(eq(citizens.digitallyVulnerable, filter.vulnerable));
  if (filter.q) {
    const p = likePattern(filter.q);
    conds.push(
      or(
        ilike(citizens.firstName, p),
        ilike(citizens.lastName, p),
        ilike(sql`${citizens.firstName} || ' ' || ${citizens.lastName}`, p),
        ilike(citizens.employmentGoal, p),
      )!,
    );
  }
  return db
    .select()
    .from(citizens)
    .where(and(...conds))
    .orderBy(asc(citizens.lastName), asc(citizens.firstName))
    .limit(1000);
}

export async function findCitizen(
  db: DbOrTx,
  municipalityId: string,
  id: string,
): Promise<CitizenRow | null> {
  const [row] = await db
    .select()
    .from(citizens)
    .where(and(eq(citizens.municipalityId, municipalityId), eq(citizens.id, id)));
  return row ?? null;
}

export async function findCitizenByUser(db: DbOrTx, municipalityId: string, userId: string) {
  const [row] = await db
    .select()
    .from(citizens)
    .where(and(eq(citizens.municipalityId, municipalityId), eq(citizens.userId, userId)));
  return row ?? null;
}

export async function findCitizenByCprHash(db: DbOrTx, municipalityId: string, cprHash: string) {
  const [row] = await db
    .select()
    .from(citizens)
    .where(and(eq(citizens.municipalityId, municipalityId), eq(citizens.cprHash, cprHash)));
  return row ?? null;
}

export async function insertCitizen(db: DbOrTx, values: typeof citizens.$inferInsert) {
  const [row] = await db.insert(citizens).values(values).returning();
  return row!;
}

export async function updateCitizen(
  db: DbOrTx,
  municipalityId: string,
  id: string,
  values: Partial<typeof citizens.$inferInsert>,
) {
  const [row] = await db
    .update(citizens)
    .set({ ...values, updatedAt: clock.now() })
    .where(and(eq(citizens.municipalityId, municipalityId), eq(citizens.id, id)))
    .returning();
  return row!;
}

export async function listNotes(db: DbOrTx, municipalityId: string, citizenId: string) {
  return db
    .select({
      id: citizenNotes.id,
      body: citizenNotes.body,
      createdAt: citizenNotes.createdAt,
      authorName: users.name,
    })
    .from(citizenNotes)
    .innerJoin(users, eq(users.id, citizenNotes.authorId))
    .where(
      and(eq(citizenNotes.municipalityId, municipalityId), eq(citizenNotes.citizenId, citizenId)),
    )
    .orderBy(desc(citizenNotes.createdAt));
}

export async function insertNote(db: DbOrTx, values: typeof citizenNotes.$inferInsert) {
  const [row] = await db.insert(citizenNotes).values(values).returning();
  return row!;
}

export async function caseworkerName(db: DbOrTx, id: string | null) {
  if (!id) return null;
  const [row] = await db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(eq(users.id, id));
  return row ?? null;
}
