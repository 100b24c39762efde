import { describe, expect, it } from 'vitest';
import {
  categoryProbs,
  information,
  normalQuadrature,
  responseLogLik,
  type IrtItem,
} from './irt.model';
import { eap, map } from './score';

const grm: IrtItem = { kind: 'grm', a: 1.4, d: [2, 0.5, -1.2] };
const twoPl: IrtItem = { kind: '2pl', a: 1.2, d: -0.4 };

describe('category probabilities', () => {
  it.each([-3, -1, 0, 0.7, 2.5])('sum to 1 at θ = %d', (theta) => {
    for (const item of [grm, twoPl]) {
      expect(categoryProbs(item, theta).reduce((s, p) => s + p, 0)).toBeCloseTo(1, 10);
    }
  });
  it('higher θ makes higher categories likelier (GRM)', () => {
    expect(categoryProbs(grm, 2)[3]!).toBeGreaterThan(categoryProbs(grm, -2)[3]!);
    expect(categoryProbs(grm, -2)[0]!).toBeGreaterThan(categoryProbs(grm, 2)[0]!);
  });
});

describe('information equals the expected squared score', () => {
  it.each([-2, 0, 1.3])('at θ = %d', (theta) => {
    for (const item of [grm, twoPl]) {
      const probs = categoryProbs(item, theta);
      const expected = probs.reduce((s, p, k) => s + p * responseLogLik(item, k, theta).d1 ** 2, 0);
      expect(information(item, theta)).toBeCloseTo(expected, 8);
    }
  });
  it('derivatives of the log-likelihood agree with finite differences', () => {
    const h = 1e-5;
    for (const item of [grm, twoPl]) {
      for (let x = 0; x < (item.kind === 'grm' ? 4 : 2); x++) {
        const r = responseLogLik(item, x, 0.3);
        const up = responseLogLik(item, x, 0.3 + h);
        const down = responseLogLik(item, x, 0.3 - h);
        expect(r.d1).toBeCloseTo((up.l - down.l) / (2 * h), 5);
        expect(r.d2).toBeCloseTo((up.d1 - down.d1) / (2 * h), 5);
      }
    }
  });
});

describe('EAP and MAP', () => {
  const items: IrtItem[] = [
    { kind: '2pl', a: 1, d: 1 },
    { kind: '2pl', a: 1.5, d: 0 },
    { kind: '2pl', a: 0.8, d: -1 },
    grm,
  ];

  it('with no answers, return the prior', () => {
    const s = eap(items, [null, null, null, null]);
    expect(s.theta).toBeCloseTo(0, 6);
    expect(s.se).toBeCloseTo(1, 3);
    expect(map(items, [null, null, null, null])).toEqual({ theta: 0, se: 1 });
  });

  it('EAP agrees with a fine numerical integral', () => {
    const responses = [1, 0, 1, 2];
    const fine = normalQuadrature(4001, -8, 8);
    const coarse = eap(items, responses);
    const exact = eap(items, responses, fine);
    expect(coarse.theta).toBeCloseTo(exact.theta, 4);
    expect(coarse.se).toBeCloseTo(exact.se, 4);
  });

  it('MAP sits where the log posterior is flat, with SE from its curvature', () => {
    const responses = [1, 1, 0, 3];
    const s = map(items, responses);
    const logPost = (t: number) =>
      -0.5 * t * t + items.reduce((acc, it, j) => acc + responseLogLik(it, responses[j]!, t).l, 0);
    const h = 1e-4;
    expect((logPost(s.theta + h) - logPost(s.theta - h)) / (2 * h)).toBeCloseTo(0, 5);
    const curvature =
      (logPost(s.theta + h) - 2 * logPost(s.theta) + logPost(s.theta - h)) / (h * h);
    expect(s.se).toBeCloseTo(1 / Math.sqrt(-curvature), 3);
  });

  it('more right answers give a higher estimate', () => {
    expect(eap(items, [1, 1, 1, 3]).theta).toBeGreaterThan(eap(items, [1, 0, 0, 1]).theta);
    expect(map(items, [1, 1, 1, 3]).theta).toBeGreaterThan(map(items, [1, 0, 0, 1]).theta);
  });
});
