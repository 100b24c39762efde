import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { and, eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../app/testing/test-app';
import { hasPoppler, readablePdf } from '../platform/testing/poppler';
import { buildCitizen, buildMunicipality, buildUser } from '../app/testing/factories';
import { auditLog } from '../platform/audit';
import { citizens } from '../people/people.schema';
import { drawLottery, seedCommitment, verifyLottery } from './pilots.model';
import { adjustBH, logRank, powerOfProportions } from '../evaluation';
import { binary, columns, parseTable } from '../evaluation/table';
import { pilots, registerWeeks } from './pilots.schema';
import { AZURE_DESIGN, seeded, syntheticWeeks } from './synthetic-register';

let t: TestApp;
let m: { id: string };
let pm: string;
let cw: string;
let cwId: string;
let analyst: string;

beforeAll(async () => {
  t = await createTestApp();
  m = await buildMunicipality(t.ctx.db);
  pm = await t.login((await buildUser(t.ctx.db, m.id, ['pilot_manager'])).email);
  const caseworker = await buildUser(t.ctx.db, m.id, ['caseworker']);
  cwId = caseworker.id;
  cw = await t.login(caseworker.email);
  analyst = await t.login((await buildUser(t.ctx.db, m.id, ['analyst'])).email);
});
afterAll(async () => t.close());

const call = (
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  url: string,
  cookie: string,
  payload?: object | string,
  contentType?: string,
) =>
  t.app.inject({
    method,
    url,
    headers: { cookie, ...(contentType ? { 'content-type': contentType } : {}) },
    ...(payload !== undefined ? { payload } : {}),
  });

const AZURE = {
  name: 'Microsoft Azure for ledige akademikere',
  description: 'Opkvalificering i Azure, derefter matchmaking med Microsofts partnere.',
  targetGroup: { triageGroups: [], minAge: 25, jobGoalWords: [] },
  learningMethods: ['e_learning', 'workplace'],
  hoursPerWeek: 30,
  weeks: 8,
  capacity: 60,
  startsOn: '2025-09-01',
  endsOn: '2025-10-26',
  budgetDkk: 1_200_000,
  decisionRule: { outcomeWeeks: 26, minimumEffect: 5, method: 'lottery', stretchWeeks: 4 },
};

async function createPilot(body: object = AZURE) {
  const res = await call('POST', '/api/pilots', pm, body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string }>().id;
}

const move = (id: string, to: string, reason = 'Besluttet i styregruppen') =>
  call('POST', `/api/pilots/${id}/status`, pm, { to, reason });

describe('pilots', () => {
  it('a pilot manager creates a pilot with partners; bad input changes nothing', async () => {
    const id = await createPilot();
    const withMs = await call('POST', `/api/pilots/${id}/partners`, pm, {
      kind: 'company',
      name: 'Microsoft Danmark ApS',
      cvr: '13612870',
      role: 'Kursus og matchmaking',
    });
    expect(withMs.statusCode, withMs.body).toBe(201);
    expect(withMs.json().partners).toEqual([
      expect.objectContaining({ kind: 'company', cvr: '13612870' }),
    ]);
    expect(
      (
        await call('POST', `/api/pilots/${id}/partners`, pm, { kind: 'company', name: 'Uden CVR' })
      ).json().error.code,
    ).toBe('cvr_required');
    expect(
      (
        await call('POST', `/api/pilots/${id}/partners`, pm, {
          kind: 'company',
          name: 'Forkert',
          cvr: '13612871',
        })
      ).json().error.code,
    ).toBe('cvr_invalid');
    const backwards = await call('POST', '/api/pilots', pm, { ...AZURE, endsOn: '2025-01-01' });
    expect(backwards.statusCode).toBe(400);
    const union = await call('POST', `/api/pilots/${id}/partners`, pm, {
      kind: 'union',
      name: 'IDA',
    });
    const idaId = union.json().partners.find((x: { name: string }) => x.name === 'IDA').id;
    expect((await call('DELETE', `/api/pilots/${id}/partners/${idaId}`, pm)).statusCode).toBe(200);
    expect((await call('DELETE', `/api/pilots/${id}/partners/${idaId}`, pm)).statusCode).toBe(404);
    expect((await call('DELETE', `/api/pilots/${id}/partners/${idaId}`, cw)).statusCode).toBe(403);
    const view = (await call('GET', `/api/pilots/${id}`, pm)).json();
    expect(view.partners).toHaveLength(1);
    expect(view.allowed).toMatchObject({
      edit: true,
      editRule: true,
      moveTo: ['recruiting', 'closed'],
    });
    // Caseworkers see it (to refer); analysts too; citizens not.
    expect((await call('GET', `/api/pilots/${id}`, cw)).statusCode).toBe(200);
    expect((await call('POST', '/api/pilots', analyst, AZURE)).statusCode).toBe(403);
  });

  it('the decision rule can change until the start, then never (audited)', async () => {
    const id = await createPilot();
    const rule = { ...AZURE.decisionRule, minimumEffect: 8 };
    expect((await call('PATCH', `/api/pilots/${id}`, pm, { decisionRule: rule })).statusCode).toBe(
      200,
    );
    expect((await move(id, 'running')).statusCode).toBe(409);
    expect((await move(id, 'recruiting')).statusCode).toBe(200);
    const started = await move(id, 'running', 'Holdet er fuldt');
    expect(started.statusCode).toBe(200);
    expect(started.json().ruleLockedAt).not.toBeNull();
    expect(started.json().allowed.editRule).toBe(false);
    const late = await call('PATCH', `/api/pilots/${id}`, pm, {
      decisionRule: { ...rule, minimumEffect: 1 },
    });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('pilot_rule_locked');
    // Other fields may still change; the rule stays as registered.
    expect(
      (await call('PATCH', `/api/pilots/${id}`, pm, { budgetDkk: 1_300_000 })).statusCode,
    ).toBe(200);
    const moved = await call('PATCH', `/api/pilots/${id}`, pm, { startsOn: '2025-08-25' });
    expect(moved.statusCode).toBe(409);
    expect(moved.json().error.code).toBe('pilot_start_locked');
    const [row] = await t.ctx.db.select().from(pilots).where(eq(pilots.id, id));
    expect(row!.decisionRule.minimumEffect).toBe(8);
    expect(row!.startsOn).toBe(AZURE.startsOn);
    expect(row!.budgetDkk).toBe(1_300_000);
    const history = (await call('GET', `/api/pilots/${id}`, pm)).json().history;
    expect(history.map((h: { to: string; reason: string }) => [h.to, h.reason])).toEqual([
      ['recruiting', 'Besluttet i styregruppen'],
      ['running', 'Holdet er fuldt'],
    ]);
    const audit = await t.ctx.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.entityId, id));
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['pilot.create', 'pilot.rule.change', 'pilot.status', 'pilot.update']),
    );
    expect((await move(id, 'closed')).statusCode).toBe(409);
  });

  it('caseworkers refer their own citizens; eligibility is checked and recorded', async () => {
    const id = await createPilot({
      ...AZURE,
      targetGroup: { triageGroups: [], minAge: 25, jobGoalWords: ['IT', 'udvikler'] },
    });
    const mine = await buildCitizen(t.ctx.db, t.ctx.cipher, {
      municipalityId: m.id,
      caseworkerId: cwId,
    });
    const other = await buildCitizen(t.ctx.db, t.ctx.cipher, {
      municipalityId: m.id,
      caseworkerId: null,
    });
    const res = await call('POST', `/api/pilots/${id}/referrals`, cw, { citizenId: mine.id });
    expect(res.statusCode, res.body).toBe(201);
    // The factory's citizens want office work, not IT.
    expect(res.json()).toMatchObject({
      eligible: false,
      eligibility: expect.arrayContaining([{ rule: 'job_goal:IT|udvikler', ok: false }]),
    });
    expect(
      (await call('POST', `/api/pilots/${id}/referrals`, cw, { citizenId: mine.id })).statusCode,
    ).toBe(409);
    expect(
      (await call('POST', `/api/pilots/${id}/referrals`, cw, { citizenId: other.id })).statusCode,
    ).toBe(404);
    expect((await call('GET', `/api/pilots/${id}/enrolments`, cw)).statusCode).toBe(403);
  });

  it('the lottery is drawn once, reproducibly from its seed; the rest form the control group', async () => {
    const id = await createPilot({ ...AZURE, capacity: 3 });
    for (let i = 0; i < 8; i++) {
      const c = await buildCitizen(t.ctx.db, t.ctx.cipher, {
        municipalityId: m.id,
        caseworkerId: cwId,
      });
      expect(
        (await call('POST', `/api/pilots/${id}/referrals`, cw, { citizenId: c.id })).statusCode,
      ).toBe(201);
    }
    expect((await call('POST', `/api/pilots/${id}/lottery`, pm, {})).statusCode).toBe(409);
    await move(id, 'recruiting');
    // The seed was made by the server and is secret; only its commitment is published.
    const shown = (await call('GET', `/api/pilots/${id}`, pm)).json();
    expect(shown.lottery.commitment).toMatch(/^[0-9a-f]{64}$/);
    expect(shown.lottery.committedAt).not.toBeNull();
    expect(shown.lottery.seed).toBeNull();
    expect(
      JSON.stringify((await call('GET', `/api/pilots/${id}/enrolments`, pm)).json()),
    ).not.toContain('seed');
    expect((await call('GET', `/api/pilots/${id}/lottery`, pm)).json().error.code).toBe(
      'lottery_not_drawn',
    );
    // The pilot manager cannot choose the seed (and so not the outcome).
    const chosen = await call('POST', `/api/pilots/${id}/lottery`, pm, {
      seed: 'styregruppe-2025',
    });
    expect(chosen.statusCode).toBe(400);
    expect((await call('GET', `/api/pilots/${id}`, pm)).json().lottery.at).toBeNull();

    const before = (await call('GET', `/api/pilots/${id}/enrolments`, pm)).json<{ id: string }[]>();
    const drawn = await call('POST', `/api/pilots/${id}/lottery`, pm, {});
    expect(drawn.statusCode, drawn.body).toBe(200);
    expect(drawn.json()).toMatchObject({
      counts: { participant: 3, control: 5, applicant: 0 },
    });
    // Revealed at the draw: the seed is the one committed to.
    const seed = drawn.json().lottery.seed as string;
    expect(seedCommitment(seed)).toBe(shown.lottery.commitment);
    const after = (await call('GET', `/api/pilots/${id}/enrolments`, pm)).json<
      { id: string; arm: string; lotteryRank: number }[]
    >();
    const expected = drawLottery(
      before.map((e) => e.id),
      3,
      seed,
    );
    expect(
      after
        .filter((e) => e.arm === 'participant')
        .map((e) => e.id)
        .sort(),
    ).toEqual([...expected.participants].sort());
    // Anyone with the published record can redo it; an analyst reads it too.
    const record = (await call('GET', `/api/pilots/${id}/lottery`, analyst)).json();
    expect(record).toMatchObject({
      commitment: shown.lottery.commitment,
      seed,
      capacity: 3,
      applicants: before.map((e) => e.id),
      participants: expected.participants,
      controls: expected.controls,
      check: { commitmentMatches: true, drawMatches: true, valid: true },
    });
    expect(verifyLottery(record).valid).toBe(true);
    const swapped = {
      ...record,
      participants: [record.controls[0], ...record.participants.slice(1)],
      controls: [record.participants[0], ...record.controls.slice(1)],
    };
    expect(verifyLottery(swapped)).toMatchObject({ commitmentMatches: true, drawMatches: false });
    expect(verifyLottery({ ...record, seed: `${seed}x` }).commitmentMatches).toBe(false);
    expect((await call('POST', `/api/pilots/${id}/lottery`, pm, {})).statusCode).toBe(409);
    // No more referrals once drawn.
    const late = await buildCitizen(t.ctx.db, t.ctx.cipher, {
      municipalityId: m.id,
      caseworkerId: cwId,
    });
    expect(
      (await call('POST', `/api/pilots/${id}/referrals`, cw, { citizenId: late.id })).json().error
        .code,
    ).toBe('referral_closed');
    // Participation is tracked for participants.
    const p = after.find((e) => e.arm === 'participant')!;
    const c = after.find((e) => e.arm === 'control')!;
    expect(
      (
        await call('PATCH', `/api/pilot-enrolments/${p.id}`, pm, {
          sessionsAttended: 12,
          completed: true,
          certification: 'AZ-900',
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (await call('PATCH', `/api/pilot-enrolments/${c.id}`, pm, { completed: true })).statusCode,
    ).toBe(400);
  });
});

describe('register data and the evaluation', () => {
  it('imports outcomes all or nothing and evaluates the pilot against its lottery controls', async () => {
    const id = await createPilot({ ...AZURE, capacity: 150 });
    await move(id, 'recruiting');
    const rand = seeded(5);
    const rows: string[] = ['cpr,week,benefit,employed,education'];
    const people: { cpr: string }[] = [];
    for (let i = 0; i < 300; i++) {
      const cpr = `${String(1 + (i % 28)).padStart(2, '0')}${String(1 + (i % 12)).padStart(2, '0')}8${i % 10}-${String(1000 + i)}`;
      const c = await buildCitizen(t.ctx.db, t.ctx.cipher, {
        municipalityId: m.id,
        caseworkerId: cwId,
        cpr,
      });
      people.push({ cpr });
      await call('POST', `/api/pilots/${id}/referrals`, cw, { citizenId: c.id });
    }
    expect((await call('POST', `/api/pilots/${id}/lottery`, pm, {})).statusCode).toBe(200);
    const arms = new Map(
      (await call('GET', `/api/pilots/${id}/enrolments`, pm))
        .json<{ citizenId: string; arm: string }[]>()
        .map((e) => [e.citizenId, e.arm]),
    );
    const ids = [...arms.keys()];
    // Weekly register data with a known effect, 26 weeks before to 60 after the start (week 36).
    const byCpr = await Promise.all(
      people.map(async (p) => {
        const [c] = await t.ctx.db
          .select({ id: citizens.id })
          .from(citizens)
          .where(eq(citizens.cprHash, t.ctx.cipher.hash(`cpr:${p.cpr.replace('-', '')}`)));
        return { ...p, id: c!.id };
      }),
    );
    for (const p of byCpr) {
      const participant = arms.get(p.id) === 'participant';
      for (const w of syntheticWeeks(AZURE_DESIGN, participant, rand)) {
        const week = 36 + w.offset;
        const label =
          week <= 0
            ? `2024-W${String(52 + week).padStart(2, '0')}`
            : week > 52
              ? `2026-W${String(week - 52).padStart(2, '0')}`
              : `2025-W${String(week).padStart(2, '0')}`;
        rows.push(`${p.cpr},${label},${w.benefit ?? ''},${w.employed ? 1 : 0},0`);
      }
    }
    expect(ids).toHaveLength(300);
    // A broken copy of the file: refused with the bad lines listed, nothing written.
    const broken = [
      ...rows.slice(0, 50),
      '0101801000,2025-W99,dagpenge,0,0',
      ...rows.slice(50),
    ].join('\n');
    const refused = await call('POST', '/api/register-imports', pm, broken, 'text/csv');
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({
      error: { code: 'import_invalid' },
      report: { problemCount: 1, problems: [{ line: 51, column: 'week', message: 'week_format' }] },
    });
    const none = await t.ctx.db
      .select()
      .from(registerWeeks)
      .where(eq(registerWeeks.municipalityId, m.id));
    expect(none).toHaveLength(0);

    const ok = await call('POST', '/api/register-imports', pm, rows.join('\n'), 'text/csv');
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({
      rows: rows.length - 1,
      imported: rows.length - 1,
      problemCount: 0,
    });

    // The size a rule needs: from a given rate, and by default from the register just imported.
    const power = (q: string) => call('GET', `/api/pilots/power?${q}`, pm);
    const given = await power('outcomeWeeks=26&minimumEffect=10&expectedRate=30&capacity=300');
    expect(given.statusCode, given.body).toBe(200);
    expect(given.json()).toMatchObject({
      source: 'given',
      perArm: 356,
      participants: 356,
      reachable: false,
    });
    expect(given.json().powerAtCapacity).toBeCloseTo(
      powerOfProportions({ p1: 0.3, p2: 0.4, n: 300 }),
      10,
    );
    const fromRegister = (await power('outcomeWeeks=26&minimumEffect=10&capacity=400')).json();
    expect(fromRegister.source).toBe('register');
    expect(fromRegister.registerPeople).toBeGreaterThanOrEqual(20);
    expect(fromRegister.expectedRate).toBeGreaterThan(5);
    expect(fromRegister.expectedRate).toBeLessThan(95);
    for (const bad of [
      'outcomeWeeks=20&minimumEffect=10&capacity=10',
      'outcomeWeeks=26&minimumEffect=10&capacity=10&looks=0.5,0.4',
      'outcomeWeeks=26&minimumEffect=10&capacity=10&looks=0.5',
      'outcomeWeeks=26&minimumEffect=0&capacity=10',
    ])
      expect((await power(bad)).statusCode, bad).toBe(400);
    expect(
      (await call('GET', '/api/pilots/power?outcomeWeeks=26&minimumEffect=5&capacity=9', analyst))
        .statusCode,
    ).toBe(403);

    await move(id, 'running');
    await move(id, 'evaluating');
    // Who took part: 120 of the 150 winners came; 20 controls found the course elsewhere.
    const enrolments = (await call('GET', `/api/pilots/${id}/enrolments`, pm)).json<
      { id: string; arm: string }[]
    >();
    const winners = enrolments.filter((x) => x.arm === 'participant');
    const losers = enrolments.filter((x) => x.arm === 'control');
    for (const w of winners.slice(0, 120))
      await call('PATCH', `/api/pilot-enrolments/${w.id}`, pm, { sessionsAttended: 10 });
    for (const c of losers.slice(0, 20))
      await call('PATCH', `/api/pilot-enrolments/${c.id}`, pm, { tookPartElsewhere: true });
    // Each arm's own fields only.
    expect(
      (
        await call('PATCH', `/api/pilot-enrolments/${winners[0]!.id}`, pm, {
          tookPartElsewhere: true,
        })
      ).statusCode,
    ).toBe(400);
    const ev = await call('GET', `/api/pilots/${id}/evaluation`, analyst);
    expect(ev.statusCode, ev.body).toBe(200);
    const e = ev.json();
    expect(e).toMatchObject({ method: 'lottery', nTreated: 150, nControl: 150 });
    expect(e.rates.map((r: { weeks: number }) => r.weeks)).toEqual([13, 26, 52]);
    expect(e.km.treated.length).toBeGreaterThan(5);
    expect(e.lockIn.difference).toBeLessThan(5);
    // A real effect built in: continue, or not yet decided with what would settle it.
    expect(['continue', 'not_yet_decided']).toContain(e.verdict);
    expect(e.decision.verdict).toBe(e.verdict);
    const z = 1.959964;
    expect(e.decision.interval[0]).toBeCloseTo(e.effect.estimate - z * e.effect.se, 4);
    if (e.verdict === 'not_yet_decided') expect(e.decision.settle.participants).toBeGreaterThan(0);
    // Offered vs not, and the effect of taking part: the Wald ratio without covariates.
    const tp = e.takingPart;
    expect(tp.uptake.offered).toBeCloseTo(0.8, 6);
    expect(tp.uptake.controls).toBeCloseTo(20 / 150, 6);
    const wald = tp.itt.estimate / (tp.uptake.offered - tp.uptake.controls);
    expect(Math.abs(tp.cace.estimate - wald)).toBeLessThan(Math.abs(wald) * 0.25 + 1);
    expect(tp.cace.ci[1] - tp.cace.ci[0]).toBeGreaterThan(tp.itt.ci[1] - tp.itt.ci[0]);
    expect(e.plotSvg).toContain('<svg');
    // Aggregates only: no names, ids or CPR numbers anywhere in it.
    expect(ev.body).not.toMatch(/Prøvesen|Testborger/);
    for (const cid of ids.slice(0, 20)) expect(ev.body).not.toContain(cid);

    // The pseudonymised analysis rows: the same figures come out of them with the engines.
    const csv = await call('GET', `/api/pilots/${id}/evaluation.csv?format=rfc4180`, analyst);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    for (const cid of ids.slice(0, 20)) expect(csv.body).not.toContain(cid);
    // The default is for a Danish Excel: semicolons, decimal commas, a BOM; same rows.
    const excel = await call('GET', `/api/pilots/${id}/evaluation.csv`, analyst);
    const sheet = parse(excel.body, { bom: true, delimiter: ';', relax_column_count: false });
    expect(excel.body.startsWith('\uFEFF')).toBe(true);
    expect(sheet.length).toBe(csv.body.trimEnd().split('\r\n').length);
    expect(sheet.slice(1).some((r: string[]) => /^\d+,\d+$/.test(r[2]!))).toBe(false); // ages
    const table = parseTable(csv.body);
    expect(table.header).toEqual([
      'pseudonym',
      'group',
      'age',
      'female',
      'higher_education',
      'unemployment_weeks',
      'dagpenge',
      'tested',
      'digital_level',
      'weeks',
      'exit',
    ]);
    expect(table.rows).toHaveLength(300);
    expect(table.rows.every((r) => /^[A-Za-z0-9_-]{16}$/.test(r[0]!))).toBe(true);
    const cols = columns(table, ['weeks', 'exit'], ['group']);
    const again = logRank(
      { stop: cols.numeric.weeks!, event: binary('exit', cols.numeric.exit!) },
      Int32Array.from(cols.text.group!, (g) => (g === 'participant' ? 1 : 0)),
      2,
    );
    expect(again.chi2).toBeCloseTo(e.logrank.chi2, 8);

    const pdf = await call('GET', `/api/pilots/${id}/evaluation.pdf`, pm);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    if (hasPoppler) {
      // Read as a PDF reader does: the figures come out as written, χ² included.
      const pilotName = (await call('GET', `/api/pilots/${id}`, pm)).json().name as string;
      const text = readablePdf(pdf.rawPayload, {
        title: `Evaluering: ${pilotName}`,
        lang: 'da-DK',
      });
      expect(text).toContain(
        `log-rank χ² ${e.logrank.chi2.toFixed(2)}, p ${e.logrank.p.toFixed(4)}`,
      );
      expect(text).toContain(`Cox hazard ratio ${e.cox.hr.toFixed(2)}`);
      expect(text).toContain('Forhåndsregistreret beslutningsregel');
      expect(text).toContain('Tilbudt mod ikke tilbudt (primær)');
      expect(text).toContain(
        `Afgørelse: ${e.verdict === 'continue' ? 'Fortsæt' : 'Ikke afgjort endnu'}`,
      );
      for (const x of e.rates.filter((r: { treated: unknown }) => r.treated))
        expect(text).toContain(`${(x.treated.rate * 100).toFixed(1)} %`);
    }
    expect((await call('GET', `/api/pilots/${id}/evaluation`, cw)).statusCode).toBe(403);
    expect((await call('GET', `/api/pilots/${id}/enrolments`, analyst)).statusCode).toBe(403);
    const reads = await t.ctx.db
      .select({ purpose: auditLog.purpose })
      .from(auditLog)
      .where(and(eq(auditLog.entityId, id), eq(auditLog.action, 'pilot.evaluation.read')));
    expect(reads.length).toBeGreaterThanOrEqual(2);
    expect(reads.every((r) => r.purpose === 'evaluation')).toBe(true);

    // A second pilot on the same people with planned looks and subgroups.
    const looked = await createPilot({
      ...AZURE,
      name: 'Azure med planlagte kig',
      capacity: 150,
      decisionRule: {
        ...AZURE.decisionRule,
        minimumEffect: 10,
        expectedRate: 30,
        looks: [0.5, 1],
        subgroups: ['age'],
      },
    });
    const rule = (await call('GET', `/api/pilots/${looked}`, pm)).json().decisionRule;
    // power.prop.test's 356 per arm for 30 % vs 40 %, a little more for the planned look.
    expect(rule.plannedSize).toEqual({ participants: 359, controls: 359, expectedRate: 30 });
    await move(looked, 'recruiting');
    for (const p of byCpr)
      await call('POST', `/api/pilots/${looked}/referrals`, cw, { citizenId: p.id });
    await call('POST', `/api/pilots/${looked}/lottery`, pm, {});
    // Not running yet: no look.
    expect((await call('POST', `/api/pilots/${looked}/looks`, pm, {})).statusCode).toBe(403);
    await move(looked, 'running');
    const before = (await call('GET', `/api/pilots/${looked}/evaluation`, pm)).json();
    expect(before.sequential.planned.map((l: { fraction: number }) => l.fraction)).toEqual([
      0.5, 1,
    ]);
    expect(before.subgroups[0].by).toBe('age');
    // Still recruiting towards 359 a side: the first look (half) is not reached at 150, so the
    // figures are exploratory and an unplanned look is refused, writing nothing.
    expect(before.sequential.due).toBeNull();
    expect(before.sequential.exploratory).toBe(true);
    const early = await call('POST', `/api/pilots/${looked}/looks`, pm, {});
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('pilot_look_not_due');
    // Recruitment over and everyone followed: the last look is due.
    await move(looked, 'evaluating');
    const ready = (await call('GET', `/api/pilots/${looked}/evaluation`, pm)).json();
    expect(ready.sequential.due).toMatchObject({ look: 2, final: true });
    expect(before.verdict).toBe('not_yet_decided');
    const taken = await call('POST', `/api/pilots/${looked}/looks`, pm, {});
    expect(taken.statusCode, taken.body).toBe(201);
    const record = taken.json();
    expect(record.look).toBe(2);
    expect(record.z).toBeCloseTo(before.effect.estimate / before.effect.se, 8);
    expect(['stop_efficacy', 'stop_futility', 'final']).toContain(record.decision);
    // Nothing more is due: a further (unplanned) look is refused and nothing is written.
    const unplanned = await call('POST', `/api/pilots/${looked}/looks`, pm, {});
    expect(unplanned.statusCode).toBe(409);
    expect(unplanned.json().error.code).toBe('pilot_look_not_due');
    const after = (await call('GET', `/api/pilots/${looked}/evaluation`, pm)).json();
    expect(after.sequential.planned[1].record).toMatchObject({
      look: 2,
      decision: record.decision,
    });
    expect(after.sequential.due).toBeNull();
    // A pilot without planned looks has none to take.
    expect((await call('POST', `/api/pilots/${id}/looks`, pm, {})).json().error.code).toBe(
      'pilot_no_looks',
    );

    // The portfolio: both pilots, their p-values adjusted for there being two (BH).
    const folio = await call('GET', '/api/pilots/portfolio', analyst);
    expect(folio.statusCode, folio.body).toBe(200);
    const rowsOf = folio.json().pilots as { id: string; p: number; pAdjusted: number }[];
    const a = rowsOf.find((r) => r.id === id)!;
    const b = rowsOf.find((r) => r.id === looked)!;
    const withP = rowsOf.filter((r) => r.p !== null);
    expect(withP.length).toBeGreaterThanOrEqual(2);
    const bh = adjustBH(withP.map((r) => r.p));
    withP.forEach((r, k) => expect(r.pAdjusted).toBeCloseTo(bh[k]!, 12));
    expect(a.pAdjusted).toBeGreaterThanOrEqual(a.p);
    expect(b.pAdjusted).toBeGreaterThanOrEqual(b.p);
    expect((await call('GET', '/api/pilots/portfolio', cw)).statusCode).toBe(403);
  }, 240_000);
});
