import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { and, desc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { access } from '../platform/http/access';
import { DomainError, notFound } from '../platform/errors';
import { IdParams } from '../organisation';
import crypto from 'node:crypto';
import { startParameters, validateEntry, type BankEntry } from './bank';
import { buildCalibration } from './run-calibration';
import { itemStatistics } from './item-stats';
import {
  CalibrationInput,
  CalibrationView,
  ItemAdminView,
  ItemCreateInput,
  ItemUpdateInput,
  KnowledgeTexts,
  SelfRatingTexts,
  SimulationTexts,
  TriageSettingsInput,
  TriageSettingsView,
} from './assessment-admin.contract';
import {
  assessmentCalibrations,
  assessmentItems,
  assessmentResponses,
  assessments,
  triageSettings,
} from './assessment.schema';
import { activeItems, cutScores } from './assessment.store';
import type { DbOrTx } from '../platform/db/client';
import { clock } from '../platform/clock';

async function completedAnswers(db: DbOrTx, municipalityId: string) {
  return db
    .select({
      assessmentId: assessments.id,
      theta: assessments.theta,
      itemId: assessmentResponses.itemId,
      score: assessmentResponses.score,
    })
    .from(assessmentResponses)
    .innerJoin(assessments, eq(assessments.id, assessmentResponses.assessmentId))
    .where(
      and(eq(assessments.municipalityId, municipalityId), eq(assessments.status, 'completed')),
    );
}

function toCalibrationView(r: typeof assessmentCalibrations.$inferSelect): CalibrationView {
  return {
    id: r.id,
    status: r.status as CalibrationView['status'],
    createdAt: r.createdAt.toISOString(),
    result: r.result,
  };
}

export const assessmentAdminRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;
  const admin = access.roles('admin');

  app.get(
    '/api/assessment/settings',
    {
      config: { access: admin },
      schema: { tags: ['test admin'], response: { 200: TriageSettingsView } },
    },
    async (request) => {
      const cuts = await cutScores(ctx.db, request.actor!.municipalityId);
      return { foundationCut: cuts.foundation, jobGoalCut: cuts.jobGoal };
    },
  );

  app.put(
    '/api/assessment/settings',
    {
      config: { access: admin },
      schema: {
        tags: ['test admin'],
        body: TriageSettingsInput,
        response: { 200: TriageSettingsView },
      },
    },
    async (request) => {
      const actor = request.actor!;
      const values = { ...request.body, updatedBy: actor.userId, updatedAt: clock.now() };
      await ctx.db
        .insert(triageSettings)
        .values({ municipalityId: actor.municipalityId, ...values })
        .onConflictDoUpdate({ target: triageSettings.municipalityId, set: values });
      return request.body;
    },
  );

  app.get(
    '/api/assessment/items',
    {
      config: { access: admin },
      schema: { tags: ['test admin'], response: { 200: z.array(ItemAdminView) } },
    },
    async (request) => {
      const m = request.actor!.municipalityId;
      await activeItems(ctx.db, m); // copies the original bank in on first use
      const rows = await ctx.db
        .select()
        .from(assessmentItems)
        .where(eq(assessmentItems.municipalityId, m))
        .orderBy(assessmentItems.key);
      const answers = await completedAnswers(ctx.db, m);
      const completed = new Set(answers.map((a) => a.assessmentId)).size;
      const stats = new Map(
        itemStatistics(
          rows.map((r) => ({ id: r.id, model: r.model, scored: r.type !== 'self_rating' })),
          answers
            .filter((a) => a.theta !== null)
            .map((a) => ({ itemId: a.itemId, score: a.score, theta: a.theta! })),
          completed,
        ).map((s) => [s.itemId, s]),
      );
      return rows.map((r) => {
        const s = stats.get(r.id)!;
        return {
          id: r.id,
          key: r.key,
          competence: r.competence,
          level: r.level,
          type: r.type,
          kind: r.content.type === 'simulation' ? r.content.kind : null,
          status: r.status,
          paramsSource: r.paramsSource,
          a: r.model.a,
          b: r.model.kind === '2pl' ? -r.model.d / r.model.a : null,
          content: r.content as unknown as Record<string, unknown>,
          stats: {
            responses: s.responses,
            exposure: s.exposure,
            proportionCorrect: s.proportionCorrect,
            itemThetaCorrelation: s.itemThetaCorrelation,
            outfit: s.outfit,
          },
        };
      });
    },
  );

  app.post(
    '/api/assessment/items',
    {
      config: { access: admin },
      schema: {
        tags: ['test admin'],
        body: ItemCreateInput,
        response: { 201: z.object({ id: z.uuid(), key: z.string() }) },
      },
    },
    async (request, reply) => {
      const m = request.actor!.municipalityId;
      const input = request.body;
      const key = `${input.type === 'knowledge' ? 'k' : input.type === 'simulation' ? 's' : 'sr'}-m-${crypto.randomBytes(3).toString('hex')}`;
      const entry = { ...input, id: key } as BankEntry;
      const problems = validateEntry(entry);
      if (problems.length > 0)
        throw new DomainError('invalid', 'item_invalid', 'item_invalid', {
          details: problems.join('; '),
        });
      const row = await ctx.db.transaction(async (tx) => {
        // The original bank is copied in on first use; a first new item must not prevent that.
        await activeItems(tx, m);
        const [inserted] = await tx
          .insert(assessmentItems)
          .values({
            municipalityId: m,
            key,
            competence: entry.competence,
            level: entry.level,
            type: entry.type,
            content: entry,
            model: startParameters(entry),
          })
          .returning();
        return inserted!;
      });
      return reply.code(201).send({ id: row.id, key: row.key });
    },
  );

  app.patch(
    '/api/assessment/items/:id',
    {
      config: { access: admin },
      schema: {
        tags: ['test admin'],
        params: IdParams,
        body: ItemUpdateInput,
        response: { 200: z.object({ id: z.uuid(), status: z.string() }) },
      },
    },
    async (request) => {
      const m = request.actor!.municipalityId;
      const [row] = await ctx.db
        .select()
        .from(assessmentItems)
        .where(
          and(eq(assessmentItems.municipalityId, m), eq(assessmentItems.id, request.params.id)),
        );
      if (!row) throw notFound();
      const input = request.body;
      let text = row.content.text as unknown;
      if (input.text !== undefined) {
        const schema =
          row.type === 'knowledge'
            ? KnowledgeTexts
            : row.type === 'simulation'
              ? SimulationTexts
              : SelfRatingTexts;
        const parsed = schema.safeParse(input.text);
        if (!parsed.success)
          throw new DomainError('invalid', 'item_invalid', 'item_invalid', {
            details: parsed.error.issues.map((i) => i.path.join('.')).join(', '),
          });
        text = parsed.data;
      }
      const content = {
        ...row.content,
        ...(input.level !== undefined && { level: input.level }),
        ...(input.competence !== undefined && { competence: input.competence }),
        ...(input.correct !== undefined && { correct: input.correct }),
        text,
      } as BankEntry;
      const problems = validateEntry(content);
      if (problems.length > 0)
        throw new DomainError('invalid', 'item_invalid', 'item_invalid', {
          details: problems.join('; '),
        });
      const [updated] = await ctx.db
        .update(assessmentItems)
        .set({
          content,
          level: content.level,
          competence: content.competence,
          status: input.status ?? row.status,
          updatedAt: clock.now(),
        })
        .where(eq(assessmentItems.id, row.id))
        .returning();
      return { id: updated!.id, status: updated!.status };
    },
  );

  app.post(
    '/api/assessment/calibrations',
    {
      config: { access: admin },
      schema: { tags: ['test admin'], body: CalibrationInput, response: { 201: CalibrationView } },
    },
    async (request, reply) => {
      const actor = request.actor!;
      const m = actor.municipalityId;
      const result = buildCalibration(
        await activeItems(ctx.db, m),
        await completedAnswers(ctx.db, m),
        request.body.minResponses,
      );
      if (!result)
        throw new DomainError('invalid', 'too_few_responses', 'too_few_responses', {
          min: request.body.minResponses,
        });
      const [row] = await ctx.db
        .insert(assessmentCalibrations)
        .values({ municipalityId: m, createdBy: actor.userId, result })
        .returning();
      return reply.code(201).send(toCalibrationView(row!));
    },
  );

  app.get(
    '/api/assessment/calibrations',
    {
      config: { access: admin },
      schema: { tags: ['test admin'], response: { 200: z.array(CalibrationView) } },
    },
    async (request) => {
      const rows = await ctx.db
        .select()
        .from(assessmentCalibrations)
        .where(eq(assessmentCalibrations.municipalityId, request.actor!.municipalityId))
        .orderBy(desc(assessmentCalibrations.createdAt))
        .limit(20);
      return rows.map(toCalibrationView);
    },
  );

  app.post(
    '/api/assessment/calibrations/:id/:decision',
    {
      config: { access: admin },
      schema: {
        tags: ['test admin'],
        params: z.object({ id: z.uuid(), decision: z.enum(['publish', 'discard']) }),
        response: { 200: CalibrationView },
      },
    },
    async (request) => {
      const actor = request.actor!;
      return ctx.db.transaction(async (tx) => {
        const [run] = await tx
          .select()
          .from(assessmentCalibrations)
          .where(
            and(
              eq(assessmentCalibrations.municipalityId, actor.municipalityId),
              eq(assessmentCalibrations.id, request.params.id),
            ),
          );
        if (!run) throw notFound();
        if (run.status !== 'review')
          throw new DomainError('conflict', 'calibration_decided', 'calibration_decided');
        if (request.params.decision === 'publish') {
          const ids = run.result.items.map((i) => i.itemId);
          const current = await tx
            .select()
            .from(assessmentItems)
            .where(
              and(
                eq(assessmentItems.municipalityId, actor.municipalityId),
                inArray(assessmentItems.id, ids),
              ),
            );
          for (const item of run.result.items) {
            if (!current.some((c) => c.id === item.itemId)) continue;
            await tx
              .update(assessmentItems)
              .set({
                model: item.params,
                paramsSource: 'calibrated',
                updatedAt: clock.now(),
              })
              .where(eq(assessmentItems.id, item.itemId));
          }
        }
        const [updated] = await tx
          .update(assessmentCalibrations)
          .set({
            status: request.params.decision === 'publish' ? 'published' : 'discarded',
            decidedAt: clock.now(),
            decidedBy: actor.userId,
          })
          .where(eq(assessmentCalibrations.id, run.id))
          .returning();
        return toCalibrationView(updated!);
      });
    },
  );
};
