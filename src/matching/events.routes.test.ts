import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, like } from 'drizzle-orm';
import ICAL from 'ical.js';
import { createTestApp, TEST_PUBLIC_URL, type TestApp } from '../app/testing/test-app';
import { buildCitizen, buildMunicipality, buildUser } from '../app/testing/factories';
import { auditLog } from '../platform/audit';
import { outbox } from '../platform/messaging/outbox.schema';
import { citizens } from '../people/people.schema';
import { companyMembers } from '../companies/companies.schema';
import { users } from '../organisation/organisation.schema';
import { reportedHires } from '../pilots/pilots.schema';
import { eventMeetings } from './matching.schema';
import type { CompanyEventView, EventView, MyEventView } from './events.contract';

let t: TestApp;
let m: { id: string };
let consultant: string;
let caseworker: string;
let caseworkerId: string;
let companyUser: string;
let otherCompanyUser: string;
let otherConsultant: string;
let analyst: string;
const people: { id: string; cookie: string | null; firstName: string }[] = [];
const companyIds: string[] = [];

const call = (
  method: 'GET' | 'POST' | 'PUT',
  url: string,
  cookie: string | null,
  payload?: object,
) =>
  t.app.inject({
    method,
    url,
    headers: cookie ? { cookie } : {},
    ...(payload !== undefined ? { payload } : {}),
  });

beforeAll(async () => {
  t = await createTestApp();
  m = await buildMunicipality(t.ctx.db);
  consultant = await t.login((await buildUser(t.ctx.db, m.id, ['company_consultant'])).email);
  const cw = await buildUser(t.ctx.db, m.id, ['caseworker']);
  caseworkerId = cw.id;
  caseworker = await t.login(cw.email);
  analyst = await t.login((await buildUser(t.ctx.db, m.id, ['analyst'])).email);
  const other = await buildMunicipality(t.ctx.db);
  otherConsultant = await t.login(
    (await buildUser(t.ctx.db, other.id, ['company_consultant'])).email,
  );
  for (const [i, cvr] of ['10000009', '10000017', '10000025'].entries()) {
    const res = await call('POST', '/api/companies', consultant, {
      cvr,
      name: `Partner ${i + 1} ApS`,
      industryCode: '620100',
      employees: i === 2 ? 300 : 20,
      postalCode: '2300',
      city: 'København S',
    });
    companyIds.push(res.json<{ id: string }>().id);
  }
  const member = await buildUser(t.ctx.db, m.id, ['company']);
  await t.ctx.db
    .insert(companyMembers)
    .values({ municipalityId: m.id, companyId: companyIds[0]!, userId: member.id });
  companyUser = await t.login(member.email);
  const otherMember = await buildUser(t.ctx.db, m.id, ['company']);
  await t.ctx.db
    .insert(companyMembers)
    .values({ municipalityId: m.id, companyId: companyIds[2]!, userId: otherMember.id });
  otherCompanyUser = await t.login(otherMember.email);
  for (let i = 0; i < 4; i++) {
    const user = i < 3 ? await buildUser(t.ctx.db, m.id, ['citizen']) : null;
    // The third candidate reads Somali: chosen on the login, so the messages follow it.
    if (i === 2) await t.ctx.db.update(users).set({ locale: 'so' }).where(eq(users.id, user!.id));
    const firstName = `Kandidat${i}x`;
    const c = await buildCitizen(t.ctx.db, t.ctx.cipher, {
      municipalityId: m.id,
      caseworkerId: cw.id,
      userId: user?.id ?? null,
      firstName,
    });
    await t.ctx.db
      .update(citizens)
      .set({ email: `kandidat${i}@example.dk`, educationLevel: 'long_higher' })
      .where(eq(citizens.id, c.id));
    people.push({ id: c.id, cookie: user ? await t.login(user.email) : null, firstName });
  }
});
afterAll(async () => t.close());

const EVENT = {
  name: 'Azure-matchmaking',
  format: 'virtual',
  on: '2027-03-10',
  startsAt: '09:00',
  slotMinutes: 15,
  slotCount: 4,
  breakEvery: 2,
  breakMinutes: 10,
  maxMeetings: 2,
};
let eventId: string;
let places: string[] = [];

describe('planning an event', () => {
  it('refuses bad input with a clear 400 and creates nothing', async () => {
    for (const bad of [
      { ...EVENT, startsAt: '9 am' },
      { ...EVENT, format: 'physical' },
      { ...EVENT, startsAt: '23:30', slotCount: 8 },
      { ...EVENT, slotMinutes: 0 },
    ]) {
      const res = await call('POST', '/api/matchmaking/events', consultant, bad);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json<{ error: { message: string } }>().error.message).toBeTruthy();
    }
    const list = await call('GET', '/api/matchmaking/events', consultant);
    expect(list.json()).toEqual([]);
  });

  it('a consultant creates a virtual event with slots and breaks', async () => {
    const res = await call('POST', '/api/matchmaking/events', consultant, EVENT);
    expect(res.statusCode, res.body).toBe(201);
    eventId = res.json<{ id: string }>().id;
    const view = (
      await call('GET', `/api/matchmaking/events/${eventId}`, consultant)
    ).json<EventView>();
    expect(view.slots.map((s) => s.start)).toEqual(['09:00', '09:15', '09:40', '09:55']);
    expect(view.status).toBe('planning');
  });

  it('adds companies with a video link per table (a virtual table without one is refused)', async () => {
    const bad = await call('POST', `/api/matchmaking/events/${eventId}/companies`, consultant, {
      companyId: companyIds[0],
      tables: 2,
      videoLinks: ['https://teams.example.com/a'],
    });
    expect(bad.statusCode).toBe(400);
    const notHttps = await call(
      'POST',
      `/api/matchmaking/events/${eventId}/companies`,
      consultant,
      {
        companyId: companyIds[0],
        tables: 1,
        videoLinks: ['javascript:alert(1)'],
      },
    );
    expect(notHttps.statusCode).toBe(400);
    places = [];
    for (const [i, companyId] of companyIds.entries()) {
      const res = await call('POST', `/api/matchmaking/events/${eventId}/companies`, consultant, {
        companyId,
        tables: 1,
        videoLinks: [`https://meet.example.com/partner-${i}`],
        roles: ['Cloud-administrator'],
        unavailable: i === 1 ? [3] : [],
      });
      expect(res.statusCode, res.body).toBe(201);
      places.push(res.json<{ id: string }>().id);
    }
    const twice = await call('POST', `/api/matchmaking/events/${eventId}/companies`, consultant, {
      companyId: companyIds[0],
      tables: 1,
      videoLinks: ['https://meet.example.com/x'],
    });
    expect(twice.statusCode).toBe(409);
  });

  it('invites citizens (each gets a message with the link from configuration); a stranger is refused', async () => {
    const other = await buildMunicipality(t.ctx.db);
    const stranger = await buildCitizen(t.ctx.db, t.ctx.cipher, {
      municipalityId: other.id,
      caseworkerId: null,
    });
    const refused = await call(
      'POST',
      `/api/matchmaking/events/${eventId}/invitations`,
      consultant,
      {
        citizenIds: [people[0]!.id, stranger.id],
      },
    );
    expect(refused.statusCode).toBe(400);
    const res = await call('POST', `/api/matchmaking/events/${eventId}/invitations`, consultant, {
      citizenIds: people.map((p) => p.id),
    });
    expect(res.json()).toEqual({ invited: 4, already: 0 });
    const again = await call('POST', `/api/matchmaking/events/${eventId}/invitations`, consultant, {
      citizenIds: [people[0]!.id],
    });
    expect(again.json()).toEqual({ invited: 0, already: 1 });
    const mails = await t.ctx.db
      .select()
      .from(outbox)
      .where(like(outbox.subject, 'Invitation: Azure-matchmaking'));
    expect(mails).toHaveLength(3);
    expect(mails[0]!.body).toContain(`${TEST_PUBLIC_URL}/mine-arrangementer`);
    // Danish with the day written out, and a line in English.
    expect(mails[0]!.body).toContain('Du er inviteret til Azure-matchmaking onsdag 10. marts.');
    expect(mails[0]!.body).toContain('(English: you are invited');
    // The candidate who chose Somali gets Somali only.
    const [somali] = await t.ctx.db
      .select()
      .from(outbox)
      .where(eq(outbox.recipient, 'kandidat2@example.dk'));
    expect(somali!.subject).toBe('Casuumaad: Azure-matchmaking');
    expect(somali!.body).toContain('Waxaa laguu casuumay Azure-matchmaking');
    expect(somali!.body).toContain(`${TEST_PUBLIC_URL}/mine-arrangementer`);
    expect(somali!.body).not.toMatch(/Du er|English/);
  });

  it('another municipality cannot see the event, nor a caseworker', async () => {
    expect(
      (await call('GET', `/api/matchmaking/events/${eventId}`, otherConsultant)).statusCode,
    ).toBe(404);
    expect((await call('GET', `/api/matchmaking/events/${eventId}`, caseworker)).statusCode).toBe(
      403,
    );
  });
});

describe('candidates and companies answer', () => {
  it('a citizen registers with ranked companies and slots they cannot attend', async () => {
    const [p0, p1, p2] = people;
    const mine = (await call('GET', '/api/me/matchmaking', p0!.cookie)).json<MyEventView[]>();
    expect(mine).toHaveLength(1);
    expect(mine[0]!.companies.map((c) => c.name)).toEqual([
      'Partner 1 ApS',
      'Partner 2 ApS',
      'Partner 3 ApS',
    ]);
    const twice = await call('PUT', `/api/me/matchmaking/${eventId}`, p0!.cookie, {
      wishes: [places[0], places[0]],
    });
    expect(twice.statusCode).toBe(400);
    const unknown = await call('PUT', `/api/me/matchmaking/${eventId}`, p0!.cookie, {
      wishes: ['00000000-0000-4000-8000-000000000000'],
    });
    expect(unknown.statusCode).toBe(400);
    const slot = await call('PUT', `/api/me/matchmaking/${eventId}`, p0!.cookie, {
      wishes: [places[0]],
      unavailable: [9],
    });
    expect(slot.statusCode).toBe(400);
    const ok = await call('PUT', `/api/me/matchmaking/${eventId}`, p0!.cookie, {
      wishes: [places[0], places[1]],
      unavailable: [0],
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json<MyEventView>().companies.map((c) => c.rank)).toEqual([1, 2, null]);
    await call('PUT', `/api/me/matchmaking/${eventId}`, p1!.cookie, { wishes: [places[0]] });
    await call('PUT', `/api/me/matchmaking/${eventId}`, p2!.cookie, {
      wishes: [places[2], places[0]],
    });
    const other = await call('PUT', `/api/me/matchmaking/${eventId}`, people[1]!.cookie, {
      wishes: [places[0]],
    });
    expect(other.statusCode).toBe(200);
  });

  it('a company sees the registered candidates without name, CPR or age, and answers', async () => {
    const res = await call('GET', `/api/companies/${companyIds[0]}/matchmaking`, companyUser);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.body).not.toMatch(/Kandidat\dx|Prøvesen|birth|cpr/i);
    const [view] = res.json<CompanyEventView[]>();
    expect(view!.candidates).toHaveLength(3);
    expect(view!.candidates[0]).toMatchObject({ rank: 1, profile: { education: 'long_higher' } });
    expect(view!.candidates[0]!.handle).toMatch(/^K-/);
    const second = view!.candidates.find((c) => c.rank === 2)!;
    const answer = await call(
      'POST',
      `/api/companies/${companyIds[0]}/matchmaking/${eventId}/answers`,
      companyUser,
      { candidateId: second.id, answer: 'decline' },
    );
    expect(answer.statusCode, answer.body).toBe(200);
    // Another company's user reaches neither this company's events nor its answers.
    expect(
      (await call('GET', `/api/companies/${companyIds[0]}/matchmaking`, otherCompanyUser))
        .statusCode,
    ).toBe(404);
    expect(
      (
        await call(
          'POST',
          `/api/companies/${companyIds[0]}/matchmaking/${eventId}/answers`,
          otherCompanyUser,
          { candidateId: second.id, answer: 'accept' },
        )
      ).statusCode,
    ).toBe(404);
  });
});

describe('scheduling and publishing', () => {
  it('the scheduler gives every registered candidate a meeting where it can, and says why not', async () => {
    const res = await call('POST', `/api/matchmaking/events/${eventId}/schedule`, consultant, {
      fair: true,
    });
    expect(res.statusCode, res.body).toBe(200);
    const view = res.json<EventView>();
    expect(view.lastRun).toMatchObject({ status: 'optimal', fair: true });
    // Partner 1 declined candidate 2 (their second wish); everyone registered meets someone.
    expect(view.result.candidatesMet).toBe(3);
    expect(view.candidates.find((c) => c.citizenId === people[3]!.id)!.status).toBe('invited');
    for (const m of view.schedule) {
      const who = m.citizenId;
      if (who === people[0]!.id) expect(m.slot).not.toBe(0);
    }
    expect(view.result.firstWish).toBeGreaterThanOrEqual(2);
  });

  it('a forbidden meeting disappears, a pin holds, and pins that cannot hold change nothing', async () => {
    const [p0, , p2] = people;
    await call('POST', `/api/matchmaking/events/${eventId}/rules`, consultant, {
      citizenId: p2!.id,
      eventCompanyId: places[2],
      rule: 'forbid',
    });
    await call('POST', `/api/matchmaking/events/${eventId}/rules`, consultant, {
      citizenId: p0!.id,
      eventCompanyId: places[1],
      rule: 'pin',
      slot: 2,
    });
    const res = await call('POST', `/api/matchmaking/events/${eventId}/schedule`, consultant, {});
    const view = res.json<EventView>();
    expect(
      view.schedule.some((m) => m.citizenId === p2!.id && m.eventCompanyId === places[2]),
    ).toBe(false);
    expect(view.schedule).toContainEqual(
      expect.objectContaining({ citizenId: p0!.id, eventCompanyId: places[1], slot: 2 }),
    );
    const before = view.schedule.map((m) => m.id).sort();
    await call('POST', `/api/matchmaking/events/${eventId}/rules`, consultant, {
      citizenId: p0!.id,
      eventCompanyId: places[1],
      rule: 'pin',
      slot: 3, // Partner 2 is away in slot 3
    });
    const clash = await call('POST', `/api/matchmaking/events/${eventId}/schedule`, consultant, {});
    expect(clash.statusCode).toBe(400);
    expect(clash.json<{ error: { message: string } }>().error.message).toMatch(/fastlåste|pinned/);
    const after = (
      await call('GET', `/api/matchmaking/events/${eventId}`, consultant)
    ).json<EventView>();
    expect(after.schedule.map((m) => m.id).sort()).toEqual(before);
    await call('POST', `/api/matchmaking/events/${eventId}/rules`, consultant, {
      citizenId: p0!.id,
      eventCompanyId: places[1],
      rule: null,
    });
    await call('POST', `/api/matchmaking/events/${eventId}/schedule`, consultant, {});
  });

  it('publishing sends every candidate and company member an agenda; the agenda has the video link and an .ics', async () => {
    const res = await call('POST', `/api/matchmaking/events/${eventId}/publish`, consultant);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<EventView>().status).toBe('published');
    const agendas = await t.ctx.db.select().from(outbox).where(like(outbox.subject, 'Din plan:%'));
    expect(agendas).toHaveLength(2);
    const [somali] = await t.ctx.db
      .select()
      .from(outbox)
      .where(like(outbox.subject, 'Qorshahaaga:%'));
    expect(somali!.recipient).toBe('kandidat2@example.dk');
    expect(somali!.body).toMatch(/Kani waa qorshahaaga Azure-matchmaking/);
    const companyMail = await t.ctx.db
      .select()
      .from(outbox)
      .where(like(outbox.subject, 'Mødeplan:%'));
    expect(companyMail.length).toBeGreaterThanOrEqual(1);
    const [mine] = (await call('GET', '/api/me/matchmaking', people[0]!.cookie)).json<
      MyEventView[]
    >();
    expect(mine!.agenda.length).toBeGreaterThan(0);
    expect(mine!.agenda[0]!.videoLink).toMatch(/^https:\/\/meet\.example\.com\//);
    const ics = await call('GET', `/api/me/matchmaking/${eventId}/agenda.ics`, people[0]!.cookie);
    expect(ics.headers['content-type']).toMatch(/text\/calendar/);
    const cal = new ICAL.Component(ICAL.parse(ics.body));
    const events = cal.getAllSubcomponents('vevent');
    expect(events).toHaveLength(mine!.agenda.length);
    expect(String(events[0]!.getFirstPropertyValue('url'))).toMatch(/^https:\/\/meet/);
    // Registration is closed now; the agenda stays.
    const late = await call('PUT', `/api/me/matchmaking/${eventId}`, people[0]!.cookie, {
      wishes: [places[2]],
    });
    expect(late.statusCode).toBe(409);
    const rerun = await call('POST', `/api/matchmaking/events/${eventId}/schedule`, consultant, {});
    expect(rerun.statusCode).toBe(409);
  });
});

describe('on the day and after', () => {
  it('a no-show frees their meetings; rescheduling fills the freed places with those present', async () => {
    const [p0, p1, p2] = people;
    for (const p of [p0!, p2!])
      expect(
        (
          await call('POST', `/api/matchmaking/events/${eventId}/check-in`, consultant, {
            citizenId: p.id,
            present: true,
          })
        ).statusCode,
      ).toBe(200);
    const absent = await call('POST', `/api/matchmaking/events/${eventId}/check-in`, consultant, {
      citizenId: p1!.id,
      present: false,
    });
    const view = absent.json<EventView>();
    expect(
      view.schedule.filter((m) => m.citizenId === p1!.id).every((m) => m.status === 'no_show'),
    ).toBe(true);
    const res = await call('POST', `/api/matchmaking/events/${eventId}/reschedule`, consultant, {
      fromSlot: 1,
    });
    expect(res.statusCode, res.body).toBe(200);
    const after = res.json<EventView>();
    const live = after.schedule.filter((m) => m.status === 'planned' || m.status === 'held');
    // No one is in two meetings in one slot, and no table is used twice.
    const seen = new Set<string>();
    for (const m of live) {
      expect(seen.has(`p${m.citizenId}@${m.slot}`)).toBe(false);
      expect(seen.has(`t${m.eventCompanyId}#${m.table}@${m.slot}`)).toBe(false);
      seen.add(`p${m.citizenId}@${m.slot}`);
      seen.add(`t${m.eventCompanyId}#${m.table}@${m.slot}`);
      expect(m.citizenId).not.toBe(p1!.id);
    }
    expect(live.filter((m) => m.slot === 0).every((m) => m.status === 'held')).toBe(true);
  });

  it('the company records a hire (a start date is required); the caseworker sees it; statistics count it', async () => {
    const [view] = (
      await call('GET', `/api/companies/${companyIds[0]}/matchmaking`, companyUser)
    ).json<CompanyEventView[]>();
    const meeting = view!.agenda.find((a) => a.status !== 'no_show')!;
    const noDate = await call(
      'POST',
      `/api/matchmaking/meetings/${meeting.meetingId}/outcome`,
      companyUser,
      {
        outcome: 'hire',
      },
    );
    expect(noDate.statusCode).toBe(400);
    const stranger = await call(
      'POST',
      `/api/matchmaking/meetings/${meeting.meetingId}/outcome`,
      otherCompanyUser,
      { outcome: 'hire', startsOn: '2027-04-01' },
    );
    expect(stranger.statusCode).toBe(404);
    const ok = await call(
      'POST',
      `/api/matchmaking/meetings/${meeting.meetingId}/outcome`,
      companyUser,
      {
        outcome: 'hire',
        startsOn: '2027-04-01',
        note: 'Starter som cloud-administrator.',
      },
    );
    expect(ok.statusCode, ok.body).toBe(200);
    const [row] = await t.ctx.db
      .select()
      .from(eventMeetings)
      .where(eq(eventMeetings.id, meeting.meetingId));
    const seenBy = await call('GET', `/api/citizens/${row!.citizenId}/matchmaking`, caseworker);
    expect(seenBy.json()).toContainEqual(
      expect.objectContaining({
        company: 'Partner 1 ApS',
        outcome: 'hire',
        outcomeStartsOn: '2027-04-01',
      }),
    );
    const audit = await t.ctx.db
      .select()
      .from(auditLog)
      .where(
        and(
          eq(auditLog.action, 'matching.meeting.outcome'),
          eq(auditLog.citizenId, row!.citizenId),
        ),
      );
    expect(audit).toHaveLength(1);
    // The hire is reported where the pilot evaluation reads it; a correction takes it back.
    const reported = () =>
      t.ctx.db.select().from(reportedHires).where(eq(reportedHires.sourceId, meeting.meetingId));
    expect(await reported()).toEqual([
      expect.objectContaining({
        citizenId: row!.citizenId,
        startsOn: '2027-04-01',
        source: 'matchmaking',
      }),
    ]);
    const url = `/api/matchmaking/meetings/${meeting.meetingId}/outcome`;
    await call('POST', url, companyUser, { outcome: 'second_interview' });
    expect(await reported()).toEqual([]);
    await call('POST', url, companyUser, { outcome: 'hire', startsOn: '2027-04-01' });
    expect(await reported()).toHaveLength(1);
    const stats = (await call('GET', '/api/matchmaking/stats', analyst)).json<{
      events: { hires: number; met: number; candidates: number }[];
      bySize: { label: string; hires: number }[];
    }>();
    expect(stats.events[0]).toMatchObject({ hires: 1, candidates: 3 });
    expect(stats.bySize.find((s) => s.label === '10-49')!.hires).toBe(1);
    expect(caseworkerId).toBeTruthy();
  });

  it('a citizen who declines has their planned meetings cancelled', async () => {
    const p2 = people[2]!;
    const res = await call('POST', `/api/me/matchmaking/${eventId}/decline`, p2.cookie);
    expect(res.json<MyEventView>().status).toBe('declined');
    const rows = await t.ctx.db
      .select()
      .from(eventMeetings)
      .where(and(eq(eventMeetings.eventId, eventId), eq(eventMeetings.citizenId, p2.id)));
    expect(rows.filter((r) => r.status === 'planned')).toEqual([]);
  });
});
