// The voluntary test over HTTP: the test taker's steps (test-session.ts) and staff's codes and
// reading of results (test-codes.use-cases.ts). Parse, call, answer.
import QRCode from 'qrcode';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyReply } from 'fastify';
import { DomainError, invalid } from '../platform/errors';
import { inTransaction } from '../platform/http/use-case';
import { TEST_COOKIE } from '../platform/http/app-constants';
import { publicLink } from '../platform/http/origin';
import { recordAttempt, testCodeWaitSeconds, throttledError } from '../organisation';
import { findCitizenByUser } from '../people';
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
import { route } from '../platform/http/route';
import { assessmentApi } from './assessment.contract';

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

  route(app, assessmentApi.startTestWithCode, async (request, reply) => {
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
  });
  route(app, assessmentApi.startTest, async (request) => {
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
  });
  route(app, assessmentApi.currentTest, async (request) =>
    ctx.db.transaction(async (tx) => {
      const a = await loadTest(tx, request);
      await auditTest(tx, request, a, 'assessment.read');
      return viewOf(tx, a, request.lang);
    }),
  );
  route(app, assessmentApi.consentToTest, async (request) =>
    ctx.db.transaction(async (tx) => {
      const a = await giveConsent(tx, await loadTest(tx, request));
      await auditTest(tx, request, a, 'assessment.consent');
      return viewOf(tx, a, request.lang);
    }),
  );
  route(app, assessmentApi.answerTest, async (request) =>
    ctx.db.transaction(async (tx) => {
      const a = await answerItem(tx, await loadTest(tx, request), request.body);
      await auditTest(tx, request, a, 'assessment.answer', { item: request.body.itemKey });
      return viewOf(tx, a, request.lang);
    }),
  );
  route(app, assessmentApi.pauseTest, async (request) =>
    ctx.db.transaction(async (tx) => {
      const a = await pauseTest(tx, await loadTest(tx, request));
      await auditTest(tx, request, a, 'assessment.pause');
      return viewOf(tx, a, request.lang);
    }),
  );
  route(app, assessmentApi.withdrawTest, async (request, reply) => {
    const view = await ctx.db.transaction(async (tx) => {
      const a = await withdrawTest(tx, await loadTest(tx, request));
      await auditTest(tx, request, a, 'assessment.withdraw');
      return viewOf(tx, a, request.lang);
    });
    reply.clearCookie(TEST_COOKIE, { path: '/api/tests' });
    return view;
  });
  route(app, assessmentApi.issueTestCode, async (request, reply) => {
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
  });
  route(app, assessmentApi.testPoster, async () => {
    const url = publicLink(ctx.settings, `/test`);
    return {
      url,
      qrSvg: await QRCode.toString(url, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }),
    };
  });
  route(app, assessmentApi.citizenAssessments, async (request) =>
    inTransaction(ctx.db, request, (uc) => citizenTests(uc, request.params.id)),
  );
  route(app, assessmentApi.helpedCitizenAssessments, async (request) =>
    inTransaction(ctx.db, request, (uc) => helpedCitizenTests(uc, request.params.id)),
  );
  route(app, assessmentApi.myTestCodes, async (request) =>
    inTransaction(ctx.db, request, (uc) => myCodes(uc, request.actingRole)),
  );
  route(app, assessmentApi.testCodeResult, async (request) =>
    inTransaction(ctx.db, request, (uc) => codeResult(uc, request.params.id, request.actingRole)),
  );
  route(app, assessmentApi.linkAssessment, async (request) =>
    inTransaction(ctx.db, request, (uc) =>
      linkTest(uc, ctx.cipher, request.params.id, request.body.code),
    ),
  );
};
