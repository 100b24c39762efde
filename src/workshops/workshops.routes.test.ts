import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { and, count, eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../app/testing/test-app';
import { buildCitizen, buildMunicipality, buildSite, buildUser } from '../app/testing/factories';
import { auditLog } from '../platform/audit';
import { queueTickets, workshopVisits } from './workshops.schema';

// Thursday 26 November 2026, 11:00 in Copenhagen: the workshop is open. Only Date is faked,
// so the database and the network run as usual.
const OPEN = new Date('2026-11-26T10:00:00Z');

interface TestState {
  step: { kind: string; item: { key: string } };
}

let t: TestApp;
let m: { id: string };
let site: { id: string };
let e1: string;
let e2: string;
let e2Id: string;
let adminCookie: string;

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(OPEN);
  // Citizens check in from their own phones: each anonymous check-in has its own address.
  t = await createTestApp({ trustProxy: true });
  m = await buildMunicipality(t.ctx.db);
  site = await buildSite(t.ctx.db, m.id);
  e1 = await t.login((await buildUser(t.ctx.db, m.id, ['ementor'])).email);
  const u2 = await buildUser(t.ctx.db, m.id, ['ementor']);
  e2Id = u2.id;
  e2 = await t.login(u2.email);
  adminCookie = await t.login((await buildUser(t.ctx.db, m.id, ['admin'])).email);
});
afterAll(async () => {
  await t.close();
  vi.useRealTimers();
});

let phones = 0;
const post = (url: string, payload: object = {}, cookie?: string) =>
  t.app.inject({
    method: 'POST',
    url,
    payload,
    headers: {
      ...(cookie ? { cookie } : {}),
      ...(url.endsWith('/check-in')
        ? { 'x-forwarded-for': `10.9.${++phones >> 8}.${phones & 255}` }
        : {}),
    },
  });
const get = (url: string, cookie?: string) =>
  t.app.inject({ url, headers: cookie ? { cookie } : {} });

async function checkIn(firstName = 'Anna', topic = 'mitid') {
  const res = await post(`/api/workshops/${site.id}/check-in`, { firstName, topic });
  expect(res.statusCode, res.body).toBe(201);
  const cookie = res.cookies.find((c) => c.name === 'dl_ticket');
  return {
    ticket: res.json<{ id: string; number: number }>(),
    cookie: `dl_ticket=${cookie!.value}`,
  };
}

describe('drop-in queue', () => {
  it('a citizen checks in from the door’s QR code and follows their place', async () => {
    const pub = await get(`/api/workshops/${site.id}/public`);
    expect(pub.json()).toMatchObject({ id: site.id, closed: null });
    const a = await checkIn('Anna');
    const b = await checkIn('Bo', 'digital_post');
    expect(b.ticket.number).toBe(a.ticket.number + 1);

    const mine = await get('/api/tickets/current', b.cookie);
    expect(mine.json()).toMatchObject({
      number: b.ticket.number,
      status: 'waiting',
      firstName: 'Bo',
    });
    const snap = (await get(`/api/workshops/${site.id}/snapshot`)).json<{ waiting: number[] }>();
    expect(snap.waiting).toEqual(expect.arrayContaining([a.ticket.number, b.ticket.number]));
    // Numbers only on the public side: no names.
    expect(JSON.stringify(snap)).not.toContain('Anna');

    expect((await post('/api/tickets/current/leave', {}, b.cookie)).json().status).toBe('left');
    expect((await get(`/api/workshops/${site.id}/snapshot`)).json().waiting).not.toContain(
      b.ticket.number,
    );
    expect((await get('/api/tickets/current')).statusCode).toBe(404);
  });

  it('refuses check-in on a closure day and on public holidays, with a clear message', async () => {
    const day = '2026-11-26';
    const closure = await post(
      `/api/workshops/${site.id}/closures`,
      { day, reason: 'Personaledag' },
      adminCookie,
    );
    expect(closure.statusCode, closure.body).toBe(201);
    const res = await post(`/api/workshops/${site.id}/check-in`, { firstName: 'C', topic: 'apps' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toContain('lukket');
    expect((await get(`/api/workshops/${site.id}/public`)).json().closed).toEqual({
      kind: 'closure',
      reason: 'Personaledag',
    });
    await t.app.inject({
      method: 'DELETE',
      url: `/api/workshops/${site.id}/closures/${closure.json().id}`,
      headers: { cookie: adminCookie },
    });

    vi.setSystemTime(new Date('2026-12-25T10:00:00Z'));
    try {
      const xmas = await post(`/api/workshops/${site.id}/check-in`, {
        firstName: 'C',
        topic: 'apps',
      });
      expect(xmas.statusCode).toBe(409);
      expect((await get(`/api/workshops/${site.id}/public`)).json().closed).toEqual({
        kind: 'holiday',
        name: 'Juledag',
      });
    } finally {
      vi.setSystemTime(OPEN);
    }
  });

  it('two eMentors calling at once never get the same citizen', async () => {
    const numbers: number[] = [];
    for (let i = 0; i < 12; i++) numbers.push((await checkIn(`P${i}`)).ticket.number);
    const waitingBefore = (await get(`/api/workshops/${site.id}/snapshot`)).json<{
      waiting: number[];
    }>().waiting;
    const calls = await Promise.all(
      Array.from({ length: waitingBefore.length + 4 }, (_, i) =>
        post(`/api/workshops/${site.id}/queue/next`, {}, i % 2 ? e1 : e2),
      ),
    );
    const called = calls.filter((r) => r.statusCode === 200).map((r) => r.json().number as number);
    expect(new Set(called).size).toBe(called.length);
    expect(called.sort((x, y) => x - y)).toEqual([...waitingBefore].sort((x, y) => x - y));
    const empty = calls.filter((r) => r.statusCode === 409);
    expect(empty).toHaveLength(4);
    expect(empty[0]!.json().error.code).toBe('queue_empty');
  });

  it('concurrent check-ins get distinct numbers', async () => {
    const res = await Promise.all(
      Array.from({ length: 15 }, (_, i) =>
        post(`/api/workshops/${site.id}/check-in`, { firstName: `Q${i}`, topic: 'email' }),
      ),
    );
    const numbers = res.map((r) => r.json().number as number);
    expect(res.every((r) => r.statusCode === 201)).toBe(true);
    expect(new Set(numbers).size).toBe(15);
  });
});

describe('eMentor at work', () => {
  it('calls, hands over, logs the visit; no credentials; Digital Fuldmagt when acting for the citizen', async () => {
    // Clear the queue from earlier tests.
    while ((await post(`/api/workshops/${site.id}/queue/next`, {}, e1)).statusCode === 200);
    const walkIn = await post(
      `/api/workshops/${site.id}/walk-in`,
      { firstName: 'Dorte', topic: 'netbank' },
      e1,
    );
    expect(walkIn.statusCode, walkIn.body).toBe(201);
    const queue = (await get(`/api/workshops/${site.id}/queue`, e1)).json<
      { id: string; firstName: string; status: string; helper: string | null }[]
    >();
    expect(queue.find((q) => q.firstName === 'Dorte')).toMatchObject({ status: 'waiting' });

    const called = await post(`/api/workshops/${site.id}/queue/next`, {}, e1);
    expect(called.json()).toMatchObject({ firstName: 'Dorte', status: 'called' });
    const id = called.json().id as string;

    // An eMentor from elsewhere cannot take the citizen over (and so read their tests).
    const outsider = await buildUser(t.ctx.db, m.id, ['ementor']);
    const outsiderCookie = await t.login(outsider.email);
    const grab = await post(
      `/api/queue-tickets/${id}/hand-over`,
      { userId: outsider.id },
      outsiderCookie,
    );
    expect(grab.statusCode).toBe(409);
    expect(grab.json().error.code).toBe('ticket_not_yours');
    // Nor can the one serving pass the citizen to somebody not on duty here.
    const away = await post(`/api/queue-tickets/${id}/hand-over`, { userId: outsider.id }, e1);
    expect(away.statusCode).toBe(400);
    expect(away.json().error.code).toBe('not_an_ementor');
    const colleagues = (await get(`/api/workshops/${site.id}/ementors`, e1)).json<
      { id: string }[]
    >();
    expect(colleagues.map((c) => c.id)).toEqual([e2Id]);

    const handed = await post(`/api/queue-tickets/${id}/hand-over`, { userId: e2Id }, e1);
    expect(handed.statusCode, handed.body).toBe(200);
    // Handed over: the first eMentor is no longer the one to pass it on.
    const again = await post(`/api/queue-tickets/${id}/hand-over`, { userId: e2Id }, e1);
    expect(again.statusCode).toBe(409);
    const notMentor = await post(
      `/api/queue-tickets/${id}/hand-over`,
      { userId: '00000000-0000-4000-8000-000000000000' },
      e2,
    );
    expect(notMentor.statusCode).toBe(400);

    const visit = {
      topics: ['netbank', 'mitid'],
      competences: ['2.1'],
      device: 'own',
      resolved: true,
      minutes: 20,
    };
    const withPassword = await post(
      `/api/queue-tickets/${id}/visit`,
      { ...visit, password: 'x' },
      e2,
    );
    expect(withPassword.statusCode).toBe(400);
    const onBehalf = await post(`/api/queue-tickets/${id}/visit`, { ...visit, onBehalf: true }, e2);
    expect(onBehalf.statusCode).toBe(400);
    expect(onBehalf.json().error.message).toContain('Digital Fuldmagt');

    const ok = await post(
      `/api/queue-tickets/${id}/visit`,
      { ...visit, onBehalf: true, powerOfAttorneyConfirmed: true },
      e2,
    );
    expect(ok.statusCode, ok.body).toBe(201);
    const [row] = await t.ctx.db
      .select()
      .from(workshopVisits)
      .where(eq(workshopVisits.id, ok.json().id));
    expect(row).toMatchObject({ minutes: 20, resolved: true, onBehalfWithPowerOfAttorney: true });
    expect((await post(`/api/queue-tickets/${id}/visit`, visit, e2)).statusCode).toBe(409);
  });

  it('marks a no-show, and the other municipality sees nothing', async () => {
    await checkIn('Erik');
    const called = await post(`/api/workshops/${site.id}/queue/next`, {}, e1);
    const id = called.json().id as string;
    expect((await post(`/api/queue-tickets/${id}/no-show`, {}, e1)).json().status).toBe('no_show');
    expect((await post(`/api/queue-tickets/${id}/no-show`, {}, e1)).statusCode).toBe(409);

    const other = await buildMunicipality(t.ctx.db);
    const stranger = await t.login((await buildUser(t.ctx.db, other.id, ['ementor'])).email);
    expect((await get(`/api/workshops/${site.id}/queue`, stranger)).statusCode).toBe(404);
    expect((await post(`/api/workshops/${site.id}/queue/next`, {}, stranger)).statusCode).toBe(404);
    expect((await post(`/api/queue-tickets/${id}/no-show`, {}, stranger)).statusCode).toBe(404);
  });

  it('a logged-in citizen’s visit is on their record, audited', async () => {
    const cu = await buildUser(t.ctx.db, m.id, ['citizen']);
    const cw = await buildUser(t.ctx.db, m.id, ['caseworker']);
    const citizen = await buildCitizen(t.ctx.db, t.ctx.cipher, {
      municipalityId: m.id,
      caseworkerId: cw.id,
      userId: cu.id,
    });
    const cookie = await t.login(cu.email);
    while ((await post(`/api/workshops/${site.id}/queue/next`, {}, e1)).statusCode === 200);
    const res = await post(
      `/api/workshops/${site.id}/check-in`,
      { firstName: 'Frida', topic: 'jobnet_cv' },
      cookie,
    );
    expect(res.statusCode).toBe(201);
    const [ticket] = await t.ctx.db
      .select()
      .from(queueTickets)
      .where(eq(queueTickets.id, res.json().id));
    expect(ticket!.citizenId).toBe(citizen.id);
    const id = (await post(`/api/workshops/${site.id}/queue/next`, {}, e1)).json().id as string;
    const vague = await post(
      `/api/queue-tickets/${id}/visit`,
      {
        topics: ['jobnet_cv'],
        device: 'loan',
        resolved: false,
        minutes: 30,
        courseSuggested: true,
      },
      e1,
    );
    expect(vague.statusCode).toBe(400);
    const logged = await post(
      `/api/queue-tickets/${id}/visit`,
      {
        topics: ['jobnet_cv'],
        competences: ['3.1', '1.3'],
        device: 'loan',
        resolved: false,
        minutes: 30,
        courseSuggested: true,
      },
      e1,
    );
    expect(logged.statusCode, logged.body).toBe(201);
    // The citizen's caseworker sees the visit and the eMentor's course suggestion.
    const seen = await get(`/api/citizens/${citizen.id}/workshop-visits`, await t.login(cw.email));
    expect(seen.json()).toEqual([
      expect.objectContaining({
        topics: ['jobnet_cv'],
        competences: ['3.1', '1.3'],
        courseSuggested: true,
        resolved: false,
      }),
    ]);
    expect((await get(`/api/citizens/${citizen.id}/workshop-visits`, e1)).statusCode).toBe(403);
    const rows = await t.ctx.db
      .select({ action: auditLog.action, purpose: auditLog.purpose })
      .from(auditLog)
      .where(eq(auditLog.citizenId, citizen.id));
    expect(rows).toEqual(
      expect.arrayContaining([
        { action: 'workshop.check_in', purpose: 'self_access' },
        { action: 'workshop.visit.create', purpose: 'digital_guidance' },
        { action: 'workshop.visit.read', purpose: 'case_management' },
      ]),
    );
  });
});

describe('the citizen being helped', () => {
  it('the eMentor helping a logged-in citizen reads their test history, only while helping', async () => {
    const cu = await buildUser(t.ctx.db, m.id, ['citizen']);
    const citizen = await buildCitizen(t.ctx.db, t.ctx.cipher, {
      municipalityId: m.id,
      caseworkerId: null,
      userId: cu.id,
    });
    const cookie = await t.login(cu.email);
    // The citizen took the test on their phone, logged in.
    expect((await post('/api/tests/start', {}, cookie)).statusCode).toBe(200);
    let view = (await post('/api/tests/consent', { consent: true }, cookie)).json<TestState>();
    for (let n = 0; view.step.kind === 'item' && n < 110; n++) {
      const res = await post(
        '/api/tests/answer',
        { itemKey: view.step.item.key, answer: 0 },
        cookie,
      );
      expect(res.statusCode, res.body).toBe(200);
      view = res.json<TestState>();
    }
    expect(view.step.kind).toBe('result');

    // Then checked in as themselves; an unlinked door check-in waits behind them.
    while ((await post(`/api/workshops/${site.id}/queue/next`, {}, e1)).statusCode === 200);
    const mine = await post(
      `/api/workshops/${site.id}/check-in`,
      { firstName: 'Gry', topic: 'mitid' },
      cookie,
    );
    expect(mine.statusCode).toBe(201);
    const door = await checkIn('Hans');
    const ticket = mine.json<{ id: string }>().id;
    const history = `/api/queue-tickets/${ticket}/assessments`;
    // Not yet called: nobody is helping them.
    expect((await get(history, e1)).statusCode).toBe(403);

    expect((await post(`/api/workshops/${site.id}/queue/next`, {}, e1)).json().id).toBe(ticket);
    const seen = await get(history, e1);
    expect(seen.statusCode, seen.body).toBe(200);
    expect(seen.json()).toEqual([
      expect.objectContaining({
        status: 'completed',
        result: expect.objectContaining({ items: expect.any(Number) }),
      }),
    ]);
    // A colleague, a caseworker, or another municipality's eMentor may not.
    expect((await get(history, e2)).statusCode).toBe(403);
    const cw = await t.login((await buildUser(t.ctx.db, m.id, ['caseworker'])).email);
    expect((await get(history, cw)).statusCode).toBe(403);
    const elsewhere = await buildMunicipality(t.ctx.db);
    const stranger = await t.login((await buildUser(t.ctx.db, elsewhere.id, ['ementor'])).email);
    expect((await get(history, stranger)).statusCode).toBe(404);

    // A ticket that is not linked to a record has no history to read.
    expect((await post(`/api/workshops/${site.id}/queue/next`, {}, e2)).json().id).toBe(
      door.ticket.id,
    );
    expect((await get(`/api/queue-tickets/${door.ticket.id}/assessments`, e2)).statusCode).toBe(
      403,
    );

    // Once the visit is logged, the access ends. Each read was audited with its purpose.
    const logged = await post(
      `/api/queue-tickets/${ticket}/visit`,
      { topics: ['mitid'], device: 'own', resolved: true, minutes: 10 },
      e1,
    );
    expect(logged.statusCode, logged.body).toBe(201);
    expect((await get(history, e1)).statusCode).toBe(403);
    const reads = await t.ctx.db
      .select({ purpose: auditLog.purpose })
      .from(auditLog)
      .where(and(eq(auditLog.citizenId, citizen.id), eq(auditLog.action, 'assessment.read')));
    expect(reads).toEqual([{ purpose: 'digital_guidance' }]);
  });
});

describe('statistics', () => {
  it('counts this week’s visits for eMentors, admins and analysts, as JSON and CSV', async () => {
    const analyst = await t.login((await buildUser(t.ctx.db, m.id, ['analyst'])).email);
    const res = await get(`/api/workshops/${site.id}/stats?weeks=2`, analyst);
    expect(res.statusCode, res.body).toBe(200);
    const [previous, current] =
      res.json<
        { week: string; visits: number; resolvedShare: number; topics: Record<string, number> }[]
      >();
    expect(current!.week).toBe('2026-W48');
    expect(previous!.visits).toBe(0);
    // Earlier tests logged three visits today: netbank+mitid, jobnet_cv, (and one no-show).
    const [{ n }] = (await t.ctx.db.select({ n: count() }).from(workshopVisits)) as [{ n: number }];
    expect(current!.visits).toBe(n);
    expect(current!.topics.netbank).toBeGreaterThanOrEqual(1);
    const csv = await get(`/api/workshops/${site.id}/stats.csv?weeks=2`, e1);
    expect(csv.headers['content-type']).toContain('text/csv');
    // For a Danish Excel by default; plain CSV for scripts.
    expect(csv.body.split('\r\n')[0]).toMatch(
      /^\uFEFFweek;visits;wait_median_minutes;wait_p90_minutes/,
    );
    expect(csv.body.split('\r\n')[2]).toMatch(new RegExp(`^2026-W48;${n};`));
    const plain = await get(`/api/workshops/${site.id}/stats.csv?weeks=2&format=rfc4180`, e1);
    expect(plain.body.split('\r\n')[2]).toMatch(new RegExp(`^2026-W48,${n},`));
    const citizen = await t.login((await buildUser(t.ctx.db, m.id, ['citizen'])).email);
    expect((await get(`/api/workshops/${site.id}/stats`, citizen)).statusCode).toBe(403);
  });
});

describe('workshop settings', () => {
  it('the admin sets capacity, hours and a typical visit; bad hours are refused', async () => {
    const put = (payload: object) =>
      t.app.inject({
        method: 'PUT',
        url: `/api/workshops/${site.id}/settings`,
        headers: { cookie: adminCookie },
        payload,
      });
    const ok = await put({
      capacity: 8,
      serviceMinutes: 20,
      openingHours: { '4': ['08:00', '16:00'] },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect((await get(`/api/workshops/${site.id}/snapshot`)).json().capacity).toBe(8);
    expect(
      (await put({ capacity: 8, serviceMinutes: 20, openingHours: { '4': ['16:00', '08:00'] } }))
        .statusCode,
    ).toBe(400);
    expect((await put({ capacity: 0, serviceMinutes: 20, openingHours: {} })).statusCode).toBe(400);
    expect(
      (await get(`/api/workshops/${site.id}/settings`, adminCookie)).json().openingHours,
    ).toEqual({ '4': ['08:00', '16:00'] });
    // Closed on Friday now: no hours.
    vi.setSystemTime(new Date('2026-11-27T10:00:00Z'));
    try {
      expect((await get(`/api/workshops/${site.id}/public`)).json().closed).toEqual({
        kind: 'no_hours',
      });
    } finally {
      vi.setSystemTime(OPEN);
    }
  });
});
