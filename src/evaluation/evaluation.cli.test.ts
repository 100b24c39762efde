import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../platform/testing/cli';

const FIX = path.join(import.meta.dirname, 'fixtures');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'digiloft-evaluate-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const cli = (...args: string[]) => runCli(args);

const json = <T>(s: string) => JSON.parse(s) as T;
interface Effect {
  estimate: number;
  se: number;
  ci95: [number, number];
  n_treated: number;
  n_control: number;
}

describe('bin/digiloft evaluate effect', () => {
  const nsw = path.join(FIX, 'nsw_experimental.csv');

  it('reproduces the NSW experiment: difference 1794.34, adjusted 1672.20', async () => {
    const diff = await cli(
      'evaluate',
      'effect',
      '--input',
      nsw,
      '--treatment',
      'treat',
      '--outcome',
      're78',
      '--method',
      'difference',
      '--json',
    );
    expect(diff.code, diff.stderr).toBe(0);
    const d = json<Effect>(diff.stdout);
    expect(Object.keys(d)).toEqual(['estimate', 'se', 'ci95', 'n_treated', 'n_control']);
    expect(d.estimate).toBeCloseTo(1794.34, 2);
    expect(d.se).toBeCloseTo(632.85, 1);
    expect(d).toMatchObject({ n_treated: 185, n_control: 260 });

    const adj = await cli(
      'evaluate',
      'effect',
      '--input',
      nsw,
      '--treatment',
      'treat',
      '--outcome',
      're78',
      '--covariates',
      'age,age2,educ,nodegree,black,hisp,re74,re75',
      '--method',
      'regression',
      '--json',
    );
    const a = json<Effect>(adj.stdout);
    expect(a.estimate).toBeCloseTo(1672.2, 2);
    expect(a.se).toBeCloseTo(638.4, 1);
  });

  it('reproduces the PSID-1 propensity matching: ATT 1690.9', async () => {
    const res = await cli(
      'evaluate',
      'effect',
      '--input',
      path.join(FIX, 'dw_psid1.csv'),
      '--treatment',
      'treat',
      '--outcome',
      're78',
      '--method',
      'psm-nn',
      '--json',
      '--covariates',
      'age,age2,educ,educ2,married,black,hisp,re74,re75,re74sq,re75sq,u74_black',
    );
    expect(res.code, res.stderr).toBe(0);
    expect(json<Effect>(res.stdout).estimate).toBeCloseTo(1690.94, 1);
  });

  it('refuses bad input with a clear message and exit code 2', async () => {
    const base = ['evaluate', 'effect', '--input', nsw, '--outcome', 're78'];
    const cases: [string[], RegExp][] = [
      [[...base, '--treatment', 'treat', '--method', 'magic'], /Unknown method "magic"/],
      [[...base, '--treatment', 'nope', '--method', 'difference'], /No column named "nope"/],
      [[...base, '--treatment', 'age', '--method', 'difference'], /must hold 0 or 1/],
      [[...base, '--treatment', 'treat', '--method', 'psm-nn'], /needs --covariates/],
      [
        [
          'evaluate',
          'effect',
          '--input',
          '/no/such.csv',
          '--treatment',
          't',
          '--outcome',
          'y',
          '--method',
          'difference',
        ],
        /Cannot read/,
      ],
    ];
    for (const [args, message] of cases) {
      const res = await cli(...args);
      expect(res.code, args.join(' ')).toBe(2);
      expect(res.stderr).toMatch(message);
    }
    const text = path.join(tmp, 'text.csv');
    fs.writeFileSync(text, 'treat,y\n1,3\n0,abc\n');
    const res = await cli(
      'evaluate',
      'effect',
      '--input',
      text,
      '--treatment',
      'treat',
      '--outcome',
      'y',
      '--method',
      'difference',
    );
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('Line 3, column "y": "abc" is not a number.');
  });
});

describe('bin/digiloft evaluate survival', () => {
  const rossi = path.join(FIX, 'rossi.csv');

  it('reproduces the Rossi Cox model, with Kaplan–Meier per group, log-rank and a plot', async () => {
    const plot = path.join(tmp, 'km.svg');
    const res = await cli(
      'evaluate',
      'survival',
      '--input',
      rossi,
      '--time',
      'week',
      '--event',
      'arrest',
      '--group',
      'fin',
      '--covariates',
      'fin,age,race,wexp,mar,paro,prio',
      '--json',
      '--plot',
      plot,
    );
    expect(res.code, res.stderr).toBe(0);
    const out = json<{
      km: Record<
        string,
        { time: number; n_risk: number; events: number; survival: number; ci95: number[] }[]
      >;
      logrank: { chi2: number; df: number; p: number };
      cox: {
        coefficients: Record<
          string,
          { coef: number; se: number; hr: number; z: number; p: number }
        >;
        loglik: number;
        concordance: number;
      };
    }>(res.stdout);
    expect(Object.keys(out.km)).toEqual(['0', '1']);
    expect(out.km['0']![0]).toMatchObject({ time: 1, n_risk: 216, events: 1 });
    expect(out.logrank.df).toBe(1);
    expect(out.logrank.chi2).toBeCloseTo(3.838, 2);
    expect(out.cox.coefficients.fin!.coef).toBeCloseTo(-0.37942, 4);
    expect(out.cox.coefficients.fin!.se).toBeCloseTo(0.19138, 4);
    expect(out.cox.coefficients.prio!.coef).toBeCloseTo(0.0915, 4);
    expect(out.cox.loglik).toBeCloseTo(-658.748, 3);
    expect(out.cox.concordance).toBeCloseTo(0.64, 3);
    const svg = fs.readFileSync(plot, 'utf8');
    expect(svg).toMatch(/^<svg/);
    expect(svg).toContain('<title>Kaplan–Meier: arrest</title>');
  });

  it('takes counting-process rows with --start and gives the same Cox fit', async () => {
    const lines = fs.readFileSync(rossi, 'utf8').trim().split('\n');
    const header = lines[0]!.split(',');
    const wk = header.indexOf('week');
    const ev = header.indexOf('arrest');
    const split = ['start,' + lines[0]];
    for (const line of lines.slice(1)) {
      const cells = line.split(',');
      const w = Number(cells[wk]);
      split.push(`0,${cells.map((c, i) => (i === wk ? w / 2 : i === ev ? 0 : c)).join(',')}`);
      split.push(`${w / 2},${line}`);
    }
    const file = path.join(tmp, 'rossi-split.csv');
    fs.writeFileSync(file, split.join('\n') + '\n');
    const res = await cli(
      'evaluate',
      'survival',
      '--input',
      file,
      '--start',
      'start',
      '--time',
      'week',
      '--event',
      'arrest',
      '--covariates',
      'fin,age,race,wexp,mar,paro,prio',
      '--json',
    );
    expect(res.code, res.stderr).toBe(0);
    const out = json<{ cox: { coefficients: Record<string, { coef: number }>; loglik: number } }>(
      res.stdout,
    );
    expect(out.cox.coefficients.fin!.coef).toBeCloseTo(-0.37942, 4);
    expect(out.cox.loglik).toBeCloseTo(-658.748, 3);
  });

  it('refuses a start after the stop, and a non-0/1 event', async () => {
    const file = path.join(tmp, 'bad.csv');
    fs.writeFileSync(file, 'start,stop,event\n0,5,1\n6,4,0\n');
    const res = await cli(
      'evaluate',
      'survival',
      '--input',
      file,
      '--start',
      'start',
      '--time',
      'stop',
      '--event',
      'event',
    );
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('the start must come before the stop');
    const ev = await cli(
      'evaluate',
      'survival',
      '--input',
      file,
      '--time',
      'stop',
      '--event',
      'start',
    );
    expect(ev.code).toBe(2);
    expect(ev.stderr).toContain('must hold 0 or 1');
  });
});

describe('bin/digiloft evaluate power, boundaries, effect --method iv, adjust', () => {
  it('reproduces power.prop.test: 76.7 per arm (so 77) and power 0.7402 with 50', async () => {
    const n = await cli(
      'evaluate',
      'power',
      '--p1',
      '0.50',
      '--p2',
      '0.75',
      '--power',
      '0.9',
      '--json',
    );
    expect(n.code, n.stderr).toBe(0);
    expect(json<{ n_per_arm: number }>(n.stdout)).toEqual({ n_per_arm: 77 });
    const p = await cli('evaluate', 'power', '--p1', '0.5', '--p2', '0.75', '--n', '50', '--json');
    expect(json<{ power: number }>(p.stdout).power).toBeCloseTo(0.7402, 4);
    const text = await cli('evaluate', 'power', '--p1', '0.30', '--p2', '0.40');
    expect(text.stdout).toMatch(/^356 per arm \(355\.\d\d before rounding up\), 712 in all/);
    for (const bad of [
      ['--p1', '1.2', '--p2', '0.4'],
      ['--p1', '0.3', '--p2', '0.3'],
      ['--p1', 'x', '--p2', '0.4'],
      ['--p1', '0.3', '--p2', '0.4', '--n', '50', '--power', '0.8'],
    ]) {
      const res = await cli('evaluate', 'power', ...bad, '--json');
      expect(res.code, bad.join(' ')).toBe(2);
      expect(res.stdout).toBe('');
    }
  });

  it('reproduces the five-look O’Brien–Fleming-type boundaries 4.8769 … 2.0310', async () => {
    const res = await cli(
      'evaluate',
      'boundaries',
      '--looks',
      '0.2,0.4,0.6,0.8,1',
      '--alpha',
      '0.025',
      '--json',
    );
    expect(res.code, res.stderr).toBe(0);
    const b = json<{ z: number[]; alpha_spent: number[] }>(res.stdout);
    [4.8769, 3.357, 2.6803, 2.2898, 2.031].forEach((z, k) => expect(b.z[k]).toBeCloseTo(z, 4));
    expect(b.alpha_spent.at(-1)).toBeCloseTo(0.025, 10);
    const pocock = json<{ z: number[] }>(
      (await cli('evaluate', 'boundaries', '--looks', '0.5,1', '--spending', 'pocock', '--json'))
        .stdout,
    );
    // Pocock-type boundaries are nearly flat, and below O'Brien–Fleming's at the first look.
    expect(Math.abs(pocock.z[0]! - pocock.z[1]!)).toBeLessThan(0.05);
    expect(pocock.z[0]).toBeLessThan(b.z[0]!);
    for (const bad of [['0.5,0.4'], ['0,1'], ['0.5,1.2'], ['a']]) {
      const r = await cli('evaluate', 'boundaries', '--looks', ...bad, '--json');
      expect(r.code, bad[0]).toBe(2);
    }
    expect((await cli('evaluate', 'boundaries', '--looks', '1', '--spending', 'linear')).code).toBe(
      2,
    );
  });

  it('reproduces Stock & Watson’s cigarette 2SLS, with one and with two instruments', async () => {
    const text = fs.readFileSync(path.join(FIX, 'cigarettes_sw_1995.csv'), 'utf8');
    const [head, ...lines] = text.trim().split('\n');
    const idx = (name: string) => head!.split(',').indexOf(`"${name}"`);
    const rows = lines.map((l) => l.split(',').map((v) => Number(v)));
    const file = path.join(tmp, 'cig.csv');
    fs.writeFileSync(
      file,
      [
        'lpacks,lrprice,salestax,cigtax,lincome',
        ...rows.map((r) => {
          const cpi = r[idx('cpi')]!;
          return [
            Math.log(r[idx('packs')]!),
            Math.log(r[idx('price')]! / cpi),
            (r[idx('taxs')]! - r[idx('tax')]!) / cpi,
            r[idx('tax')]! / cpi,
            Math.log(r[idx('income')]! / r[idx('population')]! / cpi),
          ].join(',');
        }),
      ].join('\n'),
    );
    const iv = (...extra: string[]) =>
      cli(
        'evaluate',
        'effect',
        '--input',
        file,
        '--treatment',
        'lrprice',
        '--outcome',
        'lpacks',
        '--method',
        'iv',
        ...extra,
        '--json',
      );
    const one = await iv('--instrument', 'salestax');
    expect(one.code, one.stderr).toBe(0);
    const e1 = json<Effect & { n: number }>(one.stdout);
    expect(e1.estimate).toBeCloseTo(-1.0836, 4);
    expect(e1.se).toBeCloseTo(0.3166, 4);
    expect(e1.n).toBe(48);
    const two = json<Effect>(
      (await iv('--instrument', 'salestax,cigtax', '--covariates', 'lincome')).stdout,
    );
    expect(two.estimate).toBeCloseTo(-1.2774, 4);
    expect(two.se).toBeCloseTo(0.2632, 4);
    expect((await iv()).code).toBe(2);
    const notIv = await cli(
      'evaluate',
      'effect',
      '--input',
      file,
      '--treatment',
      'lrprice',
      '--outcome',
      'lpacks',
      '--method',
      'regression',
      '--instrument',
      'salestax',
    );
    expect(notIv.code).toBe(2);
  });

  it('adjusts p-values by Benjamini–Hochberg as R p.adjust', async () => {
    const res = await cli(
      'evaluate',
      'adjust',
      '--p',
      '0.01,0.04,0.03,0.2',
      '--method',
      'bh',
      '--json',
    );
    expect(res.code, res.stderr).toBe(0);
    const a = json<{ adjusted: number[] }>(res.stdout).adjusted;
    [0.04, 0.053333, 0.053333, 0.2].forEach((v, i) => expect(a[i]).toBeCloseTo(v, 5));
    expect((await cli('evaluate', 'adjust', '--p', '0.2,1.5')).code).toBe(2);
    expect((await cli('evaluate', 'adjust', '--p', '0.2', '--method', 'holm')).code).toBe(2);
  });
});
