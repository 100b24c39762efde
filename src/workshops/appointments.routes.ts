// Booking a time at a workshop over HTTP (public, by a secret link) and the staff's side.
// Parse, call the use case (appointments.use-cases.ts), answer.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { access } from '../platform/http/access';
import { inTransaction } from '../platform/http/use-case';
import { notFound } from '../platform/errors';
import { auditActor } from '../platform/audit';
import { newToken, tokenHash } from '../platform/crypto/tokens';
import type { Lang } from '../platform/i18n/messages';
import { publicLink } from '../platform/http/origin';
import { enforceLimits } from '../platform/http/rate-limit';
import { IdParams } from '../organisation';
import {
  BookInput,
  BookedView,
  DayPlanView,
  MoveInput,
  ShiftInput,
  ShiftView,
  SlotsQuery,
  StaffAppointmentView,
  TicketView,
  TokenInput,
} from './workshops.contract';
import { PUBLIC_WRITE_LIMITS } from './workshops.model';
import type { AppointmentRow } from './appointments.store';
import type { SiteRow } from './workshops.store';
import { appointmentCalendar, presentAppointment } from './appointments.presenters';
import { appointmentUseCases } from './appointments.use-cases';
import type { WorkshopDirectory } from './workshop-directory';

export const appointmentRoutes: FastifyPluginAsyncZod<{ directory: WorkshopDirectory }> = async (
  app,
  { directory },
) => {
  const { ctx } = app;
  const appointments = appointmentUseCases(directory);
  const manageLink = (token: string) => publicLink(ctx.settings, `/vaerksted/aftale#${token}`);
  const answer = (a: AppointmentRow, site: SiteRow, lang: Lang) => ({
    appointment: presentAppointment(a, site),
    ics: appointmentCalendar(a, site, lang, ctx.settings.publicUrl),
  });

  app.get(
    '/api/workshops/:id/slots',
    {
      config: { access: access.public() },
      schema: {
        tags: ['workshops'],
        params: IdParams,
        querystring: SlotsQuery,
        response: { 200: z.array(DayPlanView) },
      },
    },
    async (request) => appointments.slots(ctx.db, request.params.id, request.query),
  );
  app.post(
    '/api/workshops/:id/appointments',
    {
      config: { access: access.public(), personalData: true },
      schema: {
        tags: ['workshops'],
        params: IdParams,
        body: BookInput,
        response: { 201: BookedView },
      },
    },
    async (request, reply) => {
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
          lang: request.lang,
        }),
      );
      return reply.code(201).send({ ...answer(a, site, request.lang), token });
    },
  );
  app.post(
    '/api/appointments/manage',
    {
      config: { access: access.public() },
      schema: { tags: ['workshops'], body: TokenInput, response: { 200: BookedView } },
    },
    async (request) => {
      const { a, site } = await appointments.find(ctx.db, tokenHash(request.body.token));
      return answer(a, site, request.lang);
    },
  );
  app.post(
    '/api/appointments/cancel',
    {
      config: { access: access.public() },
      schema: { tags: ['workshops'], body: TokenInput, response: { 200: BookedView } },
    },
    async (request) => {
      const { a, site } = await ctx.db.transaction((tx) =>
        appointments.cancel(tx, tokenHash(request.body.token), request.lang),
      );
      return answer(a, site, request.lang);
    },
  );
  app.post(
    '/api/appointments/move',
    {
      config: { access: access.public() },
      schema: { tags: ['workshops'], body: MoveInput, response: { 200: BookedView } },
    },
    async (request) => {
      const { token, day, start } = request.body;
      const { a, site } = await ctx.db.transaction((tx) =>
        appointments.move(
          tx,
          tokenHash(token),
          { day, start },
          { link: manageLink(token), lang: request.lang },
        ),
      );
      return answer(a, site, request.lang);
    },
  );
  app.get(
    '/api/workshops/:id/appointments',
    {
      config: { access: access.roles('ementor', 'admin') },
      schema: {
        tags: ['workshops'],
        params: IdParams,
        querystring: z.object({ day: z.iso.date().optional() }),
        response: { 200: z.array(StaffAppointmentView) },
      },
    },
    async (request) =>
      inTransaction(ctx.db, request, (uc) =>
        appointments.dayList(uc, request.params.id, request.query.day),
      ),
  );
  app.post(
    '/api/workshop-appointments/:id/arrive',
    {
      config: { access: access.roles('ementor') },
      schema: { tags: ['workshops'], params: IdParams, response: { 200: TicketView } },
    },
    async (request) =>
      inTransaction(ctx.db, request, (uc) => appointments.arrive(uc, request.params.id)),
  );
  app.get(
    '/api/workshops/:id/shifts',
    {
      config: { access: access.roles('admin', 'ementor') },
      schema: {
        tags: ['workshops'],
        params: IdParams,
        querystring: z.object({
          from: z.iso.date().optional(),
          days: z.coerce.number().int().min(1).max(62).default(14),
        }),
        response: { 200: z.array(ShiftView) },
      },
    },
    async (request) =>
      inTransaction(ctx.db, request, (uc) =>
        appointments.shifts(uc, request.params.id, request.query),
      ),
  );
  app.post(
    '/api/workshops/:id/shifts',
    {
      config: { access: access.roles('admin') },
      schema: {
        tags: ['workshops'],
        params: IdParams,
        body: ShiftInput,
        response: { 201: ShiftView },
      },
    },
    async (request, reply) => {
      const shift = await inTransaction(ctx.db, request, (uc) =>
        appointments.addShift(uc, request.params.id, request.body),
      );
      return reply.code(201).send(shift);
    },
  );
  app.delete(
    '/api/workshops/:id/shifts/:shiftId',
    {
      config: { access: access.roles('admin') },
      schema: {
        tags: ['workshops'],
        params: z.object({ id: z.uuid(), shiftId: z.uuid() }),
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await inTransaction(ctx.db, request, (uc) =>
        appointments.removeShift(uc, request.params.id, request.params.shiftId),
      );
      return reply.code(204).send(null);
    },
  );
};
