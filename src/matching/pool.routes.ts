// The candidate pool over HTTP: parse, call the use case (pool.use-cases.ts), answer.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { inTransaction } from '../platform/http/use-case';
import { publicLink } from '../platform/http/origin';
import { route } from '../platform/http/route';
import { poolApi } from './pool.contract';
import {
  answerContactRequest,
  candidateCv,
  contactCandidate,
  joinPool,
  leavePool,
  myProfile,
  roleCandidates,
  smeAcademics,
  uploadCv,
} from './pool.use-cases';
import { CV_MAX_BYTES } from './matching.constants';

export const poolRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;
  const link = (path: string) => publicLink(ctx.settings, path);

  route(app, poolApi.myProfile, async (request) => inTransaction(ctx.db, request, myProfile));
  route(app, poolApi.joinPool, async (request) =>
    inTransaction(ctx.db, request, (uc) => joinPool(uc, request.body)),
  );
  route(app, poolApi.leavePool, async (request) => inTransaction(ctx.db, request, leavePool));
  route(app, poolApi.answerRequest, async (request) =>
    inTransaction(ctx.db, request, (uc) =>
      answerContactRequest(uc, request.params.id, request.body.answer),
    ),
  );
  route(app, poolApi.roleCandidates, async (request) =>
    inTransaction(ctx.db, request, (uc) => roleCandidates(uc, request.params.id)),
  );
  route(app, poolApi.contactCandidate, async (request) =>
    inTransaction(ctx.db, request, (uc) =>
      contactCandidate(uc, request.params.id, request.body, link),
    ),
  );
  route(app, poolApi.candidateCv, async (request, reply) => {
    const cv = await inTransaction(ctx.db, request, (uc) =>
      candidateCv(uc, request.params.id, request.params.candidateId),
    );
    return reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', 'attachment; filename="cv.pdf"')
      .send(cv.pdf);
  });
  route(app, poolApi.smeAcademics, async (request) => inTransaction(ctx.db, request, smeAcademics));

  // A CV arrives as the PDF itself; its type is checked by its first bytes in the use case.
  app.register(async (uploads) => {
    uploads.addContentTypeParser(
      'application/pdf',
      { parseAs: 'buffer', bodyLimit: CV_MAX_BYTES + 1024 },
      (_req, body, done) => done(null, body),
    );
    route(uploads, poolApi.uploadCv, async (request) =>
      inTransaction(ctx.db, request, (uc) => uploadCv(uc, request.body, request.query.name)),
    );
  });
};
