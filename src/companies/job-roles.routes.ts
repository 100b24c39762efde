// The roles companies need over HTTP: parse, call the use case (job-roles.use-cases.ts), answer.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { inTransaction } from '../platform/http/use-case';
import { route } from '../platform/http/route';
import { jobRolesApi } from './job-roles.contract';
import {
  companyUpskilling,
  editRole,
  listCompanyRoles,
  moveRole,
  occupationRequirements,
  postRole,
} from './job-roles.use-cases';

export const jobRoleRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;
  route(app, jobRolesApi.companyRoles, async (request) =>
    inTransaction(ctx.db, request, (uc) => listCompanyRoles(uc, request.params.id)),
  );
  route(app, jobRolesApi.postRole, async (request) =>
    inTransaction(ctx.db, request, (uc) => postRole(uc, request.params.id, request.body)),
  );
  route(app, jobRolesApi.editRole, async (request) =>
    inTransaction(ctx.db, request, (uc) => editRole(uc, request.params.id, request.body)),
  );
  route(app, jobRolesApi.moveRole, async (request) =>
    inTransaction(ctx.db, request, (uc) => moveRole(uc, request.params.id, request.body.to)),
  );
  route(app, jobRolesApi.companyUpskilling, async (request) =>
    inTransaction(ctx.db, request, (uc) => companyUpskilling(uc, request.params.id)),
  );
  route(app, jobRolesApi.roleRequirements, async (request) =>
    occupationRequirements(request.query.occupationId),
  );
};
