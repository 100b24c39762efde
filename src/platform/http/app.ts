import fs from 'node:fs';
import path from 'node:path';
import Fastify, {
  type FastifyError,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
  type FastifyServerOptions,
  type RouteOptions,
} from 'fastify';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import {
  hasZodFastifySchemaValidationErrors,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { ZodType } from 'zod';
import {
  ar as zodAr,
  da as zodDa,
  en as zodEn,
  fa as zodFa,
  pl as zodPl,
  tr as zodTr,
  uk as zodUk,
  ur as zodUr,
} from 'zod/locales';
import type { AppContext } from '../context';
import { STATUS_OF, isDatabaseUnavailable } from './errors';
import { DomainError, databaseUnavailable, forbidden, notFound, unauthenticated } from '../errors';
import { describeAccess, type Access } from './access';
import { keyOf } from './endpoint';
import type { Actor } from '../auth/roles';
import type { Governance } from '../policy';
import type { Capability } from '../auth/capabilities';
import {
  isLang,
  isMessageKey,
  isPageLang,
  langFromHeader,
  t,
  type PageLang,
} from '../i18n/messages';
import { findControlCharacter } from './text-guard';
import { openApiDocument, openApiTransform } from './openapi';
import { healthRoutes } from './health.routes';
import { speechRoutes } from './speech.routes';
import type { AreaModule } from '../module';
import { LANG_COOKIE, PAGE_LANG_HEADER, SESSION_COOKIE, TEST_COOKIE } from './app-constants';
export { LANG_COOKIE, TEST_COOKIE };

export interface BuildOptions {
  logger?: FastifyServerOptions['logger'];
  loggerInstance?: FastifyServerOptions['loggerInstance'];
}

// Zod's own texts for the rare validation without a message of ours; Zod has no Somali, so
// Somali pages get the English one (our own messages cover the citizen pages' fields).
const zodLocales: Record<PageLang, ReturnType<typeof zodEn>> = {
  da: zodDa(),
  en: zodEn(),
  ar: zodAr(),
  so: zodEn(),
  tr: zodTr(),
  ur: zodUr(),
  fa: zodFa(),
  pl: zodPl(),
  uk: zodUk(),
};

/** The server: the platform's hooks and routes, then every area's routes and pages. */
export async function buildApp(
  ctx: AppContext,
  modules: readonly AreaModule[],
  opts: BuildOptions = {},
): Promise<FastifyInstance> {
  const app = Fastify({
    ...(opts.loggerInstance
      ? { loggerInstance: opts.loggerInstance }
      : { logger: opts.logger ?? false }),
    trustProxy: ctx.settings.trustProxy,
    bodyLimit: 1024 * 1024,
    routerOptions: { maxParamLength: 200 },
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('ctx', ctx);
  app.decorateRequest('actor', null);
  app.decorateRequest('actingRole', null);
  app.decorateRequest('lang', 'da');
  app.decorateRequest('pageLang', 'da');

  // Every route must say who may call it. Checked once all routes exist, so a route that
  // declares nothing stops the server from starting rather than being open by accident.
  const routes: RouteOptions[] = [];
  app.addHook('onRoute', (route) => {
    routes.push(route);
  });
  // Each capability is the access of the route it names (platform/auth/capabilities.ts).
  const capabilityAccess = new Map<Capability, Access>();
  app.addHook('onReady', async () => {
    const undeclared = routes.filter((r) => !r.config?.access);
    if (undeclared.length > 0) {
      const names = undeclared.map((r) => `${String(r.method)} ${r.url}`).join(', ');
      throw new Error(`Routes without an access declaration: ${names}`);
    }
    // Operations come from contracts (endpoint.ts) so the web client's types cannot drift.
    const uncontracted = routes.filter((r) => !r.schema?.hide && !r.config?.endpoint);
    if (uncontracted.length > 0) {
      const names = uncontracted.map((r) => `${String(r.method)} ${r.url}`).join(', ');
      throw new Error(`Routes not registered from an endpoint contract: ${names}`);
    }
    for (const m of modules)
      for (const [capability, ep] of Object.entries(m.capabilities ?? {})) {
        const routeKey = keyOf(ep);
        const route = routes.find((r) => `${String(r.method)} ${r.url}` === routeKey);
        if (!route?.config?.access)
          throw new Error(`Capability ${capability} names no route: ${routeKey}`);
        // Object.entries widens the keys of a Partial<Record<Capability, …>> to string.
        capabilityAccess.set(capability as Capability, route.config.access);
      }
  });
  app.decorate('capabilitiesOf', (actor: Actor | null): Capability[] =>
    [...capabilityAccess]
      .filter(([, a]) => allows(a, actor))
      .map(([c]) => c)
      .sort(),
  );
  app.decorate('routeTable', () =>
    routes.map((r) => ({
      method: String(r.method),
      url: r.url,
      access: r.config?.access ? describeAccess(r.config.access) : 'undeclared',
      personalData: r.config?.personalData === true,
      governedBy: r.config?.governedBy ?? null,
      admits: (actor: Actor | null) => (r.config?.access ? allows(r.config.access, actor) : false),
    })),
  );

  await app.register(fastifyCookie);
  await app.register(fastifySwagger, {
    openapi: openApiDocument(ctx.settings.publicUrl),
    transform: openApiTransform,
  });

  app.addHook('onRequest', async (request) => {
    const cookieLang = request.cookies[LANG_COOKIE];
    const token = request.cookies[SESSION_COOKIE];
    // Static files and page shells need no session: no database lookup on their hot path.
    if (token && request.url.startsWith('/api/') && !request.routeOptions.config.sessionless) {
      request.actor = await ctx.sessions.resolve(ctx.db, token, {
        idleMinutes: ctx.settings.sessionIdleMinutes,
        maxHours: ctx.settings.sessionMaxHours,
      });
    }
    const chosen = request.actor?.locale;
    request.lang = isLang(cookieLang)
      ? cookieLang
      : isLang(chosen)
        ? chosen
        : langFromHeader(request.headers['accept-language']);
    const shown = request.headers[PAGE_LANG_HEADER];
    request.pageLang = isPageLang(shown)
      ? shown
      : isPageLang(cookieLang)
        ? cookieLang
        : (chosen ?? request.lang);

    if (
      !['GET', 'HEAD', 'OPTIONS'].includes(request.method) &&
      !request.routeOptions.config.crossSite
    )
      refuseCrossSite(request, ctx);

    const declared = request.routeOptions.config.access;
    if (!declared || declared.kind === 'public') return;
    if (declared.kind === 'test_taker') {
      if (request.cookies[TEST_COOKIE]) return;
      if (!request.actor) throw unauthenticated();
      if (!request.actor.roles.includes('citizen')) throw forbidden();
      request.actingRole = 'citizen';
      return;
    }
    if (!request.actor) throw unauthenticated();
    if (declared.kind === 'authenticated') {
      request.actingRole = request.actor.roles[0] ?? null;
      return;
    }
    const role = request.actor.roles.find((r) => declared.roles.includes(r));
    if (!role) throw forbidden();
    request.actingRole = role;
  });

  // One check for every route: no control characters in any text that comes in.
  app.addHook('preValidation', async (request) => {
    for (const part of [request.params, request.query, request.body]) {
      const field = findControlCharacter(part);
      if (field)
        throw new DomainError('invalid', 'invalid_characters', 'invalid_characters', { field });
    }
  });

  app.addHook('onSend', async (request, reply) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'same-origin');
    reply.header('x-frame-options', 'DENY');
    // No page of ours uses the camera, microphone, location or payment: nothing embedded may.
    reply.header(
      'permissions-policy',
      'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()',
    );
    // Served behind TLS (the configured address is https): browsers keep to https for a year.
    if (ctx.settings.publicUrl.startsWith('https:'))
      reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
    if (!request.url.startsWith('/api/docs')) {
      reply.header(
        'content-security-policy',
        "default-src 'self'; img-src 'self' data:; style-src 'self'; font-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'",
      );
    }
    if (request.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
  });

  app.setErrorHandler((error: FastifyError, request, reply) => handleError(error, request, reply));

  await app.register(async (pub) => {
    // Asset and documentation routes are public by nature; declare it for the routes they add.
    pub.addHook('onRoute', (route) => {
      route.config = { ...route.config, access: route.config?.access ?? { kind: 'public' } };
      // Pages and assets, not API operations: kept out of the OpenAPI document.
      route.schema = { ...route.schema, hide: true };
    });
    await pub.register(fastifySwaggerUi, { routePrefix: '/api/docs' });
    const webRoot = ctx.settings.webRoot;
    if (webRoot && fs.existsSync(path.join(webRoot, 'index.html'))) {
      await pub.register(fastifyStatic, {
        root: webRoot,
        prefix: '/',
        index: false,
        // The build writes .br and .gz beside each text asset (vite.config.ts).
        preCompressed: true,
        setHeaders(res, filePath) {
          res.header(
            'cache-control',
            filePath.includes(`${path.sep}assets${path.sep}`)
              ? 'public, max-age=31536000, immutable'
              : 'no-cache',
          );
        },
      });
      // The app shell; every other page path falls through to the not-found handler, which
      // answers browsers with the same shell so client-side routes work on reload.
      pub.get('/', (_request, reply) =>
        reply.header('cache-control', 'no-cache').sendFile('index.html', webRoot),
      );
      // The areas' light pages (the test, the workshop's door QR code, kiosk and screen).
      for (const { path: page, file } of modules.flatMap((m) => m.pages ?? []))
        pub.get(page, (_request, reply) =>
          reply.header('cache-control', 'no-cache').sendFile(file, webRoot),
        );
    }
  });

  app.get(
    '/api/openapi.json',
    { config: { access: { kind: 'public' } }, schema: { hide: true } },
    async () => app.swagger(),
  );
  await app.register(healthRoutes);
  await app.register(speechRoutes);
  for (const m of modules) for (const routes of m.routes ?? []) await app.register(routes);

  app.setNotFoundHandler(async (request, reply) => {
    const webRoot = ctx.settings.webRoot;
    const wantsPage =
      request.method === 'GET' &&
      !request.url.startsWith('/api') &&
      (request.headers.accept ?? '').includes('text/html');
    if (wantsPage && webRoot && fs.existsSync(path.join(webRoot, 'index.html'))) {
      return reply.header('cache-control', 'no-cache').sendFile('index.html', webRoot);
    }
    return sendError(reply, request.pageLang, notFound());
  });

  return app;
}

declare module 'fastify' {
  interface FastifyInstance {
    routeTable(): {
      method: string;
      url: string;
      access: string;
      personalData: boolean;
      /** The policy rule the route's access is the coarse form of, where one decides it. */
      governedBy: Governance | null;
      /** Whether the route's declared access lets this actor through. */
      admits(actor: Actor | null): boolean;
    }[];
    /** The capabilities of an actor (null: nobody logged in). */
    capabilitiesOf(actor: Actor | null): Capability[];
  }
}

/** Whether an access declaration lets this actor through (as the onRequest hook decides). */
function allows(a: Access, actor: Actor | null): boolean {
  switch (a.kind) {
    case 'public':
      return true;
    case 'authenticated':
      return actor !== null;
    case 'test_taker':
      return actor?.roles.includes('citizen') ?? false;
    case 'roles':
      return actor?.roles.some((r) => a.roles.includes(r)) ?? false;
  }
}

/**
 * A write that carries cookies must come from our own pages: browsers send Origin with every
 * POST, PUT, PATCH and DELETE (and a Referer where a privacy setting drops Origin). `null`
 * (sandboxed frames, some redirects) and neither header are refused; writes without cookies
 * (a badge check by an employer's tool) have nothing to forge.
 */
function refuseCrossSite(request: FastifyRequest, ctx: AppContext) {
  const { origin, referer, cookie } = request.headers;
  const source = origin ?? referer;
  if (source === undefined && !cookie) return;
  let from: URL | null = null;
  try {
    from = source && source !== 'null' ? new URL(source) : null;
  } catch {
    from = null;
  }
  const ours =
    from !== null && (from.origin === ctx.settings.publicUrl || from.host === request.host);
  if (!ours) throw new DomainError('forbidden', 'cross_origin', 'cross_origin');
}

function sendError(reply: FastifyReply, lang: PageLang, err: DomainError, fields?: unknown) {
  if (err.retryAfterSeconds !== undefined)
    reply.header('retry-after', String(err.retryAfterSeconds));
  return reply.code(STATUS_OF[err.kind]).send({
    error: { code: err.code, message: t(lang, err.key, err.params), ...(fields ? { fields } : {}) },
  });
}

function localizedIssues(error: FastifyError, request: FastifyRequest, lang: PageLang) {
  const part = error.validationContext;
  // Fastify keeps the route schema untyped; ours holds zod schemas by part.
  const schemas = request.routeOptions.schema as Record<string, unknown> | undefined;
  const schema = part ? schemas?.[part] : undefined;
  const value =
    part === 'body'
      ? request.body
      : part === 'querystring'
        ? request.query
        : part === 'params'
          ? request.params
          : request.headers;
  if (schema instanceof ZodType) {
    const locale = zodLocales[lang].localeError;
    const result = schema.safeParse(value, {
      error: (issue) =>
        issue.code === 'invalid_type' && issue.input === undefined
          ? t(lang, 'required')
          : issue.code === 'custom' && isMessageKey(issue.params?.i18n)
            ? t(lang, issue.params.i18n)
            : locale(issue),
    });
    if (!result.success) {
      return result.error.issues.map((i) => {
        const key = i.message.startsWith('i18n:') ? i.message.slice(5) : null;
        const human = (key !== null && isMessageKey(key)) || i.code === 'custom';
        return {
          path: i.path.map(String).join('.'),
          message: key !== null && isMessageKey(key) ? t(lang, key) : i.message,
          human,
        };
      });
    }
  }
  return (error.validation ?? []).map((v) => ({
    path: v.instancePath.replace(/^\//, '').replace(/\//g, '.'),
    message: v.message ?? '',
    human: false,
  }));
}

function handleError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const lang = request.pageLang;
  if (error instanceof DomainError) return sendError(reply, lang, error);
  if (hasZodFastifySchemaValidationErrors(error) || error.validation) {
    const issues = localizedIssues(error, request, lang);
    const fields = issues.map(({ path, message }) => ({ path, message }));
    // Messages written for people are shown as they are; the validator's own text is shown
    // with the field it concerns (forms for staff that have no message of their own yet).
    const human = issues.length > 0 && issues.every((i) => i.human);
    const details = human
      ? [...new Set(issues.map((i) => i.message))].join(' ')
      : issues.map((f) => (f.path ? `${f.path}: ${f.message}` : f.message)).join('; ');
    return sendError(
      reply,
      lang,
      new DomainError('invalid', 'validation_failed', human ? 'check_input' : 'validation_failed', {
        details,
      }),
      fields,
    );
  }
  const status = error.statusCode ?? 500;
  if (status === 413)
    return sendError(
      reply,
      lang,
      new DomainError('too_large', 'payload_too_large', 'payload_too_large'),
    );
  if (status === 415)
    return sendError(
      reply,
      lang,
      new DomainError('unsupported_type', 'unsupported_media_type', 'unsupported_media_type'),
    );
  if (status === 404) return sendError(reply, lang, notFound());
  if (status >= 400 && status < 500)
    return sendError(reply, lang, new DomainError('invalid', 'bad_request', 'bad_request'));
  if (isDatabaseUnavailable(error)) {
    request.log.warn({ err: error }, 'database unavailable');
    return sendError(reply, lang, databaseUnavailable());
  }
  request.log.error({ err: error }, 'unhandled error');
  return reply.code(500).send({ error: { code: 'internal', message: t(lang, 'internal') } });
}
