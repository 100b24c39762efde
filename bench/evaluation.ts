// Evaluation engines at register scale, each in its own process so its peak memory is its own:
// Cox (Efron) on 1,000,000 rows × 10 covariates, Kaplan–Meier on 1,000,000 rows, and
// propensity matching of 100,000 treated among 1,000,000 controls. Synthetic data with known
// true values, so the figures come with a check that the answer is right. The baseline, timed
// in the same process, is one sort of the same number of values (every engine sorts at least
// once).
//
//   npm run bench:evaluation            (BENCH_ROWS=200000 for a quicker run)
import { execFileSync } from 'node:child_process';
import { mulberry32, normal } from '../src/platform/random';
import { coxFit, kaplanMeier } from '../src/evaluation/survival.model';
import { estimateEffect } from '../src/evaluation/effect.model';

const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const TASKS = ['cox', 'km', 'psm'] as const;
type Task = (typeof TASKS)[number];

interface Result {
  task: Task;
  rows: number;
  seconds: number;
  baselineSeconds: number;
  peakMb: number;
  check: string;
}

function timed<T>(work: () => T): [T, number] {
  const t0 = process.hrtime.bigint();
  const out = work();
  return [out, Number(process.hrtime.bigint() - t0) / 1e9];
}

function baseline(n: number, seed: number): number {
  const rand = mulberry32(seed);
  const values = Float64Array.from({ length: n }, () => rand());
  return timed(() => values.sort())[1];
}

/** Exponential times with hazard exp(x·β), censored at a uniform time: β is known. */
function survivalData(n: number, p: number, seed: number) {
  const rand = mulberry32(seed);
  const beta = Array.from({ length: p }, (_, a) => (a % 2 ? -0.3 : 0.4) / (1 + a / 5));
  const x = Array.from({ length: p }, () => new Float64Array(n));
  const stop = new Float64Array(n);
  const event = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    let eta = 0;
    for (let a = 0; a < p; a++) {
      const v = normal(rand);
      x[a]![i] = v;
      eta += beta[a]! * v;
    }
    // Weekly register data: times in whole weeks, so there are many ties (Efron matters).
    const t = Math.ceil((-Math.log(1 - rand()) / (0.02 * Math.exp(eta))) * 1);
    const censor = Math.ceil(rand() * 104);
    stop[i] = Math.min(t, censor);
    event[i] = t <= censor ? 1 : 0;
  }
  return { beta, x, stop, event };
}

function runTask(task: Task): Result {
  const n = ROWS;
  if (task === 'cox') {
    const { beta, x, stop, event } = survivalData(n, 10, 3);
    const [fit, seconds] = timed(() =>
      coxFit({ stop, event }, Object.fromEntries(x.map((c, a) => [`x${a}`, c]))),
    );
    const worst = Math.max(...beta.map((b, a) => Math.abs(fit.coefficients[`x${a}`]!.coef - b)));
    return {
      task,
      rows: n,
      seconds,
      baselineSeconds: baseline(n, 4),
      peakMb: process.resourceUsage().maxRSS / 1024,
      check: `10 coefficients within ${worst.toFixed(4)} of the truth; ${fit.iterations} Newton steps; ${fit.events} events`,
    };
  }
  if (task === 'km') {
    const { stop, event } = survivalData(n, 1, 5);
    const [km, seconds] = timed(() => kaplanMeier({ stop, event }));
    // With β·x marginalised the truth is not closed-form; check the first step by counting.
    const firstEvents = event.reduce((s, e, i) => s + (e && stop[i] === km[0]!.time ? 1 : 0), 0);
    return {
      task,
      rows: n,
      seconds,
      baselineSeconds: baseline(n, 6),
      peakMb: process.resourceUsage().maxRSS / 1024,
      check: `${km.length} event times; first step ${km[0]!.events} events (counted: ${firstEvents})`,
    };
  }
  const treated = Math.round(n / 10);
  const total = n + treated;
  const rand = mulberry32(7);
  const k = 5;
  const cov = Array.from({ length: k }, () => new Float64Array(total));
  const treat = new Uint8Array(total);
  const y = new Float64Array(total);
  const EFFECT = 1500;
  for (let i = 0; i < total; i++) {
    const t = i < treated ? 1 : 0;
    treat[i] = t;
    let base = 0;
    for (let a = 0; a < k; a++) {
      // The treated differ on the covariates: selection on observables.
      const v = normal(rand) + (t ? 0.5 : 0) * (a % 2 ? 1 : -1);
      cov[a]![i] = v;
      base += (a + 1) * 400 * v;
    }
    y[i] = 20000 + base + t * EFFECT + 3000 * normal(rand);
  }
  const [naive] = timed(() => estimateEffect(y, treat, [], 'difference'));
  const [att, seconds] = timed(() => estimateEffect(y, treat, cov, 'psm-nn'));
  return {
    task,
    rows: total,
    seconds,
    baselineSeconds: baseline(total, 8),
    peakMb: process.resourceUsage().maxRSS / 1024,
    check: `true effect ${EFFECT}; matched ${att.estimate.toFixed(0)} (SE ${att.se.toFixed(0)}); raw difference ${naive.estimate.toFixed(0)}`,
  };
}

const arg = process.argv.indexOf('--task');
if (arg > 0) {
  process.stdout.write(JSON.stringify(runTask(process.argv[arg + 1] as Task)) + '\n');
} else {
  const labels: Record<Task, string> = {
    cox: `Cox (Efron), ${ROWS.toLocaleString('en')} rows × 10 covariates`,
    km: `Kaplan–Meier, ${ROWS.toLocaleString('en')} rows`,
    psm: `Propensity matching, ${(ROWS / 10).toLocaleString('en')} treated among ${ROWS.toLocaleString('en')} controls`,
  };
  process.stdout.write(
    `${'engine'.padEnd(66)}${'seconds'.padStart(9)}${'peak MB'.padStart(9)}${'× sort'.padStart(9)}\n`,
  );
  for (const task of TASKS) {
    process.stderr.write(`Running ${labels[task]} …\n`);
    const out = execFileSync(
      process.execPath,
      ['--import', 'tsx', import.meta.filename, '--task', task],
      { env: process.env, maxBuffer: 1 << 20 },
    );
    const r = JSON.parse(out.toString()) as Result;
    process.stdout.write(
      `${labels[task].padEnd(66)}${r.seconds.toFixed(2).padStart(9)}${r.peakMb.toFixed(0).padStart(9)}${(r.seconds / r.baselineSeconds).toFixed(1).padStart(9)}\n    ${r.check}\n`,
    );
  }
  process.stdout.write(
    '\n× sort: the engine’s time divided by one sort of as many numbers, timed in the same process.\n',
  );
}
