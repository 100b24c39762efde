// Assessment benchmark: the adaptive test against the full bank in simulation, and the speed of
// one adaptive step (next-item selection plus ability update) on a 1,000-item bank, with a
// naive implementation measured in the same run as the baseline.
//
//   npm run bench:assessment
import { ITEM_BANK, catBank } from '../src/assessment/bank';
import {
  AREAS,
  CONTINUED_CAT,
  DEFAULT_CAT,
  posterior,
  predictDecision,
  remainingInformation,
  selectNext,
  simulate,
  startState,
  update,
  type BankItem,
  type CatState,
} from '../src/assessment/cat';
import { eap, information } from '../src/assessment/irt';
import { DEFAULT_CUTS } from '../src/assessment/triage';
import { TEST_PROMISE } from '../src/assessment/assessment.constants';
import { mulberry32, normal } from '../src/platform/random';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { execFileSync } from 'node:child_process';

/** Gzipped bytes of the JavaScript an HTML page of the build loads (entry and preloads). */
function pageJsGzip(html: string): number {
  const root = path.resolve(import.meta.dirname, '../dist/web');
  const page = fs.readFileSync(path.join(root, html), 'utf8');
  const files = [...page.matchAll(/(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
  return files.reduce(
    (sum, f) => sum + zlib.gzipSync(fs.readFileSync(path.join(root, f)), { level: 9 }).length,
    0,
  );
}

const RESPONDENTS = Number(process.env.BENCH_RESPONDENTS ?? 3000);

process.stderr.write(
  `Simulating ${RESPONDENTS} citizens through the adaptive test and the full bank …\n`,
);
// Minutes for a citizen who reads slowly, assumed until the pilots' answer times
// (assessment_responses.time_ms) can replace them: a question 35 s, a practice task 70 s, and
// the start, consent and the five self-ratings on the basics 2.5 min.
const TYPE_OF = new Map(ITEM_BANK.map((e) => [e.id, e.type]));
const SECONDS = {
  item: (id: string) => (TYPE_OF.get(id) === 'simulation' ? 70 : 35),
  fixed: 150,
};
const minutesOpts = { seconds: SECONDS, promisedMinutes: TEST_PROMISE.minutes };
// The test as it runs (stopping at the cap), and the same citizens had every undecided one gone
// on past it (CONTINUED_CAT): what the engine and the bank reach.
const sim = simulate(catBank(), DEFAULT_CUTS, {
  respondents: RESPONDENTS,
  seed: 11,
  ...minutesOpts,
});
const continued = simulate(catBank(), DEFAULT_CUTS, {
  respondents: RESPONDENTS,
  seed: 11,
  settings: CONTINUED_CAT,
  ...minutesOpts,
});

// A 1,000-item bank for timing.
const rand = mulberry32(5);
const big: BankItem[] = Array.from({ length: 1000 }, (_, i) => {
  const a = 0.8 + rand() * 1.6;
  const b = -2.5 + rand() * 5;
  return { id: `t${i}`, area: AREAS[i % 5]!, model: { kind: '2pl', a, d: -a * b }, scored: true };
});

function median(xs: number[]) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}
function p95(xs: number[]) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length * 0.95)]!;
}

/** Our step: incremental posterior, stopping rule, partial top-k selection with content balancing. */
function timeEngine(tests: number, length: number) {
  const times: number[] = [];
  const r = mulberry32(1);
  for (let t = 0; t < tests; t++) {
    const theta = normal(r);
    let state: CatState = startState();
    for (let i = 0; i < length; i++) {
      const t0 = performance.now();
      const p = posterior(state, DEFAULT_CUTS);
      predictDecision(p, remainingInformation(big, state, p.theta), DEFAULT_CUTS);
      const item = selectNext(big, state, p.theta, DEFAULT_CAT, r)!;
      const m = item.model as { a: number; d: number };
      state = update(state, item, r() < 1 / (1 + Math.exp(-(m.a * theta + m.d))) ? 1 : 0);
      times.push(performance.now() - t0);
    }
  }
  return times;
}

/** Baseline: re-estimate θ from all answers and sort the whole bank by information each step. */
function timeNaive(tests: number, length: number) {
  const times: number[] = [];
  const r = mulberry32(1);
  for (let t = 0; t < tests; t++) {
    const theta = normal(r);
    const used = new Set<string>();
    const items: BankItem[] = [];
    const answers: number[] = [];
    for (let i = 0; i < length; i++) {
      const t0 = performance.now();
      const est = eap(
        items.map((x) => x.model),
        answers,
      ).theta;
      const ranked = big
        .filter((x) => !used.has(x.id))
        .map((x) => ({ x, info: information(x.model, est) }))
        .sort((a, b) => b.info - a.info);
      const item = ranked[0]!.x;
      used.add(item.id);
      items.push(item);
      const m = item.model as { a: number; d: number };
      answers.push(r() < 1 / (1 + Math.exp(-(m.a * theta + m.d))) ? 1 : 0);
      times.push(performance.now() - t0);
    }
  }
  return times;
}

process.stderr.write('Building the web client …\n');
execFileSync(
  process.execPath,
  [path.resolve(import.meta.dirname, '../scripts/ensure-web-build.mjs')],
  { stdio: 'inherit' },
);
const testJs = pageJsGzip('test.html');
const appJs = pageJsGzip('index.html');

process.stderr.write('Timing adaptive steps on a 1,000-item bank …\n');
timeEngine(20, 30); // warm-up
const ours = timeEngine(200, 30);
const naive = timeNaive(200, 30);

const row = (label: string, v: string) => process.stdout.write(`${label.padEnd(58)} ${v}\n`);
const ratio = continued.mean_items / continued.fixed_form_items;
const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
row('simulated citizens / scored items in bank', `${sim.respondents} / ${sim.bank_items}`);
row(
  `adaptive test (cap ${DEFAULT_CAT.maxItems}): mean / median / 90th percentile items`,
  `${sim.mean_items.toFixed(1)} / ${sim.median_items} / ${sim.p90_items}${sim.p90_items <= 40 ? '' : '  MISSED'}`,
);
row('tests stopped undecided at the cap (result says so)', pct(sim.stopped_at_cap));
row(
  'agreement with the full bank, all tests (target ≥ 95 %)',
  `${pct(sim.agreement)}${sim.agreement >= 0.95 ? '' : '  MISSED'}`,
);
row('agreement of the results shown as decided', pct(sim.confident_agreement));
row(
  'agreement if the undecided go on (once, to 100 items)',
  `${pct(continued.agreement)}; their items: p90 ${continued.p90_items}`,
);
row(
  'minutes for a slow reader: median / 90th percentile',
  `${sim.median_minutes!.toFixed(1)} / ${sim.p90_minutes!.toFixed(1)}`,
);
row(
  `share done within the promised ${TEST_PROMISE.minutes} minutes (target ≥ 90 %)`,
  `${pct(sim.within_promised_minutes!)}${sim.within_promised_minutes! >= 0.9 ? '' : '  MISSED'}`,
);
row('share done within 15 minutes (the old promise)', pct(sim.within_15_minutes!));
row('fixed form items for the agreement of the uncapped test', String(continued.fixed_form_items));
row(
  'uncapped adaptive / fixed form (target ≤ 0.40)',
  `${ratio.toFixed(2)}${ratio <= 0.4 ? '' : '  MISSED'}`,
);
row(
  'step on 1,000 items: median / p95 ms (target median ≤ 1)',
  `${median(ours).toFixed(3)} / ${p95(ours).toFixed(3)}`,
);
row(
  'naive baseline step: median / p95 ms',
  `${median(naive).toFixed(3)} / ${p95(naive).toFixed(3)}`,
);
row('speed-up against the baseline (median)', `${(median(naive) / median(ours)).toFixed(1)}×`);
row(
  'test page JavaScript, gzipped build figure (on the wire: npm run bench:light)',
  `${(testJs / 1024).toFixed(1)} KB`,
);
row('staff app start JavaScript, gzipped (for comparison)', `${(appJs / 1024).toFixed(1)} KB`);
process.stdout.write(
  JSON.stringify({
    mean_items: sim.mean_items,
    fixed_form_items: continued.fixed_form_items,
    agreement: sim.agreement,
    stopped_at_cap: sim.stopped_at_cap,
    confident_agreement: sim.confident_agreement,
    continued_agreement: continued.agreement,
    within_promised_minutes: sim.within_promised_minutes,
    mean_se: sim.mean_se,
    p90_items: sim.p90_items,
    p90_minutes: sim.p90_minutes,
    within_15_minutes: sim.within_15_minutes,
    step_median_ms: median(ours),
    step_p95_ms: p95(ours),
    baseline_step_median_ms: median(naive),
    ratio: median(naive) / median(ours),
    test_js_gzip_kb: testJs / 1024,
  }) + '\n',
);
