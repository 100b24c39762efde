// Login, logout and the session over HTTP: the use cases decide (auth.use-cases.ts); the route
// sets and clears the cookies.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { unauthenticated } from '../../platform/errors';
import type { Actor } from '../../platform/auth/roles';
import { route } from '../../platform/http/route';
import { authApi } from './auth.contract';
import { SESSION_COOKIE } from './session.store';
import { setSessionCookie } from './session-cookie';
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
    setSessionCookie(reply, done.sessionToken, ctx.settings.sessionMaxHours);
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
    const done = await logOut(ctx, request.cookies[SESSION_COOKIE]);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return done;
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
