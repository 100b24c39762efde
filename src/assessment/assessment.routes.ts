// The voluntary test over HTTP: the test taker's steps (test-session.ts) and staff's codes and
// reading of results (test-codes.use-cases.ts). Parse, call, answer.
import QRCode from 'qrcode';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { access } from '../platform/http/access';
import { DomainError, invalid } from '../platform/errors';
import { inTransaction } from '../platform/http/use-case';
import { TEST_COOKIE } from '../platform/http/app-constants';
import { publicLink } from '../platform/http/origin';
import { recordAttempt, testCodeWaitSeconds, throttledError } from '../organisation';
import { findCitizenByUser } from '../people';
import { IdParams } from '../organisation';
import {
  AnswerInput,
  CitizenAssessmentView,
  CodeCreateInput,
  CodeResultView,
  CodeView,
  IssuedCodeView,
  LinkCodeInput,
  ConsentInput,
  PosterView,
  TestCodeInput,
  TestView,
} from './assessment.contract';
import { claimCode, findCodeByHash, findOpenAssessmentForCitizen } from './assessment.store';
import {
  answerItem,
  auditTest,
  createTest,
  giveConsent,
  loadTest,
  newToken,
  pauseTest,
  tokenHash,
  viewOf,
  withdrawTest,
} from './test-session';
import { CODE_DAYS, codeHash } from './test-codes';
import {
  citizenTests,
  codeResult,
  helpedCitizenTests,
  issueCode,
  linkTest,
  myCodes,
} from './test-codes.use-cases';
import { clock } from '../platform/clock';

function setTestCookie(reply: FastifyReply, token: string) {
  reply.setCookie(TEST_COOKIE, token, {
    path: '/api/tests',
    httpOnly: true,
    sameSite: 'lax',
    secure: 'auto',
    maxAge: CODE_DAYS * 86400,
  });
}

export const assessmentRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;
  const taker = access.testTaker();
  const personal = true;

  app.post(
    '/api/tests/code',
    {
      config: { access: access.public(), personalData: personal },
      schema: { tags: ['test'], body: TestCodeInput, response: { 200: TestView } },
    },
    async (request, reply) => {
      const wait = await testCodeWaitSeconds(ctx.db, request.ip);
      if (wait > 0) throw throttledError(wait);
      const token = newToken();
      const view = await ctx.db.transaction(async (tx) => {
        const row = await findCodeByHash(tx, codeHash(ctx.cipher, request.body.code));
        if (!row || row.usedAt || row.expiresAt < clock.now() || !(await claimCode(tx, row.id)))
          return null;
        const a = await createTest(tx, {
          municipalityId: row.municipalityId,
          citizenId: row.citizenId,
          codeId: row.id,
          tokenHash: tokenHash(token),
          language: request.lang,
        });
        await auditTest(tx, request, a, 'assessment.start');
        return viewOf(tx, a, request.lang);
      });
      const attempt = { accountKey: 'test_code', ip: request.ip, device: null };
      await recordAttempt(ctx.db, 'test_code', attempt, view !== null);
      if (!view) throw invalid('code_invalid');
      setTestCookie(reply, token);
      return view;
    },
  );
  app.post(
    '/api/tests/start',
    {
      config: { access: access.roles('citizen'), personalData: personal },
      schema: { tags: ['test'], response: { 200: TestView } },
    },
    async (request) => {
      const actor = request.actor!;
      return ctx.db.transaction(async (tx) => {
        const citizen = await findCitizenByUser(tx, actor.municipalityId, actor.userId);
        if (!citizen)
          throw new DomainError('not_found', 'citizen_has_no_record', 'citizen_has_no_record');
        const open = await findOpenAssessmentForCitizen(tx, actor.municipalityId, citizen.id);
        const a =
          open ??
          (await createTest(tx, {
            municipalityId: actor.municipalityId,
            citizenId: citizen.id,
            language: request.lang,
          }));
        await auditTest(tx, request, a, open ? 'assessment.resume' : 'assessment.start');
        return viewOf(tx, a, request.lang);
      });
    },
  );
  app.get(
    '/api/tests/current',
    {
      config: { access: taker, personalData: personal },
      schema: { tags: ['test'], response: { 200: TestView } },
    },
    async (request) =>
      ctx.db.transaction(async (tx) => {
        const a = await loadTest(tx, request);
        await auditTest(tx, request, a, 'assessment.read');
        return viewOf(tx, a, request.lang);
      }),
  );
  app.post(
    '/api/tests/consent',
    {
      config: { access: taker, personalData: personal },
      schema: { tags: ['test'], body: ConsentInput, response: { 200: TestView } },
    },
    async (request) =>
      ctx.db.transaction(async (tx) => {
        const a = await giveConsent(tx, await loadTest(tx, request));
        await auditTest(tx, request, a, 'assessment.consent');
        return viewOf(tx, a, request.lang);
      }),
  );
  app.post(
    '/api/tests/answer',
    {
      config: { access: taker, personalData: personal },
      schema: { tags: ['test'], body: AnswerInput, response: { 200: TestView } },
    },
    async (request) =>
      ctx.db.transaction(async (tx) => {
        const a = await answerItem(tx, await loadTest(tx, request), request.body);
        await auditTest(tx, request, a, 'assessment.answer', { item: request.body.itemKey });
        return viewOf(tx, a, request.lang);
      }),
  );
  app.post(
    '/api/tests/pause',
    {
      config: { access: taker, personalData: personal },
      schema: { tags: ['test'], response: { 200: TestView } },
    },
    async (request) =>
      ctx.db.transaction(async (tx) => {
        const a = await pauseTest(tx, await loadTest(tx, request));
        await auditTest(tx, request, a, 'assessment.pause');
        return viewOf(tx, a, request.lang);
      }),
  );
  app.post(
    '/api/tests/withdraw',
    {
      config: { access: taker, personalData: personal },
      schema: { tags: ['test'], response: { 200: TestView } },
    },
    async (request, reply) => {
      const view = await ctx.db.transaction(async (tx) => {
        const a = await withdrawTest(tx, await loadTest(tx, request));
        await auditTest(tx, request, a, 'assessment.withdraw');
        return viewOf(tx, a, request.lang);
      });
      reply.clearCookie(TEST_COOKIE, { path: '/api/tests' });
      return view;
    },
  );
  app.post(
    '/api/test-codes',
    {
      config: { access: access.roles('caseworker', 'ementor'), personalData: personal },
      schema: { tags: ['test'], body: CodeCreateInput, response: { 201: CodeView } },
    },
    async (request, reply) => {
      const { code, expiresAt } = await inTransaction(ctx.db, request, (uc) =>
        issueCode(uc, ctx.cipher, request.body.citizenId ?? null),
      );
      // The code travels in the QR link's fragment, which browsers never send to a server.
      const url = publicLink(ctx.settings, `/test#kode=${code}`);
      const qrSvg = await QRCode.toString(url, {
        type: 'svg',
        margin: 1,
        errorCorrectionLevel: 'M',
      });
      return reply.code(201).send({ code, expiresAt: expiresAt.toISOString(), url, qrSvg });
    },
  );
  app.get(
    '/api/test-poster',
    {
      config: { access: access.roles('caseworker', 'ementor') },
      schema: { tags: ['test'], response: { 200: PosterView } },
    },
    async () => {
      const url = publicLink(ctx.settings, `/test`);
      return {
        url,
        qrSvg: await QRCode.toString(url, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }),
      };
    },
  );
  app.get(
    '/api/citizens/:id/assessments',
    {
      config: { access: access.roles('caseworker'), personalData: personal },
      schema: {
        tags: ['test'],
        params: IdParams,
        response: { 200: z.array(CitizenAssessmentView) },
      },
    },
    async (request) => inTransaction(ctx.db, request, (uc) => citizenTests(uc, request.params.id)),
  );
  app.get(
    '/api/queue-tickets/:id/assessments',
    {
      config: { access: access.roles('ementor'), personalData: personal },
      schema: {
        tags: ['test'],
        params: IdParams,
        response: { 200: z.array(CitizenAssessmentView) },
      },
    },
    async (request) =>
      inTransaction(ctx.db, request, (uc) => helpedCitizenTests(uc, request.params.id)),
  );
  app.get(
    '/api/test-codes',
    {
      config: { access: access.roles('caseworker', 'ementor'), personalData: personal },
      schema: { tags: ['test'], response: { 200: z.array(IssuedCodeView) } },
    },
    async (request) => inTransaction(ctx.db, request, (uc) => myCodes(uc, request.actingRole)),
  );
  app.get(
    '/api/test-codes/:id',
    {
      config: { access: access.roles('caseworker', 'ementor'), personalData: personal },
      schema: { tags: ['test'], params: IdParams, response: { 200: CodeResultView } },
    },
    async (request) =>
      inTransaction(ctx.db, request, (uc) => codeResult(uc, request.params.id, request.actingRole)),
  );
  app.post(
    '/api/citizens/:id/assessments/link',
    {
      config: { access: access.roles('caseworker'), personalData: personal },
      schema: {
        tags: ['test'],
        params: IdParams,
        body: LinkCodeInput,
        response: { 200: CitizenAssessmentView },
      },
    },
    async (request) =>
      inTransaction(ctx.db, request, (uc) =>
        linkTest(uc, ctx.cipher, request.params.id, request.body.code),
      ),
  );
};
