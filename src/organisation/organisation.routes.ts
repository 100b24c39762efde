// Staff users and sites over HTTP: parse, call the use case (organisation.use-cases.ts), answer.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { inTransaction } from '../platform/http/use-case';
import { route } from '../platform/http/route';
import { organisationApi } from './organisation.contract';
import {
  createSite,
  createStaffUser,
  editSite,
  editStaffUser,
  listCaseworkerNames,
  listMunicipalitySites,
  listStaff,
  readStaffUser,
} from './organisation.use-cases';

export const organisationRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.ctx;

  route(app, organisationApi.listUsers, async (request) => {
    const { q, role, includeInactive } = request.query;
    return inTransaction(db, request, (uc) =>
      listStaff(uc, { q, role, includeInactive: includeInactive === 'true' }),
    );
  });

  route(app, organisationApi.createUser, async (request) =>
    inTransaction(db, request, (uc) => createStaffUser(uc, request.body)),
  );

  route(app, organisationApi.getUser, async (request) =>
    inTransaction(db, request, (uc) => readStaffUser(uc, request.params.id)),
  );

  route(app, organisationApi.updateUser, async (request) =>
    inTransaction(db, request, (uc) => editStaffUser(uc, request.params.id, request.body)),
  );

  route(app, organisationApi.listCaseworkers, async (request) =>
    inTransaction(db, request, listCaseworkerNames),
  );

  route(app, organisationApi.listSites, async (request) =>
    inTransaction(db, request, listMunicipalitySites),
  );

  route(app, organisationApi.createSite, async (request) =>
    inTransaction(db, request, (uc) => createSite(uc, request.body)),
  );

  route(app, organisationApi.updateSite, async (request) =>
    inTransaction(db, request, (uc) => editSite(uc, request.params.id, request.body)),
  );
};
