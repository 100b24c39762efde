// Logging in through a provider over HTTP: the browser is sent to the provider and comes back;
// a refusal sends it to the login page with the reason (never a personal detail in the URL).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../platform/auth/roles';
import { inTransaction } from '../platform/http/use-case';
import { route } from '../platform/http/route';
import { SESSION_COOKIE, endSessionById, setSessionCookie } from '../organisation';
import { signinApi } from './signin.contract';
import {
  LoginRefused,
  checkProvider,
  completeMitid,
  completeOidc,
  loginMethods,
  mitidLogout,
  mitidMetadata,
  readLoginSettings,
  setLoginSettings,
  startMitid,
  startOidc,
} from './signin.use-cases';

const STATE_COOKIE = 'dl_sso_state';
const STATE_PATH = '/api/signin/oidc';

const rawQuery = (request: FastifyRequest) => {
  const url = request.raw.url ?? '';
  const at = url.indexOf('?');
  return at < 0 ? '' : url.slice(at + 1);
};

export const signinRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;
  const capabilitiesOf = (actor: Actor) => app.capabilitiesOf(actor);
  const to = (reply: FastifyReply, path: string) =>
    reply.redirect(path.startsWith('http') ? path : `${ctx.settings.publicUrl}${path}`, 303);
  /** A refused login lands on the login page, which explains the reason. */
  const refused = (reply: FastifyReply, err: unknown) => {
    if (!(err instanceof LoginRefused)) throw err;
    return to(reply, `/login?fejl=${encodeURIComponent(err.reason)}`);
  };

  // NemLog-in posts its response as a form (HTTP-POST binding).
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: 600 * 1024 },
    (_req, body, done) => done(null, Object.fromEntries(new URLSearchParams(String(body)))),
  );

  route(app, signinApi.methods, async () => loginMethods(ctx));

  route(app, signinApi.getSettings, async (request) =>
    inTransaction(ctx.db, request, (uc) => readLoginSettings(uc, ctx)),
  );
  route(app, signinApi.putSettings, async (request) =>
    inTransaction(ctx.db, request, (uc) => setLoginSettings(uc, ctx, request.body)),
  );
  route(app, signinApi.checkProvider, async (request) =>
    inTransaction(ctx.db, request, (uc) => checkProvider(uc, ctx, request.body.provider)),
  );

  route(app, signinApi.mitidMetadata, async (request, reply) =>
    reply
      .header('content-type', 'application/samlmetadata+xml; charset=utf-8')
      .send(await mitidMetadata(ctx, request.params.code)),
  );

  route(app, signinApi.mitidStart, async (request, reply) =>
    to(reply, await startMitid(ctx, request.params.code, request.query.next)),
  );

  route(app, signinApi.mitidAcs, async (request, reply) => {
    try {
      const done = await completeMitid(
        ctx,
        capabilitiesOf,
        request.params.code,
        request.body,
        request.cookies[SESSION_COOKIE],
      );
      setSessionCookie(reply, done.sessionToken, ctx.settings.sessionMaxHours);
      return to(reply, done.next);
    } catch (err) {
      return refused(reply, err);
    }
  });

  route(app, signinApi.mitidSlo, async (request, reply) => {
    const own = request.cookies[SESSION_COOKIE];
    const next = await mitidLogout(
      ctx,
      request.params.code,
      request.query,
      rawQuery(request),
      async (ids) => {
        for (const id of ids) await endSessionById(ctx.db, id);
      },
    );
    // Whichever side began it, this browser's session is over.
    if (own) reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return to(reply, next);
  });

  route(app, signinApi.oidcStart, async (request, reply) => {
    try {
      const started = await startOidc(ctx, request.params.code, request.query.next);
      reply.setCookie(STATE_COOKIE, started.state, {
        path: STATE_PATH,
        httpOnly: true,
        sameSite: 'lax',
        secure: 'auto',
        maxAge: 15 * 60,
      });
      return to(reply, started.url);
    } catch (err) {
      return refused(reply, err);
    }
  });

  route(app, signinApi.oidcCallback, async (request, reply) => {
    const browserState = request.cookies[STATE_COOKIE];
    reply.clearCookie(STATE_COOKIE, { path: STATE_PATH });
    try {
      const done = await completeOidc(ctx, capabilitiesOf, {
        state: request.query.state,
        error: request.query.error,
        browserState,
        rawQuery: rawQuery(request),
        oldSession: request.cookies[SESSION_COOKIE],
      });
      setSessionCookie(reply, done.sessionToken, ctx.settings.sessionMaxHours);
      return to(reply, done.next);
    } catch (err) {
      return refused(reply, err);
    }
  });
};
