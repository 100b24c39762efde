import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, like } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../app/testing/test-app';
import { buildCitizen, buildMunicipality, buildUser } from '../app/testing/factories';
import { auditLog } from '../platform/audit';
import { outbox } from '../platform/messaging/outbox.schema';
import { citizens } from '../people/people.schema';
import { companyMembers } from '../companies/companies.schema';
import { eventMeetings } from './matching.schema';
import type { MyProfileView, RoleCandidatesView, SmeAcademicsView } from './pool.contract';
import type { EventView } from './events.contract';

let t: TestApp;
let m: { id: string };
let consultant: string;
let companyUser: string;
let strangerCompanyUser: string;
let roleId: string;
const people: { id: string; cookie: string }[] = [];

const call = (
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  url: string,
  cookie: string | null,
  payload?: object | Buffer,
  headers: Record<string, string> = {},
) =>
  t.app.inject({
    method,
    url,
    headers: { ...(cookie ? { cookie } : {}), ...headers },
    ...(payload !== undefined ? { payload } : {}),
  });

beforeAll(async () => {
  t = await createTestApp();
  m = await buildMunicipality(t.ctx.db);
  consultant = await t.login((await buildUser(t.ctx.db, m.id, ['company_consultant'])).email);
  const company = (
    await call('POST', '/api/companies', consultant, {
      cvr: '10000009',
      name: 'Lille Cloud ApS',
      industryCode: '620100',
      employees: 15,
      postalCode: '2300',
      city: 'København S',
    })
  ).json<{ id: string }>();
  const other = (
    await call('POST', '/api/companies', consultant, {
      cvr: '10000017',
      name: 'Anden ApS',
      industryCode: '620100',
      employees: 15,
    })
  ).json<{ id: string }>();
  const member = await buildUser(t.ctx.db, m.id, ['company']);
  await t.ctx.db
    .insert(companyMembers)
    .values({ municipalityId: m.id, companyId: company.id, userId: member.id });
  companyUser = await t.login(member.email);
  const stranger = await buildUser(t.ctx.db, m.id, ['company']);
  await t.ctx.db
    .insert(companyMembers)
    .values({ municipalityId: m.id, companyId: other.id, userId: stranger.id });
  strangerCompanyUser = await t.login(stranger.email);
  const role = await call('POST', `/api/companies/${company.id}/roles`, consultant, {
    title: 'Cloud-administrator',
    people: 1,
    competences: [
      { competence: '5.1', level: 4 },
      { competence: '1.1', level: 3 },
    ],
    education: 'medium_higher',
    languages: ['da'],
    workplaceLearning: ['trainee'],
  });
  expect(role.statusCode, role.body).toBe(201);
  roleId = role.json<{ id: string }>().id;
  for (let i = 0; i < 2; i++) {
    const user = await buildUser(t.ctx.db, m.id, ['citizen']);
    const c = await buildCitizen(t.ctx.db, t.ctx.cipher, {
      municipalityId: m.id,
      caseworkerId: null,
      userId: user.id,
      firstName: `Puljeborger${i}`,
    });
    await t.ctx.db
      .update(citizens)
      .set({ email: `pulje${i}@example.dk`, educationLevel: i === 0 ? 'long_higher' : 'primary' })
      .where(eq(citizens.id, c.id));
    people.push({ id: c.id, cookie: await t.login(user.email) });
  }
});
afterAll(async () => t.close());

describe('the candidate pool', () => {
  it('a citizen is in the pool only with consent, and sees what companies will see', async () => {
    const [p0] = people;
    const before = (
      await call('GET', '/api/me/candidate-profile', p0!.cookie)
    ).json<MyProfileView>();
    expect(before.inPool).toBe(false);
    const noConsent = await call('PUT', '/api/me/candidate-profile', p0!.cookie, { pitch: 'Hej' });
    expect(noConsent.statusCode).toBe(400);
    const badArea = await call('PUT', '/api/me/candidate-profile', p0!.cookie, {
      consent: true,
      workAreas: ['<script>'],
    });
    expect(badArea.statusCode).toBe(400);
    const res = await call('PUT', '/api/me/candidate-profile', p0!.cookie, {
      consent: true,
      pitch: 'Cloud-nørd med styr på drift.',
      languages: ['da', 'en'],
      workAreas: ['2300', 'København'],
    });
    expect(res.statusCode, res.body).toBe(200);
    const view = res.json<MyProfileView>();
    expect(view).toMatchObject({
      inPool: true,
      languages: ['da', 'en'],
      workAreas: ['2300', 'københavn'],
    });
    expect(view.shown.education).toBe('long_higher');
    // Ranked roles with why: the open role is there, with what is missing.
    expect(view.roles[0]).toMatchObject({
      title: 'Cloud-administrator',
      company: 'Lille Cloud ApS',
    });
    expect(view.roles[0]!.explanation.missing.map((g) => g.competence).sort()).toEqual([
      '1.1',
      '5.1',
    ]);
    await call('PUT', '/api/me/candidate-profile', people[1]!.cookie, { consent: true });
  });

  it('a CV must be a real PDF of at most 2 MB', async () => {
    const [p0] = people;
    const pdf = { 'content-type': 'application/pdf' };
    const fake = await call(
      'PUT',
      '/api/me/candidate-profile/cv?name=cv.pdf',
      p0!.cookie,
      Buffer.from('GIF89a…'),
      pdf,
    );
    expect(fake.statusCode).toBe(400);
    const big = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(2 * 1024 * 1024 + 2000)]);
    const tooBig = await call(
      'PUT',
      '/api/me/candidate-profile/cv?name=cv.pdf',
      p0!.cookie,
      big,
      pdf,
    );
    expect(tooBig.statusCode).toBe(413);
    const image = await call(
      'PUT',
      '/api/me/candidate-profile/cv?name=cv.jpg',
      p0!.cookie,
      Buffer.from('x'),
      {
        'content-type': 'image/jpeg',
      },
    );
    expect(image.statusCode).toBe(415);
    const ok = await call(
      'PUT',
      '/api/me/candidate-profile/cv?name=mit-cv.pdf',
      p0!.cookie,
      Buffer.from('%PDF-1.4\n% Digiløft test\n'),
      pdf,
    );
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json<MyProfileView>().cvName).toBe('mit-cv.pdf');
  });

  it('a company sees ranked, explained candidates without name, CPR or age', async () => {
    const res = await call('GET', `/api/job-roles/${roleId}/candidates`, companyUser);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.body).not.toMatch(/Puljeborger|Prøvesen|pulje\d@|birth/i);
    const view = res.json<RoleCandidatesView>();
    expect(view.candidates).toHaveLength(2);
    // The academic ranks first: education fits.
    expect(view.candidates[0]!.shown.education).toBe('long_higher');
    expect(view.candidates[0]!.explanation.score).toBeGreaterThan(
      view.candidates[1]!.explanation.score,
    );
    expect(view.candidates.every((c) => c.revealed === null)).toBe(true);
    // Another company's user does not reach this role at all.
    expect(
      (await call('GET', `/api/job-roles/${roleId}/candidates`, strangerCompanyUser)).statusCode,
    ).toBe(404);
  });

  it('the consultant shortlists and asks; acceptance reveals the citizen to that company only (audited)', async () => {
    const list = (
      await call('GET', `/api/job-roles/${roleId}/candidates`, consultant)
    ).json<RoleCandidatesView>();
    const first = list.candidates[0]!;
    // Companies cannot send requests themselves; the business service does.
    expect(
      (
        await call('POST', `/api/job-roles/${roleId}/contact-requests`, companyUser, {
          candidateId: first.id,
          send: true,
        })
      ).statusCode,
    ).toBe(403);
    const shortlisted = await call(
      'POST',
      `/api/job-roles/${roleId}/contact-requests`,
      consultant,
      {
        candidateId: first.id,
        send: false,
      },
    );
    expect(shortlisted.json()).toEqual({ contact: 'shortlisted' });
    // A shortlist is not yet the citizen's business.
    const mineBefore = (
      await call('GET', '/api/me/candidate-profile', people[0]!.cookie)
    ).json<MyProfileView>();
    expect(mineBefore.requests).toEqual([]);
    const sent = await call('POST', `/api/job-roles/${roleId}/contact-requests`, consultant, {
      candidateId: first.id,
      send: true,
    });
    expect(sent.json()).toEqual({ contact: 'pending' });
    const listed = (
      await call('GET', `/api/job-roles/${roleId}/candidates`, consultant)
    ).json<RoleCandidatesView>();
    expect(listed.candidates.find((c) => c.id === first.id)!.contact).toBe('pending');
    const mail = await t.ctx.db
      .select()
      .from(outbox)
      .where(like(outbox.subject, 'Lille Cloud ApS vil gerne%'));
    expect(mail).toHaveLength(1);
    expect(mail[0]!.body).not.toMatch(/Puljeborger/);
    const cvBefore = await call(
      'GET',
      `/api/job-roles/${roleId}/candidates/${first.id}/cv`,
      companyUser,
    );
    expect(cvBefore.statusCode).toBe(404);

    const mine = (
      await call('GET', '/api/me/candidate-profile', people[0]!.cookie)
    ).json<MyProfileView>();
    expect(mine.requests).toEqual([
      expect.objectContaining({
        company: 'Lille Cloud ApS',
        role: 'Cloud-administrator',
        status: 'pending',
      }),
    ]);
    const accepted = await call(
      'POST',
      `/api/me/contact-requests/${mine.requests[0]!.id}`,
      people[0]!.cookie,
      {
        answer: 'accept',
      },
    );
    expect(accepted.statusCode, accepted.body).toBe(200);
    const twice = await call(
      'POST',
      `/api/me/contact-requests/${mine.requests[0]!.id}`,
      people[0]!.cookie,
      {
        answer: 'decline',
      },
    );
    expect(twice.statusCode).toBe(409);

    const after = (
      await call('GET', `/api/job-roles/${roleId}/candidates`, companyUser)
    ).json<RoleCandidatesView>();
    const revealed = after.candidates.find((c) => c.id === first.id)!;
    expect(revealed.revealed).toMatchObject({
      name: 'Puljeborger0 Prøvesen',
      email: 'pulje0@example.dk',
    });
    expect(after.candidates.find((c) => c.id !== first.id)!.revealed).toBeNull();
    const cv = await call('GET', `/api/job-roles/${roleId}/candidates/${first.id}/cv`, companyUser);
    expect(cv.statusCode).toBe(200);
    expect(cv.headers['content-type']).toBe('application/pdf');
    const reveals = await t.ctx.db
      .select()
      .from(auditLog)
      .where(
        and(eq(auditLog.action, 'matching.pool.reveal'), eq(auditLog.citizenId, people[0]!.id)),
      );
    expect(reveals.length).toBeGreaterThanOrEqual(1);

    const sme = (
      await call('GET', '/api/matchmaking/sme-academics', consultant)
    ).json<SmeAcademicsView>();
    expect(sme.rows[0]).toMatchObject({ company: 'Lille Cloud ApS', forms: ['trainee', 'hire'] });
    expect(sme.followUps).toEqual([
      expect.objectContaining({ status: 'accepted', company: 'Lille Cloud ApS' }),
    ]);
  });

  it('leaving the pool hides the citizen everywhere at once and cancels future meetings', async () => {
    const [p0] = people;
    // A future event where the citizen has a planned meeting.
    const event = (
      await call('POST', '/api/matchmaking/events', consultant, {
        name: 'Fremtidigt',
        format: 'virtual',
        on: '2099-01-05',
        startsAt: '09:00',
        slotMinutes: 15,
        slotCount: 2,
        maxMeetings: 1,
      })
    ).json<{ id: string }>();
    const companies = (await call('GET', '/api/companies', consultant)).json<
      { id: string; name: string }[]
    >();
    const place = (
      await call('POST', `/api/matchmaking/events/${event.id}/companies`, consultant, {
        companyId: companies.find((c) => c.name === 'Lille Cloud ApS')!.id,
        tables: 1,
        videoLinks: ['https://meet.example.com/x'],
      })
    ).json<{ id: string }>();
    await call('POST', `/api/matchmaking/events/${event.id}/invitations`, consultant, {
      citizenIds: [p0!.id],
    });
    await call('PUT', `/api/me/matchmaking/${event.id}`, p0!.cookie, { wishes: [place.id] });
    const scheduled = (
      await call('POST', `/api/matchmaking/events/${event.id}/schedule`, consultant, {})
    ).json<EventView>();
    expect(scheduled.schedule).toHaveLength(1);

    const left = await call('DELETE', '/api/me/candidate-profile', p0!.cookie);
    expect(left.json<MyProfileView>()).toMatchObject({
      inPool: false,
      pitch: '',
      cvName: null,
      requests: [],
    });
    const list = (
      await call('GET', `/api/job-roles/${roleId}/candidates`, companyUser)
    ).json<RoleCandidatesView>();
    expect(list.candidates).toHaveLength(1);
    expect(JSON.stringify(list)).not.toMatch(/Puljeborger0/);
    const [meeting] = await t.ctx.db
      .select()
      .from(eventMeetings)
      .where(eq(eventMeetings.eventId, event.id));
    expect(meeting!.status).toBe('cancelled');
  });
});
