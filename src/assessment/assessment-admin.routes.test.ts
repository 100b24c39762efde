import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../app/testing/test-app';
import { buildMunicipality, buildUser } from '../app/testing/factories';
import { mulberry32, normal } from '../platform/random';
import { categoryProbs, p2pl } from './irt';
import { activeItems } from './assessment.store';
import { assessmentItems, assessmentResponses, assessments } from './assessment.schema';

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
