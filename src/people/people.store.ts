import { and, asc, desc, eq, ilike, inArray, isNull, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/client';
import { citizenNotes, citizens } from './people.schema';
import { userNames } from '../organisation';
import { clock } from '../platform/clock';
import { copenhagenDaySql } from '../platform/db/days';

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

/** Gives a citizen their own login (MitID's first visit); only where they have none yet. */
export async function linkCitizenLogin(
  db: DbOrTx,
  municipalityId: string,
  citizenId: string,
  userId: string,
): Promise<boolean> {
  const rows = await db
    .update(citizens)
    .set({ userId })
    .where(
      and(
        eq(citizens.municipalityId, municipalityId),
        eq(citizens.id, citizenId),
        isNull(citizens.userId),
      ),
    )
    .returning({ id: citizens.id });
  return rows.length > 0;
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
  const notes = await db
    .select({
      id: citizenNotes.id,
      body: citizenNotes.body,
      createdAt: citizenNotes.createdAt,
      authorId: citizenNotes.authorId,
    })
    .from(citizenNotes)
    .where(
      and(eq(citizenNotes.municipalityId, municipalityId), eq(citizenNotes.citizenId, citizenId)),
    )
    .orderBy(desc(citizenNotes.createdAt));
  const names = await userNames(
    db,
    notes.map((n) => n.authorId),
  );
  return notes.map(({ authorId, ...n }) => ({ ...n, authorName: names.get(authorId) ?? '' }));
}

export async function insertNote(db: DbOrTx, values: typeof citizenNotes.$inferInsert) {
  const [row] = await db.insert(citizenNotes).values(values).returning();
  return row!;
}

export async function caseworkerName(db: DbOrTx, id: string | null) {
  if (!id) return null;
  const name = (await userNames(db, [id])).get(id);
  return name === undefined ? null : { id, name };
}

// Reads other areas make of citizens: they hold citizen ids as foreign keys and never join
// the citizens table themselves.

/** These citizens of the municipality, by id (in slices: PostgreSQL takes ≤ 65,535 parameters). */
export async function citizensByIds(
  db: DbOrTx,
  municipalityId: string,
  ids: readonly string[],
): Promise<Map<string, CitizenRow>> {
  const unique = [...new Set(ids)];
  const out = new Map<string, CitizenRow>();
  for (let at = 0; at < unique.length; at += 10_000) {
    const rows = await db
      .select()
      .from(citizens)
      .where(
        and(
          eq(citizens.municipalityId, municipalityId),
          inArray(citizens.id, unique.slice(at, at + 10_000)),
        ),
      );
    for (const r of rows) out.set(r.id, r);
  }
  return out;
}

/** The municipality's citizens by keyed CPR hash, for matching register rows to records. */
export async function citizenIdsByCprHash(
  db: DbOrTx,
  municipalityId: string,
): Promise<Map<string, string>> {
  const rows = await db
    .select({ id: citizens.id, hash: citizens.cprHash })
    .from(citizens)
    .where(eq(citizens.municipalityId, municipalityId));
  return new Map(rows.map((r) => [r.hash, r.id]));
}

/**
 * Every citizen of a municipality as the strategy's follow-up counts them: the caseworker (whose
 * site the citizen belongs to), the day they were registered, the day they were flagged as
 * digitally vulnerable. No names, no CPR.
 */
export async function followUpCitizens(db: DbOrTx, municipalityId: string) {
  return db
    .select({
      id: citizens.id,
      caseworkerId: citizens.caseworkerId,
      educationLevel: citizens.educationLevel,
      registeredOn: copenhagenDaySql(citizens.createdAt),
      flaggedOn: sql<
        string | null
      >`case when ${citizens.digitallyVulnerable} then ${copenhagenDaySql(sql`coalesce(${citizens.vulnerableFlaggedAt}, ${citizens.createdAt})`)} end`,
    })
    .from(citizens)
    .where(eq(citizens.municipalityId, municipalityId));
}
