import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { binary, columns, parseTable } from './table';
import { concordance, coxFit, kaplanMeier, logRank, type SurvivalData } from './survival.model';

const COVARIATES = ['fin', 'age', 'race', 'wexp', 'mar', 'paro', 'prio'];
const rossi = columns(
  parseTable(fs.readFileSync(path.join(import.meta.dirname, 'fixtures', 'rossi.csv'), 'utf8')),
  ['week', 'arrest', ...COVARIATES],
);
const data: SurvivalData = {
  stop: rossi.numeric.week!,
  event: binary('arrest', rossi.numeric.arrest!),
};
const covariates = Object.fromEntries(COVARIATES.map((k) => [k, rossi.numeric[k]!]));

/** Each person as two rows, (0, w/2] without event and (w/2, w] with their outcome. */
function split(): { d: SurvivalData; cov: Record<string, Float64Array> } {
  const n = data.stop.length;
  const start = new Float64Array(2 * n);
  const stop = new Float64Array(2 * n);
  const event = new Uint8Array(2 * n);
  const cov = Object.fromEntries(COVARIATES.map((k) => [k, new Float64Array(2 * n)]));
  for (let i = 0; i < n; i++) {
    const w = data.stop[i]!;
    start[2 * i] = 0;
    stop[2 * i] = w / 2;
    start[2 * i + 1] = w / 2;
    stop[2 * i + 1] = w;
    event[2 * i + 1] = data.event[i]!;
    for (const k of COVARIATES) {
      cov[k]![2 * i] = covariates[k]![i]!;
      cov[k]![2 * i + 1] = covariates[k]![i]!;
    }
  }
  return { d: { start, stop, event }, cov };
}

describe('Cox model on the Rossi recidivism data (Efron ties)', () => {
  const fit = coxFit(data, covariates);
  const published: Record<string, [number, number]> = {
    fin: [-0.37942, 0.19138],
    age: [-0.05744, 0.022],
    race: [0.3139, 0.30799],
    wexp: [-0.1498, 0.21222],
    mar: [-0.4337, 0.38187],
    paro: [-0.08487, 0.19576],
    prio: [0.0915, 0.02865],
  };

  it.each(Object.entries(published))('%s: coefficient and SE to 4 decimals', (name, [b, se]) => {
    const c = fit.coefficients[name]!;
    expect(Math.abs(c.coef - b)).toBeLessThan(0.00005);
    expect(Math.abs(c.se - se)).toBeLessThan(0.00005);
    expect(c.hr).toBeCloseTo(Math.exp(c.coef), 12);
    expect(c.z).toBeCloseTo(c.coef / c.se, 12);
  });

  it('partial log-likelihood −658.748, LR 33.27 on 7 df, concordance 0.640', () => {
    expect(fit.loglik).toBeCloseTo(-658.748, 3);
    expect(2 * (fit.loglik - fit.loglikNull)).toBeCloseTo(33.27, 2);
    expect(fit.concordance).toBeCloseTo(0.64, 3);
    expect(fit).toMatchObject({ n: 432, events: 114 });
    expect(fit.coefficients.prio!.p).toBeLessThan(0.01);
  });

  it('gives the same fit on counting-process rows (start, stop]', () => {
    const { d, cov } = split();
    const again = coxFit(d, cov);
    for (const k of COVARIATES) {
      expect(again.coefficients[k]!.coef).toBeCloseTo(fit.coefficients[k]!.coef, 8);
      expect(again.coefficients[k]!.se).toBeCloseTo(fit.coefficients[k]!.se, 8);
    }
    expect(again.loglik).toBeCloseTo(fit.loglik, 8);
    expect(again.concordance).toBeCloseTo(fit.concordance, 10);
  });
});

describe('Kaplan–Meier and log-rank', () => {
  it('steps down at each event time with the risk set and a band around it', () => {
    const km = kaplanMeier(data);
    expect(km[0]).toMatchObject({ time: 1, n_risk: 432, events: 1 });
    expect(km[0]!.survival).toBeCloseTo(431 / 432, 12);
    // Nobody is censored before week 52 in this study.
    const last = km.at(-1)!;
    expect(last).toMatchObject({ time: 52, n_risk: 322, events: 4 });
    expect(last.survival).toBeCloseTo(318 / 432, 12);
    for (const r of km) {
      expect(r.ci95[0]).toBeLessThanOrEqual(r.survival);
      expect(r.ci95[1]).toBeGreaterThanOrEqual(r.survival);
    }
  });

  it('handles censoring and delayed entry by hand', () => {
    // Times: 1 (event), 2 (censored), 3 (event), and one row entering at 2.5, leaving at 4.
    const d: SurvivalData = {
      start: Float64Array.from([0, 0, 0, 2.5]),
      stop: Float64Array.from([1, 2, 3, 4]),
      event: Uint8Array.from([1, 0, 1, 1]),
    };
    const km = kaplanMeier(d);
    expect(km.map((r) => [r.time, r.n_risk, r.events])).toEqual([
      [1, 3, 1],
      [3, 2, 1],
      [4, 1, 1],
    ]);
    const s = km.map((r) => r.survival);
    expect(s[0]).toBeCloseTo(2 / 3, 12);
    expect(s[1]).toBeCloseTo(1 / 3, 12);
    expect(s[2]).toBe(0);
    expect(km[2]!.ci95).toEqual([0, 0]);
  });

  it('log-rank for financial aid: χ² 3.84 on 1 df, p 0.050', () => {
    const lr = logRank(data, Int32Array.from(covariates.fin!), 2);
    expect(lr.chi2).toBeCloseTo(3.8376, 3);
    expect(lr.df).toBe(1);
    expect(lr.p).toBeCloseTo(0.0501, 3);
  });

  it('log-rank with three groups has 2 df and is near zero for a random split', () => {
    const g = Int32Array.from(data.stop, (_, i) => i % 3);
    const lr = logRank(data, g, 3);
    expect(lr.df).toBe(2);
    expect(lr.p).toBeGreaterThan(0.01);
  });
});

describe('concordance', () => {
  it('is 1 when the higher score always has the event first, 0.5 for a constant score', () => {
    const d: SurvivalData = {
      stop: Float64Array.from([1, 2, 3, 4]),
      event: Uint8Array.from([1, 1, 1, 0]),
    };
    expect(concordance(d, Float64Array.from([4, 3, 2, 1]))).toBe(1);
    expect(concordance(d, Float64Array.from([1, 2, 3, 4]))).toBe(0);
    expect(concordance(d, new Float64Array(4))).toBe(0.5);
  });

  it('counts a row censored at an event time as still at risk, and never pairs tied events', () => {
    const d: SurvivalData = {
      stop: Float64Array.from([2, 2, 2]),
      event: Uint8Array.from([1, 1, 0]),
    };
    // Two pairs: each event against the censored row; the events do not pair with each other.
    expect(concordance(d, Float64Array.from([2, 0, 1]))).toBe(0.5);
  });
});
