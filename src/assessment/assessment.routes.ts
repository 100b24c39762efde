// The voluntary test over HTTP: the test taker's steps (test-taking.use-cases.ts) and staff's
// codes and reading of results (test-codes.use-cases.ts). Parse, call, answer.
import QRCode from 'qrcode';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { auditActor } from '../platform/audit';
import { inTransaction } from '../platform/http/use-case';
import { TEST_COOKIE } from '../platform/http/app-constants';
import { publicLink } from '../platform/http/origin';
import type { TestTaker } from './test-session';
import {
  answerTest,
  consentToTest,
  currentTest,
  pauseOwnTest,
  continueOwnTest,
  askForHelp,
  startOwnTest,
  startTestWithCode,
  withdrawOwnTest,
} from './test-taking.use-cases';
import { CODE_DAYS } from './test-codes';
import {
  citizenTests,
  codeResult,
  helpedCitizenTests,
  issueCode,
  linkTest,
  myCodes,
} from './test-codes.use-cases';
import { route } from '../platform/http/route';
import { assessmentApi } from './assessment.contract';
import { isTestLang } from './assessment.constants';
import type { PageLang } from '../platform/i18n/languages.constants';

function setTestCookie(reply: FastifyReply, token: string) {
  reply.setCookie(TEST_COOKIE, token, {
    path: '/api/tests',
    httpOnly: true,
    sameSite: 'lax',
    secure: 'auto',
    maxAge: CODE_DAYS * 86400,
  });
}

/** The test is taken in the page's language when it is offered in it, else in Danish or English. */
const testLang = (request: FastifyRequest): PageLang =>
  isTestLang(request.pageLang) ? request.pageLang : request.lang;

export const assessmentRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;

  // The taker of the test this request is about, in a transaction.
  const asTaker = <T>(request: FastifyRequest, run: (t: TestTaker) => Promise<T>) =>
    ctx.db.transaction((tx) =>
      run({
        tx,
        actor: request.actor,
        audit: request.actor ? auditActor(request) : null,
        testToken: request.cookies[TEST_COOKIE],
        lang: testLang(request),
      }),
    );

  route(app, assessmentApi.startTestWithCode, async (request, reply) => {
    const { view, token } = await startTestWithCode(ctx.db, ctx.cipher, {
      code: request.body.code,
      ip: request.ip,
      lang: testLang(request),
    });
    setTestCookie(reply, token);
    return view;
  });
  route(app, assessmentApi.startTest, async (request) => asTaker(request, startOwnTest));
  route(app, assessmentApi.currentTest, async (request) => asTaker(request, currentTest));
  route(app, assessmentApi.consentToTest, async (request) => asTaker(request, consentToTest));
  route(app, assessmentApi.answerTest, async (request) =>
    asTaker(request, (t) => answerTest(t, request.body)),
  );
  route(app, assessmentApi.pauseTest, async (request) => asTaker(request, pauseOwnTest));
  route(app, assessmentApi.continueTest, async (request) => asTaker(request, continueOwnTest));
  route(app, assessmentApi.askForHelp, async (request) => asTaker(request, askForHelp));
  route(app, assessmentApi.withdrawTest, async (request, reply) => {
    const view = await asTaker(request, withdrawOwnTest);
    reply.clearCookie(TEST_COOKIE, { path: '/api/tests' });
    return view;
  });
  route(app, assessmentApi.issueTestCode, async (request) => {
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
    return { code, expiresAt: expiresAt.toISOString(), url, qrSvg };
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
