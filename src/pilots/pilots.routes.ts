// Pilot projects: create and run them, refer citizens, draw the lottery, track participation,
// import register data and evaluate. Routes are pipelines: validate → load → authorize → act.

import { and, eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { access } from '../platform/http/access';
import { CSV_CONTENT_TYPE, CsvFormat, csvDialect, toCsv } from '../platform/csv';
import { DomainError, invalid, notFound } from '../platform/errors';
import { auditActor, writeAudit } from '../platform/audit';
import { authorize, permissionsFor } from '../platform/policy';
import { t } from '../platform/i18n/messages';
import type { Actor } from '../platform/auth/roles';
import type { DbOrTx } from '../platform/db/client';
import { IdParams } from '../organisation';
import { citizenPolicy, findCitizen, type EducationLevel } from '../people';
import { latestResults } from '../assessment';
import { EstimationError } from '../evaluation';
import { plotOf, reportPdf } from './evaluation-report';
import {
  ageOn,
  canMove,
  eligibility,
  validCvr,
  verifyLottery,
  LOTTERY_ALGORITHM,
  PILOT_STATUSES,
  type PilotStatus,
  type TriageGroup,
} from './pilots.model';
import {
  EnrolmentView,
  EvaluationView,
  ImportReportView,
  LotteryInput,
  LotteryRecordView,
  ParticipationInput,
  PartnerInput,
  PilotCreateInput,
  PilotSummaryView,
  PilotUpdateInput,
  PilotView,
  ReferralInput,
  StatusInput,
} from './pilots.contract';
import { pilotPolicy, type PilotTarget } from './pilots.policy';
import {
  drawnOrder,
  enrolmentsOf,
  findEnrolment,
  findPilot,
  listPilots,
  lockPilot,
  pilotDetails,
  type PilotRow,
} from './pilots.store';
import { pilotEnrolments, pilotPartners, pilotStatusChanges, pilots } from './pilots.schema';
import { importRegister } from './register-import';
import { loadStudy } from './load-study';
import { committedSeed, runLottery } from './run-lottery';
import { BALANCE_COVARIATES, evaluatePilot, type PilotEvaluation } from './evaluate-pilot.model';
import { clock } from '../platform/clock';

const target = (p: PilotRow): PilotTarget => ({
  municipalityId: p.municipalityId,
  status: p.status as PilotStatus,
  lotteryDrawn: p.lotteryAt !== null,
});

const ACTIONS = ['edit', 'editRule', 'lottery', 'refer', 'seeEnrolments', 'evaluate'] as const;

async function pilotView(db: DbOrTx, actor: Actor, p: PilotRow): Promise<PilotView> {
  const { partners, history, arms } = await pilotDetails(db, p.id);
  const allowed = permissionsFor(pilotPolicy, actor, target(p), ACTIONS);
  const counts = { applicant: 0, participant: 0, control: 0, withdrawn: 0 };
  for (const a of arms) counts[a.arm as keyof typeof counts] = a.n;
  return {
    id: p.id,
    name: p.name,
    description: p.description,
    status: p.status as PilotStatus,
    targetGroup: p.targetGroup,
    learningMethods: p.learningMethods as PilotView['learningMethods'],
    hoursPerWeek: p.hoursPerWeek,
    weeks: p.weeks,
    capacity: p.capacity,
    startsOn: p.startsOn,
    endsOn: p.endsOn,
    budgetDkk: p.budgetDkk,
    decisionRule: p.decisionRule,
    ruleLockedAt: p.ruleLockedAt?.toISOString() ?? null,
    lottery: {
      commitment: p.lotteryCommitment,
      committedAt: p.lotteryCommittedAt?.toISOString() ?? null,
      // Revealed only once drawn: before that, knowing it would let one choose the outcome.
      seed: p.lotteryAt ? p.lotterySeed : null,
      at: p.lotteryAt?.toISOString() ?? null,
    },
    partners: partners.map((x) => ({
      id: x.id,
      kind: x.kind as PilotView['partners'][number]['kind'],
      name: x.name,
      cvr: x.cvr,
      role: x.role,
    })),
    history: history.map((h) => ({
      from: h.fromStatus,
      to: h.toStatus,
      reason: h.reason,
      at: h.at.toISOString(),
    })),
    counts,
    allowed: {
      ...allowed,
      moveTo: pilotPolicy.move(actor, target(p))
        ? PILOT_STATUSES.filter((s) => canMove(p.status as PilotStatus, s))
        : [],
    },
  };
}

export const pilotRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;
  const readers = access.roles('pilot_manager', 'analyst', 'caseworker');
  const manager = access.roles('pilot_manager');

  async function loadPilot(db: DbOrTx, actor: Actor, id: string, forUpdate = false) {
    const p = forUpdate
      ? await lockPilot(db, actor.municipalityId, id)
      : await findPilot(db, actor.municipalityId, id);
    if (!p || !pilotPolicy.read(actor, target(p))) throw notFound();
    return p;
  }

  app.get(
    '/api/pilots',
    {
      config: { access: readers },
      schema: { tags: ['pilots'], response: { 200: z.array(PilotSummaryView) } },
    },
    async (request) => {
      const rows = await listPilots(ctx.db, request.actor!.municipalityId);
      return rows.map((r) => ({
        id: r.pilot.id,
        name: r.pilot.name,
        status: r.pilot.status as PilotStatus,
        startsOn: r.pilot.startsOn,
        endsOn: r.pilot.endsOn,
        capacity: r.pilot.capacity,
        applicants: r.applicants,
        participants: r.participants,
      }));
    },
  );

  app.post(
    '/api/pilots',
    {
      config: { access: manager },
      schema: { tags: ['pilots'], body: PilotCreateInput, response: { 201: PilotView } },
    },
    async (request, reply) => {
      const actor = request.actor!;
      const input = request.body;
      const view = await ctx.db.transaction(async (tx) => {
        const [row] = await tx
          .insert(pilots)
          .values({
            ...input,
            ...committedSeed(),
            municipalityId: actor.municipalityId,
            createdBy: actor.userId,
          })
          .returning();
        await writeAudit(tx, auditActor(request), {
          action: 'pilot.create',
          entity: 'pilot',
          entityId: row!.id,
          purpose: 'pilot_management',
          details: { decisionRule: input.decisionRule },
        });
        return pilotView(tx, actor, row!);
      });
      return reply.code(201).send(view);
    },
  );

  app.get(
    '/api/pilots/:id',
    {
      config: { access: readers },
      schema: { tags: ['pilots'], params: IdParams, response: { 200: PilotView } },
    },
    async (request) => {
      const p = await loadPilot(ctx.db, request.actor!, request.params.id);
      return pilotView(ctx.db, request.actor!, p);
    },
  );

  app.patch(
    '/api/pilots/:id',
    {
      config: { access: manager },
      schema: {
        tags: ['pilots'],
        params: IdParams,
        body: PilotUpdateInput,
        response: { 200: PilotView },
      },
    },
    async (request) => {
      const actor = request.actor!;
      const input = request.body;
      return ctx.db.transaction(async (tx) => {
        const p = await loadPilot(tx, actor, request.params.id, true);
        authorize(pilotPolicy, actor, 'edit', target(p));
        const ruleChanged =
          input.decisionRule !== undefined &&
          JSON.stringify(input.decisionRule) !== JSON.stringify(p.decisionRule);
        if (ruleChanged && !pilotPolicy.editRule(actor, target(p)))
          throw new DomainError('conflict', 'pilot_rule_locked', 'pilot_rule_locked');
        // The start defines week 0 of every outcome, so it freezes with the rule.
        if (
          input.startsOn !== undefined &&
          input.startsOn !== p.startsOn &&
          !pilotPolicy.editRule(actor, target(p))
        )
          throw new DomainError('conflict', 'pilot_start_locked', 'pilot_start_locked');
        const startsOn = input.startsOn ?? p.startsOn;
        const endsOn = input.endsOn ?? p.endsOn;
        if (startsOn > endsOn) throw invalid('pilot_dates');
        const [row] = await tx
          .update(pilots)
          .set({ ...input, updatedAt: clock.now() })
          .where(eq(pilots.id, p.id))
          .returning();
        await writeAudit(tx, auditActor(request), {
          action: ruleChanged ? 'pilot.rule.change' : 'pilot.update',
          entity: 'pilot',
          entityId: p.id,
          purpose: 'pilot_management',
          details: ruleChanged
            ? { from: p.decisionRule, to: input.decisionRule }
            : { fields: Object.keys(input) },
        });
        return pilotView(tx, actor, row!);
      });
    },
  );

  app.post(
    '/api/pilots/:id/status',
    {
      config: { access: manager },
      schema: {
        tags: ['pilots'],
        params: IdParams,
        body: StatusInput,
        response: { 200: PilotView },
      },
    },
    async (request) => {
      const actor = request.actor!;
      const { to, reason } = request.body;
      return ctx.db.transaction(async (tx) => {
        const p = await loadPilot(tx, actor, request.params.id, true);
        authorize(pilotPolicy, actor, 'move', target(p));
        const from = p.status as PilotStatus;
        if (!canMove(from, to))
          throw new DomainError('conflict', 'pilot_move_invalid', 'pilot_move_invalid', {
            from,
            to,
          });
        const now = clock.now();
        const [row] = await tx
          .update(pilots)
          .set({
            status: to,
            updatedAt: now,
            // From the start on, the decision rule is frozen as it was pre-registered.
            ...(to === 'running' && { ruleLockedAt: now }),
          })
          .where(eq(pilots.id, p.id))
          .returning();
        await tx.insert(pilotStatusChanges).values({
          municipalityId: p.municipalityId,
          pilotId: p.id,
          fromStatus: from,
          toStatus: to,
          reason,
          by: actor.userId,
        });
        await writeAudit(tx, auditActor(request), {
          action: 'pilot.status',
          entity: 'pilot',
          entityId: p.id,
          purpose: 'pilot_management',
          details: { from, to, reason },
        });
        return pilotView(tx, actor, row!);
      });
    },
  );

  app.post(
    '/api/pilots/:id/partners',
    {
      config: { access: manager },
      schema: {
        tags: ['pilots'],
        params: IdParams,
        body: PartnerInput,
        response: { 201: PilotView },
      },
    },
    async (request, reply) => {
      const actor = request.actor!;
      const input = request.body;
      if (input.kind === 'company' && !input.cvr) throw invalid('cvr_required');
      if (input.cvr && !validCvr(input.cvr)) throw invalid('cvr_invalid');
      const view = await ctx.db.transaction(async (tx) => {
        const p = await loadPilot(tx, actor, request.params.id);
        authorize(pilotPolicy, actor, 'edit', target(p));
        await tx.insert(pilotPartners).values({
          municipalityId: p.municipalityId,
          pilotId: p.id,
          kind: input.kind,
          name: input.name,
          cvr: input.cvr ?? null,
          role: input.role,
        });
        return pilotView(tx, actor, p);
      });
      return reply.code(201).send(view);
    },
  );

  app.delete(
    '/api/pilots/:id/partners/:partnerId',
    {
      config: { access: manager },
      schema: {
        tags: ['pilots'],
        params: z.object({ id: z.uuid(), partnerId: z.uuid() }),
        response: { 200: PilotView },
      },
    },
    async (request) => {
      const actor = request.actor!;
      return ctx.db.transaction(async (tx) => {
        const p = await loadPilot(tx, actor, request.params.id);
        authorize(pilotPolicy, actor, 'edit', target(p));
        const gone = await tx
          .delete(pilotPartners)
          .where(
            and(eq(pilotPartners.pilotId, p.id), eq(pilotPartners.id, request.params.partnerId)),
          )
          .returning();
        if (gone.length === 0) throw notFound();
        return pilotView(tx, actor, p);
      });
    },
  );

  app.post(
    '/api/pilots/:id/referrals',
    {
      config: { access: access.roles('caseworker', 'pilot_manager'), personalData: true },
      schema: {
        tags: ['pilots'],
        params: IdParams,
        body: ReferralInput,
        response: {
          201: z.object({
            id: z.uuid(),
            eligible: z.boolean(),
            eligibility: z.array(z.object({ rule: z.string(), ok: z.boolean() })),
          }),
        },
      },
    },
    async (request, reply) => {
      const actor = request.actor!;
      const out = await ctx.db.transaction(async (tx) => {
        const p = await loadPilot(tx, actor, request.params.id, true);
        if (!pilotPolicy.refer(actor, target(p)))
          throw new DomainError('conflict', 'referral_closed', 'referral_closed');
        const c = await findCitizen(tx, actor.municipalityId, request.body.citizenId);
        // Caseworkers refer their own citizens; pilot managers take referrals from anyone.
        if (!c || (actor.roles.includes('caseworker') && !citizenPolicy.read(actor, c)))
          throw notFound();
        const test = (await latestResults(tx, actor.municipalityId, [c.id])).get(c.id);
        const checks = eligibility(p.targetGroup, {
          age: ageOn(c.birthDate, p.startsOn),
          triageGroup: (test?.triageGroup as TriageGroup | undefined) ?? null,
          employmentGoal: c.employmentGoal,
          educationLevel: c.educationLevel as EducationLevel | null,
        });
        const [row] = await tx
          .insert(pilotEnrolments)
          .values({
            municipalityId: p.municipalityId,
            pilotId: p.id,
            citizenId: c.id,
            referredBy: actor.userId,
            eligible: checks.every((x) => x.ok),
            eligibility: checks,
          })
          .onConflictDoNothing()
          .returning();
        if (!row) throw new DomainError('conflict', 'already_referred', 'already_referred');
        await writeAudit(tx, auditActor(request), {
          action: 'pilot.referral.create',
          entity: 'pilot_enrolment',
          entityId: row.id,
          citizenId: c.id,
          purpose: actor.roles.includes('caseworker') ? 'case_management' : 'pilot_management',
          details: { pilotId: p.id, eligible: row.eligible },
        });
        return { id: row.id, eligible: row.eligible, eligibility: checks };
      });
      return reply.code(201).send(out);
    },
  );

  app.get(
    '/api/pilots/:id/enrolments',
    {
      config: { access: manager, personalData: true },
      schema: { tags: ['pilots'], params: IdParams, response: { 200: z.array(EnrolmentView) } },
    },
    async (request) => {
      const actor = request.actor!;
      return ctx.db.transaction(async (tx) => {
        const p = await loadPilot(tx, actor, request.params.id);
        authorize(pilotPolicy, actor, 'seeEnrolments', target(p));
        const rows = await enrolmentsOf(tx, p.municipalityId, p.id);
        await writeAudit(tx, auditActor(request), {
          action: 'pilot.enrolment.list',
          entity: 'pilot_enrolment',
          purpose: 'pilot_management',
          details: { pilotId: p.id, count: rows.length },
        });
        return rows.map(({ enrolment: e, firstName, lastName }) => ({
          id: e.id,
          citizenId: e.citizenId,
          name: `${firstName} ${lastName}`,
          eligible: e.eligible,
          eligibility: e.eligibility,
          arm: e.arm as EnrolmentView['arm'],
          lotteryRank: e.lotteryRank,
          sessionsAttended: e.sessionsAttended,
          completedAt: e.completedAt?.toISOString() ?? null,
          certification: e.certification,
        }));
      });
    },
  );

  app.post(
    '/api/pilots/:id/lottery',
    {
      config: { access: manager },
      schema: {
        tags: ['pilots'],
        params: IdParams,
        body: LotteryInput,
        response: { 200: PilotView },
      },
    },
    async (request) => {
      const actor = request.actor!;
      return ctx.db.transaction(async (tx) => {
        const p = await loadPilot(tx, actor, request.params.id, true);
        if (!pilotPolicy.lottery(actor, target(p)))
          throw new DomainError('conflict', 'lottery_not_allowed', 'lottery_not_allowed');
        const { pilot: row, applicants, draw } = await runLottery(tx, p);
        await writeAudit(tx, auditActor(request), {
          action: 'pilot.lottery',
          entity: 'pilot',
          entityId: p.id,
          purpose: 'pilot_management',
          details: {
            seed: row.lotterySeed,
            commitment: row.lotteryCommitment,
            applicants,
            participants: draw.participants.length,
            controls: draw.controls.length,
          },
        });
        return pilotView(tx, actor, row);
      });
    },
  );

  app.get(
    '/api/pilots/:id/lottery',
    {
      config: { access: readers },
      schema: {
        tags: ['pilots'],
        params: IdParams,
        response: { 200: LotteryRecordView },
      },
    },
    async (request) => {
      const p = await loadPilot(ctx.db, request.actor!, request.params.id);
      if (!p.lotteryAt || !p.lotterySeed || !p.lotteryApplicants || p.lotteryCapacity === null)
        throw new DomainError('conflict', 'lottery_not_drawn', 'lottery_not_drawn');
      const ranked = await drawnOrder(ctx.db, p.id);
      const record = {
        commitment: p.lotteryCommitment ?? '',
        seed: p.lotterySeed,
        capacity: p.lotteryCapacity,
        applicants: p.lotteryApplicants,
        participants: ranked.slice(0, p.lotteryCapacity),
        controls: ranked.slice(p.lotteryCapacity),
      };
      return {
        pilotId: p.id,
        algorithm: LOTTERY_ALGORITHM,
        committedAt: p.lotteryCommittedAt?.toISOString() ?? null,
        drawnAt: p.lotteryAt.toISOString(),
        ...record,
        check: verifyLottery(record),
      };
    },
  );

  app.patch(
    '/api/pilot-enrolments/:id',
    {
      config: { access: manager, personalData: true },
      schema: {
        tags: ['pilots'],
        params: IdParams,
        body: ParticipationInput,
        response: { 200: z.object({ id: z.uuid() }) },
      },
    },
    async (request) => {
      const actor = request.actor!;
      const input = request.body;
      return ctx.db.transaction(async (tx) => {
        const e = await findEnrolment(tx, actor.municipalityId, request.params.id);
        if (!e) throw notFound();
        const p = await loadPilot(tx, actor, e.pilotId);
        authorize(pilotPolicy, actor, 'seeEnrolments', target(p));
        if (e.arm !== 'participant') throw invalid('bad_request');
        await tx
          .update(pilotEnrolments)
          .set({
            ...(input.sessionsAttended !== undefined && {
              sessionsAttended: input.sessionsAttended,
            }),
            ...(input.completed !== undefined && {
              completedAt: input.completed ? (e.completedAt ?? clock.now()) : null,
            }),
            ...(input.certification !== undefined && { certification: input.certification }),
            updatedAt: clock.now(),
          })
          .where(eq(pilotEnrolments.id, e.id));
        await writeAudit(tx, auditActor(request), {
          action: 'pilot.participation.update',
          entity: 'pilot_enrolment',
          entityId: e.id,
          citizenId: e.citizenId,
          purpose: 'pilot_management',
          details: { fields: Object.keys(input) },
        });
        return { id: e.id };
      });
    },
  );

  // Register data arrives as a CSV file of up to a few million rows.
  app.register(async (imports) => {
    imports.addContentTypeParser(
      ['text/csv', 'text/plain'],
      { parseAs: 'string', bodyLimit: 200 * 1024 * 1024 },
      (_req, body, done) => done(null, body),
    );
    imports.post(
      '/api/register-imports',
      {
        config: { access: manager },
        bodyLimit: 200 * 1024 * 1024,
        schema: {
          tags: ['pilots'],
          description: 'CSV: cpr,week (YYYY-Www),benefit,employed (0/1),education (0/1)',
          response: {
            200: ImportReportView,
            // Also the shape of every other 400 here, hence the optional parts.
            400: z.object({
              error: z.object({
                code: z.string(),
                message: z.string(),
                fields: z.unknown().optional(),
              }),
              report: ImportReportView.optional(),
            }),
          },
        },
      },
      async (request, reply) => {
        const actor = request.actor!;
        if (typeof request.body !== 'string') throw invalid('bad_request');
        const report = await importRegister(ctx.db, ctx.cipher, actor.municipalityId, request.body);
        if (report.problemCount > 0)
          return reply.code(400).send({
            error: {
              code: 'import_invalid',
              message: t(request.lang, 'import_invalid', { count: report.problemCount }),
            },
            report,
          });
        await writeAudit(ctx.db, auditActor(request), {
          action: 'register.import',
          entity: 'register_weeks',
          purpose: 'pilot_management',
          details: { rows: report.rows, imported: report.imported, unknown: report.unknownPeople },
        });
        return report;
      },
    );
  });

  async function evaluation(
    actor: Actor,
    id: string,
    request: Parameters<typeof auditActor>[0],
    action = 'pilot.evaluation.read',
  ) {
    return ctx.db.transaction(async (tx) => {
      const p = await loadPilot(tx, actor, id);
      authorize(pilotPolicy, actor, 'evaluate', target(p));
      const people = await loadStudy(tx, ctx.cipher, p);
      let result: PilotEvaluation;
      try {
        result = evaluatePilot(p.decisionRule, p.weeks, people);
      } catch (err) {
        if (err instanceof EstimationError)
          throw new DomainError('conflict', 'evaluation_not_possible', 'evaluation_not_possible', {
            reason: err.message,
          });
        throw err;
      }
      await writeAudit(tx, auditActor(request), {
        action,
        entity: 'pilot',
        entityId: p.id,
        purpose: 'evaluation',
        details: { treated: result.nTreated, control: result.nControl, verdict: result.verdict },
      });
      return { pilot: p, result };
    });
  }

  app.get(
    '/api/pilots/:id/evaluation',
    {
      config: { access: access.roles('pilot_manager', 'analyst') },
      schema: { tags: ['pilots'], params: IdParams, response: { 200: EvaluationView } },
    },
    async (request) => {
      const { pilot: p, result } = await evaluation(request.actor!, request.params.id, request);
      // The response schema keeps the per-person sample out of the view.
      return { ...result, rule: p.decisionRule, plotSvg: plotOf(p, result, request.lang) };
    },
  );

  app.get(
    '/api/pilots/:id/evaluation.csv',
    {
      config: { produces: 'text/csv', access: access.roles('pilot_manager', 'analyst') },
      schema: {
        tags: ['pilots'],
        params: IdParams,
        querystring: z.object({ format: CsvFormat }),
        description:
          "The analysis rows, pseudonymised: one per participant and per (matched) control, with covariates, weeks to exit or censoring, and whether the exit happened. By default for a spreadsheet in the user's language (Danish Excel: semicolons, decimal commas, BOM); `?format=rfc4180` is plain comma CSV, ready for `digiloft evaluate survival --time weeks --event exit --group group`.",
      },
    },
    async (request, reply) => {
      const { pilot: p, result } = await evaluation(
        request.actor!,
        request.params.id,
        request,
        'pilot.evaluation.export',
      );
      // A pseudonym per pilot: stable within the pilot, unlinkable across pilots and to the
      // person without the key.
      const pseudonym = (id: string) => ctx.cipher.hash(`pseudonym:${p.id}:${id}`).slice(0, 16);
      const header = ['pseudonym', 'group', ...BALANCE_COVARIATES, 'weeks', 'exit'];
      const rows = result.sample.map((r) => [
        pseudonym(r.id),
        r.group,
        ...BALANCE_COVARIATES.map((k) => Math.round(r.covariates[k] * 1e4) / 1e4),
        r.time,
        r.event,
      ]);
      return reply
        .header('content-type', CSV_CONTENT_TYPE)
        .header('content-disposition', `attachment; filename="evaluering-${p.id}.csv"`)
        .send(toCsv(header, rows, csvDialect(request.query.format, request.lang)));
    },
  );

  app.get(
    '/api/pilots/:id/evaluation.pdf',
    {
      config: { produces: 'application/pdf', access: access.roles('pilot_manager', 'analyst') },
      schema: { tags: ['pilots'], params: IdParams },
    },
    async (request, reply) => {
      const lang = request.lang;
      const { pilot: p, result } = await evaluation(request.actor!, request.params.id, request);
      const pdf = await reportPdf(p, result, plotOf(p, result, lang), lang);
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename="evaluering-${p.id}.pdf"`)
        .send(pdf);
    },
  );
};
