import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { and, desc, eq } from 'drizzle-orm';
import { createTestApp, TEST_PUBLIC_URL, type TestApp } from '../app/testing/test-app';
import { buildCitizen, buildMunicipality, buildUser } from '../app/testing/factories';
import { auditLog } from '../platform/audit';
import { outbox } from '../platform/messaging/outbox.schema';
import { municipalMailServer } from '../app/testing/mail';
import { users } from '../organisation/organisation.schema';
import { companies, jobRoles } from './companies.schema';
import { asSystem } from '../platform/use-case';
import { remindSurveys } from './survey.use-cases';

let t: TestApp;
let m: { id: string };
let consultant: string;
let consultantId: string;
let admin: string;
let caseworker: string;
let otherConsultant: string;

beforeAll(async () => {
  t = await createTestApp();
  m = await buildMunicipality(t.ctx.db);
  const c = await buildUser(t.ctx.db, m.id, ['company_consultant']);
  consultantId = c.id;
  consultant = await t.login(c.email);
  admin = await t.login((await buildUser(t.ctx.db, m.id, ['admin'])).email);
  caseworker = await t.login((await buildUser(t.ctx.db, m.id, ['caseworker'])).email);
  const other = await buildMunicipality(t.ctx.db);
  otherConsultant = await t.login(
    (await buildUser(t.ctx.db, other.id, ['company_consultant'])).email,
  );
});
afterAll(async () => t.close());
afterEach(() => vi.useRealTimers());

const call = (
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
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

// Valid CVR numbers (modulus 11), invented.
const ACME = {
  cvr: '10000009',
  name: 'Acme Cloud ApS',
  industryCode: '620100',
  employees: 42,
  address: 'Vesterbrogade 1',
  postalCode: '1620',
  city: 'København V',
};

let acmeId: string;

describe('the company register', () => {
  it('a consultant registers a company: section from the DB07 code, band and SME from the head count', async () => {
    const res = await call('POST', '/api/companies', consultant, ACME);
    expect(res.statusCode, res.body).toBe(201);
    const c = res.json<{ id: string; industrySection: string; sizeBand: string; sme: boolean }>();
    expect(c).toMatchObject({ industrySection: 'J', sizeBand: '10-49', sme: true });
    acmeId = c.id;
    const big = await call('POST', '/api/companies', consultant, {
      ...ACME,
      cvr: '10000017',
      name: 'Stor A/S',
      employees: 250,
      industryCode: '471100',
    });
    expect(big.json()).toMatchObject({ sizeBand: '250+', sme: false, industrySection: 'G' });
    const banded = await call('POST', '/api/companies', consultant, {
      ...ACME,
      cvr: '10000025',
      name: 'Lille ApS',
      employees: null,
      sizeBand: '0-9',
    });
    expect(banded.json()).toMatchObject({ sizeBand: '0-9', sme: true });
  });

  it('refuses bad input with a clear message and changes nothing', async () => {
    const before = await t.ctx.db.select().from(companies);
    const cases: [object, number, RegExp][] = [
      [{ ...ACME, cvr: '10000008' }, 400, /CVR/],
      [{ ...ACME, cvr: '1234' }, 400, /CVR/],
      [{ ...ACME, industryCode: '000000', cvr: '10000033' }, 400, /DB07/],
      [{ ...ACME, cvr: '10000033', employees: undefined }, 400, /sizeBand|employees/],
      [{ ...ACME }, 409, /CVR/],
    ];
    for (const [body, status, message] of cases) {
      const res = await call('POST', '/api/companies', consultant, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(status);
      expect(res.body).toMatch(message);
    }
    expect(await t.ctx.db.select().from(companies)).toHaveLength(before.length);
  });

  it('keeps units, contacts, and the log of contacts, visits and agreements', async () => {
    const unit = await call('POST', `/api/companies/${acmeId}/units`, consultant, {
      pNumber: '1012345678',
      name: 'Acme Vesterbro',
    });
    expect(unit.statusCode, unit.body).toBe(201);
    expect(
      (
        await call('POST', `/api/companies/${acmeId}/units`, consultant, {
          pNumber: '0012345678',
          name: 'X',
        })
      ).statusCode,
    ).toBe(400);
    await call('POST', `/api/companies/${acmeId}/contacts`, consultant, {
      name: 'Hanne Hansen',
      title: 'HR-chef',
      email: 'hanne@acme.example',
    });
    const agreement = await call('POST', `/api/companies/${acmeId}/activities`, consultant, {
      kind: 'agreement',
      agreement: 'trainee',
      places: 2,
      on: '2026-11-20',
      note: 'To traineepladser i cloud-drift',
    });
    expect(agreement.statusCode, agreement.body).toBe(201);
    const bad = await call('POST', `/api/companies/${acmeId}/activities`, consultant, {
      kind: 'visit',
      agreement: 'trainee',
      on: '2026-11-20',
      note: 'Besøg',
    });
    expect(bad.statusCode).toBe(400);
    const c = (await call('GET', `/api/companies/${acmeId}`, consultant)).json<{
      units: { pNumber: string }[];
      contacts: { name: string }[];
      activities: { kind: string; agreement: string; places: number; by: string }[];
    }>();
    expect(c.units.map((u) => u.pNumber)).toEqual(['1012345678']);
    expect(c.contacts.map((x) => x.name)).toEqual(['Hanne Hansen']);
    expect(c.activities).toEqual([
      expect.objectContaining({ kind: 'agreement', agreement: 'trainee', places: 2 }),
    ]);
  });

  it('removes a contact person or a unit; nothing else is touched, and others’ ids answer 404', async () => {
    await call('POST', `/api/companies/${acmeId}/contacts`, consultant, {
      name: 'Gammel Kontakt',
      phone: '12345678',
    });
    const before = (await call('GET', `/api/companies/${acmeId}`, consultant)).json<{
      contacts: { id: string; name: string }[];
    }>();
    const old = before.contacts.find((c) => c.name === 'Gammel Kontakt')!;
    const res = await call('DELETE', `/api/companies/${acmeId}/contacts/${old.id}`, consultant);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<{ contacts: { name: string }[] }>().contacts.map((c) => c.name)).toEqual([
      'Hanne Hansen',
    ]);
    const again = await call('DELETE', `/api/companies/${acmeId}/contacts/${old.id}`, consultant);
    expect(again.statusCode).toBe(404);
    const [stor] = await t.ctx.db.select().from(companies).where(eq(companies.name, 'Stor A/S'));
    const unitOfAcme = (await call('GET', `/api/companies/${acmeId}`, consultant)).json<{
      units: { id: string }[];
    }>().units[0]!.id;
    // A unit id through another company's address is not found.
    expect(
      (await call('DELETE', `/api/companies/${stor!.id}/units/${unitOfAcme}`, consultant))
        .statusCode,
    ).toBe(404);
  });

  it('audits reads and changes of company data, in the company’s municipality', async () => {
    const rows = await t.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, acmeId), eq(auditLog.actorId, consultantId)))
      .orderBy(desc(auditLog.id));
    const actions = rows.map((r) => r.action);
    for (const a of [
      'company.create',
      'company.unit.create',
      'company.contact.create',
      'company.activity.create',
      'company.read',
    ])
      expect(actions).toContain(a);
    expect(rows.every((r) => r.purpose === 'company_relations' && r.municipalityId === m.id)).toBe(
      true,
    );
  });

  it('lists and searches companies; another municipality sees none of them', async () => {
    const all = (await call('GET', '/api/companies?sme=true', consultant)).json<
      { name: string }[]
    >();
    expect(all.map((c) => c.name)).toEqual(['Acme Cloud ApS', 'Lille ApS']);
    const q = (await call('GET', '/api/companies?q=stor', admin)).json<{ name: string }[]>();
    expect(q.map((c) => c.name)).toEqual(['Stor A/S']);
    expect((await call('GET', '/api/companies', otherConsultant)).json()).toEqual([]);
    expect((await call('GET', `/api/companies/${acmeId}`, otherConsultant)).statusCode).toBe(404);
    expect((await call('GET', '/api/companies', caseworker)).statusCode).toBe(403);
  });
});

describe('company users', () => {
  let token: string;
  let companyUser: string;

  it('a consultant invites by e-mail: a one-time link through the outbox, from the configured address', async () => {
    const res = await call('POST', `/api/companies/${acmeId}/invitations`, consultant, {
      email: 'frederik@acme.example',
      name: 'Frederik Firma',
    });
    expect(res.statusCode, res.body).toBe(201);
    const [mail] = await t.ctx.db
      .select()
      .from(outbox)
      .where(eq(outbox.recipient, 'frederik@acme.example'));
    const link = /https:\S+/.exec(mail!.body)![0];
    expect(link.startsWith(`${TEST_PUBLIC_URL}/virksomhed/invitation#`)).toBe(true);
    token = link.slice(link.indexOf('#') + 1);
    const look = await call('POST', '/api/company-invitations/lookup', null, { token });
    expect(look.json()).toEqual({
      companyName: 'Acme Cloud ApS',
      email: 'frederik@acme.example',
      name: 'Frederik Firma',
    });
  });

  it('accepting makes the company user once; the link then works no more', async () => {
    const weak = await call('POST', '/api/company-invitations/accept', null, {
      token,
      password: 'kort',
    });
    expect(weak.statusCode).toBe(400);
    const ok = await call('POST', '/api/company-invitations/accept', null, {
      token,
      password: 'en lang og god adgangskode',
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const [u] = await t.ctx.db.select().from(users).where(eq(users.email, 'frederik@acme.example'));
    expect(u!.roles).toEqual(['company']);
    const again = await call('POST', '/api/company-invitations/accept', null, {
      token,
      password: 'en lang og god adgangskode',
    });
    expect(again.statusCode).toBe(404);
    expect(
      (await call('POST', '/api/company-invitations/lookup', null, { token })).statusCode,
    ).toBe(404);
    companyUser = await t.login('frederik@acme.example', 'en lang og god adgangskode');
    const mine = (await call('GET', '/api/me/companies', companyUser)).json<{ id: string }[]>();
    expect(mine.map((c) => c.id)).toEqual([acmeId]);
  });

  it('an invitation expires after 14 days (one clock for the app and the check)', async () => {
    await call('POST', `/api/companies/${acmeId}/invitations`, consultant, {
      email: 'sen@acme.example',
      name: 'Sen Svarer',
    });
    const [mail] = await t.ctx.db
      .select()
      .from(outbox)
      .where(eq(outbox.recipient, 'sen@acme.example'));
    const late = /#(\S+)/.exec(mail!.body)![1]!;
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 15 * 86_400_000);
    expect(
      (await call('POST', '/api/company-invitations/lookup', null, { token: late })).statusCode,
    ).toBe(404);
  });

  it('a staff address cannot become a company user', async () => {
    const staff = await buildUser(t.ctx.db, m.id, ['caseworker']);
    const res = await call('POST', `/api/companies/${acmeId}/invitations`, consultant, {
      email: staff.email,
      name: 'Ansat',
    });
    expect(res.statusCode).toBe(409);
  });

  it('a company user reads only their own companies and cannot change the register', async () => {
    const own = await call('GET', `/api/companies/${acmeId}`, companyUser);
    expect(own.statusCode).toBe(200);
    // The business service's log is not for the company's eyes.
    expect(own.json()).toMatchObject({
      activities: [],
      invitations: [],
      can: { edit: false, postRole: true },
    });
    const [other] = await t.ctx.db.select().from(companies).where(eq(companies.name, 'Stor A/S'));
    expect((await call('GET', `/api/companies/${other!.id}`, companyUser)).statusCode).toBe(404);
    expect((await call('PUT', `/api/companies/${acmeId}`, companyUser, ACME)).statusCode).toBe(403);
  });

  describe('roles and needs', () => {
    let roleId: string;
    const CLOUD = 'f2b15a0e-e65a-438a-affb-29b9d50b77d1'; // ESCO: software developer

    it('pre-fills the digital competences from ESCO', async () => {
      const res = await call(
        'GET',
        `/api/job-roles/requirements?occupationId=${CLOUD}`,
        companyUser,
      );
      expect(res.statusCode, res.body).toBe(200);
      const r = res.json<{ competences: { competence: string; level: number }[] }>();
      expect(r.competences.map((c) => c.competence)).toContain('3.4');
    });

    it('a company user posts a role with competences; a consultant sees it', async () => {
      const res = await call('POST', `/api/companies/${acmeId}/roles`, companyUser, {
        title: '2 cloud-administratorer',
        occupationId: CLOUD,
        people: 2,
        neededBy: '2027-03-01',
        location: 'København',
        competences: [
          { competence: '4.1', level: 5 },
          { competence: '3.4', level: 4 },
        ],
        education: 'medium_higher',
        languages: ['da', 'en'],
        workplaceLearning: ['trainee', 'internship'],
      });
      expect(res.statusCode, res.body).toBe(201);
      const role = res.json<{
        id: string;
        competences: { competence: string }[];
        status: string;
      }>();
      roleId = role.id;
      expect(role.competences.map((c) => c.competence)).toEqual(['3.4', '4.1']);
      expect(role.status).toBe('open');
      const list = (await call('GET', `/api/companies/${acmeId}/roles`, consultant)).json<
        { id: string }[]
      >();
      expect(list.map((r) => r.id)).toEqual([roleId]);
      // The register counts the company's open roles.
      const listed = (await call('GET', '/api/companies?q=Acme', consultant)).json<
        { name: string; openRoles: number }[]
      >();
      expect(listed.find((c) => c.name === 'Acme Cloud ApS')!.openRoles).toBe(1);
    });

    it('refuses a role with bad competences or an unknown occupation', async () => {
      const base = { title: 'X', people: 1, competences: [] };
      for (const body of [
        { ...base, competences: [{ competence: '9.9', level: 3 }] },
        {
          ...base,
          competences: [
            { competence: '1.1', level: 3 },
            { competence: '1.1', level: 4 },
          ],
        },
        { ...base, people: 0 },
        { ...base, occupationId: '00000000-0000-4000-8000-000000000000' },
      ]) {
        const res = await call('POST', `/api/companies/${acmeId}/roles`, companyUser, body);
        expect(res.statusCode, JSON.stringify(body)).toBe(400);
      }
      expect(await t.ctx.db.select().from(jobRoles)).toHaveLength(1);
    });

    it('moves open → filled, and a filled role stays filled', async () => {
      const filled = await call('POST', `/api/job-roles/${roleId}/status`, consultant, {
        to: 'filled',
      });
      expect(filled.json()).toMatchObject({ status: 'filled' });
      const back = await call('POST', `/api/job-roles/${roleId}/status`, companyUser, {
        to: 'open',
      });
      expect(back.statusCode).toBe(409);
      const edit = await call('PUT', `/api/job-roles/${roleId}`, companyUser, {
        title: 'Yy',
        people: 1,
        competences: [],
      });
      expect(edit.statusCode).toBe(409);
    });
  });
});

describe('job-ad analysis', () => {
  const AD =
    'Vi søger en kollega, der kan arbejde selvstændigt. Du har erfaring med Excel og kendskab til SQL.';

  it('finds phrases with their ESCO group, and refuses what is not an ad', async () => {
    const res = await call('POST', '/api/job-ads/analyse', consultant, { text: AD });
    expect(res.statusCode, res.body).toBe(200);
    const a = res.json<{ sentences: string[][]; phrases: { text: string; group: string }[] }>();
    expect(a.sentences).toHaveLength(2);
    expect(a.phrases.map((p) => p.text)).toContain('arbejde selvstændigt');
    expect(
      (await call('POST', '/api/job-ads/analyse', consultant, { text: 'kort' })).statusCode,
    ).toBe(400);
    expect((await call('POST', '/api/job-ads/analyse', caseworker, { text: AD })).statusCode).toBe(
      403,
    );
  });

  it('saves the corrected phrases to a role, adding its digital competences', async () => {
    const role = await call('POST', `/api/companies/${acmeId}/roles`, consultant, {
      title: 'Controller',
      people: 1,
      competences: [{ competence: '1.3', level: 5 }],
    });
    const roleId = role.json<{ id: string }>().id;
    const saved = await call('POST', '/api/job-ads', consultant, {
      title: 'Controller til Acme',
      text: AD,
      roleId,
      phrases: [
        { kind: 'knowledge', text: 'Excel', group: 'K06', competence: '1.3' },
        { kind: 'knowledge', text: 'SQL', group: 'K06', competence: '3.4' },
        { kind: 'skill', text: 'arbejde selvstændigt', group: 'A1', competence: null },
      ],
    });
    expect(saved.statusCode, saved.body).toBe(201);
    expect(saved.json()).toMatchObject({ companyName: 'Acme Cloud ApS', roleTitle: 'Controller' });
    const roles = (await call('GET', `/api/companies/${acmeId}/roles`, consultant)).json<
      { id: string; competences: { competence: string; level: number }[] }[]
    >();
    expect(roles.find((r) => r.id === roleId)!.competences).toEqual([
      { competence: '1.3', level: 5 },
      { competence: '3.4', level: 3 },
    ]);
    const list = (await call('GET', '/api/job-ads', consultant)).json<{ title: string }[]>();
    expect(list.map((a) => a.title)).toEqual(['Controller til Acme']);
    const bad = await call('POST', '/api/job-ads', consultant, {
      title: 'X til Acme',
      text: AD,
      phrases: [{ kind: 'skill', text: 'x', group: 'Q9', competence: null }],
    });
    expect(bad.statusCode).toBe(400);
  });
});

describe('the demand survey', () => {
  let surveyId: string;
  let stor: string;
  const tokenIn = async (email: string) => {
    const rows = await t.ctx.db
      .select()
      .from(outbox)
      .where(eq(outbox.recipient, email))
      .orderBy(desc(outbox.createdAt));
    return /spoergeskema#(\S+)/.exec(rows[0]!.body)![1]!;
  };

  it('a consultant designs a survey; a closing day in the past or a repeated competence is refused', async () => {
    const base = {
      title: 'Digitale kompetencer 2027',
      competences: ['1.3', '2.1', '3.4'],
      reminderDays: 7,
      closesOn: '2099-12-31',
    };
    const res = await call('POST', '/api/demand-surveys', consultant, base);
    expect(res.statusCode, res.body).toBe(201);
    surveyId = res.json<{ id: string }>().id;
    for (const bad of [
      { ...base, closesOn: '2001-01-01' },
      { ...base, competences: ['1.3', '1.3'] },
      { ...base, competences: [] },
    ])
      expect((await call('POST', '/api/demand-surveys', consultant, bad)).statusCode).toBe(400);
    expect((await call('POST', '/api/demand-surveys', caseworker, base)).statusCode).toBe(403);
  });

  it('sends a round: a one-time link to each company with a contact e-mail, the rest reported', async () => {
    const [s] = await t.ctx.db.select().from(companies).where(eq(companies.name, 'Stor A/S'));
    stor = s!.id;
    const res = await call('POST', `/api/demand-surveys/${surveyId}/rounds`, consultant, {
      companyIds: [acmeId, stor],
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      rounds: [{ round: 1, sent: 1, answered: 0 }],
      skipped: ['Stor A/S'],
    });
    const token = await tokenIn('hanne@acme.example');
    const q = await call('POST', '/api/survey-answers/lookup', null, { token });
    expect(q.json()).toMatchObject({
      companyName: 'Acme Cloud ApS',
      competences: ['1.3', '2.1', '3.4'],
    });
  });

  it('reminds once after the set days with a new link that replaces the first; the answer needs no login and counts once', async () => {
    const first = await tokenIn('hanne@acme.example');
    const link = (token: string) => `${TEST_PUBLIC_URL}/spoergeskema#${token}`;
    expect(await asSystem(t.ctx.db, (task) => remindSurveys(task, link))).toBe(0);
    const later = new Date(Date.now() + 8 * 86_400_000);
    expect(await asSystem(t.ctx.db, (task) => remindSurveys(task, link), later)).toBe(1);
    expect(await asSystem(t.ctx.db, (task) => remindSurveys(task, link), later)).toBe(0);
    const second = await tokenIn('hanne@acme.example');
    expect(second).not.toBe(first);
    expect(
      (await call('POST', '/api/survey-answers/lookup', null, { token: first })).statusCode,
    ).toBe(404);
    const answers = [
      { competence: '3.4', now: true, inTwoYears: true, cannotRecruit: true, trainInHouse: false },
      { competence: '1.3', now: false, inTwoYears: true, cannotRecruit: false, trainInHouse: true },
    ];
    const bad = await call('POST', '/api/survey-answers', null, {
      token: second,
      answers: [{ ...answers[0], competence: '5.1' }],
    });
    expect(bad.statusCode).toBe(400);
    const ok = await call('POST', '/api/survey-answers', null, {
      token: second,
      answers,
      comment: 'Mangler cloud-folk',
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(
      (await call('POST', '/api/survey-answers', null, { token: second, answers })).statusCode,
    ).toBe(404);
    const s = (await call('GET', `/api/demand-surveys/${surveyId}`, consultant)).json<{
      rounds: { sent: number; answered: number; reminded: number }[];
    }>();
    expect(s.rounds).toEqual([{ round: 1, sent: 1, answered: 1, reminded: 1 }]);
  });

  it('a second round is kept apart from the first', async () => {
    const res = await call('POST', `/api/demand-surveys/${surveyId}/rounds`, consultant, {
      companyIds: [acmeId],
    });
    expect(
      res.json<{ rounds: { round: number; sent: number; answered: number }[] }>().rounds,
    ).toEqual([
      { round: 1, sent: 1, answered: 1, reminded: 1 },
      { round: 2, sent: 1, answered: 0, reminded: 0 },
    ]);
    const none = await call('POST', `/api/demand-surveys/${surveyId}/rounds`, consultant, {
      companyIds: [stor],
    });
    expect(none.statusCode).toBe(400);
  });

  it('a link stops working after the survey’s last day (one clock for the app and the check)', async () => {
    const token = await tokenIn('hanne@acme.example');
    expect((await call('POST', '/api/survey-answers/lookup', null, { token })).statusCode).toBe(
      200,
    );
    vi.useFakeTimers({ toFake: ['Date'] });
    // The last day is 31 December 2099 in Copenhagen; the next morning the link is closed.
    vi.setSystemTime(new Date('2100-01-01T08:00:00Z'));
    expect((await call('POST', '/api/survey-answers/lookup', null, { token })).statusCode).toBe(
      404,
    );
    const late = await call('POST', '/api/survey-answers', null, { token, answers: [] });
    expect(late.statusCode).toBe(404);
  });

  it('the survey link reaches the company through the municipality’s mail server', async () => {
    const token = await tokenIn('hanne@acme.example');
    const smtp = await municipalMailServer(t, admin);
    try {
      await smtp.deliver();
      // Every link the company was sent (the first round's, its reminder, the second round's)
      // arrives; the newest is the one that works.
      const mail = () =>
        smtp.received.filter((x) => x.envelopeTo.includes('hanne@acme.example')).at(-1);
      for (let i = 0; i < 100 && smtp.received.length < 3; i++)
        await new Promise((r) => setTimeout(r, 50));
      expect(mail()?.subject).toBe('Digitale kompetencer 2027');
      expect(mail()?.text).toContain('Til Acme Cloud ApS');
      expect(mail()?.text).toContain(`${TEST_PUBLIC_URL}/spoergeskema#${token}`);
    } finally {
      await smtp.close();
    }
  });
});

describe('the demand picture', () => {
  const DEVELOPER = 'f2b15a0e-e65a-438a-affb-29b9d50b77d1'; // ESCO: software developer

  it('sums each source apart, by size of company', async () => {
    const res = await call('GET', '/api/demand?by=size', admin);
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json<{
      cells: { competence: string; key: string; source: string; value: number }[];
    }>();
    const of = (source: string) =>
      d.cells.find((c) => c.competence === '3.4' && c.key === 'sme' && c.source === source)?.value;
    // Roles: the filled cloud role (2 people) and the controller role the ad extended (1).
    expect(of('roles')).toBe(3);
    expect(of('survey')).toBe(1);
    expect(of('ads')).toBe(1);
    expect((await call('GET', '/api/demand?by=nonsense', admin)).statusCode).toBe(400);
    expect(
      (
        await call(
          'GET',
          '/api/demand',
          await t.login((await buildUser(t.ctx.db, m.id, ['company'])).email),
        )
      ).statusCode,
    ).toBe(403);
  });

  it('exports the picture as CSV for a Danish spreadsheet', async () => {
    const res = await call('GET', '/api/demand.csv?by=section', consultant);
    expect(res.headers['content-type']).toContain('text/csv');
    const lines = res.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(lines[0]).toBe('competence;section;source;value');
    expect(lines).toContain('3.4;J;roles;3');
  });

  it('sets beside the open roles the citizens with that job goal who lack the competence', async () => {
    await call('POST', `/api/companies/${acmeId}/roles`, consultant, {
      title: 'Udvikler',
      occupationId: DEVELOPER,
      people: 4,
      competences: [{ competence: '3.4', level: 5 }],
    });
    const cw = await buildUser(t.ctx.db, m.id, ['caseworker']);
    const cwCookie = await t.login(cw.email);
    for (let i = 0; i < 2; i++) {
      const c = await buildCitizen(t.ctx.db, t.ctx.cipher, {
        municipalityId: m.id,
        caseworkerId: cw.id,
      });
      const plan = await call('POST', `/api/citizens/${c.id}/learning/plan`, cwCookie, {
        occupationId: DEVELOPER,
      });
      expect(plan.statusCode, plan.body).toBeLessThan(300);
    }
    const supply = (await call('GET', '/api/demand/supply', consultant)).json<
      {
        occupationId: string;
        competence: string;
        level: number;
        peopleAsked: number;
        citizensPlanned: number;
        citizensLacking: number;
      }[]
    >();
    expect(
      supply.find((s) => s.occupationId === DEVELOPER && s.competence === '3.4'),
    ).toMatchObject({
      level: 5,
      peopleAsked: 4,
      citizensPlanned: 2,
      citizensLacking: 2,
    });
  });
});

describe('demand where decisions are made', () => {
  const DEVELOPER = 'f2b15a0e-e65a-438a-affb-29b9d50b77d1';

  it('a caseworker’s plan towards an occupation can show what local open roles require', async () => {
    const res = await call('GET', `/api/demand/occupations/${DEVELOPER}`, caseworker);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      roles: 1,
      people: 4,
      companies: 1,
      competences: [{ competence: '3.4', level: 5, roles: 1 }],
    });
  });

  it('a company user sees the courses that lift what their open roles need, and open pilots', async () => {
    const offer = await call('POST', '/api/learning/offers', admin, {
      name: 'Programmering i Python',
      providerKind: 'jobcentre',
      providerName: 'Jobcenter',
      methods: ['classroom'],
      format: 'on_site',
      hoursPerWeek: 10,
      weeks: 4,
      lifts: [
        { competence: '3.4', level: 4 },
        { competence: '2.2', level: 3 },
      ],
      languages: ['da'],
      capacity: 5,
    });
    expect(offer.statusCode, offer.body).toBe(201);
    const user = await t.login('frederik@acme.example', 'en lang og god adgangskode');
    const res = await call('GET', `/api/companies/${acmeId}/upskilling`, user);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      offers: [{ name: 'Programmering i Python', lifts: [{ competence: '3.4', level: 4 }] }],
      pilots: [],
    });
  });
});

describe('importing job ads from CSV', () => {
  const post = (body: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/job-ads/import',
      headers: { cookie: consultant, 'content-type': 'text/csv' },
      payload: body,
    });
  const count = async () =>
    (await call('GET', '/api/job-ads', consultant)).json<unknown[]>().length;

  it('analyses and saves every ad, tied to its company by CVR (semicolons, Danish Excel)', async () => {
    const before = await count();
    const res = await post(
      '\uFEFFtitle;text;cvr\nUdvikler;"Du kan arbejde selvstændigt og har erfaring med Excel.";10000009\nSælger;"Vi søger en sælger, der kan lide at samarbejde.";\n',
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<{ saved: number }>().saved).toBe(2);
    expect(await count()).toBe(before + 2);
  });

  it('saves nothing when a line is wrong, and says which', async () => {
    const before = await count();
    const cases: [string, RegExp][] = [
      ['name,body\nX,Y\n', /title/],
      ['title,text,cvr\nGod,"En helt almindelig lang tekst om jobbet.",\nKort,kort,\n', /Linje 3/],
      ['title,text,cvr\nGod,"En helt almindelig lang tekst om jobbet.",99999999\n', /99999999/],
      ['title,text\n"uafsluttet,x\n', /kan ikke læses/],
    ];
    for (const [csv, message] of cases) {
      const res = await post(csv);
      expect(res.statusCode, csv).toBe(400);
      expect(res.json<{ error: { message: string } }>().error.message).toMatch(message);
    }
    expect(await count()).toBe(before);
  });
});
