// A citizen's learning over HTTP: plans, places on offers and badges, for caseworkers and for
// the citizen. Parse, call the use case (learning.use-cases.ts), answer.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { inTransaction } from '../platform/http/use-case';
import { publicLink } from '../platform/http/origin';
import { certificatePdf } from './issue-badge';
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
import { route } from '../platform/http/route';
import { learningApi } from './learning.contract';

export const learningRoutes: FastifyPluginAsyncZod = async (app) => {
  const ctx = app.ctx;
  const issuer = { cipher: ctx.cipher, publicUrl: ctx.settings.publicUrl };

  route(app, learningApi.citizenLearning, async (request) =>
    inTransaction(ctx.db, request, (uc) => readLearning(uc, { citizenId: request.params.id })),
  );
  route(app, learningApi.buildLearningPlan, async (request) =>
    inTransaction(ctx.db, request, (uc) =>
      makePlan(uc, request.params.id, request.body.occupationId),
    ),
  );
  route(app, learningApi.enrol, async (request) =>
    inTransaction(ctx.db, request, (uc) => enrolCitizen(uc, request.body)),
  );
  route(app, learningApi.cancelEnrolment, async (request) =>
    inTransaction(ctx.db, request, (uc) => cancelEnrolment(uc, request.params.id, request.body)),
  );
  route(app, learningApi.recordAttendance, async (request) =>
    inTransaction(ctx.db, request, (uc) => markAttendance(uc, request.params.id, request.body)),
  );
  route(app, learningApi.completeEnrolment, async (request) =>
    inTransaction(ctx.db, request, (uc) =>
      completeEnrolment(uc, issuer, request.params.id, request.body),
    ),
  );
  route(app, learningApi.myLearning, async (request) =>
    inTransaction(ctx.db, request, (uc) => readLearning(uc, { self: true })),
  );
  route(app, learningApi.decidePlanItem, async (request) =>
    inTransaction(ctx.db, request, (uc) => decide(uc, request.params.id, request.body)),
  );
  route(app, learningApi.claimBadge, async (request) => {
    const { badge } = await inTransaction(ctx.db, request, (uc) =>
      claimBadge(uc, issuer, request.body.area),
    );
    return badge;
  });
  route(app, learningApi.myBadgeCredential, async (request, reply) => {
    const { badge: b } = await inTransaction(ctx.db, request, (uc) =>
      ownBadge(uc, request.params.id, 'badge.download'),
    );
    return reply
      .header('content-type', 'application/vc+jwt; charset=utf-8')
      .header('content-disposition', `attachment; filename="open-badge-${b.id}.jwt"`)
      .send(b.credential);
  });
  route(app, learningApi.myBadgeCertificate, async (request, reply) => {
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
  });
  route(app, learningApi.revokeBadge, async (request) =>
    inTransaction(ctx.db, request, (uc) => revoke(uc, request.params.id, request.body.reason)),
  );
};
