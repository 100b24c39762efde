// Logging in and out, and the session a caller sees. Cookies are the route's business; this
// decides who gets in (throttling, the authenticator, ending a stale session) and what they see.
import type { AppContext } from '../../platform/context';
import type { Actor } from '../../platform/auth/roles';
import type { Capability } from '../../platform/auth/capabilities';
import type { DbOrTx } from '../../platform/db/client';
import { DomainError } from '../../platform/errors';
import { clock } from '../../platform/clock';
import { writeAudit } from '../../platform/audit';
import type { SessionUser } from './auth.contract';
import { endSession, startSession } from './session.store';
import {
  deviceCookie,
  knownDevice,
  loginWaitSeconds,
  recordAttempt,
  throttledError,
} from './login-throttle';
import { findMunicipality, findUserById, updateUser } from '../organisation.store';

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

  if (input.oldSession) await endSession(ctx.db, input.oldSession);
  const found = await findUserById(ctx.db, userId);
  if (!found) throw refused();
  const user = await updateUser(ctx.db, found.municipalityId, found.id, {
    lastLoginAt: clock.now(),
    lastLoginMethod: authenticator.id,
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
      details: { method: authenticator.id },
    },
  );
  const { token } = await startSession(ctx.db, user, authenticator.id, {
    idleMinutes: ctx.settings.sessionIdleMinutes,
    maxHours: ctx.settings.sessionMaxHours,
  });
  const actor: Actor = {
    userId: user.id,
    municipalityId: user.municipalityId,
    roles: user.roles,
    name: user.name,
    email: user.email,
    locale: user.locale === 'en' ? 'en' : 'da',
    sessionId: '',
  };
  return {
    user: await sessionUser(ctx.db, actor, capabilitiesOf),
    sessionToken: token,
    deviceToken: deviceCookie(ctx.cipher, accountKey, attempt.device ?? undefined),
  };
}

export async function logOut(db: DbOrTx, sessionToken: string | undefined): Promise<void> {
  if (sessionToken) await endSession(db, sessionToken);
}

export async function changeLocale(
  db: DbOrTx,
  actor: Actor,
  locale: 'da' | 'en',
  capabilitiesOf: CapabilitiesOf,
): Promise<SessionUser> {
  await updateUser(db, actor.municipalityId, actor.userId, { locale });
  return sessionUser(db, { ...actor, locale }, capabilitiesOf);
}
