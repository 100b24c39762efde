// Logging in and out, and the session a caller sees. Cookies are the route's business; this
// decides who gets in (throttling, the authenticator, ending a stale session) and what they see.
import type { AppContext } from '../../platform/context';
import type { Actor } from '../../platform/auth/roles';
import type { Capability } from '../../platform/auth/capabilities';
import type { DbOrTx } from '../../platform/db/client';
import { DomainError } from '../../platform/errors';
import { clock } from '../../platform/clock';
import { writeAudit } from '../../platform/audit';
import { isPageLang, type PageLang } from '../../platform/i18n/languages.constants';
import type { SessionUser } from './auth.contract';
import { endSession, findSession, startSession } from './session.store';
import {
  deviceCookie,
  knownDevice,
  loginWaitSeconds,
  recordAttempt,
  throttledError,
} from './login-throttle';
import { findMunicipality, findUserById, updateUser, type UserRow } from '../organisation.store';

type CapabilitiesOf = (actor: Actor) => Capability[];

export async function sessionUser(
  db: DbOrTx,
  actor: Actor,
  capabilitiesOf: CapabilitiesOf,
): Promise<SessionUser> {
  const m = await findMunicipality(db, actor.municipalityId);
  return {
    id: actor.userId,
    name: actor.name,
    email: actor.email,
    roles: [...actor.roles],
    locale: actor.locale,
    municipality: { id: actor.municipalityId, name: m?.name ?? '' },
    capabilities: capabilitiesOf(actor),
  };
}

const refused = () =>
  new DomainError('unauthenticated', 'invalid_credentials', 'invalid_credentials');

export interface LoginAttempt {
  email: string;
  password: string;
  ip: string;
  /** The device cookie this browser holds, if any. */
  device: string | undefined;
  /** A session cookie sent along with the login (a fixation attempt, or stale): it is ended. */
  oldSession: string | undefined;
}

export interface LoggedIn {
  user: SessionUser;
  sessionToken: string;
  /** This device has now logged in to the account (see login-throttle.ts). */
  deviceToken: string;
}

export async function logIn(
  ctx: Pick<AppContext, 'db' | 'cipher' | 'authenticators' | 'settings'>,
  capabilitiesOf: CapabilitiesOf,
  input: LoginAttempt,
): Promise<LoggedIn> {
  const accountKey = ctx.cipher.hash(`email:${input.email.trim().toLowerCase()}`);
  const attempt = {
    accountKey,
    ip: input.ip,
    device: knownDevice(ctx.cipher, accountKey, input.device),
  };
  const wait = await loginWaitSeconds(ctx.db, attempt);
  if (wait > 0) throw throttledError(wait);
  const authenticator = ctx.authenticators.get('password');
  if (!authenticator || authenticator.kind !== 'credentials') throw new Error('no password login');
  const userId = await authenticator.verify(ctx.db, input);
  await recordAttempt(ctx.db, 'login', attempt, userId !== null);
  if (!userId) throw refused();

  const found = await findUserById(ctx.db, userId);
  if (!found) throw refused();
  const opened = await openSession(ctx, capabilitiesOf, found, authenticator.id, input.oldSession);
  return {
    ...opened,
    deviceToken: deviceCookie(ctx.cipher, accountKey, attempt.device ?? undefined),
  };
}

/**
 * Lets a user in by a method that has proved who they are (a password, MitID, single sign-on):
 * ends the session the browser came with, notes the login and its method, audits it, and
 * starts a fresh session.
 */
export async function openSession(
  ctx: Pick<AppContext, 'db' | 'settings'>,
  capabilitiesOf: CapabilitiesOf,
  found: UserRow,
  method: string,
  oldSession: string | undefined,
): Promise<{ user: SessionUser; sessionToken: string; sessionId: string }> {
  if (!found.active) throw refused();
  if (oldSession) await endSession(ctx.db, oldSession);
  const user = await updateUser(ctx.db, found.municipalityId, found.id, {
    lastLoginAt: clock.now(),
    lastLoginMethod: method,
  });
  if (!user) throw refused();
  // Logins by method, for the municipality's own review.
  await writeAudit(
    ctx.db,
    { municipalityId: user.municipalityId, actorId: user.id, actorRole: user.roles[0] ?? 'user' },
    {
      action: 'auth.login',
      entity: 'user',
      entityId: user.id,
      purpose: 'administration',
      details: { method },
    },
  );
  const { token, id } = await startSession(ctx.db, user, method, {
    idleMinutes: ctx.settings.sessionIdleMinutes,
    maxHours: ctx.settings.sessionMaxHours,
  });
  const actor: Actor = {
    userId: user.id,
    municipalityId: user.municipalityId,
    roles: user.roles,
    name: user.name,
    email: user.email,
    locale: isPageLang(user.locale) ? user.locale : 'da',
    sessionId: id,
  };
  return {
    user: await sessionUser(ctx.db, actor, capabilitiesOf),
    sessionToken: token,
    sessionId: id,
  };
}

/**
 * Ends the session; where a provider (MitID, the municipality's login) started it, says where
 * the browser goes to end the provider's session too.
 */
export async function logOut(
  ctx: Pick<AppContext, 'db' | 'authenticators'>,
  sessionToken: string | undefined,
): Promise<{ next: string | null }> {
  if (!sessionToken) return { next: null };
  const session = await findSession(ctx.db, sessionToken);
  const authenticator = session ? ctx.authenticators.get(session.provider) : undefined;
  const next =
    session && authenticator?.kind === 'redirect'
      ? await authenticator.logoutUrl(ctx.db, session.id)
      : null;
  await endSession(ctx.db, sessionToken);
  return { next };
}

export async function changeLocale(
  db: DbOrTx,
  actor: Actor,
  locale: PageLang,
  capabilitiesOf: CapabilitiesOf,
): Promise<SessionUser> {
  await updateUser(db, actor.municipalityId, actor.userId, { locale });
  return sessionUser(db, { ...actor, locale }, capabilitiesOf);
}
