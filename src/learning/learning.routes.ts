// A citizen's learning over HTTP: plans, places on offers and badges, for caseworkers and for
// the citizen. Parse, call the use case (learning.use-cases.ts), answer.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { access } from '../platform/http/access';
import { inTransaction } from '../platform/http/use-case';
import { publicLink } from '../platform/http/origin';
import { IdParams } from '../organisation';
import { certificatePdf } from './issue-badge';
import {
  AttendanceInput,
  BadgeView,
  CancelInput,
  ClaimInput,
  CompleteInput,
  DecisionInput,
  EnrolInput,
  EnrolmentView,
  LearningView,
  PlanInput,
  RevokeInput,
} from './learning.contract';
import {
  cancelEnrolment,
  claimBadge,
  completeEnrolment,
  decide,
  enrolCitizen,
  makePlan,
  markAttendance,
  ownBadge,
  readLearning,
  revoke,
} from './learning.use-cases';

const caseworker = access.roles('caseworker');
const runners = access.roles('caseworker', 'admin', 'pilot_manager');
const citizenOnly = access.roles('citizen');
const personal = true;

export const learningRoutes: FastifyPluginAsyncZod = async (app) => {
  const ctx = app.ctx;
  const issuer = { cipher: ctx.cipher, publicUrl: ctx.settings.publicUrl };

  app.get(
    '/api/citizens/:id/learning',
    {
      config: { access: caseworker, personalData: personal },
      schema: { tags: ['learning'], params: IdParams, response: { 200: LearningView } },
    },
    async (request) =>
      inTransaction(ctx.db, request, (uc) => readLearning(uc, { citizenId: request.params.id })),
  );
  app.post(
    '/api/citizens/:id/learning/plan',
    {
      config: { access: caseworker, personalData: personal },
      schema: {
        tags: ['learning'],
        params: IdParams,
        body: PlanInput,
        response: { 201: LearningView },
      },
    },
    async (request, reply) => {
      const view = await inTransaction(ctx.db, request, (uc) =>
        makePlan(uc, request.params.id, request.body.occupationId),
      );
      return reply.code(201).send(view);
    },
  );
  app.post(
    '/api/learning/enrolments',
    {
      config: { access: caseworker, personalData: personal },
      schema: { tags: ['learning'], body: EnrolInput, response: { 201: EnrolmentView } },
    },
    async (request, reply) => {
      const view = await inTransaction(ctx.db, request, (uc) => enrolCitizen(uc, request.body));
      return reply.code(201).send(view);
    },
  );
  app.post(
    '/api/learning/enrolments/:id/cancel',
    {
      config: {
        access: access.roles('caseworker', 'admin', 'pilot_manager', 'citizen'),
        personalData: personal,
      },
      schema: {
        tags: ['learning'],
        params: IdParams,
        body: CancelInput,
        response: { 200: EnrolmentView },
      },
    },
    async (request) =>
      inTransaction(ctx.db, request, (uc) => cancelEnrolment(uc, request.params.id, request.body)),
  );
  app.post(
    '/api/learning/enrolments/:id/attendance',
    {
      config: { access: runners, personalData: personal },
      schema: {
        tags: ['learning'],
        params: IdParams,
        body: AttendanceInput,
        response: { 200: EnrolmentView },
      },
    },
    async (request) =>
      inTransaction(ctx.db, request, (uc) => markAttendance(uc, request.params.id, request.body)),
  );
  app.post(
    '/api/learning/enrolments/:id/complete',
    {
      config: { access: runners, personalData: personal },
      schema: {
        tags: ['learning'],
        params: IdParams,
        body: CompleteInput,
        response: { 200: EnrolmentView },
      },
    },
    async (request) =>
      inTransaction(ctx.db, request, (uc) =>
        completeEnrolment(uc, issuer, request.params.id, request.body),
      ),
  );
  app.get(
    '/api/me/learning',
    {
      config: { access: citizenOnly, personalData: personal },
      schema: { tags: ['me'], response: { 200: LearningView } },
    },
    async (request) => inTransaction(ctx.db, request, (uc) => readLearning(uc, { self: true })),
  );
  app.post(
    '/api/me/learning/items/:id/decision',
    {
      config: { access: citizenOnly, personalData: personal },
      schema: {
        tags: ['me'],
        params: IdParams,
        body: DecisionInput,
        response: { 200: LearningView },
      },
    },
    async (request) =>
      inTransaction(ctx.db, request, (uc) => decide(uc, request.params.id, request.body)),
  );
  app.post(
    '/api/me/badges/claim',
    {
      config: { access: citizenOnly, personalData: personal },
      schema: { tags: ['me'], body: ClaimInput, response: { 201: BadgeView } },
    },
    async (request, reply) => {
      const { badge } = await inTransaction(ctx.db, request, (uc) =>
        claimBadge(uc, issuer, request.body.area),
      );
      return reply.code(201).send(badge);
    },
  );
  app.get(
    '/api/me/badges/:id/credential',
    {
      config: { produces: 'application/vc+jwt', access: citizenOnly, personalData: personal },
      schema: { tags: ['me'], params: IdParams },
    },
    async (request, reply) => {
      const { badge: b } = await inTransaction(ctx.db, request, (uc) =>
        ownBadge(uc, request.params.id, 'badge.download'),
      );
      return reply
        .header('content-type', 'application/vc+jwt; charset=utf-8')
        .header('content-disposition', `attachment; filename="open-badge-${b.id}.jwt"`)
        .send(b.credential);
    },
  );
  app.get(
    '/api/me/badges/:id/certificate',
    {
      config: { produces: 'application/pdf', access: citizenOnly, personalData: personal },
      schema: { tags: ['me'], params: IdParams },
    },
    async (request, reply) => {
      const { citizen: c, badge: b } = await inTransaction(ctx.db, request, (uc) =>
        ownBadge(uc, request.params.id, 'badge.certificate'),
      );
      const pdf = await certificatePdf(
        b,
        `${c.firstName} ${c.lastName}`,
        publicLink(ctx.settings, `/badges/tjek?id=${b.id}`),
        request.lang,
      );
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename="kompetencebevis-${b.id}.pdf"`)
        .send(pdf);
    },
  );
  app.post(
    '/api/badges/:id/revoke',
    {
      config: { access: access.roles('caseworker', 'admin'), personalData: personal },
      schema: {
        tags: ['learning'],
        params: IdParams,
        body: RevokeInput,
        response: { 200: BadgeView },
      },
    },
    async (request) =>
      inTransaction(ctx.db, request, (uc) => revoke(uc, request.params.id, request.body.reason)),
  );
};
