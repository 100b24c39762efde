// Login, logout and the session over HTTP: the use cases decide (auth.use-cases.ts); the route
// sets and clears the cookies.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { unauthenticated } from '../../platform/errors';
import type { Actor } from '../../platform/auth/roles';
import { route } from '../../platform/http/route';
import { authApi } from './auth.contract';
import { SESSION_COOKIE } from './session.store';
import { DEVICE_COOKIE, DEVICE_COOKIE_DAYS } from './login-throttle';
import { changeLocale, logIn, logOut, sessionUser } from './auth.use-cases';

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;
  const capabilitiesOf = (actor: Actor) => app.capabilitiesOf(actor);

  route(app, authApi.login, async (request, reply) => {
    const done = await logIn(ctx, capabilitiesOf, {
      ...request.body,
      ip: request.ip,
      device: request.cookies[DEVICE_COOKIE],
      oldSession: request.cookies[SESSION_COOKIE],
    });
    reply.setCookie(SESSION_COOKIE, done.sessionToken, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: 'auto',
      maxAge: ctx.settings.sessionMaxHours * 3600,
    });
    reply.setCookie(DEVICE_COOKIE, done.deviceToken, {
      path: '/api/auth',
      httpOnly: true,
      sameSite: 'lax',
      secure: 'auto',
      maxAge: DEVICE_COOKIE_DAYS * 86400,
    });
    return { user: done.user };
  });

  route(app, authApi.logout, async (request, reply) => {
    await logOut(ctx.db, request.cookies[SESSION_COOKIE]);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.code(204).send(null);
  });

  route(app, authApi.currentSession, async (request) => ({
    user: request.actor ? await sessionUser(ctx.db, request.actor, capabilitiesOf) : null,
  }));

  route(app, authApi.updatePreferences, async (request) => {
    const actor = request.actor;
    if (!actor) throw unauthenticated();
    return { user: await changeLocale(ctx.db, actor, request.body.locale, capabilitiesOf) };
  });
};
