import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { calibrateGrm } from './calibrate-grm';
import { parseResponseCsv } from './calibrate';
import { categoryProbs } from './irt.model';
import { mulberry32, normal } from '../../platform/random';

const fixtures = path.join(import.meta.dirname, 'fixtures');

describe('calibrateGrm', () => {
  it('with two categories is the 2PL: reproduces mirt on LSAT7', () => {
    const reference = JSON.parse(
      fs.readFileSync(path.join(fixtures, 'lsat7.reference.json'), 'utf8'),
    ) as { a: number[]; d: number[]; logLik: number };
    const data = parseResponseCsv(
      fs.readFileSync(path.join(fixtures, 'lsat7.csv'), 'utf8'),
      'count',
    );
    const fit = calibrateGrm({ ...data, categories: data.itemIds.map(() => 2) });
    expect(fit.converged).toBe(true);
    fit.items.forEach((item, j) => {
      expect(Math.abs(item.a - reference.a[j]!)).toBeLessThanOrEqual(0.005);
      expect(Math.abs(item.d[0]! - reference.d[j]!)).toBeLessThanOrEqual(0.005);
    });
    expect(Math.abs(fit.logLik - reference.logLik)).toBeLessThanOrEqual(0.01);
  });

  it('recovers known four-category items, with missing answers', () => {
    const truth = [
      { a: 1.0, d: [2, 0.5, -1] },
      { a: 1.8, d: [1, 0, -1.5] },
      { a: 0.7, d: [2.5, 1, -0.5] },
      { a: 1.4, d: [0.5, -0.5, -2] },
      { a: 1.1, d: [1.5, -0.2, -2.5] },
      { a: 2.2, d: [3, 1, -1] },
    ];
    const rand = mulberry32(9);
    const patterns: (number | null)[][] = [];
    for (let i = 0; i < 3000; i++) {
      const theta = normal(rand);
      patterns.push(
        truth.map((t) => {
          if (rand() < 0.1) return null;
          let u = rand();
          const p = categoryProbs({ kind: 'grm', a: t.a, d: t.d }, theta);
          for (let c = 0; c < p.length; c++) if ((u -= p[c]!) <= 0) return c;
          return p.length - 1;
        }),
      );
    }
    const fit = calibrateGrm({
      itemIds: truth.map((_, j) => `sr${j}`),
      categories: truth.map(() => 4),
      patterns,
      counts: patterns.map(() => 1),
    });
    expect(fit.converged).toBe(true);
    fit.items.forEach((item, j) => {
      expect(Math.abs(item.a - truth[j]!.a)).toBeLessThan(0.2);
      item.d.forEach((v, c) => expect(Math.abs(v - truth[j]!.d[c]!)).toBeLessThan(0.25));
      expect(item.d[0]!).toBeGreaterThan(item.d[1]!);
      expect(item.d[1]!).toBeGreaterThan(item.d[2]!);
    });
  });

  it('keeps intercepts in order when a category is never used', () => {
    const patterns = [[0], [1], [3], [3], [1], [0], [3]];
    const fit = calibrateGrm({
      itemIds: ['x', 'y'],
      categories: [4, 4],
      patterns: patterns.map((p, i) => [p[0]!, i % 4]),
      counts: patterns.map(() => 5),
    });
    for (const item of fit.items) {
      expect(item.d[0]!).toBeGreaterThan(item.d[1]!);
      expect(item.d[1]!).toBeGreaterThan(item.d[2]!);
    }
  });
});
