// Booking a time at a workshop over HTTP (public, by a secret link) and the staff's side.
// Parse, call the use case (appointments.use-cases.ts), answer.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { inTransaction } from '../platform/http/use-case';
import { notFound } from '../platform/errors';
import { auditActor } from '../platform/audit';
import { newToken, tokenHash } from '../platform/crypto/tokens';
import type { PageLang } from '../platform/i18n/messages';
import { publicLink } from '../platform/http/origin';
import { enforceLimits } from '../platform/http/rate-limit';
import { PUBLIC_WRITE_LIMITS } from './workshops.model';
import type { AppointmentRow } from './appointments.store';
import type { SiteRow } from './workshops.store';
import { appointmentCalendar, presentAppointment } from './appointments.presenters';
import { appointmentUseCases } from './appointments.use-cases';
import type { WorkshopDirectory } from './workshop-directory';
import { route } from '../platform/http/route';
import { appointmentsApi } from './appointments.contract';

export const appointmentRoutes: FastifyPluginAsyncZod<{ directory: WorkshopDirectory }> = async (
  app,
  { directory },
) => {
  const { ctx } = app;
  const appointments = appointmentUseCases(directory);
  const manageLink = (token: string) => publicLink(ctx.settings, `/vaerksted/aftale#${token}`);
  const answer = (a: AppointmentRow, site: SiteRow, lang: PageLang) => ({
    appointment: presentAppointment(a, site),
    ics: appointmentCalendar(a, site, lang, ctx.settings.publicUrl),
  });

  route(app, appointmentsApi.freeSlots, async (request) =>
    appointments.slots(ctx.db, request.params.id, request.query),
  );
  route(app, appointmentsApi.bookAppointment, async (request) => {
    const site = (await directory.get(request.params.id))?.site;
    if (!site) throw notFound();
    await enforceLimits(ctx.db, [
      { key: `booking:src:${request.ip}`, limit: PUBLIC_WRITE_LIMITS.bookingPerSource },
      { key: `booking:site:${site.id}`, limit: PUBLIC_WRITE_LIMITS.bookingPerWorkshop },
    ]);
    const token = newToken();
    const who = {
      actor: request.actor ?? null,
      audit: request.actor ? auditActor(request) : null,
    };
    const a = await ctx.db.transaction((tx) =>
      appointments.book(tx, who, site, request.body, {
        tokenHash: tokenHash(token),
        link: manageLink(token),
        lang: request.pageLang,
      }),
    );
    return { ...answer(a, site, request.pageLang), token };
  });
  route(app, appointmentsApi.manageAppointment, async (request) => {
    const { a, site } = await appointments.find(ctx.db, tokenHash(request.body.token));
    return answer(a, site, request.pageLang);
  });
  route(app, appointmentsApi.cancelAppointment, async (request) => {
    const { a, site } = await ctx.db.transaction((tx) =>
      appointments.cancel(tx, tokenHash(request.body.token), request.pageLang),
    );
    return answer(a, site, request.pageLang);
  });
  route(app, appointmentsApi.moveAppointment, async (request) => {
    const { token, day, start } = request.body;
    const { a, site } = await ctx.db.transaction((tx) =>
      appointments.move(
        tx,
        tokenHash(token),
        { day, start },
        { link: manageLink(token), lang: request.pageLang },
      ),
    );
    return answer(a, site, request.pageLang);
  });
  route(app, appointmentsApi.workshopAppointments, async (request) =>
    inTransaction(ctx.db, request, (uc) =>
      appointments.dayList(uc, request.params.id, request.query.day),
    ),
  );
  route(app, appointmentsApi.markArrived, async (request) =>
    inTransaction(ctx.db, request, (uc) => appointments.arrive(uc, request.params.id)),
  );
  route(app, appointmentsApi.listShifts, async (request) =>
    inTransaction(ctx.db, request, (uc) =>
      appointments.shifts(uc, request.params.id, request.query),
    ),
  );
  route(app, appointmentsApi.addShift, async (request) =>
    inTransaction(ctx.db, request, (uc) =>
      appointments.addShift(uc, request.params.id, request.body),
    ),
  );
  route(app, appointmentsApi.removeShift, async (request, reply) => {
    await inTransaction(ctx.db, request, (uc) =>
      appointments.removeShift(uc, request.params.id, request.params.shiftId),
    );
    return reply.code(204).send(null);
  });
};
