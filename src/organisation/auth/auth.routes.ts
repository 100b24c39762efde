import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { DomainError, unauthenticated } from '../../platform/errors';
import { type SessionUser } from './auth.contract';
import { SESSION_COOKIE, endSession, startSession } from './session.store';
import {
  DEVICE_COOKIE,
  DEVICE_COOKIE_DAYS,
  deviceCookie,
  knownDevice,
  loginWaitSeconds,
  recordAttempt,
  throttledError,
} from './login-throttle';
import type { Actor } from '../../platform/auth/roles';
import { findMunicipality, findUserById, updateUser } from '../organisation.store';
import type { DbOrTx } from '../../platform/db/client';
import { clock } from '../../platform/clock';
import { route } from '../../platform/http/route';
import { authApi } from './auth.contract';

async function sessionUser(db: DbOrTx, actor: Actor, capabilities: string[]): Promise<SessionUser> {
  const m = await findMunicipality(db, actor.municipalityId);
  return {
    id: actor.userId,
    name: actor.name,
    email: actor.email,
    roles: [...actor.roles],
    locale: actor.locale,
    municipality: { id: actor.municipalityId, name: m?.name ?? '' },
    capabilities,
  };
}

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;

  route(app, authApi.login, async (request, reply) => {
    const { email, password } = request.body;
    const accountKey = ctx.cipher.hash(`email:${email.trim().toLowerCase()}`);
    const attempt = {
      accountKey,
      ip: request.ip,
      device: knownDevice(ctx.cipher, accountKey, request.cookies[DEVICE_COOKIE]),
    };
    const wait = await loginWaitSeconds(ctx.db, attempt);
    if (wait > 0) throw throttledError(wait);
    const authenticator = ctx.authenticators.get('password');
    if (!authenticator || authenticator.kind !== 'credentials')
      throw new Error('no password login');
    const userId = await authenticator.verify(ctx.db, { email, password });
    await recordAttempt(ctx.db, 'login', attempt, userId !== null);
    if (!userId)
      throw new DomainError('unauthenticated', 'invalid_credentials', 'invalid_credentials');

    // A session cookie sent along with the login (fixation attempt or stale) is ended.
    const old = request.cookies[SESSION_COOKIE];
    if (old) await endSession(ctx.db, old);

    const found = await findUserById(ctx.db, userId);
    if (!found)
      throw new DomainError('unauthenticated', 'invalid_credentials', 'invalid_credentials');
    const user = (await updateUser(ctx.db, found.municipalityId, found.id, {
      lastLoginAt: clock.now(),
    }))!;
    const { token } = await startSession(ctx.db, user, authenticator.id, {
      idleMinutes: ctx.settings.sessionIdleMinutes,
      maxHours: ctx.settings.sessionMaxHours,
    });
    reply.setCookie(SESSION_COOKIE, token, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: 'auto',
      maxAge: ctx.settings.sessionMaxHours * 3600,
    });
    // This device has now logged in to the account: its right password gets through later
    // even while someone else is guessing at the account.
    reply.setCookie(
      DEVICE_COOKIE,
      deviceCookie(ctx.cipher, accountKey, attempt.device ?? undefined),
      {
        path: '/api/auth',
        httpOnly: true,
        sameSite: 'lax',
        secure: 'auto',
        maxAge: DEVICE_COOKIE_DAYS * 86400,
      },
    );
    const actor: Actor = {
      userId: user.id,
      municipalityId: user.municipalityId,
      roles: user.roles as Actor['roles'],
      name: user.name,
      email: user.email,
      locale: user.locale === 'en' ? 'en' : 'da',
      sessionId: '',
    };
    return { user: await sessionUser(ctx.db, actor, app.capabilitiesOf(actor)) };
  });

  route(app, authApi.logout, async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token) await endSession(ctx.db, token);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.code(204).send(null);
  });

  route(app, authApi.currentSession, async (request) => ({
    user: request.actor
      ? await sessionUser(ctx.db, request.actor, app.capabilitiesOf(request.actor))
      : null,
  }));

  route(app, authApi.updatePreferences, async (request) => {
    const actor = request.actor;
    if (!actor) throw unauthenticated();
    await updateUser(ctx.db, actor.municipalityId, actor.userId, { locale: request.body.locale });
    const changed = { ...actor, locale: request.body.locale };
    return { user: await sessionUser(ctx.db, changed, app.capabilitiesOf(changed)) };
  });
};
