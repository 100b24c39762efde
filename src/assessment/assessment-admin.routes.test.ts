import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../app/testing/test-app';
import { buildMunicipality, buildUser } from '../app/testing/factories';
import { mulberry32, normal } from '../platform/random';
import { categoryProbs, eap, p2pl } from './irt';
import { activeItems } from './assessment.store';
import { assessmentItems, assessmentResponses, assessments } from './assessment.schema';
import { ASSUMED_SECONDS, TEST_PROMISE } from './assessment.constants';

const DAY = 86_400_000;

let t: TestApp;
let m: { id: string };
let admin: string;

beforeAll(async () => {
  t = await createTestApp();
  m = await buildMunicipality(t.ctx.db);
  admin = await t.login((await buildUser(t.ctx.db, m.id, ['admin'])).email);
});
afterAll(async () => t.close());

const call = (
  method: 'GET' | 'PUT' | 'PATCH' | 'POST',
  url: string,
  payload?: object,
  cookie = admin,
) => t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });

describe('cut scores', () => {
  it('are read with defaults and changed by the admin, used by new tests', async () => {
    expect((await call('GET', '/api/assessment/settings')).json()).toEqual({
      foundationCut: -1.125,
      jobGoalCut: 0.375,
    });
    const bad = await call('PUT', '/api/assessment/settings', { foundationCut: 1, jobGoalCut: 0 });
    expect(bad.statusCode).toBe(400);
    const ok = await call('PUT', '/api/assessment/settings', {
      foundationCut: -1,
      jobGoalCut: 0.5,
    });
    expect(ok.json()).toEqual({ foundationCut: -1, jobGoalCut: 0.5 });
    expect((await call('GET', '/api/assessment/settings')).json()).toEqual({
      foundationCut: -1,
      jobGoalCut: 0.5,
    });
  });
});

describe('item bank', () => {
  it('lists all 150 items with their statistics', async () => {
    const items = (await call('GET', '/api/assessment/items')).json<
      {
        key: string;
        stats: { responses: number };
      }[]
    >();
    expect(items.length).toBeGreaterThanOrEqual(150);
    expect(items.every((i) => i.stats.responses === 0)).toBe(true);
  });

  it('creates a new item in both languages, with start parameters from its level', async () => {
    const before = (await call('GET', '/api/assessment/items')).json<unknown[]>().length;
    const body = {
      type: 'knowledge',
      competence: '4.2',
      level: 3,
      basic: 'netbank',
      correct: 1,
      text: {
        da: {
          stem: 'Hvad gør du, hvis banken ringer og beder om din kode?',
          options: ['Giver den', 'Lægger på'],
        },
        en: {
          stem: 'What do you do if the bank calls and asks for your code?',
          options: ['Give it', 'Hang up'],
        },
      },
    };
    const res = await call('POST', '/api/assessment/items', body);
    expect(res.statusCode, res.body).toBe(201);
    const { id, key } = res.json<{ id: string; key: string }>();
    expect(key).toMatch(/^k-m-[0-9a-f]{6}$/);
    const items = (await call('GET', '/api/assessment/items')).json<
      { id: string; status: string; paramsSource: string; b: number | null; content: object }[]
    >();
    expect(items).toHaveLength(before + 1);
    const created = items.find((i) => i.id === id)!;
    expect(created).toMatchObject({ status: 'active', paramsSource: 'start' });
    expect(created.b).toBeCloseTo(-0.75, 6);
    expect(created.content).toMatchObject({ id: key, basic: 'netbank', correct: 1 });
    // New tests can draw it: it is among the municipality's active items.
    expect((await activeItems(t.ctx.db, m.id)).some((i) => i.key === key)).toBe(true);

    // A right answer that is not among the options, or a missing translation: refused.
    for (const bad of [
      { ...body, correct: 4 },
      { ...body, text: { da: body.text.da } },
      { ...body, type: 'simulation' },
      { ...body, competence: '6.1' },
    ]) {
      const r = await call('POST', '/api/assessment/items', bad);
      expect(r.statusCode, JSON.stringify(bad)).toBe(400);
    }
    expect((await call('GET', '/api/assessment/items')).json<unknown[]>()).toHaveLength(before + 1);
  });

  it('a first new item does not keep the original bank out', async () => {
    const mm = await buildMunicipality(t.ctx.db);
    const a2 = await t.login((await buildUser(t.ctx.db, mm.id, ['admin'])).email);
    const res = await call(
      'POST',
      '/api/assessment/items',
      {
        type: 'self_rating',
        competence: '1.1',
        level: 1,
        text: { da: { statement: 'Jeg kan søge' }, en: { statement: 'I can search' } },
      },
      a2,
    );
    expect(res.statusCode, res.body).toBe(201);
    expect((await activeItems(t.ctx.db, mm.id)).length).toBeGreaterThan(150);
  });

  it('edits texts and level, refuses invalid content without changing anything, and retires items', async () => {
    const items = (await call('GET', '/api/assessment/items')).json<
      {
        id: string;
        key: string;
        content: {
          text: {
            da: { stem: string; options: string[] };
            en: { stem: string; options: string[] };
          };
        };
      }[]
    >();
    const k = items.find((i) => i.key === 'k1-01')!;
    const text = {
      ...k.content.text,
      da: { ...k.content.text.da, stem: 'Hvor søger du efter åbningstider?' },
    };
    const edit = await call('PATCH', `/api/assessment/items/${k.id}`, { text, level: 2 });
    expect(edit.statusCode, edit.body).toBe(200);
    const [row] = await t.ctx.db.select().from(assessmentItems).where(eq(assessmentItems.id, k.id));
    expect(row!.level).toBe(2);
    expect(JSON.stringify(row!.content)).toContain('Hvor søger du efter åbningstider?');

    const broken = await call('PATCH', `/api/assessment/items/${k.id}`, {
      text: { da: { stem: '' }, en: {} },
    });
    expect(broken.statusCode).toBe(400);
    expect(broken.json().error.code).toBe('item_invalid');
    const badCorrect = await call('PATCH', `/api/assessment/items/${k.id}`, { correct: 5 });
    expect(badCorrect.statusCode).toBe(400);
    const [after] = await t.ctx.db
      .select()
      .from(assessmentItems)
      .where(eq(assessmentItems.id, k.id));
    expect(after!.content).toEqual(row!.content);

    expect(
      (await call('PATCH', `/api/assessment/items/${k.id}`, { status: 'retired' })).json().status,
    ).toBe('retired');
    expect((await activeItems(t.ctx.db, m.id)).map((i) => i.key)).not.toContain('k1-01');
    await call('PATCH', `/api/assessment/items/${k.id}`, { status: 'active' });
  });
  it('keeps a practice inbox’s letters when its task is edited, and refuses to drop them', async () => {
    const items = (await call('GET', '/api/assessment/items')).json<
      {
        id: string;
        key: string;
        content: {
          text: Record<'da' | 'en', { task: string; cards: object[]; letters: object[] }>;
        };
      }[]
    >();
    const inbox = items.find((i) => i.key === 's-post-2')!;
    const { da, en } = inbox.content.text;
    expect(da.letters).toHaveLength(4);
    const edited = await call('PATCH', `/api/assessment/items/${inbox.id}`, {
      text: { da: { ...da, task: 'Øvelse: Svar på indkaldelsen.' }, en },
    });
    expect(edited.statusCode, edited.body).toBe(200);
    const [row] = await t.ctx.db
      .select()
      .from(assessmentItems)
      .where(eq(assessmentItems.id, inbox.id));
    expect(JSON.stringify(row!.content)).toContain('Øvelse: Svar på indkaldelsen.');

    const withoutLetters = await call('PATCH', `/api/assessment/items/${inbox.id}`, {
      text: { da: { task: da.task, cards: da.cards }, en: { task: en.task, cards: en.cards } },
    });
    expect(withoutLetters.statusCode).toBe(400);
    expect(withoutLetters.json().error.message).toContain('an inbox needs at least 2 letters');
    const [after] = await t.ctx.db
      .select()
      .from(assessmentItems)
      .where(eq(assessmentItems.id, inbox.id));
    expect(after!.content).toEqual(row!.content);
  });
});

describe('calibration', () => {
  it('needs enough answers', async () => {
    const res = await call('POST', '/api/assessment/calibrations', {});
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('too_few_responses');
  });

  it('estimates parameters from completed tests, for review, and publishes them once', async () => {
    // 800 completed tests that answered the same 8 items, simulated from known parameters.
    const all = await activeItems(t.ctx.db, m.id);
    const items = all.filter((i) => i.entry.type === 'knowledge').slice(0, 8);
    const truth = items.map((_, j) => ({ a: 0.8 + 0.2 * j, d: 1 - 0.3 * j }));
    // And four self-ratings, answered on the four-step scale from known graded parameters.
    const ratings = all.filter((i) => i.entry.type === 'self_rating').slice(0, 4);
    const ratingTruth = ratings.map((_, j) => ({ a: 1 + 0.3 * j, d: [1.5, 0, -1.5 + 0.2 * j] }));
    const rand = mulberry32(4);
    for (let r = 0; r < 800; r++) {
      const theta = normal(rand);
      const [a] = await t.ctx.db
        .insert(assessments)
        .values({
          municipalityId: m.id,
          status: 'completed',
          foundationCut: -1,
          jobGoalCut: 0.5,
          seed: r + 1,
          theta,
        })
        .returning();
      await t.ctx.db.insert(assessmentResponses).values(
        items.map((item, j) => ({
          municipalityId: m.id,
          assessmentId: a!.id,
          itemId: item.id,
          position: j,
          answer: 0,
          score: rand() < p2pl(truth[j]!, theta) ? 1 : 0,
        })),
      );
      await t.ctx.db.insert(assessmentResponses).values(
        ratings.map((item, j) => {
          const probs = categoryProbs({ kind: 'grm', ...ratingTruth[j]! }, theta);
          let u = rand();
          let score = probs.findIndex((p) => (u -= p) <= 0);
          if (score < 0) score = probs.length - 1;
          return {
            municipalityId: m.id,
            assessmentId: a!.id,
            itemId: item.id,
            position: items.length + j,
            answer: score,
            score,
          };
        }),
      );
    }
    const stats = (await call('GET', '/api/assessment/items')).json<
      {
        id: string;
        stats: { responses: number; exposure: number };
      }[]
    >();
    expect(stats.find((s) => s.id === items[0]!.id)!.stats).toMatchObject({
      responses: 800,
      exposure: 1,
    });

    const run = await call('POST', '/api/assessment/calibrations', { minResponses: 30 });
    expect(run.statusCode, run.body).toBe(201);
    const view = run.json();
    expect(view.status).toBe('review');
    expect(view.result.respondents).toBe(800);
    expect(view.result.items).toHaveLength(12);
    view.result.items.forEach(
      (it: { itemId: string; params: { kind: string; a: number; d: number | number[] } }) => {
        const j = items.findIndex((i) => i.id === it.itemId);
        if (j >= 0) {
          expect(it.params.kind).toBe('2pl');
          expect(Math.abs(it.params.a - truth[j]!.a)).toBeLessThan(0.45);
          expect(Math.abs((it.params.d as number) - truth[j]!.d)).toBeLessThan(0.35);
          return;
        }
        const k = ratings.findIndex((i) => i.id === it.itemId);
        expect(it.params.kind).toBe('grm');
        expect(Math.abs(it.params.a - ratingTruth[k]!.a)).toBeLessThan(0.45);
        (it.params.d as number[]).forEach((v, c) =>
          expect(Math.abs(v - ratingTruth[k]!.d[c]!)).toBeLessThan(0.4),
        );
      },
    );
    expect(view.result.selfRatings).toMatchObject({ respondents: 800, converged: true });
    // Every test was in Danish: no language to set against it.
    expect(view.result.dif).toEqual([]);
    // Nothing changes before the admin publishes.
    const [before] = await t.ctx.db
      .select()
      .from(assessmentItems)
      .where(eq(assessmentItems.id, items[0]!.id));
    expect(before!.paramsSource).toBe('start');

    const other = await t.login(
      (await buildUser(t.ctx.db, (await buildMunicipality(t.ctx.db)).id, ['admin'])).email,
    );
    expect(
      (await call('POST', `/api/assessment/calibrations/${view.id}/publish`, undefined, other))
        .statusCode,
    ).toBe(404);

    const published = await call('POST', `/api/assessment/calibrations/${view.id}/publish`);
    expect(published.json().status).toBe('published');
    const [after] = await t.ctx.db
      .select()
      .from(assessmentItems)
      .where(and(eq(assessmentItems.municipalityId, m.id), eq(assessmentItems.id, items[0]!.id)));
    expect(after!.paramsSource).toBe('calibrated');
    expect((after!.model as { a: number }).a).toBeCloseTo(view.result.items[0].new.a, 6);
    const [rating] = await t.ctx.db
      .select()
      .from(assessmentItems)
      .where(eq(assessmentItems.id, ratings[0]!.id));
    expect(rating!.model.kind).toBe('grm');
    expect(rating!.paramsSource).toBe('calibrated');
    expect((await call('POST', `/api/assessment/calibrations/${view.id}/discard`)).statusCode).toBe(
      409,
    );
    expect((await call('GET', '/api/assessment/calibrations')).json()[0].status).toBe('published');
  });
});

describe('fairness across languages', () => {
  it('reports an item harder in English as C, and retires it from English tests only', async () => {
    const m2 = await buildMunicipality(t.ctx.db);
    const admin2 = await t.login((await buildUser(t.ctx.db, m2.id, ['admin'])).email);
    const all = await activeItems(t.ctx.db, m2.id);
    const items = all.filter((i) => i.entry.type === 'knowledge').slice(0, 10);
    const truth = items.map((_, j) => ({
      kind: '2pl' as const,
      a: 1 + 0.1 * j,
      d: 1.2 - 0.25 * j,
    }));
    const planted = 4;
    const rand = mulberry32(21);
    for (const [language, n] of [
      ['da', 900],
      ['en', 500],
    ] as const)
      for (let r = 0; r < n; r++) {
        // English takers are a little less able on average: impact, which matching takes out.
        const theta = normal(rand) - (language === 'en' ? 0.4 : 0);
        const scores = truth.map((p, j) => {
          const d = language === 'en' && j === planted ? p.d - 1.3 : p.d;
          return rand() < p2pl({ a: p.a, d }, theta) ? 1 : 0;
        });
        const [a] = await t.ctx.db
          .insert(assessments)
          .values({
            municipalityId: m2.id,
            status: 'completed',
            language,
            foundationCut: -1,
            jobGoalCut: 0.5,
            seed: r + 1,
            theta: eap(truth, scores).theta,
          })
          .returning();
        await t.ctx.db.insert(assessmentResponses).values(
          items.map((item, j) => ({
            municipalityId: m2.id,
            assessmentId: a!.id,
            itemId: item.id,
            position: j,
            answer: 0,
            score: scores[j]!,
          })),
        );
      }
    const run = await call('POST', '/api/assessment/calibrations', { minResponses: 30 }, admin2);
    expect(run.statusCode, run.body).toBe(201);
    const dif = run.json().result.dif as {
      language: string;
      tests: number;
      referenceTests: number;
      items: { itemId: string; focal: number; etsClass: string | null; deltaDif: number }[];
    }[];
    expect(dif.map((d) => [d.language, d.tests, d.referenceTests])).toEqual([['en', 500, 900]]);
    const byItem = new Map(dif[0]!.items.map((i) => [i.itemId, i]));
    expect(byItem.get(items[planted]!.id)).toMatchObject({ focal: 500, etsClass: 'C' });
    expect(byItem.get(items[planted]!.id)!.deltaDif).toBeLessThan(-1.5);
    expect(dif[0]!.items.filter((i) => i.etsClass === 'C')).toHaveLength(1);
    // The stored run reads back the same.
    const listed = (await call('GET', '/api/assessment/calibrations', undefined, admin2)).json();
    expect(listed[0].result.dif).toEqual(dif);

    // Bad input changes nothing.
    const id = items[planted]!.id;
    const bad = await call(
      'PATCH',
      `/api/assessment/items/${id}`,
      { retiredLanguages: ['xx'] },
      admin2,
    );
    expect(bad.statusCode).toBe(400);
    const retire = await call(
      'PATCH',
      `/api/assessment/items/${id}`,
      { retiredLanguages: ['en'] },
      admin2,
    );
    expect(retire.statusCode, retire.body).toBe(200);
    expect(retire.json()).toMatchObject({ status: 'active', retiredLanguages: ['en'] });
    const bank = (await call('GET', '/api/assessment/items', undefined, admin2)).json<
      { id: string; status: string; retiredLanguages: string[] }[]
    >();
    expect(bank.find((i) => i.id === id)).toMatchObject({
      status: 'active',
      retiredLanguages: ['en'],
    });
    // Another municipality's admin cannot touch it.
    expect(
      (await call('PATCH', `/api/assessment/items/${id}`, { retiredLanguages: [] }, admin))
        .statusCode,
    ).toBe(404);
  });

  it('keeps an item retired in English out of English tests, not Danish ones, and says the language', async () => {
    const m3 = await buildMunicipality(t.ctx.db);
    const admin3 = await t.login((await buildUser(t.ctx.db, m3.id, ['admin'])).email);
    const ementor = await t.login((await buildUser(t.ctx.db, m3.id, ['ementor'])).email);
    const code = await t.app.inject({
      method: 'POST',
      url: '/api/test-codes',
      headers: { cookie: ementor },
      payload: {},
    });
    expect(code.statusCode, code.body).toBe(201);
    const start = await t.app.inject({
      method: 'POST',
      url: '/api/tests/code',
      headers: { cookie: 'dl_lang=en' },
      payload: { code: code.json().code },
    });
    expect(start.statusCode, start.body).toBe(200);
    const token = start.cookies.find((c) => c.name === 'dl_test')!.value;
    const as = (lang: string) => ({ cookie: `dl_test=${token}; dl_lang=${lang}` });
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: '/api/tests/consent',
          headers: as('en'),
          payload: { consent: true },
        })
      ).statusCode,
    ).toBe(200);
    const current = async (lang: string) =>
      (await t.app.inject({ method: 'GET', url: '/api/tests/current', headers: as(lang) })).json();
    const first = await current('en');
    expect(first.language).toBe('en');
    const firstKey = first.step.item.key as string;
    const [row] = await t.ctx.db
      .select()
      .from(assessmentItems)
      .where(and(eq(assessmentItems.municipalityId, m3.id), eq(assessmentItems.key, firstKey)));
    await call('PATCH', `/api/assessment/items/${row!.id}`, { retiredLanguages: ['en'] }, admin3);
    // In English the test moves on to another item; in Danish the item is still there.
    expect((await current('en')).step.item.key).not.toBe(firstKey);
    expect((await current('da')).step.item.key).toBe(firstKey);

    // Answered in English to the end, it never meets the item, and the result says English.
    const seen: string[] = [];
    let view = await current('en');
    while (view.step.kind === 'item') {
      seen.push(view.step.item.key);
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/tests/answer',
        headers: as('en'),
        payload: { itemKey: view.step.item.key, answer: 0 },
      });
      expect(res.statusCode, res.body).toBe(200);
      view = res.json();
    }
    expect(seen).not.toContain(firstKey);
    expect(view.step.kind).toBe('result');
    expect(view.language).toBe('en');
    const codes = (
      await t.app.inject({ method: 'GET', url: '/api/test-codes', headers: { cookie: ementor } })
    ).json<{ id: string }[]>();
    const result = await t.app.inject({
      method: 'GET',
      url: `/api/test-codes/${codes[0]!.id}`,
      headers: { cookie: ementor },
    });
    expect(result.statusCode, result.body).toBe(200);
    expect(result.json()).toMatchObject({ status: 'completed', language: 'en' });
  });
});

describe('the test length in practice', () => {
  it('reports the questions and minutes of the last year’s tests against the promise', async () => {
    const m4 = await buildMunicipality(t.ctx.db);
    const admin4 = await t.login((await buildUser(t.ctx.db, m4.id, ['admin'])).email);
    const ementor = await t.login((await buildUser(t.ctx.db, m4.id, ['ementor'])).email);
    const length = async (cookie = admin4) => {
      const before = new Date(Date.now() - 365 * DAY).toISOString().slice(0, 10);
      const res = await call('GET', '/api/assessment/length', undefined, cookie);
      const after = new Date(Date.now() - 365 * DAY).toISOString().slice(0, 10);
      return { res, before, after };
    };
    expect((await length(ementor)).res.statusCode).toBe(403);

    const empty = await length();
    expect(empty.res.statusCode, empty.res.body).toBe(200);
    expect([empty.before, empty.after]).toContain(empty.res.json().since);
    expect(empty.res.json()).toMatchObject({
      promise: TEST_PROMISE,
      tests: 0,
      questions: null,
      minutes: null,
    });

    // A test taken through the page, each answer with the time it took.
    const code = await t.app.inject({
      method: 'POST',
      url: '/api/test-codes',
      headers: { cookie: ementor },
      payload: {},
    });
    const start = await t.app.inject({
      method: 'POST',
      url: '/api/tests/code',
      payload: { code: code.json().code },
    });
    const cookie = `dl_test=${start.cookies.find((c) => c.name === 'dl_test')!.value}`;
    await t.app.inject({
      method: 'POST',
      url: '/api/tests/consent',
      headers: { cookie },
      payload: { consent: true },
    });
    const seconds = { knowledge: 20, simulation: 60, self_rating: 5 } as const;
    const answered = { knowledge: 0, simulation: 0, self_rating: 0 };
    let view = (
      await t.app.inject({ method: 'GET', url: '/api/tests/current', headers: { cookie } })
    ).json();
    const shown = new Set<string>();
    while (view.step.kind === 'item') {
      const type = view.step.item.type as keyof typeof seconds;
      answered[type]++;
      shown.add(view.step.item.key);
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/tests/answer',
        headers: { cookie },
        payload: { itemKey: view.step.item.key, answer: 0, timeMs: seconds[type] * 1000 },
      });
      expect(res.statusCode, res.body).toBe(200);
      view = res.json();
    }
    expect(view.step.kind).toBe('result');

    // And two written straight in: one gone on past the cap (70 minutes, 50 questions), and one
    // from over a year ago, which the report leaves out.
    const knowledge = (await activeItems(t.ctx.db, m4.id)).filter(
      (i) => i.entry.type === 'knowledge',
    );
    const now = Date.now();
    for (const [daysAgo, minutes, count, continued] of [
      [10, 70, 50, true],
      [400, 5, 12, false],
    ] as const) {
      const completedAt = new Date(now - daysAgo * DAY);
      const [a] = await t.ctx.db
        .insert(assessments)
        .values({
          municipalityId: m4.id,
          status: 'completed',
          foundationCut: -1,
          jobGoalCut: 0.5,
          seed: 1,
          theta: 0,
          stopReason: 'confident',
          startedAt: new Date(completedAt.getTime() - minutes * 60_000),
          completedAt,
          continuedAt: continued ? new Date(completedAt.getTime() - 30 * 60_000) : null,
        })
        .returning();
      await t.ctx.db.insert(assessmentResponses).values(
        knowledge.slice(0, count).map((item, position) => ({
          municipalityId: m4.id,
          assessmentId: a!.id,
          itemId: item.id,
          position,
          answer: 0,
          score: 0,
          timeMs: 100_000,
        })),
      );
    }

    const r = (await length()).res.json();
    const taken = answered.knowledge + answered.simulation;
    expect(r.tests).toBe(2);
    expect(r.questions).toEqual({
      median: Math.min(taken, 50),
      p90: Math.max(taken, 50),
      max: Math.max(taken, 50),
    });
    expect(r.continued).toBe(0.5);
    expect(r.byLanguage).toEqual([
      {
        language: 'da',
        tests: 2,
        questionsMedian: Math.min(taken, 50),
        minutesMedian: r.minutes.median,
        withinPromise: 1,
      },
    ]);
    // Only the test taken as promised counts for the minutes: it took moments, not 70 minutes.
    expect(r.minutes).toMatchObject({ tests: 1, withinPromise: 1 });
    expect(r.minutes.p90).toBeLessThan(1);
    expect(r.histogram[0]).toEqual({ from: 0, to: 5, tests: 1 });
    // Seconds per question: the page's answers and the continued test's 50 (100 s each).
    const byType = Object.fromEntries(
      r.secondsPerQuestion.map((s: { type: string }) => [s.type, s]),
    );
    expect(byType.knowledge).toMatchObject({
      answers: answered.knowledge + 50,
      p90: 100,
      assumed: ASSUMED_SECONDS.knowledge,
    });
    expect(byType.simulation).toMatchObject({
      answers: answered.simulation,
      median: answered.simulation ? 60 : null,
    });

    // Each item's median seconds in the bank's statistics.
    const bank = (await call('GET', '/api/assessment/items', undefined, admin4)).json<
      { key: string; stats: { medianSeconds: number | null } }[]
    >();
    const median = (key: string) => bank.find((i) => i.key === key)!.stats.medianSeconds;
    const onlyWritten = knowledge.slice(0, 50).find((i) => !shown.has(i.key))!;
    expect(median(onlyWritten.key)).toBe(100);
    const onlyPage = [...shown].find((k) => !knowledge.slice(0, 50).some((i) => i.key === k));
    if (onlyPage) expect([20, 60, 5]).toContain(median(onlyPage));
    expect(median(knowledge.slice(50).find((i) => !shown.has(i.key))!.key)).toBeNull();

    // The first municipality's admin sees none of it.
    expect((await call('GET', '/api/assessment/length')).json().continued).toBe(0);
  });
});
