// Learning: the catalogue of offers, citizens' learning plans, places on offers (waiting list,
// attendance, completion) and the statistics. Routes are pipelines: validate → load →
// authorize → act → audit.
import { and, eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { access } from '../platform/http/access';
import { DomainError, invalid, notFound } from '../platform/errors';
import { publicLink } from '../platform/http/origin';
import { auditActor, writeAudit } from '../platform/audit';
import { authorize, permissionsFor } from '../platform/policy';
import type { Actor } from '../platform/auth/roles';
import type { DbOrTx } from '../platform/db/client';
import { IdParams, findMunicipality, findSite } from '../organisation';
import { citizenPolicy, findCitizen, loadAuthorized, loadSelf, type CitizenRow } from '../people';
import { completedTests } from '../assessment';
import { ESCO_ATTRIBUTION, esco } from './esco';
import { buildPlan } from './build-plan';
import { endEnrolment, enrol, fillPlaces } from './enrolments';
import { certificatePdf, issueBadge, levelAchievement, offerAchievement } from './issue-badge';
import { enrolmentPolicy, offerPolicy } from './learning.policy';
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
  OccupationQuery,
  OccupationsView,
  OfferInput,
  OfferSummaryView,
  OfferView,
  PlanInput,
  RevokeInput,
  SessionInput,
  StatsView,
} from './learning.contract';
import {
  activePlan,
  attendanceOf,
  badgesOf,
  enrolmentsWhere,
  findBadge,
  findEnrolment,
  findOffer,
  listOffers,
  offerCounts,
  placeOf,
  sessionsOf,
  statsRows,
  waitlistPlaces,
  type BadgeRow,
  type EnrolmentJoin,
  type OfferRow,
} from './learning.store';
import {
  badges,
  learningAttendance,
  learningEnrolments,
  learningOffers,
  learningPlanItems,
  learningSessions,
} from './learning.schema';
import { learningStats } from './stats.model';
import type {
  LearningMethod,
  OfferFormat,
  PlanItemStatus,
  ProviderKind,
  SuggestionKind,
} from './learning.constants';
import { clock } from '../platform/clock';

const staff = access.roles('admin', 'pilot_manager', 'caseworker', 'ementor', 'analyst');
const manager = access.roles('admin', 'pilot_manager');
const caseworker = access.roles('caseworker');
const runners = access.roles('caseworker', 'admin', 'pilot_manager');
const citizenOnly = access.roles('citizen');
const personal = true;

const iso = (d: Date) => d.toISOString();
const isoOrNull = (d: Date | null) => (d ? d.toISOString() : null);

function summaryOf(
  o: OfferRow,
  c: { enrolled: number; waitlisted: number; nextSession: Date | null },
): OfferSummaryView {
  return {
    id: o.id,
    name: o.name,
    providerKind: o.providerKind as ProviderKind,
    providerName: o.providerName,
    methods: o.methods as LearningMethod[],
    format: o.format as OfferFormat,
    hoursPerWeek: o.hoursPerWeek,
    weeks: o.weeks,
    lifts: o.lifts as OfferView['lifts'],
    languages: o.languages,
    capacity: o.capacity,
    enrolled: c.enrolled,
    waitlisted: c.waitlisted,
    mainstreaming: o.mainstreaming,
    status: o.status as 'active' | 'retired',
    nextSession: isoOrNull(c.nextSession),
  };
}

async function offerView(db: DbOrTx, actor: Actor, o: OfferRow): Promise<OfferView> {
  const counts = await offerCounts(db, o.municipalityId, [o.id]);
  const sessions = await sessionsOf(db, [o.id]);
  return {
    ...summaryOf(o, counts(o.id)),
    description: o.description,
    hostCvr: o.hostCvr,
    prerequisites: o.prerequisites as OfferView['prerequisites'],
    prerequisitesText: o.prerequisitesText,
    priceDkk: o.priceDkk,
    sessions: sessions.map((s) => ({
      id: s.id,
      startsAt: iso(s.startsAt),
      endsAt: iso(s.endsAt),
      siteId: s.siteId,
      place: placeOf(s),
    })),
    permissions: permissionsFor(offerPolicy, actor, o, ['manage', 'seeEnrolments']),
  };
}

async function enrolmentViews(
  db: DbOrTx,
  actor: Actor,
  rows: EnrolmentJoin[],
): Promise<EnrolmentView[]> {
  const offerIds = [...new Set(rows.map((r) => r.enrolment.offerId))];
  const sessions = await sessionsOf(db, offerIds);
  const attendance = await attendanceOf(
    db,
    rows.map((r) => r.enrolment.id),
  );
  const places = await waitlistPlaces(db, offerIds);
  return rows.map(({ enrolment: e, offerName, citizen, badgeId }) => {
    const mine = attendance.filter((a) => a.enrolmentId === e.id);
    return {
      id: e.id,
      offerId: e.offerId,
      offerName,
      citizenId: citizen.id,
      citizenName: `${citizen.firstName} ${citizen.lastName}`,
      status: e.status as EnrolmentView['status'],
      waitlistPlace: places.get(e.id) ?? null,
      queuedAt: iso(e.queuedAt),
      completedAt: isoOrNull(e.completedAt),
      endReason: e.endReason,
      attended: mine.filter((a) => a.present).length,
      sessions: sessions
        .filter((s) => s.offerId === e.offerId)
        .map((s) => ({
          id: s.id,
          startsAt: iso(s.startsAt),
          endsAt: iso(s.endsAt),
          siteId: s.siteId,
          place: placeOf(s),
          present: mine.find((a) => a.sessionId === s.id)?.present ?? null,
        })),
      badgeId,
      permissions: permissionsFor(
        enrolmentPolicy,
        actor,
        { municipalityId: e.municipalityId, status: e.status, citizen },
        ['cancel', 'attend', 'complete'],
      ),
    };
  });
}

const badgeView = (
  b: BadgeRow,
  testWithdrawnAt: Date | null = null,
): z.infer<typeof BadgeView> => ({
  id: b.id,
  kind: b.kind as 'offer' | 'digcomp',
  name: b.name,
  issuedAt: iso(b.issuedAt),
  revokedAt: isoOrNull(b.revokedAt ?? testWithdrawnAt),
  revokeReason: b.revokeReason,
  testWithdrawn: testWithdrawnAt !== null,
});

/** Everything about a citizen's learning: plan, places, badges, test progress. */
async function learningView(db: DbOrTx, actor: Actor, c: CitizenRow): Promise<LearningView> {
  const active = await activePlan(db, c.municipalityId, c.id);
  const tests = await completedTests(db, c.municipalityId, c.id);
  const mine = await badgesOf(db, c.municipalityId, c.id);
  const latest = tests.at(-1);
  const held = new Set(
    mine
      .filter(
        ({ badge: b, testWithdrawnAt }) => b.kind === 'digcomp' && !b.revokedAt && !testWithdrawnAt,
      )
      .map(({ badge: b }) => `${b.area}:${b.level}`),
  );
  const planTest = active?.plan.assessmentId
    ? tests.find((t) => t.id === active.plan.assessmentId)
    : undefined;
  return {
    plan: active
      ? {
          id: active.plan.id,
          occupationId: active.plan.occupationId,
          occupationLabel: active.plan.occupationLabel,
          escoVersion: active.plan.escoVersion,
          attribution: ESCO_ATTRIBUTION,
          testedAt: planTest ? iso(planTest.completedAt) : null,
          gaps: active.plan.gaps,
          items: active.items.map((i) => ({
            id: i.id,
            kind: i.kind as SuggestionKind,
            refId: i.refId,
            title: i.title,
            rank: i.rank,
            score: i.score,
            covers: i.covers,
            reasons: i.reasons,
            status: i.status as PlanItemStatus,
            decidedAt: isoOrNull(i.decidedAt),
          })),
          createdAt: iso(active.plan.createdAt),
        }
      : null,
    enrolments: await enrolmentViews(
      db,
      actor,
      await enrolmentsWhere(db, c.municipalityId, { citizenId: c.id }),
    ),
    badges: mine.map((b) => badgeView(b.badge, b.testWithdrawnAt)),
    progress: tests.map((t) => ({ completedAt: iso(t.completedAt), areas: t.areas })),
    claimable: (latest?.areas ?? [])
      .filter((a): a is { area: string; level: number } => a.level !== null && a.level >= 1)
      .filter((a) => !held.has(`${a.area}:${a.level}`)),
  };
}

export const learningRoutes: FastifyPluginAsyncZod = async (app) => {
  const ctx = app.ctx;

  async function loadOffer(db: DbOrTx, actor: Actor, id: string) {
    const o = await findOffer(db, actor.municipalityId, id);
    if (!o) throw notFound();
    authorize(offerPolicy, actor, 'read', o, 'not_found');
    return o;
  }

  const contactOf = (db: DbOrTx, municipalityId: string) => async (citizenId: string) =>
    (await findCitizen(db, municipalityId, citizenId)) ?? {
      email: null,
      phone: null,
      userId: null,
    };

  const issuerOf = async (db: DbOrTx, municipalityId: string) => ({
    municipalityId,
    name: (await findMunicipality(db, municipalityId))?.name ?? 'Jobcenter',
    origin: ctx.settings.publicUrl,
  });

  // The catalogue.

  app.get(
    '/api/learning/offers',
    {
      config: { access: staff },
      schema: {
        tags: ['learning'],
        querystring: z.object({ all: z.enum(['0', '1']).default('0') }),
        response: { 200: z.array(OfferSummaryView) },
      },
    },
    async (request) => {
      const actor = request.actor!;
      const offers = await listOffers(ctx.db, actor.municipalityId, request.query.all === '1');
      const counts = await offerCounts(ctx.db, actor.municipalityId);
      return offers.map((o) => summaryOf(o, counts(o.id)));
    },
  );

  app.post(
    '/api/learning/offers',
    {
      config: { access: manager },
      schema: { tags: ['learning'], body: OfferInput, response: { 201: OfferView } },
    },
    async (request, reply) => {
      const actor = request.actor!;
      const [o] = await ctx.db
        .insert(learningOffers)
        .values({ ...request.body, municipalityId: actor.municipalityId, createdBy: actor.userId })
        .returning();
      return reply.code(201).send(await offerView(ctx.db, actor, o!));
    },
  );

  app.get(
    '/api/learning/offers/:id',
    {
      config: { access: staff },
      schema: { tags: ['learning'], params: IdParams, response: { 200: OfferView } },
    },
    async (request) =>
      offerView(ctx.db, request.actor!, await loadOffer(ctx.db, request.actor!, request.params.id)),
  );

  app.put(
    '/api/learning/offers/:id',
    {
      config: { access: manager },
      schema: {
        tags: ['learning'],
        params: IdParams,
        body: OfferInput,
        response: { 200: OfferView },
      },
    },
    async (request) => {
      const actor = request.actor!;
      return ctx.db.transaction(async (tx) => {
        const o = await loadOffer(tx, actor, request.params.id);
        authorize(offerPolicy, actor, 'manage', o);
        const [updated] = await tx
          .update(learningOffers)
          .set({ ...request.body, updatedAt: clock.now() })
          .where(eq(learningOffers.id, o.id))
          .returning();
        // More places: the waiting list moves up at once.
        await fillPlaces(tx, updated!, contactOf(tx, actor.municipalityId));
        return offerView(tx, actor, updated!);
      });
    },
  );

  app.post(
    '/api/learning/offers/:id/retire',
    {
      config: { access: manager },
      schema: { tags: ['learning'], params: IdParams, response: { 200: OfferView } },
    },
    async (request) => {
      const actor = request.actor!;
      return ctx.db.transaction(async (tx) => {
        const o = await loadOffer(tx, actor, request.params.id);
        authorize(offerPolicy, actor, 'manage', o);
        const [updated] = await tx
          .update(learningOffers)
          .set({ status: 'retired', updatedAt: clock.now() })
          .where(eq(learningOffers.id, o.id))
          .returning();
        return offerView(tx, actor, updated!);
      });
    },
  );

  app.post(
    '/api/learning/offers/:id/sessions',
    {
      config: { access: manager },
      schema: {
        tags: ['learning'],
        params: IdParams,
        body: SessionInput,
        response: { 201: OfferView },
      },
    },
    async (request, reply) => {
      const actor = request.actor!;
      const input = request.body;
      const view = await ctx.db.transaction(async (tx) => {
        const o = await loadOffer(tx, actor, request.params.id);
        authorize(offerPolicy, actor, 'manage', o);
        if (input.siteId) {
          if (!(await findSite(tx, actor.municipalityId, input.siteId)))
            throw invalid('site_invalid');
        }
        await tx.insert(learningSessions).values({
          municipalityId: o.municipalityId,
          offerId: o.id,
          startsAt: new Date(input.startsAt),
          endsAt: new Date(input.endsAt),
          siteId: input.siteId,
          location: input.location,
        });
        return offerView(tx, actor, o);
      });
      return reply.code(201).send(view);
    },
  );

  app.delete(
    '/api/learning/offers/:id/sessions/:sessionId',
    {
      config: { access: manager },
      schema: {
        tags: ['learning'],
        params: z.object({ id: z.uuid(), sessionId: z.uuid() }),
        response: { 200: OfferView },
      },
    },
    async (request) => {
      const actor = request.actor!;
      return ctx.db.transaction(async (tx) => {
        const o = await loadOffer(tx, actor, request.params.id);
        authorize(offerPolicy, actor, 'manage', o);
        // Attendance recorded for the session goes with it.
        const gone = await tx
          .delete(learningSessions)
          .where(
            and(
              eq(learningSessions.offerId, o.id),
              eq(learningSessions.id, request.params.sessionId),
            ),
          )
          .returning();
        if (gone.length === 0) throw notFound();
        return offerView(tx, actor, o);
      });
    },
  );

  app.get(
    '/api/learning/offers/:id/enrolments',
    {
      config: { access: manager, personalData: personal },
      schema: { tags: ['learning'], params: IdParams, response: { 200: z.array(EnrolmentView) } },
    },
    async (request) => {
      const actor = request.actor!;
      return ctx.db.transaction(async (tx) => {
        const o = await loadOffer(tx, actor, request.params.id);
        authorize(offerPolicy, actor, 'seeEnrolments', o);
        const rows = await enrolmentsWhere(tx, actor.municipalityId, { offerId: o.id });
        for (const r of rows)
          await writeAudit(tx, auditActor(request), {
            action: 'learning.enrolment.read',
            entity: 'learning_enrolment',
            entityId: r.enrolment.id,
            citizenId: r.citizen.id,
            purpose: 'learning_management',
          });
        return enrolmentViews(tx, actor, rows);
      });
    },
  );

  // Learning plans.

  app.get(
    '/api/esco/occupations',
    {
      config: { access: staff },
      schema: {
        tags: ['learning'],
        querystring: OccupationQuery,
        response: { 200: OccupationsView },
      },
    },
    async (request) => ({
      attribution: ESCO_ATTRIBUTION,
      occupations: esco()
        .search(request.query.q, 20)
        .map((o) => ({
          id: o.id,
          label: o.label,
          code: o.code,
          altLabels: o.altLabels.slice(0, 3),
        })),
    }),
  );

  app.get(
    '/api/citizens/:id/learning',
    {
      config: { access: caseworker, personalData: personal },
      schema: { tags: ['learning'], params: IdParams, response: { 200: LearningView } },
    },
    async (request) => {
      const actor = request.actor!;
      return ctx.db.transaction(async (tx) => {
        const c = await loadAuthorized(tx, actor, request.params.id, 'update');
        await writeAudit(tx, auditActor(request), {
          action: 'learning.plan.read',
          entity: 'citizen',
          entityId: c.id,
          citizenId: c.id,
          purpose: 'case_management',
        });
        return learningView(tx, actor, c);
      });
    },
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
      const actor = request.actor!;
      const occupation = esco().find(request.body.occupationId);
      if (!occupation) throw invalid('occupation_unknown');
      const view = await ctx.db.transaction(async (tx) => {
        const c = await loadAuthorized(tx, actor, request.params.id, 'update');
        const { plan } = await buildPlan(tx, { citizen: c, occupation, by: actor.userId });
        await writeAudit(tx, auditActor(request), {
          action: 'learning.plan.create',
          entity: 'learning_plan',
          entityId: plan.id,
          citizenId: c.id,
          purpose: 'case_management',
          details: { occupation: occupation.label },
        });
        return learningView(tx, actor, c);
      });
      return reply.code(201).send(view);
    },
  );

  // Places on offers.

  app.post(
    '/api/learning/enrolments',
    {
      config: { access: caseworker, personalData: personal },
      schema: { tags: ['learning'], body: EnrolInput, response: { 201: EnrolmentView } },
    },
    async (request, reply) => {
      const actor = request.actor!;
      const input = request.body;
      const view = await ctx.db.transaction(async (tx) => {
        const c = await loadAuthorized(tx, actor, input.citizenId, 'update');
        const o = await loadOffer(tx, actor, input.offerId);
        if (o.status !== 'active')
          throw new DomainError('conflict', 'offer_retired', 'offer_retired');
        if (input.planItemId) {
          const [item] = await tx
            .select({ refId: learningPlanItems.refId })
            .from(learningPlanItems)
            .where(
              and(
                eq(learningPlanItems.id, input.planItemId),
                eq(learningPlanItems.municipalityId, actor.municipalityId),
              ),
            );
          if (!item || item.refId !== o.id) throw invalid('plan_item_not_offer');
        }
        const e = await enrol(tx, {
          offer: o,
          citizen: c,
          planItemId: input.planItemId ?? null,
          by: actor.userId,
        });
        await writeAudit(tx, auditActor(request), {
          action: 'learning.enrolment.create',
          entity: 'learning_enrolment',
          entityId: e.id,
          citizenId: c.id,
          purpose: 'case_management',
          details: { offer: o.name, status: e.status },
        });
        return viewOne(tx, actor, e.id);
      });
      return reply.code(201).send(view);
    },
  );

  /** Loads an enrolment and checks the actor may do `action` to it. */
  async function loadEnrolment(
    db: DbOrTx,
    actor: Actor,
    id: string,
    action: 'cancel' | 'attend' | 'complete',
  ) {
    const row = await findEnrolment(db, actor.municipalityId, id);
    if (!row) throw notFound();
    const target = {
      municipalityId: row.enrolment.municipalityId,
      status: row.enrolment.status,
      citizen: row.citizen,
    };
    // Those who may not see the place at all get 404; those who may see it but not now, 409.
    if (!enrolmentPolicy.read(actor, target)) throw notFound();
    if (!enrolmentPolicy[action](actor, target))
      throw new DomainError('conflict', 'enrolment_ended', 'enrolment_ended');
    const offer = (await findOffer(db, actor.municipalityId, row.enrolment.offerId))!;
    return { ...row, offer };
  }

  const purposeFor = (actor: Actor) =>
    actor.roles.includes('citizen')
      ? 'self_access'
      : actor.roles.includes('caseworker')
        ? 'case_management'
        : 'learning_management';

  async function viewOne(db: DbOrTx, actor: Actor, enrolmentId: string) {
    const rows = await enrolmentsWhere(db, actor.municipalityId, { id: enrolmentId });
    return (await enrolmentViews(db, actor, rows))[0]!;
  }

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
    async (request) => {
      const actor = request.actor!;
      return ctx.db.transaction(async (tx) => {
        const { enrolment, citizen, offer } = await loadEnrolment(
          tx,
          actor,
          request.params.id,
          'cancel',
        );
        const { promoted } = await endEnrolment(
          tx,
          offer,
          enrolment,
          'cancelled',
          request.body.reason,
          contactOf(tx, actor.municipalityId),
        );
        await writeAudit(tx, auditActor(request), {
          action: 'learning.enrolment.cancel',
          entity: 'learning_enrolment',
          entityId: enrolment.id,
          citizenId: citizen.id,
          purpose: purposeFor(actor),
        });
        for (const p of promoted)
          await writeAudit(tx, auditActor(request), {
            action: 'learning.enrolment.promote',
            entity: 'learning_enrolment',
            entityId: p.id,
            citizenId: p.citizenId,
            purpose: 'system',
          });
        return viewOne(tx, actor, enrolment.id);
      });
    },
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
    async (request) => {
      const actor = request.actor!;
      return ctx.db.transaction(async (tx) => {
        const { enrolment, citizen } = await loadEnrolment(tx, actor, request.params.id, 'attend');
        const [session] = await tx
          .select({ id: learningSessions.id })
          .from(learningSessions)
          .where(
            and(
              eq(learningSessions.id, request.body.sessionId),
              eq(learningSessions.offerId, enrolment.offerId),
            ),
          );
        if (!session) throw invalid('session_not_of_offer');
        await tx
          .insert(learningAttendance)
          .values({
            municipalityId: enrolment.municipalityId,
            enrolmentId: enrolment.id,
            sessionId: session.id,
            present: request.body.present,
            recordedBy: actor.userId,
          })
          .onConflictDoUpdate({
            target: [learningAttendance.enrolmentId, learningAttendance.sessionId],
            set: {
              present: request.body.present,
              recordedBy: actor.userId,
              recordedAt: clock.now(),
            },
          });
        await writeAudit(tx, auditActor(request), {
          action: 'learning.attendance.update',
          entity: 'learning_enrolment',
          entityId: enrolment.id,
          citizenId: citizen.id,
          purpose: purposeFor(actor),
        });
        return viewOne(tx, actor, enrolment.id);
      });
    },
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
    async (request) => {
      const actor = request.actor!;
      return ctx.db.transaction(async (tx) => {
        const { enrolment, citizen, offer } = await loadEnrolment(
          tx,
          actor,
          request.params.id,
          'complete',
        );
        let badgeId: string | null = null;
        if (request.body.outcome === 'dropped_out') {
          await endEnrolment(
            tx,
            offer,
            enrolment,
            'dropped_out',
            'dropped_out',
            contactOf(tx, actor.municipalityId),
          );
        } else {
          await tx
            .update(learningEnrolments)
            .set({ status: 'completed', completedAt: clock.now(), updatedAt: clock.now() })
            .where(eq(learningEnrolments.id, enrolment.id));
          const badge = await issueBadge(tx, ctx.cipher, {
            issuer: await issuerOf(tx, actor.municipalityId),
            citizen,
            achievement: offerAchievement(offer),
            kind: 'offer',
            enrolmentId: enrolment.id,
            by: actor.userId,
          });
          badgeId = badge.id;
        }
        // One row for the completion and the badge it earned.
        await writeAudit(tx, auditActor(request), {
          action: 'learning.enrolment.complete',
          entity: 'learning_enrolment',
          entityId: enrolment.id,
          citizenId: citizen.id,
          purpose: purposeFor(actor),
          details: { outcome: request.body.outcome, badgeId },
        });
        return viewOne(tx, actor, enrolment.id);
      });
    },
  );

  // The citizen's own plan, places and badges.

  app.get(
    '/api/me/learning',
    {
      config: { access: citizenOnly, personalData: personal },
      schema: { tags: ['me'], response: { 200: LearningView } },
    },
    async (request) => {
      const actor = request.actor!;
      return ctx.db.transaction(async (tx) => {
        const c = await loadSelf(tx, actor);
        await writeAudit(tx, auditActor(request), {
          action: 'learning.plan.read',
          entity: 'citizen',
          entityId: c.id,
          citizenId: c.id,
          purpose: 'self_access',
        });
        return learningView(tx, actor, c);
      });
    },
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
    async (request) => {
      const actor = request.actor!;
      return ctx.db.transaction(async (tx) => {
        const c = await loadSelf(tx, actor);
        const active = await activePlan(tx, c.municipalityId, c.id);
        const item = active?.items.find((i) => i.id === request.params.id);
        if (!item) throw notFound();
        await tx
          .update(learningPlanItems)
          .set({ status: request.body.decision, decidedAt: clock.now() })
          .where(eq(learningPlanItems.id, item.id));
        await writeAudit(tx, auditActor(request), {
          action: 'learning.plan.decide',
          entity: 'learning_plan_item',
          entityId: item.id,
          citizenId: c.id,
          purpose: 'self_access',
          details: { decision: request.body.decision },
        });
        return learningView(tx, actor, c);
      });
    },
  );

  app.post(
    '/api/me/badges/claim',
    {
      config: { access: citizenOnly, personalData: personal },
      schema: { tags: ['me'], body: ClaimInput, response: { 201: BadgeView } },
    },
    async (request, reply) => {
      const actor = request.actor!;
      const view = await ctx.db.transaction(async (tx) => {
        const c = await loadSelf(tx, actor);
        const latest = (await completedTests(tx, c.municipalityId, c.id)).at(-1);
        const level = latest?.areas.find((a) => a.area === request.body.area)?.level ?? null;
        if (level === null || level < 1) throw invalid('nothing_to_claim');
        const held = (await badgesOf(tx, c.municipalityId, c.id)).find(
          ({ badge: b }) =>
            b.kind === 'digcomp' &&
            b.assessmentId === latest!.id &&
            b.area === request.body.area &&
            b.level === level,
        );
        if (held) return badgeView(held.badge);
        const badge = await issueBadge(tx, ctx.cipher, {
          issuer: await issuerOf(tx, c.municipalityId),
          citizen: c,
          achievement: levelAchievement(request.body.area, level),
          kind: 'digcomp',
          assessmentId: latest!.id,
          area: request.body.area,
          level,
          by: actor.userId,
        });
        await writeAudit(tx, auditActor(request), {
          action: 'badge.issue',
          entity: 'badge',
          entityId: badge.id,
          citizenId: c.id,
          purpose: 'self_access',
        });
        return badgeView(badge);
      });
      return reply.code(201).send(view);
    },
  );

  async function loadOwnBadge(db: DbOrTx, actor: Actor, id: string) {
    const c = await loadSelf(db, actor);
    const b = await findBadge(db, id);
    if (!b || b.citizenId !== c.id) throw notFound();
    return { c, b };
  }

  app.get(
    '/api/me/badges/:id/credential',
    {
      config: { produces: 'application/vc+jwt', access: citizenOnly, personalData: personal },
      schema: { tags: ['me'], params: IdParams },
    },
    async (request, reply) => {
      const actor = request.actor!;
      const b = await ctx.db.transaction(async (tx) => {
        const { c, b } = await loadOwnBadge(tx, actor, request.params.id);
        await writeAudit(tx, auditActor(request), {
          action: 'badge.download',
          entity: 'badge',
          entityId: b.id,
          citizenId: c.id,
          purpose: 'self_access',
        });
        return b;
      });
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
      const actor = request.actor!;
      const { c, b } = await ctx.db.transaction(async (tx) => {
        const found = await loadOwnBadge(tx, actor, request.params.id);
        await writeAudit(tx, auditActor(request), {
          action: 'badge.certificate',
          entity: 'badge',
          entityId: found.b.id,
          citizenId: found.c.id,
          purpose: 'self_access',
        });
        return found;
      });
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
    async (request) => {
      const actor = request.actor!;
      return ctx.db.transaction(async (tx) => {
        const b = await findBadge(tx, request.params.id);
        if (!b || b.municipalityId !== actor.municipalityId) throw notFound();
        const c = (await findCitizen(tx, actor.municipalityId, b.citizenId))!;
        const allowed = actor.roles.includes('admin') || citizenPolicy.update(actor, c);
        if (!allowed) throw notFound();
        if (b.revokedAt) throw new DomainError('conflict', 'badge_revoked', 'badge_revoked');
        const [revoked] = await tx
          .update(badges)
          .set({
            revokedAt: clock.now(),
            revokedBy: actor.userId,
            revokeReason: request.body.reason,
          })
          .where(eq(badges.id, b.id))
          .returning();
        await writeAudit(tx, auditActor(request), {
          action: 'badge.revoke',
          entity: 'badge',
          entityId: b.id,
          citizenId: c.id,
          purpose: actor.roles.includes('caseworker') ? 'case_management' : 'administration',
        });
        return badgeView(revoked!);
      });
    },
  );

  // Statistics (aggregates only).

  app.get(
    '/api/learning/stats',
    {
      config: { access: access.roles('analyst', 'admin', 'pilot_manager') },
      schema: { tags: ['learning'], response: { 200: StatsView } },
    },
    async (request) => learningStats(await statsRows(ctx.db, request.actor!.municipalityId)),
  );
};
