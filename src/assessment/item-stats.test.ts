import { describe, expect, it } from 'vitest';
import { mulberry32, normal } from '../platform/random';
import { p2pl, type IrtItem } from './irt';
import { itemStatistics, type ItemAnswer } from './item-stats';

describe('itemStatistics', () => {
  const good: IrtItem = { kind: '2pl', a: 1.5, d: 0 };
  const items = [
    { id: 'good', model: good, scored: true },
    { id: 'noise', model: good, scored: true },
    { id: 'rating', model: { kind: 'grm', a: 1, d: [1, 0, -1] } as IrtItem, scored: false },
    { id: 'unseen', model: good, scored: true },
  ];
  const rand = mulberry32(3);
  const answers: ItemAnswer[] = [];
  for (let i = 0; i < 2000; i++) {
    const theta = normal(rand);
    answers.push({ itemId: 'good', theta, score: rand() < p2pl(good, theta) ? 1 : 0 });
    // Answers that ignore ability: the model does not fit them.
    answers.push({ itemId: 'noise', theta, score: rand() < 0.5 ? 1 : 0 });
    if (i % 2 === 0) answers.push({ itemId: 'rating', theta, score: 2 });
  }
  const stats = Object.fromEntries(itemStatistics(items, answers, 2000).map((s) => [s.itemId, s]));

  it('counts responses and exposure', () => {
    expect(stats.good!.responses).toBe(2000);
    expect(stats.good!.exposure).toBe(1);
    expect(stats.rating!.exposure).toBe(0.5);
    expect(stats.unseen).toMatchObject({ responses: 0, exposure: 0, proportionCorrect: null });
  });

  it('a fitting item has outfit near 1 and a clear correlation with θ', () => {
    expect(stats.good!.proportionCorrect!).toBeGreaterThan(0.4);
    expect(stats.good!.proportionCorrect!).toBeLessThan(0.6);
    expect(stats.good!.outfit!).toBeGreaterThan(0.85);
    expect(stats.good!.outfit!).toBeLessThan(1.15);
    expect(stats.good!.itemThetaCorrelation!).toBeGreaterThan(0.4);
  });

  it('a misfitting item shows outfit well above 1 and no correlation', () => {
    expect(stats.noise!.outfit!).toBeGreaterThan(1.3);
    expect(Math.abs(stats.noise!.itemThetaCorrelation!)).toBeLessThan(0.1);
  });

  it('self-ratings get counts but no right/wrong statistics', () => {
    expect(stats.rating).toMatchObject({ responses: 1000, proportionCorrect: null, outfit: null });
  });

  it('gives the median seconds of the answers whose time the page measured', () => {
    const timed = itemStatistics(
      [
        { id: 'good', model: good, scored: true },
        { id: 'rating', model: items[2]!.model, scored: false },
      ],
      [
        { itemId: 'good', theta: 0, score: 1, ms: 12_000 },
        { itemId: 'good', theta: 0, score: 0, ms: 40_000 },
        { itemId: 'good', theta: 0, score: 1, ms: 20_000 },
        { itemId: 'good', theta: 0, score: 1, ms: null },
        { itemId: 'rating', theta: 0, score: 2, ms: 4_000 },
      ],
      4,
    );
    expect(timed.map((s) => s.medianSeconds)).toEqual([20, 4]);
    expect(stats.good!.medianSeconds).toBeNull();
  });
});
