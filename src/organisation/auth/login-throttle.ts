// Guesses counted in the database, so every app process behind a load balancer sees the same
// numbers; the rules themselves are pure (throttle.model.ts).
import crypto from 'node:crypto';
import { and, asc, eq, gt, or } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client';
import type { CprCipher } from '../../platform/crypto/cpr-cipher';
import { tooManyRequests } from '../../platform/errors';
import { loginAttempts } from './auth.schema';
import { clock } from '../../platform/clock';
import {
  WINDOW_MINUTES,
  loginWait,
  testCodeWait,
  type Attempt,
  type PastAttempt,
  type ThrottleKind,
} from '../../platform/auth/throttle.model';

export const DEVICE_COOKIE = 'dl_device';
export const DEVICE_COOKIE_DAYS = 365;

async function recent(
  db: DbOrTx,
  kind: ThrottleKind,
  attempt: Partial<Attempt> & { ip: string },
): Promise<PastAttempt[]> {
  const since = new Date(clock.ms() - WINDOW_MINUTES * 60_000);
  const who = [eq(loginAttempts.ip, attempt.ip)];
  if (attempt.accountKey) who.push(eq(loginAttempts.accountKey, attempt.accountKey));
  if (attempt.device) who.push(eq(loginAttempts.device, attempt.device));
  return db
    .select({
      accountKey: loginAttempts.accountKey,
      ip: loginAttempts.ip,
      device: loginAttempts.device,
      succeeded: loginAttempts.succeeded,
      at: loginAttempts.at,
    })
    .from(loginAttempts)
    .where(and(eq(loginAttempts.kind, kind), gt(loginAttempts.at, since), or(...who)))
    .orderBy(asc(loginAttempts.at), asc(loginAttempts.id));
}

/** Seconds this login must wait before it is even checked (0: check it now). */
export async function loginWaitSeconds(db: DbOrTx, attempt: Attempt): Promise<number> {
  return loginWait(attempt, await recent(db, 'login', attempt), clock.now());
}

/** Seconds a test code from this address must wait. */
export async function testCodeWaitSeconds(db: DbOrTx, ip: string): Promise<number> {
  return testCodeWait(ip, await recent(db, 'test_code', { ip }), clock.now());
}

export async function recordAttempt(
  db: DbOrTx,
  kind: ThrottleKind,
  attempt: Attempt,
  succeeded: boolean,
): Promise<void> {
  await db.insert(loginAttempts).values({ kind, ...attempt, succeeded });
}

/** The 429 answer for a caller who must wait, with Retry-After. */
export const throttledError = (seconds: number) => tooManyRequests('too_many_attempts', seconds);

/**
 * A device's proof that it has logged in to an account before: a random id and a keyed MAC
 * binding it to the account (keyed with the installation's secret, so it cannot be made
 * elsewhere). It only lets the right password through while others guess at the account.
 */
export function deviceCookie(cipher: CprCipher, accountKey: string, id = newDeviceId()): string {
  return `${id}.${cipher.hash(`device:${id}:${accountKey}`)}`;
}

/** The device id from a cookie, if it was made for this account. */
export function knownDevice(
  cipher: CprCipher,
  accountKey: string,
  cookie: string | undefined,
): string | null {
  if (!cookie) return null;
  const [id, mac] = cookie.split('.');
  if (!id || !mac || !/^[A-Za-z0-9_-]{16,64}$/.test(id)) return null;
  const expected = cipher.hash(`device:${id}:${accountKey}`);
  const a = Buffer.from(mac);
  const b = Buffer.from(expected);
  return a.length === b.length && crypto.timingSafeEqual(a, b) ? id : null;
}

const newDeviceId = () => crypto.randomBytes(18).toString('base64url');
