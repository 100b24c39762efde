import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import ICAL from 'ical.js';
import { eq, isNull } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../app/testing/test-app';
import { buildMunicipality, buildSite, buildUser } from '../app/testing/factories';
import { municipalMailServer } from '../app/testing/mail';
import { outbox } from '../platform/messaging/outbox.schema';
import { workshopAppointments } from './workshops.schema';
import { eraseAfterRetention } from './housekeeping';
import { asSystem } from '../platform/use-case';
import { auditLog } from '../platform/audit/audit.schema';
import { users } from '../organisation/organisation.schema';

// Thursday 26 November 2026, 08:00 in Copenhagen (only Date is faked).
const NOW = new Date('2026-11-26T07:00:00Z');
const DAY = '2026-11-27'; // Friday: 09:00–13:00 by default

let t: TestApp;
let site: { id: string };
let admin: string;
let ementorIds: string[];

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
  // Each booking comes from its own phone (own address), as in life.
  t = await createTestApp({ trustProxy: true });
  const m = await buildMunicipality(t.ctx.db);
  site = await buildSite(t.ctx.db, m.id);
  admin = await t.login((await buildUser(t.ctx.db, m.id, ['admin'])).email);
  ementorIds = [
    (await buildUser(t.ctx.db, m.id, ['ementor'])).id,
    (await buildUser(t.ctx.db, m.id, ['ementor'])).id,
  ];
  // Two eMentors 09–11 on Friday, one of them until 13.
  for (const [userId, end] of [
    [ementorIds[0]!, '13:00'],
    [ementorIds[1]!, '11:00'],
  ] as const) {
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/workshops/${site.id}/shifts`,
      headers: { cookie: admin },
      payload: { userId, day: DAY, start: '09:00', end },
    });
    expect(res.statusCode, res.body).toBe(201);
  }
});
afterAll(async () => {
  await t.close();
  vi.useRealTimers();
});

let phones = 0;
const book = (payload: object) =>
  t.app.inject({
    method: 'POST',
    url: `/api/workshops/${site.id}/appointments`,
    payload,
    headers: { 'x-forwarded-for': `10.8.0.${++phones}` },
  });

/** What a calendar sees in one of our files, parsed by Mozilla's ical.js. */
function calendarEvent(ics: string) {
  const cal = new ICAL.Component(ICAL.parse(ics));
  const vevent = cal.getFirstSubcomponent('vevent')!;
  const event = new ICAL.Event(vevent);
  return {
    method: String(cal.getFirstPropertyValue('method')),
    uid: event.uid,
    sequence: event.sequence,
    status: String(vevent.getFirstPropertyValue('status')),
    start: event.startDate.toString(),
    description: event.description,
  };
}

interface Plan {
  day: string;
  closed: unknown;
  slots: { start: string; capacity: number; booked: number }[];
}

describe('appointments', () => {
  it('shows free times from the shifts, books one, sends a confirmation and a reminder', async () => {
    const plan = (await t.app.inject({ url: `/api/workshops/${site.id}/slots?days=3` })).json<
      Plan[]
    >();
    expect(plan.map((d) => d.day)).toEqual(['2026-11-26', DAY, '2026-11-28']);
    const friday = plan[1]!;
    expect(friday.slots.map((s) => `${s.start}:${s.capacity}`)).toEqual([
      '09:00:2',
      '09:30:2',
      '10:00:2',
      '10:30:2',
      '11:00:1',
      '11:30:1',
      '12:00:1',
      '12:30:1',
    ]);
    expect(plan[2]!.slots).toEqual([]); // Saturday: no hours

    const res = await book({
      day: DAY,
      start: '10:00',
      firstName: 'Hanne',
      topic: 'mitid',
      email: 'hanne@example.dk',
    });
    expect(res.statusCode, res.body).toBe(201);
    const booked = res.json<{ appointment: { end: string }; token: string; ics: string }>();
    expect(booked.appointment.end).toBe('10:30');
    expect(booked.ics).toContain('DTSTART:20261127T090000Z');
    expect(booked.token.length).toBeGreaterThan(20);

    const queued = await t.ctx.db.select().from(outbox).where(isNull(outbox.sentAt));
    expect(queued.map((m) => m.subject).sort()).toEqual([
      'Din tid i det digitale værksted',
      'Påmindelse: digitalt værksted i morgen',
    ]);
    // Sent by the worker through the municipality's own mail server (a real SMTP server here).
    const smtp = await municipalMailServer(t, admin);
    try {
      expect(await smtp.deliver()).toEqual({ sent: 1, failed: 0 });
      await smtp.waitFor(1);
      const confirmation = smtp.received[0]!;
      expect(confirmation.envelopeTo).toEqual(['hanne@example.dk']);
      expect(confirmation.subject).toBe('Din tid i det digitale værksted');
      expect(confirmation.text).toContain('/vaerksted/aftale#');
      // The reminder goes a day before.
      const later = await smtp.deliver(new Date('2026-11-26T09:00:00Z'));
      expect(later.sent).toBe(1);
      await smtp.waitFor(2);
      expect(smtp.received[1]!.subject).toBe('Påmindelse: digitalt værksted i morgen');
    } finally {
      await smtp.close();
    }

    // The citizen manages it with the link's token: moves it, then cancels.
    const manage = await t.app.inject({
      method: 'POST',
      url: '/api/appointments/manage',
      payload: { token: booked.token },
    });
    expect(manage.json().appointment.start).toBe('10:00');
    const moved = await t.app.inject({
      method: 'POST',
      url: '/api/appointments/move',
      payload: { token: booked.token, day: DAY, start: '12:00' },
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json().appointment.start).toBe('12:00');
    const cancelled = await t.app.inject({
      method: 'POST',
      url: '/api/appointments/cancel',
      payload: { token: booked.token },
    });
    expect(cancelled.json().appointment.status).toBe('cancelled');

    // Read by a real calendar parser: one event, updated, then cancelled.
    const events = [booked.ics, moved.json().ics, cancelled.json().ics].map(calendarEvent);
    expect(new Set(events.map((e) => e.uid)).size).toBe(1);
    expect(events[0]!.uid).toMatch(/@digiloft\.test\.example$/);
    expect(events.map((e) => e.sequence)).toEqual([0, 1, 2]);
    expect(events.map((e) => e.method)).toEqual(['PUBLISH', 'PUBLISH', 'CANCEL']);
    expect(events.map((e) => e.status)).toEqual(['CONFIRMED', 'CONFIRMED', 'CANCELLED']);
    expect(events[1]!.start).toBe('2026-11-27T11:00:00Z');
    // The secret manage link is not synced into cloud calendars.
    for (const e of events) {
      expect(e.description).not.toContain(booked.token);
      expect(e.description).not.toContain('/vaerksted/aftale');
    }
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/appointments/cancel',
      payload: { token: booked.token },
    });
    expect(again.statusCode).toBe(409);
  });

  it('books in the citizen’s own language: answers, messages and calendar file in it', async () => {
    const inLang = (lang: string, payload: object) =>
      t.app.inject({
        method: 'POST',
        url: `/api/workshops/${site.id}/appointments`,
        payload,
        headers: { 'x-forwarded-for': `10.8.0.${++phones}`, cookie: `dl_lang=${lang}` },
      });
    // A mistake is explained in Somali, and nothing is booked.
    const before = (await t.ctx.db.select().from(workshopAppointments)).length;
    const bad = await inLang('so', {
      day: '2026-11-30',
      start: '10:00',
      firstName: 'Hodan',
      topic: 'apps',
      email: 'not-an-email',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('Qor iimayl');
    // A page that shows another language (it offers fewer) says so, and is answered in it.
    const shown = await t.app.inject({
      method: 'POST',
      url: `/api/workshops/${site.id}/appointments`,
      payload: { day: '2026-11-30', start: '10:00', firstName: 'H', topic: 'apps', email: 'x' },
      headers: {
        'x-forwarded-for': `10.8.0.${++phones}`,
        cookie: 'dl_lang=so',
        'x-page-lang': 'da',
      },
    });
    expect(shown.json().error.message).toContain('Skriv en e-mailadresse');
    expect((await t.ctx.db.select().from(workshopAppointments)).length).toBe(before);

    const res = await inLang('ar', {
      day: DAY,
      start: '09:30',
      firstName: 'Amal',
      topic: 'digital_post',
      email: 'amal@example.dk',
    });
    expect(res.statusCode, res.body).toBe(201);
    const booked = res.json<{ ics: string }>();
    expect(booked.ics).toContain('SUMMARY:الورشة الرقمية');
    const queued = await t.ctx.db
      .select()
      .from(outbox)
      .where(eq(outbox.recipient, 'amal@example.dk'));
    expect(queued.map((m) => m.subject).sort()).toEqual([
      'تذكير: الورشة الرقمية غدًا',
      'موعدك في الورشة الرقمية',
    ]);
    // The day in Arabic on the Gregorian calendar, with the clock's digits.
    expect(queued.find((m) => m.subject === 'موعدك في الورشة الرقمية')!.body).toContain(
      'الجمعة، 27 نوفمبر الساعة 09:30',
    );
  });

  it('booking the last free seat twice at once lets exactly one through', async () => {
    // 12:30 has one eMentor: one seat.
    const attempts = await Promise.all(
      ['Ib', 'Jens', 'Kim', 'Lone'].map((firstName) =>
        book({ day: DAY, start: '12:30', firstName, topic: 'email' }),
      ),
    );
    const codes = attempts.map((r) => r.statusCode).sort();
    expect(codes).toEqual([201, 409, 409, 409]);
    expect(attempts.find((r) => r.statusCode === 409)!.json().error.code).toBe('slot_full');
    const rows = await t.ctx.db
      .select()
      .from(workshopAppointments)
      .where(eq(workshopAppointments.start, '12:30'));
    expect(rows.filter((r) => r.status === 'booked')).toHaveLength(1);
  });

  it('refuses closed days, unknown times and bad contact details, changing nothing', async () => {
    const before = (await t.ctx.db.select().from(workshopAppointments)).length;
    const closure = await t.app.inject({
      method: 'POST',
      url: `/api/workshops/${site.id}/closures`,
      headers: { cookie: admin },
      payload: { day: DAY, reason: 'Flytning' },
    });
    expect(closure.statusCode).toBe(201);
    const closed = await book({ day: DAY, start: '09:00', firstName: 'M', topic: 'apps' });
    expect(closed.statusCode).toBe(409);
    expect(closed.json().error.message).toContain('lukket');
    const sat = await book({ day: '2026-11-28', start: '10:00', firstName: 'M', topic: 'apps' });
    expect(sat.statusCode).toBe(409); // no opening hours on Saturdays
    const past = await book({ day: '2026-11-20', start: '10:00', firstName: 'M', topic: 'apps' });
    expect(past.statusCode).toBe(400);
    const badMail = await book({
      day: '2026-11-30',
      start: '10:00',
      firstName: 'M',
      topic: 'apps',
      email: 'not-an-email',
    });
    expect(badMail.statusCode).toBe(400);
    expect((await t.ctx.db.select().from(workshopAppointments)).length).toBe(before);
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/appointments/manage',
      payload: { token: 'x'.repeat(43) },
    });
    expect(unknown.statusCode).toBe(404);
  });

  it('a citizen with a booked time goes straight to the eMentor who receives them', async () => {
    const today = '2026-11-26';
    await t.app.inject({
      method: 'POST',
      url: `/api/workshops/${site.id}/shifts`,
      headers: { cookie: admin },
      payload: { userId: ementorIds[0], day: today, start: '09:00', end: '12:00' },
    });
    const booked = await book({
      day: today,
      start: '10:00',
      firstName: 'Olga',
      topic: 'netbank',
      phone: '+45 12 34 56 78',
    });
    expect(booked.statusCode, booked.body).toBe(201);
    const em = await t.login(
      (await t.ctx.db.select().from(users).where(eq(users.id, ementorIds[0]!)))[0]!.email,
    );
    const list = await t.app.inject({
      url: `/api/workshops/${site.id}/appointments`,
      headers: { cookie: em },
    });
    const [appointment] = list.json<{ id: string; firstName: string }[]>();
    expect(appointment!.firstName).toBe('Olga');
    const arrive = await t.app.inject({
      method: 'POST',
      url: `/api/workshop-appointments/${appointment!.id}/arrive`,
      headers: { cookie: em },
    });
    expect(arrive.statusCode, arrive.body).toBe(200);
    expect(arrive.json()).toMatchObject({ status: 'called', firstName: 'Olga' });
    const visit = await t.app.inject({
      method: 'POST',
      url: `/api/queue-tickets/${arrive.json().id}/visit`,
      headers: { cookie: em },
      payload: { topics: ['netbank'], device: 'own', resolved: true, minutes: 30 },
    });
    expect(visit.statusCode, visit.body).toBe(201);
    const again = await t.app.inject({
      method: 'POST',
      url: `/api/workshop-appointments/${appointment!.id}/arrive`,
      headers: { cookie: em },
    });
    expect(again.statusCode).toBe(409);
  });

  it('forgets contact details once the appointment has passed', async () => {
    const withContact = await t.ctx.db
      .select()
      .from(workshopAppointments)
      .where(eq(workshopAppointments.day, '2026-11-26'));
    expect(withContact.some((a) => a.phone)).toBe(true);
    const result = await asSystem(t.ctx.db, eraseAfterRetention, new Date('2026-11-27T10:00:00Z'));
    expect(result.appointmentContacts).toBeGreaterThanOrEqual(1);
    const after = await t.ctx.db
      .select()
      .from(workshopAppointments)
      .where(eq(workshopAppointments.day, '2026-11-26'));
    expect(after.every((a) => a.phone === null && a.email === null)).toBe(true);
    // Each erasure is in the municipality's access log as the system's doing.
    const erasures = await t.ctx.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'appointment.contact.erase'));
    expect(erasures.map((e) => e.entityId).sort()).toEqual(after.map((a) => a.id).sort());
    expect(erasures.every((e) => e.actorRole === 'system' && e.actorId === null)).toBe(true);
    // Friday's are still ahead on Friday morning: kept.
    const friday = await t.ctx.db
      .select()
      .from(workshopAppointments)
      .where(eq(workshopAppointments.day, DAY));
    expect(friday.some((a) => a.email)).toBe(true);
  });
});
