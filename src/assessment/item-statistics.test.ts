// Each item's statistics on the admin's bank, worked out in the database from simulated answers
// whose truth is known: an item answered by its model fits, one answered at random does not.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../platform/db/client';
import { openTestDatabase } from '../platform/testing/test-db';
import { installationUseCase } from '../platform/use-case';
import { mulberry32, normal } from '../platform/random';
import { buildMunicipality } from '../app/testing/factories';
import { p2pl } from './irt';
import { activeItems } from './assessment.store';
import { assessmentResponses, assessments } from './assessment.schema';
import { listItemBank } from './item-bank.use-cases';
import type { ItemAdminView } from './assessment-admin.contract';

let database: Database;
let stats: Record<'good' | 'noise' | 'rating' | 'unseen' | 'timed', ItemAdminView['stats']>;
/** The share right the good item's model expects of the completed tests' citizens. */
let expectedRight = 0;

beforeAll(async () => {
  database = await openTestDatabase();
  const { db } = database;
  const m = await buildMunicipality(db);
  const items = await activeItems(db, m.id);
  const knowledge = items.filter((i) => i.entry.type === 'knowledge');
  // A middling item (b = 0), where outfit is steady; the rest in bank order.
  const good = knowledge.find((i) => i.entry.level === 4);
  const [noise, unseen, timed] = knowledge.filter((i) => i !== good);
  const rating = items.find((i) => i.entry.type === 'self_rating')!;
  if (good!.model.kind !== '2pl') throw new Error('a knowledge item is 2PL');
  const model = good!.model;
  const rand = mulberry32(3);
  const tests: (typeof assessments.$inferInsert)[] = [];
  const answers: (typeof assessmentResponses.$inferInsert)[] = [];
  const answer = (assessmentId: string, itemId: string, position: number, score: number) =>
    answers.push({ municipalityId: m.id, assessmentId, itemId, position, answer: 0, score });
  for (let i = 0; i < 2000; i++) {
    const id = crypto.randomUUID();
    const theta = normal(rand);
    tests.push({
      id,
      municipalityId: m.id,
      status: 'completed',
      foundationCut: -1,
      jobGoalCut: 0.5,
      seed: i,
      theta,
    });
    answer(id, good!.id, 0, rand() < p2pl(model, theta) ? 1 : 0);
    if (i > 0) expectedRight += p2pl(model, theta) / 1999;
    // Answers that ignore ability: the model does not fit them.
    answer(id, noise!.id, 1, rand() < 0.5 ? 1 : 0);
    if (i % 2 === 0) answer(id, rating.id, 2, 2);
  }
  // Three answers with their times and one without; and a test in progress, which counts for
  // nothing.
  tests[0]!.status = 'in_progress';
  for (const [k, ms] of [12_000, 40_000, 20_000, null].entries())
    answers.push({
      municipalityId: m.id,
      assessmentId: tests[k + 1]!.id!,
      itemId: timed!.id,
      position: 3,
      answer: 0,
      score: 1,
      timeMs: ms,
    });
  await db.insert(assessments).values(tests);
  for (let i = 0; i < answers.length; i += 1000)
    await db.insert(assessmentResponses).values(answers.slice(i, i + 1000));

  const bank = await listItemBank(installationUseCase(db, m.id));
  const of = (id: string) => bank.find((b) => b.id === id)!.stats;
  stats = {
    good: of(good!.id),
    noise: of(noise!.id),
    rating: of(rating.id),
    unseen: of(unseen!.id),
    timed: of(timed!.id),
  };
});
afterAll(async () => database.close());

describe('item statistics', () => {
  it('counts responses and exposure over the completed tests', () => {
    expect(stats.good.responses).toBe(1999);
    expect(stats.good.exposure).toBe(1);
    expect(stats.rating.responses).toBe(999);
    expect(stats.rating.exposure).toBeCloseTo(999 / 1999);
    expect(stats.unseen).toMatchObject({ responses: 0, exposure: 0, proportionCorrect: null });
  });

  it('a fitting item has outfit near 1 and a clear correlation with θ', () => {
    expect(Math.abs(stats.good.proportionCorrect! - expectedRight)).toBeLessThan(0.03);
    expect(stats.good.outfit!).toBeGreaterThan(0.85);
    expect(stats.good.outfit!).toBeLessThan(1.15);
    expect(stats.good.itemThetaCorrelation!).toBeGreaterThan(0.4);
  });

  it('a misfitting item shows outfit well above 1 and no correlation', () => {
    expect(stats.noise.outfit!).toBeGreaterThan(1.3);
    expect(Math.abs(stats.noise.itemThetaCorrelation!)).toBeLessThan(0.1);
  });

  it('self-ratings get counts but no right/wrong statistics', () => {
    expect(stats.rating).toMatchObject({
      proportionCorrect: null,
      itemThetaCorrelation: null,
      outfit: null,
    });
  });

  it('gives the median seconds of the answers whose time the page measured', () => {
    expect(stats.timed).toMatchObject({ responses: 4, proportionCorrect: 1, medianSeconds: 20 });
    // All right: no spread to correlate with.
    expect(stats.timed.itemThetaCorrelation).toBeNull();
    expect(stats.good.medianSeconds).toBeNull();
  });
});
