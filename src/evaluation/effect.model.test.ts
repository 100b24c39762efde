import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { binary, columns, parseTable } from './table';
import { estimateEffect, logit, matchNearest, ols } from './effect.model';

const fixture = (name: string) =>
  parseTable(fs.readFileSync(path.join(import.meta.dirname, 'fixtures', name), 'utf8'));

describe('NSW experiment (Dehejia & Wahba 1999, table 3)', () => {
  const adjust = ['age', 'age2', 'educ', 'nodegree', 'black', 'hisp', 're74', 're75'];
  const c = columns(fixture('nsw_experimental.csv'), ['re78', 'treat', ...adjust]);
  const treat = binary('treat', c.numeric.treat!);

  it('difference in means 1,794.34 (SE 633)', () => {
    const r = estimateEffect(c.numeric.re78!, treat, [], 'difference');
    expect(r.estimate).toBeCloseTo(1794.34, 2);
    expect(r.se).toBeCloseTo(632.85, 1);
    expect(r).toMatchObject({ n_treated: 185, n_control: 260 });
    expect(r.ci95[0]).toBeLessThan(r.estimate);
    expect(r.ci95[1] - r.estimate).toBeCloseTo(r.estimate - r.ci95[0], 6);
  });

  it('regression-adjusted 1,672.20 (SE 638)', () => {
    const r = estimateEffect(
      c.numeric.re78!,
      treat,
      adjust.map((k) => c.numeric[k]!),
      'regression',
    );
    expect(r.estimate).toBeCloseTo(1672.2, 2);
    expect(r.se).toBeCloseTo(638.4, 1);
  });
});

describe('PSID-1 comparison group (non-experimental)', () => {
  const score = [
    'age',
    'age2',
    'educ',
    'educ2',
    'married',
    'black',
    'hisp',
    're74',
    're75',
    're74sq',
    're75sq',
    'u74_black',
  ];
  const c = columns(fixture('dw_psid1.csv'), ['re78', 'treat', ...score]);
  const treat = binary('treat', c.numeric.treat!);

  it('the raw difference is badly biased: −15,205 (SE 1,154)', () => {
    const r = estimateEffect(c.numeric.re78!, treat, [], 'difference');
    expect(r.estimate).toBeCloseTo(-15204.78, 1);
    expect(r.se).toBeCloseTo(1154.6, 0);
  });

  it('propensity-score matching recovers the experiment: ATT 1,690.9', () => {
    const r = estimateEffect(
      c.numeric.re78!,
      treat,
      score.map((k) => c.numeric[k]!),
      'psm-nn',
    );
    expect(r.estimate).toBeCloseTo(1690.94, 1);
    expect(r).toMatchObject({ n_treated: 185, n_control: 2490 });
    expect(r.se).toBeGreaterThan(0);
    expect(r.ci95[0]).toBeLessThan(1690.94);
    expect(r.ci95[1]).toBeGreaterThan(1690.94);
  });
});

describe('building blocks', () => {
  it('OLS recovers an exact line and refuses collinear columns', () => {
    const x = Float64Array.from([1, 2, 3, 4, 5]);
    const y = Float64Array.from(x, (v) => 2 + 3 * v);
    const one = new Float64Array(5).fill(1);
    const fit = ols(y, [one, x]);
    expect(fit.coef[0]).toBeCloseTo(2, 10);
    expect(fit.coef[1]).toBeCloseTo(3, 10);
    expect(() => ols(y, [one, x, Float64Array.from(x, (v) => 2 * v)])).toThrow(/collinear/);
  });

  it('logit coefficients come back on the original scale', () => {
    // P(y = 1) = 1 / (1 + exp(−(−1 + 0.002·x))): a large-scale covariate.
    const n = 4000;
    const x = Float64Array.from({ length: n }, (_, i) => (i % 200) * 10);
    const y = Uint8Array.from(x, (v, i) => {
      const p = 1 / (1 + Math.exp(-(-1 + 0.002 * v)));
      return ((i * 2654435761) % 1000) / 1000 < p ? 1 : 0;
    });
    const fit = logit(y, [x]);
    expect(fit.coef[0]).toBeCloseTo(-1, 0);
    expect(fit.coef[1]).toBeCloseTo(0.002, 3);
  });

  it('matching takes the nearest control, with replacement; equally near → first in input order', () => {
    // Scores in binary fractions, so "equally near" is exact.
    //                                 c0    t1   c2    c3   t4     t5
    const score = Float64Array.from([0.75, 0.5, 0.25, 0.25, 0.875, 0.8125]);
    const treat = Uint8Array.from([0, 1, 0, 0, 1, 1]);
    const m = matchNearest(score, treat);
    // t1 (0.5) is 0.25 from c0 and from c2/c3: c0 comes first in the file.
    expect(Array.from(m.matches)).toEqual([0, 0, 0]);
    expect(m.uses.get(0)).toBe(3);
    // Below and above equally near, the lower one first in the file: c1, not c2 or c3.
    const tie = matchNearest(
      Float64Array.from([0.5, 0.25, 0.75, 0.75]),
      Uint8Array.from([1, 0, 0, 0]),
    );
    expect(tie.matches[0]).toBe(1);
    const later = matchNearest(
      Float64Array.from([0.5, 0.75, 0.25, 0.25]),
      Uint8Array.from([1, 0, 0, 0]),
    );
    expect(later.matches[0]).toBe(1);
    const same = matchNearest(Float64Array.from([0.5, 0.25, 0.25]), Uint8Array.from([1, 0, 0]));
    expect(same.matches[0]).toBe(1);
  });
});
