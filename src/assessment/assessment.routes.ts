import QRCode from 'qrcode';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { DbOrTx } from '../platform/db/client';
import { z } from 'zod';
import { access } from '../platform/http/access';
import { DomainError, notFound } from '../platform/errors';
import { TEST_COOKIE } from '../platform/http/app-constants';
import { publicLink } from '../platform/http/origin';
import { auditActor, writeAudit } from '../platform/audit';
import { recordAttempt, testCodeWaitSeconds, throttledError } from '../organisation';
import { citizenPolicy, findCitizen, findCitizenByUser } from '../people';
import { IdParams } from '../organisation';
import { helpedCitizen } from '../workshops';
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
  type ResultView,
} from './assessment.contract';
import {
  claimCode,
  findCodeByHash,
  findCodeWithAssessment,
  findOpenAssessmentForCitizen,
  insertCode,
  listAssessmentsForCitizen,
  listCodesByCreator,
  type AssessmentRow,
} from './assessment.store';
import type { testCodes } from './assessment.schema';
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
import { CODE_DAYS, codeHash, newCode } from './test-codes';
import { linkCodeResult } from './link-test-result';
import { testCodePolicy } from './assessment.policy';
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

function citizenAssessmentView(r: AssessmentRow) {
  return {
    id: r.id,
    status: r.status,
    startedAt: r.startedAt.toISOString(),
    completedAt: r.completedAt?.toISOString() ?? null,
    consentAt: r.consentAt?.toISOString() ?? null,
    result: (r.result as ResultView | null) ?? null,
  };
}

function issuedCodeView(
  code: typeof testCodes.$inferSelect,
  a: AssessmentRow | null,
  now: Date,
): IssuedCodeView {
  return {
    id: code.id,
    createdAt: code.createdAt.toISOString(),
    expiresAt: code.expiresAt.toISOString(),
    status: a
      ? (a.status as IssuedCodeView['status'])
      : code.expiresAt < now
        ? 'expired'
        : 'unused',
    linkedToCitizen: Boolean(a?.citizenId ?? code.citizenId),
  };
}

/** How long a giver can follow the codes they handed out. */
const CODE_LIST_DAYS = 30;

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
      if (!view) throw new DomainError('invalid', 'code_invalid', 'code_invalid');
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
      const actor = request.actor!;
      const citizenId = request.body.citizenId ?? null;
      const code = newCode();
      const expiresAt = new Date(clock.ms() + CODE_DAYS * 86400_000);
      await ctx.db.transaction(async (tx) => {
        if (citizenId) {
          const c = await findCitizen(tx, actor.municipalityId, citizenId);
          if (!c || !citizenPolicy.read(actor, c)) throw notFound();
        }
        const row = await insertCode(tx, {
          municipalityId: actor.municipalityId,
          codeHash: codeHash(ctx.cipher, code),
          citizenId,
          createdBy: actor.userId,
          expiresAt,
        });
        if (citizenId) {
          await writeAudit(tx, auditActor(request), {
            action: 'assessment.code.create',
            entity: 'test_code',
            entityId: row.id,
            citizenId,
            purpose: 'case_management',
          });
        }
      });
      const pretty = `${code.slice(0, 4)}-${code.slice(4)}`;
      // The code travels in the QR link's fragment, which browsers never send to a server.
      const url = publicLink(ctx.settings, `/test#kode=${pretty}`);
      const qrSvg = await QRCode.toString(url, {
        type: 'svg',
        margin: 1,
        errorCorrectionLevel: 'M',
      });
      return reply.code(201).send({ code: pretty, expiresAt: expiresAt.toISOString(), url, qrSvg });
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

  /** A citizen's tests, read and audited with the reader's purpose. */
  async function historyOf(
    tx: DbOrTx,
    request: FastifyRequest,
    citizenId: string,
    purpose: 'case_management' | 'digital_guidance',
  ) {
    const rows = await listAssessmentsForCitizen(tx, request.actor!.municipalityId, citizenId);
    await writeAudit(tx, auditActor(request), {
      action: 'assessment.read',
      entity: 'assessment',
      citizenId,
      purpose,
      details: { count: rows.length },
    });
    return rows.map(citizenAssessmentView);
  }

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
    async (request) => {
      const actor = request.actor!;
      return ctx.db.transaction(async (tx) => {
        const c = await findCitizen(tx, actor.municipalityId, request.params.id);
        if (!c || !citizenPolicy.read(actor, c)) throw notFound();
        return historyOf(tx, request, c.id, 'case_management');
      });
    },
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
    async (request) => {
      const actor = request.actor!;
      return ctx.db.transaction(async (tx) => {
        const citizenId = await helpedCitizen(tx, actor, request.params.id);
        return historyOf(tx, request, citizenId, 'digital_guidance');
      });
    },
  );

  app.get(
    '/api/test-codes',
    {
      config: { access: access.roles('caseworker', 'ementor'), personalData: personal },
      schema: { tags: ['test'], response: { 200: z.array(IssuedCodeView) } },
    },
    async (request) => {
      const actor = request.actor!;
      const since = new Date(clock.ms() - CODE_LIST_DAYS * 86400_000);
      return ctx.db.transaction(async (tx) => {
        const rows = await listCodesByCreator(tx, actor.municipalityId, actor.userId, since);
        // Like a caseload listing: one row for the list, naming no single citizen.
        await writeAudit(tx, auditActor(request), {
          action: 'assessment.code.list',
          entity: 'test_code',
          purpose: request.actingRole === 'caseworker' ? 'case_management' : 'digital_guidance',
          details: { count: rows.length },
        });
        const now = clock.now();
        return rows.map((r) => issuedCodeView(r.code, r.assessment, now));
      });
    },
  );

  app.get(
    '/api/test-codes/:id',
    {
      config: { access: access.roles('caseworker', 'ementor'), personalData: personal },
      schema: { tags: ['test'], params: IdParams, response: { 200: CodeResultView } },
    },
    async (request) => {
      const actor = request.actor!;
      return ctx.db.transaction(async (tx) => {
        const row = await findCodeWithAssessment(tx, actor.municipalityId, {
          id: request.params.id,
        });
        if (!row || !testCodePolicy.readResult(actor, row.code)) throw notFound();
        const a = row.assessment;
        await writeAudit(tx, auditActor(request), {
          action: 'assessment.read',
          entity: 'assessment',
          entityId: a?.id ?? null,
          citizenId: a?.citizenId ?? row.code.citizenId,
          purpose: request.actingRole === 'caseworker' ? 'case_management' : 'digital_guidance',
        });
        return {
          ...issuedCodeView(row.code, a, clock.now()),
          completedAt: a?.completedAt?.toISOString() ?? null,
          result: (a?.result as ResultView | null) ?? null,
        };
      });
    },
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
    async (request) => {
      const actor = request.actor!;
      return ctx.db.transaction(async (tx) => {
        const c = await findCitizen(tx, actor.municipalityId, request.params.id);
        if (!c || !citizenPolicy.update(actor, c)) throw notFound();
        const a = await linkCodeResult(
          tx,
          ctx.cipher,
          { municipalityId: actor.municipalityId, citizenId: c.id },
          request.body.code,
        );
        await writeAudit(tx, auditActor(request), {
          action: 'assessment.link',
          entity: 'assessment',
          entityId: a.id,
          citizenId: c.id,
          purpose: 'case_management',
        });
        return citizenAssessmentView(a);
      });
    },
  );
};
