import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { and, count, eq, isNull } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../app/testing/test-app';
import { buildMunicipality, buildSite, buildUser } from '../app/testing/factories';
import { outbox } from '../platform/messaging/outbox.schema';
import { MESSAGES_PER_RECIPIENT_PER_DAY } from '../platform/messaging/outbox';
import { queueTickets, workshopAppointments } from './workshops.schema';
import { PUBLIC_WRITE_LIMITS } from './workshops.model';

// What anyone may do without logging in is limited per source and per workshop, and nobody
// can be flooded with messages through a booking form. Thursday 26 November 2026, 11:00 in
// Copenhagen: open (only Date is faked).
let t: TestApp;
let site: { id: string };
let other: { id: string };

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-11-26T10:00:00Z'));
  t = await createTestApp({ trustProxy: true });
  const m = await buildMunicipality(t.ctx.db);
  site = await buildSite(t.ctx.db, m.id);
  other = await buildSite(t.ctx.db, m.id);
  const admin = await t.login((await buildUser(t.ctx.db, m.id, ['admin'])).email);
  for (let i = 0; i < 4; i++) {
    const e = await buildUser(t.ctx.db, m.id, ['ementor']);
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/workshops/${site.id}/shifts`,
      headers: { cookie: admin },
      payload: { userId: e.id, day: '2026-11-27', start: '09:00', end: '13:00' },
    });
    expect(res.statusCode, res.body).toBe(201);
  }
});
afterAll(async () => {
  await t.close();
  vi.useRealTimers();
});

const checkIn = (siteId: string, ip: string) =>
  t.app.inject({
    method: 'POST',
    url: `/api/workshops/${siteId}/check-in`,
    headers: { 'x-forwarded-for': ip },
    payload: { firstName: 'Flood', topic: 'mitid' },
  });
const waiting = async (siteId: string) =>
  (
    await t.ctx.db
      .select({ n: count() })
      .from(queueTickets)
      .where(and(eq(queueTickets.siteId, siteId), eq(queueTickets.status, 'waiting')))
  )[0]!.n;

describe('anonymous check-ins', () => {
  it('are limited per source: a flood from one address stops, others still get in', async () => {
    const { max } = PUBLIC_WRITE_LIMITS.checkInPerSource;
    const answers = await Promise.all(
      Array.from({ length: max + 20 }, () => checkIn(site.id, '198.51.100.7')),
    );
    expect(answers.filter((r) => r.statusCode === 201)).toHaveLength(max);
    const refused = answers.filter((r) => r.statusCode === 429);
    expect(refused).toHaveLength(20);
    expect(refused[0]!.json().error.code).toBe('rate_limited');
    expect(refused[0]!.json().error.message).toContain('spørg personalet');
    expect(Number(refused[0]!.headers['retry-after'])).toBeGreaterThan(0);
    expect(await waiting(site.id)).toBe(max);
    // Somebody else's phone, and the same address at another workshop, are not affected.
    expect((await checkIn(site.id, '198.51.100.8')).statusCode).toBe(201);
    expect((await checkIn(other.id, '198.51.100.7')).statusCode).toBe(201);
    // When the window has passed, the address may check in again.
    vi.setSystemTime(new Date('2026-11-26T10:05:00Z'));
    expect((await checkIn(site.id, '198.51.100.7')).statusCode).toBe(201);
  });

  it('are limited per workshop, whatever the addresses', async () => {
    const before = await waiting(other.id);
    const { max } = PUBLIC_WRITE_LIMITS.checkInPerWorkshop;
    let made = 0;
    let refused = 0;
    for (let i = 0; i < max + 5; i++) {
      const res = await checkIn(other.id, `203.0.113.${i % 250}`);
      if (res.statusCode === 201) made++;
      else if (res.statusCode === 429) refused++;
    }
    // One check-in was made at this workshop in the hour already (above).
    expect(made).toBe(max - 1);
    expect(refused).toBe(6);
    expect(await waiting(other.id)).toBe(before + max - 1);
  });
});

describe('anonymous bookings', () => {
  const book = (ip: string, start: string, email: string) =>
    t.app.inject({
      method: 'POST',
      url: `/api/workshops/${site.id}/appointments`,
      headers: { 'x-forwarded-for': ip },
      payload: { day: '2026-11-27', start, firstName: 'Hanne', topic: 'mitid', email },
    });
  const STARTS = ['09:00', '09:30', '10:00', '10:30', '11:00', '11:30', '12:00', '12:30'];

  it('are limited per source and change nothing when refused', async () => {
    const { max } = PUBLIC_WRITE_LIMITS.bookingPerSource;
    for (let i = 0; i < max; i++)
      expect((await book('192.0.2.1', STARTS[i % 8]!, `p${i}@example.dk`)).statusCode).toBe(201);
    const seats = await t.ctx.db.select({ n: count() }).from(workshopAppointments);
    const refused = await book('192.0.2.1', '09:00', 'late@example.dk');
    expect(refused.statusCode).toBe(429);
    expect(await t.ctx.db.select({ n: count() }).from(workshopAppointments)).toEqual(seats);
  });

  it('send at most a few messages a day to one address, however many are booked', async () => {
    const victim = 'Offer@Example.dk';
    for (let i = 0; i < MESSAGES_PER_RECIPIENT_PER_DAY + 3; i++) {
      const res = await book(
        `192.0.2.${10 + i}`,
        STARTS[i % 8]!,
        i % 2 ? victim : victim.toLowerCase(),
      );
      expect(res.statusCode, res.body).toBe(201); // the booking itself stands
    }
    const [queued] = await t.ctx.db
      .select({ n: count() })
      .from(outbox)
      .where(and(eq(outbox.recipient, victim.toLowerCase()), isNull(outbox.sentAt)));
    const [mixed] = await t.ctx.db
      .select({ n: count() })
      .from(outbox)
      .where(and(eq(outbox.recipient, victim), isNull(outbox.sentAt)));
    expect(queued!.n + mixed!.n).toBe(MESSAGES_PER_RECIPIENT_PER_DAY);
  });
});
