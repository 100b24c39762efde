// Matchmaking events over HTTP: parse, call the use case (events.use-cases.ts), answer.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { inTransaction } from '../platform/http/use-case';
import { publicLink } from '../platform/http/origin';
import { route } from '../platform/http/route';
import { eventsApi } from './events.contract';
import {
  addEventCompany,
  answerCandidate,
  checkIn,
  citizenMeetings,
  companyAgendaIcs,
  companyEvents,
  createEvent,
  declineEvent,
  inviteCandidates,
  listMatchmakingEvents,
  matchmakingStats,
  pilotChoices,
  pilotOutcomes,
  myAgendaIcs,
  myEvents,
  publishEvent,
  readEvent,
  recordOutcome,
  register,
  reschedule,
  runScheduler,
  setCompanyUnavailable,
  setRule,
} from './events.use-cases';

const ICS = 'text/calendar; charset=utf-8';

export const eventRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;
  const link = (path: string) => publicLink(ctx.settings, path);

  route(app, eventsApi.listEvents, async (request) =>
    inTransaction(ctx.db, request, listMatchmakingEvents),
  );
  route(app, eventsApi.createEvent, async (request, reply) =>
    reply
      .code(201)
      .send(await inTransaction(ctx.db, request, (uc) => createEvent(uc, request.body))),
  );
  route(app, eventsApi.getEvent, async (request) =>
    inTransaction(ctx.db, request, (uc) => readEvent(uc, request.params.id)),
  );
  route(app, eventsApi.addEventCompany, async (request, reply) =>
    reply
      .code(201)
      .send(
        await inTransaction(ctx.db, request, (uc) =>
          addEventCompany(uc, request.params.id, request.body),
        ),
      ),
  );
  route(app, eventsApi.inviteCandidates, async (request) =>
    inTransaction(ctx.db, request, (uc) =>
      inviteCandidates(uc, request.params.id, request.body, link),
    ),
  );
  route(app, eventsApi.setRule, async (request) =>
    inTransaction(ctx.db, request, (uc) => setRule(uc, request.params.id, request.body)),
  );
  route(app, eventsApi.runScheduler, async (request) =>
    inTransaction(ctx.db, request, (uc) => runScheduler(uc, request.params.id, request.body.fair)),
  );
  route(app, eventsApi.publishEvent, async (request) =>
    inTransaction(ctx.db, request, (uc) => publishEvent(uc, request.params.id, link)),
  );
  route(app, eventsApi.checkIn, async (request) =>
    inTransaction(ctx.db, request, (uc) => checkIn(uc, request.params.id, request.body)),
  );
  route(app, eventsApi.reschedule, async (request) =>
    inTransaction(ctx.db, request, (uc) =>
      reschedule(uc, request.params.id, request.body.fromSlot),
    ),
  );
  route(app, eventsApi.myEvents, async (request) => inTransaction(ctx.db, request, myEvents));
  route(app, eventsApi.register, async (request) =>
    inTransaction(ctx.db, request, (uc) => register(uc, request.params.id, request.body)),
  );
  route(app, eventsApi.declineEvent, async (request) =>
    inTransaction(ctx.db, request, (uc) => declineEvent(uc, request.params.id)),
  );
  route(app, eventsApi.myAgendaIcs, async (request, reply) => {
    const ics = await inTransaction(ctx.db, request, (uc) => myAgendaIcs(uc, request.params.id));
    return reply
      .header('content-type', ICS)
      .header('content-disposition', 'attachment; filename="matchmaking.ics"')
      .send(ics);
  });
  route(app, eventsApi.companyEvents, async (request) =>
    inTransaction(ctx.db, request, (uc) => companyEvents(uc, request.params.id)),
  );
  route(app, eventsApi.answerCandidate, async (request) =>
    inTransaction(ctx.db, request, (uc) =>
      answerCandidate(uc, request.params.id, request.params.eventId, request.body),
    ),
  );
  route(app, eventsApi.companySlots, async (request) =>
    inTransaction(ctx.db, request, (uc) =>
      setCompanyUnavailable(
        uc,
        request.params.id,
        request.params.eventId,
        request.body.unavailable,
      ),
    ),
  );
  route(app, eventsApi.companyAgendaIcs, async (request, reply) => {
    const ics = await inTransaction(ctx.db, request, (uc) =>
      companyAgendaIcs(uc, request.params.id, request.params.eventId),
    );
    return reply
      .header('content-type', ICS)
      .header('content-disposition', 'attachment; filename="matchmaking.ics"')
      .send(ics);
  });
  route(app, eventsApi.recordOutcome, async (request) =>
    inTransaction(ctx.db, request, (uc) => recordOutcome(uc, request.params.id, request.body)),
  );
  route(app, eventsApi.citizenMeetings, async (request) =>
    inTransaction(ctx.db, request, (uc) => citizenMeetings(uc, request.params.id)),
  );
  route(app, eventsApi.pilotChoices, async (request) =>
    inTransaction(ctx.db, request, pilotChoices),
  );
  route(app, eventsApi.pilotOutcomes, async (request) =>
    inTransaction(ctx.db, request, (uc) => pilotOutcomes(uc, request.params.id)),
  );
  route(app, eventsApi.stats, async (request) => inTransaction(ctx.db, request, matchmakingStats));
};
