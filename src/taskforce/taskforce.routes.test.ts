import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../app/testing/test-app';
import { buildCitizen, buildMunicipality, buildSite, buildUser } from '../app/testing/factories';
import { users } from '../organisation/organisation.schema';
import { workshopVisits } from '../workshops/workshops.schema';
import { testCodes } from '../assessment/assessment.schema';
import { auditLog } from '../platform/audit';
import type { ActionView, IndicatorsView, JourneyView } from './taskforce.contract';
import { hasPoppler, readablePdf } from '../platform/testing/poppler';
import { asSystem } from '../platform/use-case';
import { gatherFacts } from './follow-up-facts';
import { computeIndicators, countByMonth } from './indicators.model';
import { recountAll } from './indicator-counts';
import { taskforceCountRuns } from './taskforce.schema';
import { listTargets } from './taskforce.store';

let t: TestApp;
let taskforce: string;
let admin: string;
let analyst: string;
let caseworker: string;
let otherTaskforce: string;
let siteA: string;
let siteB: string;
let taskforceEmail: string;
let analystEmail: string;
let municipalityId: string;
let otherMunicipalityId: string;
let caseworkerA: string;

// Visits are stamped by the app's clock; the period below holds them all.
const TODAY = new Date('2026-06-15T10:00:00Z');
const PERIOD = 'from=2026-01-01&to=2026-06-30';

async function citizensAt(municipalityId: string, caseworkerId: string, n: number) {
  const ids: string[] = [];
  for (let i = 0; i < n; i++)
    ids.push((await buildCitizen(t.ctx.db, t.ctx.cipher, { municipalityId, caseworkerId })).id);
  return ids;
}

async function visits(
  municipalityId: string,
  siteId: string,
  ementorId: string,
  who: string[],
  resolved: number,
) {
  for (const [i, citizenId] of who.entries())
    await t.ctx.db.insert(workshopVisits).values({
      municipalityId,
      siteId,
      citizenId,
      ementorId,
      topics: ['mitid'],
      competences: [],
      device: 'phone',
      resolved: i < resolved,
      minutes: 20,
      onBehalfWithPowerOfAttorney: false,
      waitedMinutes: 10,
    });
}

/**
 * By hand: site A has 6 citizens (5 offered the test, 6 helped in the workshop, 5 resolved);
 * site B has 5 citizens (none offered, 5 visits, all resolved). Another municipality has 7
 * citizens offered and visited: they never count here.
 */
beforeAll(async () => {
  vi.useFakeTimers({ toFake: ['Date'], now: TODAY });
  t = await createTestApp();
  const m = await buildMunicipality(t.ctx.db);
  municipalityId = m.id;
  siteA = (await buildSite(t.ctx.db, m.id, { name: 'Sted A' })).id;
  siteB = (await buildSite(t.ctx.db, m.id, { name: 'Sted B' })).id;
  const cwA = await buildUser(t.ctx.db, m.id, ['caseworker']);
  const cwB = await buildUser(t.ctx.db, m.id, ['caseworker']);
  caseworkerA = cwA.id;
  await t.ctx.db.update(users).set({ siteId: siteA }).where(eq(users.id, cwA.id));
  await t.ctx.db.update(users).set({ siteId: siteB }).where(eq(users.id, cwB.id));
  const ementor = await buildUser(t.ctx.db, m.id, ['ementor']);
  const a = await citizensAt(m.id, cwA.id, 6);
  const b = await citizensAt(m.id, cwB.id, 5);
  for (const citizenId of a.slice(0, 5))
    await t.ctx.db.insert(testCodes).values({
      municipalityId: m.id,
      codeHash: `hash-${citizenId}`,
      citizenId,
      createdBy: cwA.id,
      expiresAt: new Date('2026-07-01T00:00:00Z'),
    });
  await visits(m.id, siteA, ementor.id, a, 5);
  await visits(m.id, siteB, ementor.id, b, 5);

  const other = await buildMunicipality(t.ctx.db);
  otherMunicipalityId = other.id;
  const otherSite = (await buildSite(t.ctx.db, other.id)).id;
  const otherCw = await buildUser(t.ctx.db, other.id, ['caseworker']);
  await t.ctx.db.update(users).set({ siteId: otherSite }).where(eq(users.id, otherCw.id));
  const otherEmentor = await buildUser(t.ctx.db, other.id, ['ementor']);
  const theirs = await citizensAt(other.id, otherCw.id, 7);
  for (const citizenId of theirs)
    await t.ctx.db.insert(testCodes).values({
      municipalityId: other.id,
      codeHash: `hash-${citizenId}`,
      citizenId,
      createdBy: otherCw.id,
      expiresAt: new Date('2026-07-01T00:00:00Z'),
    });
  await visits(other.id, otherSite, otherEmentor.id, theirs, 0);

  taskforceEmail = (await buildUser(t.ctx.db, m.id, ['taskforce'])).email;
  taskforce = await t.login(taskforceEmail);
  admin = await t.login((await buildUser(t.ctx.db, m.id, ['admin'])).email);
  analystEmail = (await buildUser(t.ctx.db, m.id, ['analyst'])).email;
  analyst = await t.login(analystEmail);
  caseworker = await t.login(cwA.email);
  otherTaskforce = await t.login((await buildUser(t.ctx.db, other.id, ['taskforce'])).email);
}, 60_000);
afterAll(async () => t.close());
afterEach(() => vi.setSystemTime(TODAY));

const call = (
  method: 'GET' | 'POST' | 'PATCH' | 'PUT',
  url: string,
  cookie: string,
  payload?: object,
) => t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });

const indicator = (v: IndicatorsView, id: string) => v.indicators.find((i) => i.id === id)!;

describe('the indicators', () => {
  it('count the municipality’s own data only, as by hand', async () => {
    const res = await call('GET', `/api/taskforce/indicators?${PERIOD}`, taskforce);
    expect(res.statusCode, res.body).toBe(200);
    const v = res.json<IndicatorsView>();
    expect(v.scope.kind).toBe('municipality');
    expect(indicator(v, 'new_citizens').value).toBe(11);
    expect(indicator(v, 'offered_share').value).toBeCloseTo(5 / 11);
    expect(indicator(v, 'workshop_visits').value).toBe(11);
    expect(indicator(v, 'resolved_share').value).toBeCloseTo(10 / 11);
    expect(indicator(v, 'median_wait').value).toBeCloseTo(12.5); // all in the 10–14 band
    expect(indicator(v, 'new_citizens').trend.find((m) => m.month === '2026-06')!.value).toBe(11);
    const theirs = (
      await call('GET', `/api/taskforce/indicators?${PERIOD}`, otherTaskforce)
    ).json<IndicatorsView>();
    expect(indicator(theirs, 'new_citizens').value).toBe(7);
    expect(indicator(theirs, 'resolved_share').value).toBe(0);
  });

  it('per site, and for a centre the admin puts together, side by side', async () => {
    const a = (
      await call('GET', `/api/taskforce/indicators?${PERIOD}&site=${siteA}`, taskforce)
    ).json<IndicatorsView>();
    expect(a.scope).toMatchObject({ kind: 'site', name: 'Sted A' });
    expect(indicator(a, 'new_citizens').value).toBe(6);
    expect(indicator(a, 'offered_share').value).toBeCloseTo(5 / 6);
    const b = (
      await call('GET', `/api/taskforce/indicators?${PERIOD}&site=${siteB}`, analyst)
    ).json<IndicatorsView>();
    expect(indicator(b, 'new_citizens').value).toBe(5);
    // None of B's five offered: a share of 0 of 5 is shown.
    expect(indicator(b, 'offered_share').value).toBe(0);
    const centre = await call('POST', '/api/taskforce/centres', admin, {
      name: 'Hele byen',
      siteIds: [siteA, siteB],
    });
    expect(centre.statusCode, centre.body).toBe(201);
    const c = (
      await call(
        'GET',
        `/api/taskforce/indicators?${PERIOD}&site=${centre.json<{ id: string }>().id}`,
        taskforce,
      )
    ).json<IndicatorsView>();
    expect(c.scope).toMatchObject({ kind: 'centre', name: 'Hele byen' });
    expect(indicator(c, 'new_citizens').value).toBe(11);
    // The municipality's own figures (companies, pilots) are not a centre's.
    expect(indicator(c, 'pilots_started').value).toBeNull();
  });

  it('refuse bad input with a clear 400, other roles with 403', async () => {
    const reversed = await call(
      'GET',
      '/api/taskforce/indicators?from=2026-06-01&to=2026-01-01',
      taskforce,
    );
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json<{ error: { message: string } }>().error.message).toMatch(
      /slutdato|ends before/,
    );
    const unknown = await call(
      'GET',
      `/api/taskforce/indicators?site=${crypto.randomUUID()}`,
      taskforce,
    );
    expect(unknown.statusCode).toBe(400);
    expect((await call('GET', '/api/taskforce/indicators', caseworker)).statusCode).toBe(403);
  });

  it('export the table behind the plots as CSV, small counts marked', async () => {
    const res = await call(
      'GET',
      `/api/taskforce/indicators.csv?${PERIOD}&site=${siteA}&format=rfc4180`,
      analyst,
    );
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/csv/);
    const lines = res.body.trim().split(/\r?\n/);
    expect(lines[0]).toBe('indicator,recommendation,unit,month,value,suppressed,target');
    expect(lines).toContain('new_citizens,r5,count,2026-06,6,0,');
    expect(lines).toContain('new_citizens,r5,count,2026-01-01..2026-06-30,6,0,');
    // Nobody at site A took the test, so no triage cell is small: all three are 0.
    expect(lines).toContain('triage:foundation,r5,count,2026-01-01..2026-06-30,0,0,');
  });

  it('leave one audit row per read, naming no citizen', async () => {
    const rows = await t.ctx.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'taskforce.indicators.read'));
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.citizenId === null)).toBe(true);
  });
});

describe('the pilots’ evidence', () => {
  it('lists each pilot with its verdict beside its cost (none in this municipality yet)', async () => {
    const res = await call('GET', '/api/taskforce/pilots', analyst);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ pilots: [] });
    expect((await call('GET', '/api/taskforce/pilots', caseworker)).statusCode).toBe(403);
  });
});

describe('the budget', () => {
  type Budget = {
    settings: { totalDkk: number; startsOn: string };
    totals: { committed: number; spent: number; uncommitted: number };
    lines: { kind: string; spent: number }[];
    quarters: { quarter: string; spent: number }[];
    recorded: unknown[];
  };
  it('starts at the strategy’s DKK 2.2 million for 2020–2021 and is the taskforce’s to set', async () => {
    const first = (await call('GET', '/api/taskforce/budget', analyst)).json<Budget>();
    expect(first.settings).toMatchObject({ totalDkk: 2_200_000, startsOn: '2020-01-01' });
    const set = await call('PUT', '/api/taskforce/budget', taskforce, {
      totalDkk: 1_000_000,
      startsOn: '2026-01-01',
      endsOn: '2026-12-31',
      ementorRateDkk: 500,
    });
    expect(set.statusCode, set.body).toBe(200);
    expect((await call('PUT', '/api/taskforce/budget', analyst, {})).statusCode).toBe(403);
    const reversed = await call('PUT', '/api/taskforce/budget', taskforce, {
      totalDkk: 1,
      startsOn: '2026-12-31',
      endsOn: '2026-01-01',
      ementorRateDkk: 1,
    });
    expect(reversed.statusCode).toBe(400);
  });

  it('adds recorded costs in their quarter; a pilot cost needs a pilot of this municipality', async () => {
    const res = await call('POST', '/api/taskforce/spending', taskforce, {
      kind: 'other',
      description: 'Konference',
      on: '2026-05-02',
      amountDkk: 25_000,
    });
    expect(res.statusCode, res.body).toBe(201);
    const b = res.json<Budget>();
    expect(b.totals).toEqual({ committed: 25_000, spent: 25_000, uncommitted: 975_000 });
    expect(b.quarters.find((q) => q.quarter === '2026-Q2')!.spent).toBe(25_000);
    const noPilot = await call('POST', '/api/taskforce/spending', taskforce, {
      kind: 'pilot',
      description: 'Undervisere',
      on: '2026-05-02',
      amountDkk: 1000,
    });
    expect(noPilot.statusCode).toBe(400);
    const unknownPilot = await call('POST', '/api/taskforce/spending', taskforce, {
      kind: 'pilot',
      pilotId: crypto.randomUUID(),
      description: 'Undervisere',
      on: '2026-05-02',
      amountDkk: 1000,
    });
    expect(unknownPilot.statusCode).toBe(400);
    const csv = await call('GET', '/api/taskforce/budget.csv?format=rfc4180', analyst);
    expect(csv.statusCode).toBe(200);
    const lines = csv.body.trim().split(/\r?\n/);
    expect(lines[0]).toBe(
      'table,key,committed_dkk,spent_dkk,cumulative_committed_dkk,cumulative_spent_dkk',
    );
    expect(lines).toContain('quarter,2026-Q2,25000,25000,25000,25000');
    expect(lines).toContain('line,other:other,25000,25000,,');
    const after = (await call('GET', '/api/taskforce/budget', taskforce)).json<Budget>();
    expect(after.recorded).toHaveLength(1);
    const theirs = (await call('GET', '/api/taskforce/budget', otherTaskforce)).json<Budget>();
    expect(theirs.recorded).toEqual([]);
    expect(theirs.settings.totalDkk).toBe(2_200_000);
  });
});

describe('the journey', () => {
  it('shows the funnel with counts below five hidden', async () => {
    const res = await call('GET', `/api/taskforce/journey?${PERIOD}`, taskforce);
    expect(res.statusCode, res.body).toBe(200);
    // Nobody was flagged or tested: nobody is spotted, so the cohort is empty.
    const v = res.json<JourneyView>();
    expect(v.groups[0]!.people.n).toBe(0);
    const csv = await call('GET', `/api/taskforce/journey.csv?${PERIOD}&format=rfc4180`, analyst);
    expect(csv.body.split(/\r?\n/)[0]).toBe('table,group,from,to,people,suppressed,median_days');
  });
});

describe('actions', () => {
  let id: string;
  it('the taskforce adds one; it shows as late once its day has passed', async () => {
    const res = await call('POST', '/api/taskforce/actions', taskforce, {
      recommendation: 'r5',
      title: 'Testen tilbydes ved første samtale',
      owner: 'Centerchefen',
      dueOn: '2026-07-01',
    });
    expect(res.statusCode, res.body).toBe(201);
    const a = res.json<ActionView>();
    expect(a).toMatchObject({ status: 'planned', late: false, centre: null, links: [] });
    id = a.id;
    vi.setSystemTime(new Date('2026-07-02T10:00:00Z'));
    // A fortnight on, the sessions have gone idle: log in again.
    taskforce = await t.login(taskforceEmail);
    analyst = await t.login(analystEmail);
    const list = (await call('GET', '/api/taskforce/actions?recommendation=r5', analyst)).json<
      ActionView[]
    >();
    expect(list.find((x) => x.id === id)!.late).toBe(true);
    const done = await call('PATCH', `/api/taskforce/actions/${id}`, taskforce, { status: 'done' });
    expect(done.json<ActionView>()).toMatchObject({ status: 'done', late: false });
  });

  it('refuses what does not hold and changes nothing', async () => {
    const badLink = await call('POST', '/api/taskforce/actions', taskforce, {
      recommendation: 'r7',
      title: 'Beslutning om projektet',
      owner: 'Styregruppen',
      dueOn: '2026-07-01',
      links: [{ kind: 'pilot', id: crypto.randomUUID() }],
    });
    expect(badLink.statusCode).toBe(400);
    expect((await call('PATCH', `/api/taskforce/actions/${id}`, taskforce, {})).statusCode).toBe(
      400,
    );
    expect(
      (await call('PATCH', `/api/taskforce/actions/${id}`, otherTaskforce, { status: 'planned' }))
        .statusCode,
    ).toBe(404);
    expect((await call('POST', '/api/taskforce/actions', analyst, {})).statusCode).toBe(403);
    const list = (await call('GET', '/api/taskforce/actions', taskforce)).json<ActionView[]>();
    expect(list).toHaveLength(1);
    expect(list[0]!.status).toBe('done');
    expect((await call('GET', '/api/taskforce/actions', otherTaskforce)).json()).toEqual([]);
  });
});

describe('centres', () => {
  it('a site belongs to one centre; only admins define them', async () => {
    const taken = await call('POST', '/api/taskforce/centres', admin, {
      name: 'Valby',
      siteIds: [siteA],
    });
    expect(taken.statusCode).toBe(409);
    expect(taken.json<{ error: { message: string } }>().error.message).toContain('Sted A');
    expect(
      (await call('POST', '/api/taskforce/centres', taskforce, { name: 'X', siteIds: [siteA] }))
        .statusCode,
    ).toBe(403);
    const v = (await call('GET', '/api/taskforce/centres', taskforce)).json<{
      centres: { id: string; name: string }[];
    }>();
    expect(v.centres.map((c) => c.name)).toEqual(['Hele byen']);
    const moved = await call('PUT', `/api/taskforce/centres/${v.centres[0]!.id}`, admin, {
      name: 'Valby',
      siteIds: [siteA],
    });
    expect(moved.statusCode, moved.body).toBe(200);
    const after = (
      await call('GET', `/api/taskforce/indicators?${PERIOD}&site=${v.centres[0]!.id}`, taskforce)
    ).json<IndicatorsView>();
    expect(indicator(after, 'new_citizens').value).toBe(6);
  });
});

describe('the committee report', () => {
  it('is issued from the live data with the taskforce’s texts and kept as issued', async () => {
    const res = await call('POST', '/api/taskforce/reports', taskforce, {
      title: 'Status til udvalget, juni 2026',
      from: '2026-01-01',
      to: '2026-06-30',
      texts: {
        summary: 'Arbejdet skrider frem som planlagt.',
        r5: 'Testen tilbydes nu ved første samtale.',
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const report = res.json<{ id: string; issuedOn: string; period: { from: string } }>();
    expect(report).toMatchObject({ issuedOn: '2026-06-15', period: { from: '2026-01-01' } });
    const list = (await call('GET', '/api/taskforce/reports', analyst)).json<{ id: string }[]>();
    expect(list.map((r) => r.id)).toEqual([report.id]);
    const pdf = await call('GET', `/api/taskforce/reports/${report.id}/report.pdf`, analyst);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    if (hasPoppler) {
      const text = readablePdf(pdf.rawPayload, {
        title: 'Status til udvalget, juni 2026',
        lang: 'da-DK',
      });
      for (const heading of [
        'Sammenfatning',
        'Anbefaling 1: Opkvalificering på arbejdspladsen',
        'Anbefaling 7: Pilotprojekter, der viser hvad der virker',
        'Spor 1: De digitale værksteder',
        'Pilotprojekterne',
        'Budget',
      ])
        expect(text).toContain(heading);
      expect(text).toContain('Arbejdet skrider frem som planlagt.');
      expect(text).toContain('Testen tilbydes nu ved første samtale.');
      // The hand count above: 11 new citizens at the two sites.
      expect(text).toMatch(/Nye borgere\s+11/);
    }
    const docx = await call('GET', `/api/taskforce/reports/${report.id}/report.docx`, taskforce);
    expect(docx.statusCode).toBe(200);
    // A DOCX is a zip holding word/document.xml with the same sections.
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect(docx.rawPayload.includes(Buffer.from('word/document.xml'))).toBe(true);
    // Another municipality cannot fetch it; an analyst cannot issue one.
    expect(
      (await call('GET', `/api/taskforce/reports/${report.id}/report.pdf`, otherTaskforce))
        .statusCode,
    ).toBe(404);
    expect((await call('POST', '/api/taskforce/reports', analyst, { title: 'X' })).statusCode).toBe(
      403,
    );
    const bad = await call('POST', '/api/taskforce/reports', taskforce, {
      title: 'Rapport',
      texts: { nowhere: 'x' },
    });
    expect(bad.statusCode).toBe(400);
  });
});

describe('the municipality’s own targets', () => {
  const read = async (cookie = taskforce) =>
    (await call('GET', `/api/taskforce/indicators?${PERIOD}`, cookie)).json<IndicatorsView>();

  it('replace the defaults for the indicators named, and are the municipality’s own', async () => {
    const res = await call('PUT', '/api/taskforce/targets', taskforce, {
      targets: [
        { indicator: 'offered_share', target: 0.4 },
        { indicator: 'new_citizens', target: 10 },
        { indicator: 'median_wait', target: null },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    const set = Object.fromEntries(
      res
        .json<{ targets: { indicator: string; target: number | null }[] }>()
        .targets.map((x) => [x.indicator, x.target]),
    );
    expect(set).toMatchObject({ offered_share: 0.4, new_citizens: 10, median_wait: null });
    expect(set.tested_share).toBe(0.5); // not named: the default stands
    const v = await read();
    expect(indicator(v, 'offered_share')).toMatchObject({ target: 0.4, onTarget: true }); // 5/11
    expect(indicator(v, 'new_citizens')).toMatchObject({ target: 10, onTarget: true }); // 11
    expect(indicator(v, 'median_wait')).toMatchObject({ target: null, onTarget: null });
    expect(indicator(await read(otherTaskforce), 'offered_share').target).toBe(0.8);
  });

  it('refuse a share above 100 %, a count with decimals, an indicator twice, and other roles', async () => {
    for (const [targets, message] of [
      [[{ indicator: 'tested_share', target: 1.5 }], /100 %/],
      [[{ indicator: 'academics_placed', target: 2.5 }], /helt tal/],
      [
        [
          { indicator: 'tested_share', target: 0.2 },
          { indicator: 'tested_share', target: 0.3 },
        ],
        /to gange/,
      ],
    ] as const) {
      const res = await call('PUT', '/api/taskforce/targets', taskforce, { targets });
      expect(res.statusCode).toBe(400);
      expect(res.json<{ error: { message: string } }>().error.message).toMatch(message);
    }
    expect(
      (
        await call('PUT', '/api/taskforce/targets', analyst, {
          targets: [{ indicator: 'tested_share', target: 0.1 }],
        })
      ).statusCode,
    ).toBe(403);
    // Nothing changed.
    const v = await read();
    expect(indicator(v, 'tested_share').target).toBe(0.5);
    expect(indicator(v, 'academics_placed').target).toBe(15);
  });
});

// Last in the file: these add citizens after the hand counts above were checked.
describe('the day counts behind the indicators', () => {
  const get = async (query: string, cookie = taskforce) => {
    const res = await call('GET', `/api/taskforce/indicators?${query}`, cookie);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<IndicatorsView>();
  };

  it('give in SQL what the pure count gives from every area’s facts, for every scope', async () => {
    const { facts } = await gatherFacts(t.ctx.db, municipalityId);
    const targets = await listTargets(t.ctx.db, municipalityId);
    const period = { from: '2026-01-01', to: '2026-06-30' };
    for (const site of [null, siteA, siteB]) {
      const scope = site === null ? null : new Set([site]);
      const v = await get(site ? `${PERIOD}&site=${site}` : PERIOD);
      expect(v.indicators).toEqual(
        computeIndicators(countByMonth(facts, scope, period), facts.pilots, scope, period, targets),
      );
    }
  });

  it('stand for a quarter of an hour, are made again on request, and by a read once stale', async () => {
    const before = await get(PERIOD);
    expect(indicator(before, 'new_citizens').value).toBe(11);
    await citizensAt(municipalityId, caseworkerA, 1);
    // Counted at most a quarter of an hour ago: the new citizen is not in yet.
    const cached = await get(PERIOD);
    expect(cached.countedAt).toBe(before.countedAt);
    expect(indicator(cached, 'new_citizens').value).toBe(11);
    vi.setSystemTime(new Date(TODAY.getTime() + 60_000));
    const recount = await call('POST', '/api/taskforce/indicators/recount', analyst);
    expect(recount.statusCode, recount.body).toBe(200);
    expect(recount.json<{ countedAt: string }>().countedAt).toBe('2026-06-15T10:01:00.000Z');
    expect(indicator(await get(PERIOD), 'new_citizens').value).toBe(12);
    expect((await call('POST', '/api/taskforce/indicators/recount', caseworker)).statusCode).toBe(
      403,
    );

    await citizensAt(municipalityId, caseworkerA, 1);
    vi.setSystemTime(new Date(TODAY.getTime() + 17 * 60_000));
    const stale = await get(PERIOD);
    expect(stale.countedAt).toBe('2026-06-15T10:17:00.000Z');
    expect(indicator(stale, 'new_citizens').value).toBe(13);
    // The other municipality's counts are its own.
    expect(indicator(await get(PERIOD, otherTaskforce), 'new_citizens').value).toBe(7);
  });

  it('are made for every municipality by the timed job, at the job’s moment', async () => {
    const at = new Date('2026-06-15T11:00:00Z');
    expect(await asSystem(t.ctx.db, (task) => recountAll(task), at)).toBeGreaterThanOrEqual(2);
    const runs = await t.ctx.db.select().from(taskforceCountRuns);
    for (const id of [municipalityId, otherMunicipalityId])
      expect(runs.find((r) => r.municipalityId === id)?.countedAt.toISOString()).toBe(
        at.toISOString(),
      );
  });
});
