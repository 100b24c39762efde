import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq, isNotNull } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../app/testing/test-app';
import { seedDemo } from './seed-demo';
import { DEMO_PASSWORD, LAST_NAMES } from './demo-data';
import { citizens } from '../people/people.schema';
import { sites, users } from '../organisation/organisation.schema';
import { parseCpr } from '../people';
import { ROLES } from '../platform/auth/roles';
import { AZURE_PILOT_NAME } from '../pilots/demo-pilots';
import { EARLY_STOP_PILOT_NAME, NO_EFFECT_PILOT_NAME } from '../pilots/demo-verdicts';
import { AZURE_DESIGN, trueRate } from '../pilots/synthetic-register';
import { companies, jobAds, jobRoles, surveyAnswers } from '../companies/companies.schema';
import { validCvr } from '../vocabulary';
import type { EventView } from '../matching/events.contract';
import { completedTests, completedTestsByCitizen } from '../assessment';
import { validBadgesByCitizen, validBadgesOf } from '../learning';
import { badges as badgeRows } from '../learning/learning.schema';
import { pilotsPassedBy, pilotsPassedByCitizen } from '../pilots';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await seedDemo(t.ctx.db, t.ctx.cipher);
});
afterAll(async () => t.close());

describe('Copenhagen demo', () => {
  it('has the two workshop sites', async () => {
    const rows = await t.ctx.db.select().from(sites);
    expect(rows.map((s) => s.name).sort()).toEqual([
      'Jobcenter København, Gammel Køge Landevej',
      'Jobcenter København, Lærkevej',
    ]);
    expect(rows.every((s) => s.hasWorkshop)).toBe(true);
  });

  it.each(ROLES)('%s@demo.digiloft.dk logs in with the demo password', async (role) => {
    const cookie = await t.login(`${role}@demo.digiloft.dk`, DEMO_PASSWORD);
    const res = await t.app.inject({ url: '/api/auth/session', headers: { cookie } });
    expect(res.json().user.roles).toContain(role);
  });

  it('has 800 fictitious citizens (200, 400 in the Azure pilot’s cohort, 200 in the office traineeship’s) on the caseloads', async () => {
    const rows = await t.ctx.db.select().from(citizens);
    expect(rows).toHaveLength(800);
    for (const r of rows) {
      const digits = t.ctx.cipher.decrypt(r.cprCipher);
      // Day + 60: outside what the CPR register issues, so never a real person's number.
      expect(Number(digits.slice(0, 2))).toBeGreaterThan(60);
      expect(parseCpr(digits, { allowFictitious: true }).ok).toBe(true);
      expect(parseCpr(digits).ok).toBe(false);
      expect(LAST_NAMES).toContain(r.lastName);
    }
    const perCaseworker = await t.ctx.db
      .select({ cw: citizens.caseworkerId, n: count() })
      .from(citizens)
      .groupBy(citizens.caseworkerId);
    expect(perCaseworker).toHaveLength(3);
    for (const p of perCaseworker) expect(p.n).toBeGreaterThan(150);
    const flagged = rows.filter((r) => r.digitallyVulnerable);
    expect(flagged.length).toBeGreaterThan(20);
    expect(flagged.every((r) => r.vulnerableReason)).toBe(true);
  });

  it('links the demo citizen login to a record on the demo caseworker’s caseload', async () => {
    const cookie = await t.login('caseworker@demo.digiloft.dk', DEMO_PASSWORD);
    const res = await t.app.inject({
      url: '/api/citizens?q=Borger%20Demosen',
      headers: { cookie },
    });
    expect(res.json()).toHaveLength(1);
    const linked = await t.ctx.db.select().from(citizens).where(isNotNull(citizens.userId));
    expect(linked).toHaveLength(1);
    const [u] = await t.ctx.db.select().from(users).where(eq(users.id, linked[0]!.userId!));
    expect(u!.email).toBe('citizen@demo.digiloft.dk');
  });

  it('holds 25 fictitious Copenhagen companies with roles and 40 analysed ads', async () => {
    const rows = await t.ctx.db.select().from(companies);
    expect(rows).toHaveLength(25);
    expect(rows.every((c) => c.fictitious && validCvr(c.cvr))).toBe(true);
    expect(new Set(rows.map((c) => c.cvr)).size).toBe(25);
    const roles = await t.ctx.db.select().from(jobRoles);
    expect(roles.length).toBeGreaterThanOrEqual(25);
    expect(roles.every((r) => r.competences.length > 0 && r.occupationId)).toBe(true);
    const ads = await t.ctx.db.select().from(jobAds);
    expect(ads).toHaveLength(40);
    expect(ads.some((a) => a.phrases.length > 0)).toBe(true);
    const answers = await t.ctx.db.select().from(surveyAnswers);
    expect(new Set(answers.map((a) => a.round))).toEqual(new Set([1, 2]));
    const cookie = await t.login('company@demo.digiloft.dk', DEMO_PASSWORD);
    const mine = await t.app.inject({ url: '/api/me/companies', headers: { cookie } });
    expect(mine.json<{ name: string }[]>().map((c) => c.name)).toEqual(['Skyhavn Cloud ApS']);
  });

  it('is idempotent', async () => {
    expect(await seedDemo(t.ctx.db, t.ctx.cipher)).toEqual({
      created: false,
      users: 0,
      citizens: 0,
    });
    expect(await t.ctx.db.select().from(citizens)).toHaveLength(800);
  });

  it('holds the Azure pilot, whose evaluation recovers the synthetic true effect', async () => {
    const cookie = await t.login('analyst@demo.digiloft.dk', DEMO_PASSWORD);
    const list = await t.app.inject({ url: '/api/pilots', headers: { cookie } });
    const azure = list.json<{ id: string; name: string; status: string }[]>()[0]!;
    expect(azure).toMatchObject({ name: AZURE_PILOT_NAME, status: 'evaluating' });
    const res = await t.app.inject({
      url: `/api/pilots/${azure.id}/evaluation`,
      headers: { cookie },
    });
    expect(res.statusCode, res.body).toBe(200);
    const e = res.json<{
      method: string;
      nTreated: number;
      nControl: number;
      rates: { weeks: number; difference: { estimate: number; ci95: [number, number] } | null }[];
      cox: { hr: number; ci95: [number, number] };
      lockIn: { difference: number };
      verdict: string;
    }>();
    expect(e.method).toBe('lottery');
    expect(e.nTreated).toBeGreaterThan(150);
    // The truth at 26 weeks, in percentage points, and the true hazard ratio after lock-in.
    const truth26 = (trueRate(AZURE_DESIGN, true, 26) - trueRate(AZURE_DESIGN, false, 26)) * 100;
    const r26 = e.rates.find((r) => r.weeks === 26)!;
    expect(r26.difference!.ci95[0]).toBeLessThan(truth26);
    expect(r26.difference!.ci95[1]).toBeGreaterThan(truth26);
    // Forty weeks of data: the 52-week rate is not there yet.
    expect(e.rates.find((r) => r.weeks === 52)!.difference).toBeNull();
    expect(e.cox.hr).toBeGreaterThan(1);
    expect(e.lockIn.difference).toBeLessThan(0);
    // A real effect is never closed: shown, or not yet decided.
    expect(['continue', 'not_yet_decided']).toContain(e.verdict);
    const more = res.json<{
      takingPart: { uptake: { offered: number; controls: number }; cace: object | null };
      subgroups: { by: string }[];
    }>();
    expect(more.takingPart.uptake.offered).toBeGreaterThan(0.6);
    expect(more.takingPart.uptake.controls).toBeGreaterThan(0);
    expect(more.takingPart.cace).not.toBeNull();
    expect(more.subgroups.map((g) => g.by)).toEqual(['age', 'education']);
  });

  it('holds a pilot without effect that ends closed, one stopped early at a planned look, and the portfolio', async () => {
    const cookie = await t.login('pilot_manager@demo.digiloft.dk', DEMO_PASSWORD);
    const get = async (url: string) => {
      const res = await t.app.inject({ url, headers: { cookie } });
      expect(res.statusCode, res.body).toBe(200);
      return res.json();
    };
    const list = (await get('/api/pilots')) as { id: string; name: string; status: string }[];
    const closed = list.find((p) => p.name === NO_EFFECT_PILOT_NAME)!;
    const stopped = list.find((p) => p.name === EARLY_STOP_PILOT_NAME)!;
    expect(closed.status).toBe('closed');
    expect(stopped.status).toBe('continued');
    const c = await get(`/api/pilots/${closed.id}/evaluation`);
    expect(c.verdict).toBe('close');
    expect(c.decision.interval[1]).toBeLessThan(20);
    const s = await get(`/api/pilots/${stopped.id}/evaluation`);
    expect(s.verdict).toBe('continue');
    expect(s.sequential.planned[0].record).toMatchObject({ look: 1, decision: 'stop_efficacy' });
    expect(s.sequential.planned[0].record.z).toBeGreaterThan(
      s.sequential.planned[0].record.boundary,
    );
    expect(s.sequential.planned[1].record).toBeNull();
    expect(s.sequential.due).toBeNull();
    const folio = (await get('/api/pilots/portfolio')) as {
      pilots: { name: string; p: number | null; pAdjusted: number | null }[];
    };
    expect(folio.pilots.map((p) => p.name).sort()).toEqual(
      [AZURE_PILOT_NAME, NO_EFFECT_PILOT_NAME, EARLY_STOP_PILOT_NAME].sort(),
    );
    for (const p of folio.pilots) expect(p.pAdjusted!).toBeGreaterThanOrEqual(p.p!);
  });

  it('holds a catalogue with places, a waiting list, and the demo citizen’s tests and plan', async () => {
    const login = async (role: string) => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: `${role}@demo.digiloft.dk`, password: DEMO_PASSWORD },
      });
      return `dl_session=${res.cookies.find((c) => c.name === 'dl_session')!.value}`;
    };
    const analyst = await login('analyst');
    const stats = (
      await t.app.inject({ url: '/api/learning/stats', headers: { cookie: analyst } })
    ).json<{
      totals: Record<string, number>;
      byMethod: { key: string; completed: number }[];
      waiting: { name: string; waitlisted: number }[];
    }>();
    expect(stats.totals.completed).toBeGreaterThan(50);
    expect(stats.byMethod.map((g) => g.key)).toEqual(
      expect.arrayContaining(['workplace', 'reading_writing', 'game_based']),
    );
    expect(stats.waiting).toEqual([
      {
        offerId: expect.any(String),
        name: 'Cloud-grundforløb (AZ-900)',
        capacity: 4,
        enrolled: 4,
        waitlisted: 3,
      },
    ]);

    const me = (
      await t.app.inject({ url: '/api/me/learning', headers: { cookie: await login('citizen') } })
    ).json<{
      plan: { occupationLabel: string; items: { kind: string; title: string }[] };
      progress: unknown[];
      claimable: unknown[];
    }>();
    expect(me.plan.occupationLabel).toBe('office clerk');
    expect(me.plan.items[0]!.kind).toBe('workshop');
    expect(me.plan.items.map((i) => i.title)).toContain('Office-pakken på jobbet');
    expect(me.progress).toHaveLength(2);
    expect(me.claimable.length).toBeGreaterThan(0);
    // The demo tests are whole results: the caseworker's view of them passes its schema.
    const caseworker = await login('caseworker');
    const [demo] = await t.ctx.db.select().from(citizens).where(eq(citizens.lastName, 'Demosen'));
    const tests = await t.app.inject({
      url: `/api/citizens/${demo!.id}/assessments`,
      headers: { cookie: caseworker },
    });
    expect(tests.statusCode, tests.body).toBe(200);
    const results = tests.json<{ result: { group: string; areas: { level: number }[] } }[]>();
    expect(results.map((r) => r.result.group)).toEqual(['building_blocks', 'foundation']);
  });

  it('holds an answer history in two languages whose calibration finds one item unfair in English', async () => {
    const admin = await t.login('admin@demo.digiloft.dk', DEMO_PASSWORD);
    const run = await t.app.inject({
      method: 'POST',
      url: '/api/assessment/calibrations',
      headers: { cookie: admin },
      payload: { minResponses: 30 },
    });
    expect(run.statusCode, run.body).toBe(201);
    const dif = run.json<{
      result: { dif: { language: string; tests: number; items: { etsClass: string | null }[] }[] };
    }>().result.dif;
    expect(dif.map((d) => d.language)).toEqual(['en']);
    expect(dif[0]!.tests).toBe(300);
    expect(dif[0]!.items.filter((i) => i.etsClass === 'C')).toHaveLength(1);
    await t.app.inject({
      method: 'POST',
      url: `/api/assessment/calibrations/${run.json<{ id: string }>().id}/discard`,
      headers: { cookie: admin },
    });
  });

  it('holds the Azure pilot’s virtual matchmaking (8 partners, held, two hires) and an upcoming SME event', async () => {
    const consultant = await t.login('company_consultant@demo.digiloft.dk', DEMO_PASSWORD);
    const list = (
      await t.app.inject({ url: '/api/matchmaking/events', headers: { cookie: consultant } })
    ).json<{ id: string; name: string; status: string; format: string; companies: number }[]>();
    const azure = list.find((e) => e.name.startsWith('Azure'))!;
    expect(azure).toMatchObject({ status: 'held', format: 'virtual', companies: 8 });
    const view = (
      await t.app.inject({
        url: `/api/matchmaking/events/${azure.id}`,
        headers: { cookie: consultant },
      })
    ).json<EventView>();
    expect(view.pilot?.name).toBe(AZURE_PILOT_NAME);
    const outcomes = (
      await t.app.inject({
        url: `/api/matchmaking/pilots/${view.pilot!.id}/outcomes`,
        headers: { cookie: await t.login('pilot_manager@demo.digiloft.dk', DEMO_PASSWORD) },
      })
    ).json<{ hires: string[]; outcomes: { outcome: string; count: number }[] }>();
    expect(outcomes.hires).toHaveLength(2);
    // The hires are outcomes the pilot's evaluation reports, and the register confirms them.
    const evaluation = (
      await t.app.inject({
        url: `/api/pilots/${view.pilot!.id}/evaluation`,
        headers: { cookie: await t.login('pilot_manager@demo.digiloft.dk', DEMO_PASSWORD) },
      })
    ).json<{ reportedHires: { treated: object; control: object } }>();
    expect(evaluation.reportedHires).toEqual({
      treated: { hired: 2, confirmed: 2, awaiting: 0, notConfirmed: 0 },
      control: { hired: 0, confirmed: 0, awaiting: 0, notConfirmed: 0 },
    });
    expect(outcomes.outcomes.find((o) => o.outcome === 'second_interview')!.count).toBe(4);
    expect(view.eventCompanies.every((c) => c.videoLinks.length === c.tables)).toBe(true);
    // The real scheduler made the plan: no rule broken.
    const seen = new Set<string>();
    for (const m of view.schedule) {
      for (const key of [
        `p${m.citizenId}@${m.slot}`,
        `t${m.eventCompanyId}#${m.table}@${m.slot}`,
      ]) {
        expect(seen.has(key)).toBe(false);
        seen.add(key);
      }
    }
    expect(view.schedule.filter((m) => m.outcome === 'hire')).toHaveLength(2);
    expect(view.schedule.filter((m) => m.status === 'no_show').length).toBeGreaterThan(0);
    expect(view.result.candidatesMet).toBeGreaterThanOrEqual(view.candidates.length * 0.9);
    const upcoming = list.find((e) => e.status === 'planning')!;
    expect(upcoming.format).toBe('hybrid');
    const mine = (
      await t.app.inject({
        url: '/api/me/matchmaking',
        headers: { cookie: await t.login('citizen@demo.digiloft.dk', DEMO_PASSWORD) },
      })
    ).json<{ id: string; status: string }[]>();
    expect(mine).toEqual([expect.objectContaining({ id: upcoming.id, status: 'invited' })]);
    const pool = (
      await t.app.inject({
        url: '/api/me/candidate-profile',
        headers: { cookie: await t.login('citizen@demo.digiloft.dk', DEMO_PASSWORD) },
      })
    ).json<{ inPool: boolean; requests: { company: string; status: string }[] }>();
    expect(pool.inPool).toBe(true);
    expect(pool.requests).toEqual([
      expect.objectContaining({ company: 'Skyhavn Cloud ApS', status: 'pending' }),
    ]);
    const stats = (
      await t.app.inject({ url: '/api/matchmaking/stats', headers: { cookie: consultant } })
    ).json<{ byPilot: { label: string; hires: number }[] }>();
    expect(stats.byPilot).toEqual([expect.objectContaining({ label: AZURE_PILOT_NAME, hires: 2 })]);
  });

  it('holds the taskforce’s follow-up: a centre per workshop, actions (some late), and live indicators', async () => {
    const cookie = await t.login('taskforce@demo.digiloft.dk', DEMO_PASSWORD);
    const get = async <T>(url: string) => {
      const res = await t.app.inject({ url, headers: { cookie } });
      expect(res.statusCode, res.body).toBe(200);
      return res.json<T>();
    };
    const centres = await get<{ centres: { id: string; name: string }[] }>(
      '/api/taskforce/centres',
    );
    expect(centres.centres.map((c) => c.name)).toEqual([
      'Center Gammel Køge Landevej',
      'Center Lærkevej',
    ]);
    const actions =
      await get<{ recommendation: string; late: boolean; links: { name: string }[] }[]>(
        '/api/taskforce/actions',
      );
    expect(new Set(actions.map((a) => a.recommendation)).size).toBe(8);
    expect(actions.some((a) => a.late)).toBe(true);
    expect(actions.flatMap((a) => a.links.map((l) => l.name))).toContain(AZURE_PILOT_NAME);
    type Ind = { id: string; value: number | null; suppressed: boolean };
    const whole = await get<{ indicators: Ind[] }>('/api/taskforce/indicators?from=2024-12-01');
    const value = (v: { indicators: Ind[] }, id: string) => v.indicators.find((i) => i.id === id)!;
    // Every demo citizen was registered in the last two years.
    expect(value(whole, 'new_citizens').value).toBe(800);
    // Seven in ten of the general group were offered the test, four in ten took it.
    expect(value(whole, 'offered_share').value).toBeCloseTo(139 / 800, 2);
    expect(value(whole, 'workshop_visits').value).toBeGreaterThan(100);
    expect(value(whole, 'survey_response').value).toBeLessThanOrEqual(1);
    expect(value(whole, 'pilots_started').value).toBe(3);
    const pilots = await get<{
      pilots: { verdict: string | null; costPerParticipant: number; costPerExit: number }[];
    }>('/api/taskforce/pilots');
    expect(pilots.pilots.every((p) => p.costPerExit > p.costPerParticipant)).toBe(true);
    expect(pilots.pilots.map((p) => p.verdict).sort()).toEqual([
      'close',
      'continue',
      'not_yet_decided',
    ]);
    // Both centres together are the municipality's people (each citizen belongs to a site).
    const [a, b] = await Promise.all(
      centres.centres.map((c) =>
        get<{ indicators: Ind[] }>(`/api/taskforce/indicators?from=2024-12-01&site=${c.id}`),
      ),
    );
    expect(value(a!, 'new_citizens').value! + value(b!, 'new_citizens').value!).toBe(800);
    const budget = await get<{
      totals: { committed: number; spent: number };
      lines: { kind: string; committed: number; spent: number }[];
    }>('/api/taskforce/budget');
    // The Azure pilot's 1.45 m committed and 1.11 m of it recorded as spent; eMentor hours too.
    expect(budget.lines.find((l) => l.kind === 'pilot' && l.committed === 1_450_000)!.spent).toBe(
      1_110_000,
    );
    expect(budget.lines.find((l) => l.kind === 'ementor')!.spent).toBeGreaterThan(0);
    expect(budget.totals.spent).toBeLessThan(budget.totals.committed);
    const reports = await get<{ id: string; title: string }[]>('/api/taskforce/reports');
    expect(reports).toHaveLength(1);
    expect(reports[0]!.title).toMatch(/^Status på strategien/);
    const journey = await get<{ groups: { people: { n: number } }[]; links: unknown[] }>(
      '/api/taskforce/journey?from=2024-12-01',
    );
    expect(journey.groups[0]!.people.n).toBeGreaterThan(50);
    expect(journey.links.length).toBeGreaterThan(3);
  });

  it('reads tests, badges and passed pilots for a whole list at once exactly as for each citizen alone', async () => {
    const db = t.ctx.db;
    const [demo] = await db.select({ id: citizens.municipalityId }).from(citizens).limit(1);
    const m = demo!.id;
    const ids = (await db.select({ id: citizens.id }).from(citizens)).map((c) => c.id);
    // The demo issues no badges: two citizens get some here, one of them revoked.
    const badge = (citizenId: string, area: string, revoked: boolean) => ({
      municipalityId: m,
      citizenId,
      kind: 'digcomp' as const,
      area,
      level: 3,
      name: `Digital kompetence ${area}`,
      credential: 'test',
      issuedAt: new Date('2026-01-05T10:00:00Z'),
      revokedAt: revoked ? new Date('2026-02-05T10:00:00Z') : null,
    });
    await db
      .insert(badgeRows)
      .values([
        badge(ids[0]!, '1', false),
        badge(ids[0]!, '2', true),
        badge(ids[1]!, '2', false),
        badge(ids[1]!, '3', false),
      ]);
    const [tests, badges, pilots] = [
      await completedTestsByCitizen(db, m, ids),
      await validBadgesByCitizen(db, m, ids),
      await pilotsPassedByCitizen(db, m, ids),
    ];
    // The demo has all three, for more than one citizen each, so a mix-up would show.
    expect(tests.size).toBeGreaterThan(1);
    expect(badges.size).toBeGreaterThan(1);
    expect(pilots.size).toBeGreaterThan(1);
    for (const id of [...tests.keys(), ...badges.keys(), ...pilots.keys()]) {
      expect(tests.get(id) ?? []).toEqual(await completedTests(db, m, id));
      expect(badges.get(id) ?? []).toEqual(await validBadgesOf(db, m, id));
      expect(pilots.get(id) ?? []).toEqual(await pilotsPassedBy(db, m, id));
    }
  });
});
