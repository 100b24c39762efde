import { and, asc, eq, ilike, inArray, isNotNull, or, sql, arrayContains } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/client';
import { mailSettings, municipalities, sites, users } from './organisation.schema';
import type { Role } from '../platform/auth/roles';
import { clock } from '../platform/clock';

export type UserRow = typeof users.$inferSelect;
export type SiteRow = typeof sites.$inferSelect;
export type MunicipalityRow = typeof municipalities.$inferSelect;

export async function findMunicipality(db: DbOrTx, id: string): Promise<MunicipalityRow | null> {
  const [row] = await db.select().from(municipalities).where(eq(municipalities.id, id));
  return row ?? null;
}

export async function findMunicipalityByCode(db: DbOrTx, code: string) {
  const [row] = await db.select().from(municipalities).where(eq(municipalities.code, code));
  return row ?? null;
}

export async function listMunicipalities(db: DbOrTx): Promise<MunicipalityRow[]> {
  return db.select().from(municipalities).orderBy(asc(municipalities.name));
}

export async function setPasswordLogin(db: DbOrTx, id: string, passwordLogin: boolean) {
  await db.update(municipalities).set({ passwordLogin }).where(eq(municipalities.id, id));
}

export async function insertMunicipality(db: DbOrTx, values: typeof municipalities.$inferInsert) {
  const [row] = await db.insert(municipalities).values(values).returning();
  return row!;
}

/**
 * The users with this e-mail, in every municipality: an address is unique within one
 * municipality only (someone may work for two), and whether it is in use elsewhere is none
 * of another municipality's business.
 */
export async function findUsersByEmail(db: DbOrTx, email: string): Promise<UserRow[]> {
  return db
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = ${email.trim().toLowerCase()}`)
    .orderBy(asc(users.createdAt), asc(users.id));
}

/**
 * The active users with this e-mail and a password, in municipalities that let people log in
 * with one (the oldest account first).
 */
export async function passwordUsersByEmail(db: DbOrTx, email: string): Promise<UserRow[]> {
  const rows = await db
    .select({ user: users })
    .from(users)
    .innerJoin(municipalities, eq(municipalities.id, users.municipalityId))
    .where(
      and(
        sql`lower(${users.email}) = ${email.trim().toLowerCase()}`,
        eq(users.active, true),
        isNotNull(users.passwordHash),
        eq(municipalities.passwordLogin, true),
      ),
    )
    .orderBy(asc(users.createdAt), asc(users.id));
  return rows.map((r) => r.user);
}

export async function findUserByEmail(
  db: DbOrTx,
  municipalityId: string,
  email: string,
): Promise<UserRow | null> {
  const [row] = await db
    .select()
    .from(users)
    .where(
      and(
        eq(users.municipalityId, municipalityId),
        sql`lower(${users.email}) = ${email.trim().toLowerCase()}`,
      ),
    );
  return row ?? null;
}

export async function findUserById(db: DbOrTx, id: string): Promise<UserRow | null> {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  return row ?? null;
}

/** Whether the address is in use by another user of the same municipality. */
export async function emailTaken(
  db: DbOrTx,
  municipalityId: string,
  email: string,
  exceptId?: string,
): Promise<boolean> {
  const row = await findUserByEmail(db, municipalityId, email);
  return row !== null && row.id !== exceptId;
}

export async function findUser(db: DbOrTx, municipalityId: string, id: string) {
  const [row] = await db
    .select()
    .from(users)
    .where(and(eq(users.municipalityId, municipalityId), eq(users.id, id)));
  return row ?? null;
}

export async function listUsers(
  db: DbOrTx,
  municipalityId: string,
  filter: { q?: string; role?: Role; includeInactive?: boolean },
) {
  const conds = [eq(users.municipalityId, municipalityId)];
  if (!filter.includeInactive) conds.push(eq(users.active, true));
  if (filter.role) conds.push(arrayContains(users.roles, [filter.role]));
  if (filter.q) {
    const like = `%${filter.q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
    conds.push(or(ilike(users.name, like), ilike(users.email, like))!);
  }
  return db
    .select()
    .from(users)
    .where(and(...conds))
    .orderBy(asc(users.name))
    .limit(500);
}

export async function insertUser(db: DbOrTx, values: typeof users.$inferInsert) {
  const [row] = await db.insert(users).values(values).returning();
  return row!;
}

export async function updateUser(
  db: DbOrTx,
  municipalityId: string,
  id: string,
  values: Partial<typeof users.$inferInsert>,
) {
  const [row] = await db
    .update(users)
    .set({ ...values, updatedAt: clock.now() })
    .where(and(eq(users.municipalityId, municipalityId), eq(users.id, id)))
    .returning();
  return row ?? null;
}

export async function listSites(db: DbOrTx, municipalityId: string) {
  return db
    .select()
    .from(sites)
    .where(eq(sites.municipalityId, municipalityId))
    .orderBy(asc(sites.name));
}

export async function findSite(db: DbOrTx, municipalityId: string, id: string) {
  const [row] = await db
    .select()
    .from(sites)
    .where(and(eq(sites.municipalityId, municipalityId), eq(sites.id, id)));
  return row ?? null;
}

export async function siteNameTaken(
  db: DbOrTx,
  municipalityId: string,
  name: string,
  exceptId?: string,
) {
  const [row] = await db
    .select({ id: sites.id })
    .from(sites)
    .where(
      and(
        eq(sites.municipalityId, municipalityId),
        sql`lower(${sites.name}) = ${name.toLowerCase()}`,
      ),
    );
  return row !== undefined && row.id !== exceptId;
}

export async function insertSite(db: DbOrTx, values: typeof sites.$inferInsert) {
  const [row] = await db.insert(sites).values(values).returning();
  return row!;
}

export async function updateSite(
  db: DbOrTx,
  municipalityId: string,
  id: string,
  values: Partial<typeof sites.$inferInsert>,
) {
  const [row] = await db
    .update(sites)
    .set({ ...values, updatedAt: clock.now() })
    .where(and(eq(sites.municipalityId, municipalityId), eq(sites.id, id)))
    .returning();
  return row ?? null;
}

// Reads other areas make of users and sites: they never join these tables themselves.

/** Display names of these users (any municipality's ids are only ever our own foreign keys). */
export async function userNames(db: DbOrTx, ids: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(inArray(users.id, unique));
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function userLocale(db: DbOrTx, id: string): Promise<string | null> {
  const [row] = await db.select({ locale: users.locale }).from(users).where(eq(users.id, id));
  return row?.locale ?? null;
}

/** The language each of these users chose (users.locale), by user id; one query. */
export async function userLocales(
  db: DbOrTx,
  ids: readonly string[],
): Promise<Map<string, string | null>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: users.id, locale: users.locale })
    .from(users)
    .where(inArray(users.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r.locale]));
}

/**
 * Active users with a role, by name: in a municipality, or (null) only those among `among`,
 * ids the caller already holds as its own foreign keys.
 */
export async function activeUsersWithRole(
  db: DbOrTx,
  municipalityId: string | null,
  role: Role,
  among?: readonly string[],
): Promise<{ id: string; name: string }[]> {
  if (among && among.length === 0) return [];
  return db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(
      and(
        municipalityId === null ? undefined : eq(users.municipalityId, municipalityId),
        eq(users.active, true),
        sql`${role} = any(${users.roles})`,
        among ? inArray(users.id, [...among]) : undefined,
      ),
    )
    .orderBy(asc(users.name));
}

/** An active site with a digital workshop, found by id alone (public pages know only the id). */
export async function findWorkshopSite(db: DbOrTx, siteId: string): Promise<SiteRow | null> {
  const [row] = await db
    .select()
    .from(sites)
    .where(and(eq(sites.id, siteId), eq(sites.hasWorkshop, true), eq(sites.active, true)));
  return row ?? null;
}

export async function listWorkshopSites(db: DbOrTx, municipalityId: string): Promise<SiteRow[]> {
  return db
    .select()
    .from(sites)
    .where(
      and(
        eq(sites.municipalityId, municipalityId),
        eq(sites.hasWorkshop, true),
        eq(sites.active, true),
      ),
    )
    .orderBy(asc(sites.name));
}

export async function siteNames(db: DbOrTx, ids: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db
    .select({ id: sites.id, name: sites.name })
    .from(sites)
    .where(inArray(sites.id, unique));
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function sitePlaces(
  db: DbOrTx,
  ids: readonly string[],
): Promise<Map<string, { name: string; address: string }>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db
    .select({ id: sites.id, name: sites.name, address: sites.address })
    .from(sites)
    .where(inArray(sites.id, unique));
  return new Map(rows.map((r) => [r.id, { name: r.name, address: r.address }]));
}

export async function municipalityIds(db: DbOrTx): Promise<string[]> {
  const rows = await db.select({ id: municipalities.id }).from(municipalities);
  return rows.map((r) => r.id);
}

export async function hasMunicipalities(db: DbOrTx): Promise<boolean> {
  const [row] = await db.select({ id: municipalities.id }).from(municipalities).limit(1);
  return row !== undefined;
}

export type MailSettingsRow = typeof mailSettings.$inferSelect;

export async function findMailSettings(db: DbOrTx, municipalityId: string) {
  const [row] = await db
    .select()
    .from(mailSettings)
    .where(eq(mailSettings.municipalityId, municipalityId));
  return row ?? null;
}

export async function saveMailSettings(db: DbOrTx, values: typeof mailSettings.$inferInsert) {
  const [row] = await db
    .insert(mailSettings)
    .values(values)
    .onConflictDoUpdate({
      target: mailSettings.municipalityId,
      set: { ...values, municipalityId: undefined },
    })
    .returning();
  return row!;
}
