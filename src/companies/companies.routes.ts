// The company register over HTTP: parse, call the use case (companies.use-cases.ts), answer.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { inTransaction } from '../platform/http/use-case';
import { publicLink } from '../platform/http/origin';
import { route } from '../platform/http/route';
import { companiesApi } from './companies.contract';
import {
  acceptInvitation,
  addContact,
  addUnit,
  createCompany,
  editCompany,
  inviteCompanyUser,
  logActivity,
  lookupInvitation,
  myCompanies,
  readCompany,
  removeContact,
  removeUnit,
  searchCompanies,
} from './companies.use-cases';

export const companyRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;
  // The token rides in the fragment, which browsers never send: it stays out of every log.
  const invitationLink = (token: string) =>
    publicLink(ctx.settings, `/virksomhed/invitation#${token}`);

  route(app, companiesApi.listCompanies, async (request) =>
    inTransaction(ctx.db, request, (uc) => searchCompanies(uc, request.query)),
  );
  route(app, companiesApi.createCompany, async (request) =>
    inTransaction(ctx.db, request, (uc) => createCompany(uc, request.body)),
  );
  route(app, companiesApi.getCompany, async (request) =>
    inTransaction(ctx.db, request, (uc) => readCompany(uc, request.params.id)),
  );
  route(app, companiesApi.updateCompany, async (request) =>
    inTransaction(ctx.db, request, (uc) => editCompany(uc, request.params.id, request.body)),
  );
  route(app, companiesApi.addUnit, async (request) =>
    inTransaction(ctx.db, request, (uc) => addUnit(uc, request.params.id, request.body)),
  );
  route(app, companiesApi.addContact, async (request) =>
    inTransaction(ctx.db, request, (uc) => addContact(uc, request.params.id, request.body)),
  );
  route(app, companiesApi.removeUnit, async (request) =>
    inTransaction(ctx.db, request, (uc) =>
      removeUnit(uc, request.params.id, request.params.unitId),
    ),
  );
  route(app, companiesApi.removeContact, async (request) =>
    inTransaction(ctx.db, request, (uc) =>
      removeContact(uc, request.params.id, request.params.contactId),
    ),
  );
  route(app, companiesApi.logActivity, async (request) =>
    inTransaction(ctx.db, request, (uc) => logActivity(uc, request.params.id, request.body)),
  );
  route(app, companiesApi.inviteUser, async (request) =>
    inTransaction(ctx.db, request, (uc) =>
      inviteCompanyUser(uc, request.params.id, request.body, invitationLink),
    ),
  );
  route(app, companiesApi.myCompanies, async (request) =>
    inTransaction(ctx.db, request, myCompanies),
  );
  route(app, companiesApi.lookupInvitation, async (request) =>
    lookupInvitation(ctx.db, request.body.token),
  );
  route(app, companiesApi.acceptInvitation, async (request) =>
    ctx.db.transaction((tx) => acceptInvitation(tx, request.body)),
  );
};
