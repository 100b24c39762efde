import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { conflict, invalid, notFound } from '../platform/errors';
import { authorize, permissionsFor } from '../platform/policy';
import { hashPassword } from '../platform/auth/password';
import { endAllSessionsOf } from './auth/session.store';
import type { Actor } from '../platform/auth/roles';
import { SiteView, UserView } from './organisation.contract';
import { sitePolicy, userPolicy } from './organisation.policy';
import {
  emailTaken,
  findSite,
  findUser,
  insertSite,
  insertUser,
  listSites,
  listUsers,
  siteNameTaken,
  updateSite,
  updateUser,
  type SiteRow,
  type UserRow,
} from './organisation.store';
import { route } from '../platform/http/route';
import { organisationApi } from './organisation.contract';

function toUserView(actor: Actor, u: UserRow): UserView {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    roles: u.roles as UserView['roles'],
    siteId: u.siteId,
    active: u.active,
    locale: u.locale === 'en' ? 'en' : 'da',
    lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
    permissions: permissionsFor(userPolicy, actor, u, ['update', 'deactivate']),
  };
}

function toSiteView(s: SiteRow): SiteView {
  return {
    id: s.id,
    name: s.name,
    address: s.address,
    postalCode: s.postalCode,
    city: s.city,
    hasWorkshop: s.hasWorkshop,
    active: s.active,
  };
}

export const organisationRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;

  route(app, organisationApi.listUsers, async (request) => {
    const actor = request.actor!;
    const q = request.query;
    const rows = await listUsers(ctx.db, actor.municipalityId, {
      q: q.q,
      role: q.role,
      includeInactive: q.includeInactive === 'true',
    });
    return rows.map((u) => toUserView(actor, u));
  });

  route(app, organisationApi.createUser, async (request, reply) => {
    const actor = request.actor!;
    const input = request.body;
    if (await emailTaken(ctx.db, actor.municipalityId, input.email)) throw conflict('email_taken');
    if (input.siteId && !(await findSite(ctx.db, actor.municipalityId, input.siteId))) {
      throw invalid('site_invalid');
    }
    const row = await insertUser(ctx.db, {
      municipalityId: actor.municipalityId,
      email: input.email.trim(),
      name: input.name,
      roles: [...new Set(input.roles)],
      siteId: input.siteId,
      locale: input.locale,
      passwordHash: await hashPassword(input.password),
    });
    return reply.code(201).send(toUserView(actor, row));
  });

  route(app, organisationApi.getUser, async (request) => {
    const actor = request.actor!;
    const row = await findUser(ctx.db, actor.municipalityId, request.params.id);
    if (!row) throw notFound();
    authorize(userPolicy, actor, 'read', row, 'not_found');
    return toUserView(actor, row);
  });

  route(app, organisationApi.updateUser, async (request) => {
    const actor = request.actor!;
    const input = request.body;
    const row = await findUser(ctx.db, actor.municipalityId, request.params.id);
    if (!row) throw notFound();
    authorize(userPolicy, actor, 'update', row, 'not_found');
    if (input.active === false && !userPolicy.deactivate(actor, row)) {
      throw invalid('cannot_deactivate_self');
    }
    if (input.roles && row.id === actor.userId && !input.roles.includes('admin')) {
      throw invalid('cannot_remove_own_admin');
    }
    if (input.email && (await emailTaken(ctx.db, actor.municipalityId, input.email, row.id)))
      throw conflict('email_taken');
    if (input.siteId && !(await findSite(ctx.db, actor.municipalityId, input.siteId))) {
      throw invalid('site_invalid');
    }
    const updated = await ctx.db.transaction(async (tx) => {
      const u = await updateUser(tx, actor.municipalityId, row.id, {
        ...(input.email !== undefined && { email: input.email.trim() }),
        ...(input.name !== undefined && { name: input.name }),
        ...(input.roles !== undefined && { roles: [...new Set(input.roles)] }),
        ...(input.siteId !== undefined && { siteId: input.siteId }),
        ...(input.active !== undefined && { active: input.active }),
        ...(input.locale !== undefined && { locale: input.locale }),
        ...(input.password !== undefined && { passwordHash: await hashPassword(input.password) }),
      });
      // Deactivation, a new password or changed roles take effect at once, not at next login:
      // everywhere else the user is logged in (one's own change keeps only this session).
      if (input.active === false || input.password !== undefined || input.roles !== undefined) {
        await endAllSessionsOf(tx, row.id, row.id === actor.userId ? actor.sessionId : undefined);
      }
      return u!;
    });
    return toUserView(actor, updated);
  });

  route(app, organisationApi.listCaseworkers, async (request) => {
    const rows = await listUsers(ctx.db, request.actor!.municipalityId, { role: 'caseworker' });
    return rows.map((u) => ({ id: u.id, name: u.name }));
  });

  route(app, organisationApi.listSites, async (request) => {
    const rows = await listSites(ctx.db, request.actor!.municipalityId);
    return rows.map(toSiteView);
  });

  route(app, organisationApi.createSite, async (request, reply) => {
    const actor = request.actor!;
    if (await siteNameTaken(ctx.db, actor.municipalityId, request.body.name)) {
      throw conflict('site_name_taken');
    }
    const row = await insertSite(ctx.db, {
      ...request.body,
      municipalityId: actor.municipalityId,
    });
    return reply.code(201).send(toSiteView(row));
  });

  route(app, organisationApi.updateSite, async (request) => {
    const actor = request.actor!;
    const site = await findSite(ctx.db, actor.municipalityId, request.params.id);
    if (!site) throw notFound();
    authorize(sitePolicy, actor, 'update', site, 'not_found');
    const input = request.body;
    if (input.name && (await siteNameTaken(ctx.db, actor.municipalityId, input.name, site.id))) {
      throw conflict('site_name_taken');
    }
    const row = await updateSite(ctx.db, actor.municipalityId, site.id, input);
    return toSiteView(row!);
  });
};
