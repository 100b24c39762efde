import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { calibrate2pl, parseResponseCsv } from './calibrate';
import { mulberry32, normal } from '../../platform/random';

// LSAT section 7 with R mirt's published 2PL estimates (copied from shared/reference/irt).
const fixtures = path.join(import.meta.dirname, 'fixtures');
const reference = JSON.parse(
  fs.readFileSync(path.join(fixtures, 'lsat7.reference.json'), 'utf8'),
) as {
  a: number[];
  d: number[];
  logLik: number;
};

describe('calibrate2pl on LSAT7', () => {
  const data = parseResponseCsv(fs.readFileSync(path.join(fixtures, 'lsat7.csv'), 'utf8'), 'count');
  const result = calibrate2pl(data);

  it('reads 1,000 examinees in 32 patterns over 5 items', () => {
    expect(data.itemIds).toEqual(['item1', 'item2', 'item3', 'item4', 'item5']);
    expect(data.counts.reduce((s, n) => s + n, 0)).toBe(1000);
  });

  it('converges', () => {
    expect(result.converged).toBe(true);
  });

  it.each([0, 1, 2, 3, 4])('item %i matches mirt within ±0.005', (j) => {
    expect(Math.abs(result.items[j]!.a - reference.a[j]!)).toBeLessThanOrEqual(0.005);
    expect(Math.abs(result.items[j]!.d - reference.d[j]!)).toBeLessThanOrEqual(0.005);
    expect(result.items[j]!.b).toBeCloseTo(-reference.d[j]! / reference.a[j]!, 1);
  });

  it('matches mirt’s log-likelihood within ±0.01', () => {
    expect(Math.abs(result.logLik - reference.logLik)).toBeLessThanOrEqual(0.01);
  });
});

describe('calibrate2pl on simulated data', () => {
  it('recovers known parameters, with missing answers', () => {
    const rand = mulberry32(7);
    const truth = [
      { a: 0.8, d: 1.0 },
      { a: 1.5, d: 0.0 },
      { a: 1.2, d: -1.0 },
      { a: 2.0, d: 0.5 },
      { a: 0.6, d: -0.5 },
      { a: 1.0, d: 2.0 },
    ];
    const patterns: (0 | 1 | null)[][] = [];
    for (let i = 0; i < 4000; i++) {
      const theta = normal(rand);
      patterns.push(
        truth.map((t) =>
          rand() < 0.1 ? null : rand() < 1 / (1 + Math.exp(-(t.a * theta + t.d))) ? 1 : 0,
        ),
      );
    }
    const fit = calibrate2pl({
      itemIds: truth.map((_, i) => `i${i}`),
      patterns,
      counts: patterns.map(() => 1),
    });
    fit.items.forEach((it, j) => {
      expect(Math.abs(it.a - truth[j]!.a)).toBeLessThan(0.25);
      expect(Math.abs(it.d - truth[j]!.d)).toBeLessThan(0.2);
    });
  });
});

describe('parseResponseCsv', () => {
  it('rejects values other than 0, 1 or blank with the row and column', () => {
    expect(() => parseResponseCsv('a,b\n1,2\n')).toThrow(/Row 2, column "b"/);
  });
  it('rejects an unknown count column', () => {
    expect(() => parseResponseCsv('a,b\n1,0\n', 'n')).toThrow(/No column named "n"/);
  });
});
