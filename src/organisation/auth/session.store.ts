import crypto from 'node:crypto';
import { and, eq, gt, lt, ne, or } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client';
import { sessions } from './auth.schema';
import { users } from '../organisation.schema';
import { ROLES, type Actor, type Role } from '../../platform/auth/roles';
import { clock } from '../../platform/clock';
import { isPageLang } from '../../platform/i18n/languages.constants';

export { SESSION_COOKIE } from '../../platform/http/app-constants';

export function tokenHash(token: string): string {
  return crypto.createHash('sha256').update(token).digest('base64url');
}

export interface SessionTimes {
  idleMinutes: number;
  maxHours: number;
}

/** Always a fresh id at login, so a session id planted before login is worthless. */
export async function startSession(
  db: DbOrTx,
  user: { id: string; municipalityId: string },
  provider: string,
  times: SessionTimes,
): Promise<{ token: string; id: string; expiresAt: Date }> {
  const token = crypto.randomBytes(32).toString('base64url');
  const id = tokenHash(token);
  const expiresAt = new Date(clock.ms() + times.maxHours * 3600_000);
  await db.insert(sessions).values({
    id,
    userId: user.id,
    municipalityId: user.municipalityId,
    provider,
    expiresAt,
  });
  // Housekeeping: expired sessions of this user go when they log in again.
  await db
    .delete(sessions)
    .where(and(eq(sessions.userId, user.id), lt(sessions.expiresAt, clock.now())));
  return { token, id, expiresAt };
}

/** The live session a cookie names, if any (its id is the token's hash). */
export async function findSession(db: DbOrTx, token: string) {
  const [row] = await db
    .select({ id: sessions.id, provider: sessions.provider, userId: sessions.userId })
    .from(sessions)
    .where(eq(sessions.id, tokenHash(token)));
  return row ?? null;
}

/** Ends one session by its id (a provider's logout names the session, not the cookie). */
export async function endSessionById(db: DbOrTx, id: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, id));
}

export async function endSession(db: DbOrTx, token: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, tokenHash(token)));
}

/** Ends every session of a user, but the one named in `except` (the caller's own). */
export async function endAllSessionsOf(db: DbOrTx, userId: string, except?: string): Promise<void> {
  await db
    .delete(sessions)
    .where(and(eq(sessions.userId, userId), except ? ne(sessions.id, except) : undefined));
}

export async function resolveSession(
  db: DbOrTx,
  token: string,
  times: SessionTimes,
): Promise<Actor | null> {
  const id = tokenHash(token);
  const now = clock.now();
  const idleCutoff = new Date(now.getTime() - times.idleMinutes * 60_000);
  const [row] = await db
    .select({
      sessionId: sessions.id,
      lastSeenAt: sessions.lastSeenAt,
      userId: users.id,
      municipalityId: users.municipalityId,
      roles: users.roles,
      name: users.name,
      email: users.email,
      locale: users.locale,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(
        eq(sessions.id, id),
        gt(sessions.expiresAt, now),
        gt(sessions.lastSeenAt, idleCutoff),
        eq(users.active, true),
      ),
    );
  if (!row) return null;
  // Sliding idle timeout without a write on every request.
  if (now.getTime() - row.lastSeenAt.getTime() > 60_000) {
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, id));
  }
  return {
    userId: row.userId,
    municipalityId: row.municipalityId,
    roles: row.roles.filter((r): r is Role => (ROLES as readonly string[]).includes(r)),
    name: row.name,
    email: row.email,
    locale: isPageLang(row.locale) ? row.locale : 'da',
    sessionId: row.sessionId,
  };
}

/** Deletes sessions that expired or went idle by `now`; says whose they were. */
export async function purgeExpiredSessions(db: DbOrTx, idleMinutes: number, now: Date) {
  const idleCutoff = new Date(now.getTime() - idleMinutes * 60_000);
  return db
    .delete(sessions)
    .where(or(lt(sessions.expiresAt, now), lt(sessions.lastSeenAt, idleCutoff)))
    .returning({ userId: sessions.userId, municipalityId: sessions.municipalityId });
}
