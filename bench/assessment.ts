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
import { ASSUMED_SECONDS, TEST_PROMISE } from '../src/assessment/assessment.constants';
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
// Minutes for a citizen who reads slowly (ASSUMED_SECONDS: a question 35 s, a practice task 70 s,
// the start 2.5 min); the admin's report of the test's length in practice shows measured ones.
const TYPE_OF = new Map(ITEM_BANK.map((e) => [e.id, e.type]));
const SECONDS = {
  item: (id: string) =>
    TYPE_OF.get(id) === 'simulation' ? ASSUMED_SECONDS.simulation : ASSUMED_SECONDS.knowledge,
  fixed: ASSUMED_SECONDS.start,
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

// The trade-off behind the cap: the same citizens with the test stopped at other lengths.
const CAPS = [20, 25, 30, 35, 40, 50, 60, 80, 100];
process.stderr.write(`Trying caps ${CAPS.join(', ')} …\n`);
const sweep = CAPS.map((cap) => {
  const r = simulate(catBank(), DEFAULT_CUTS, {
    respondents: RESPONDENTS,
    seed: 11,
    settings: { ...DEFAULT_CAT, maxItems: cap },
    ...minutesOpts,
  });
  process.stderr.write(`  cap ${cap}: agreement ${(r.agreement * 100).toFixed(1)} %\n`);
  return { cap, ...r };
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
  `share done within the promised ${TEST_PROMISE.minutes} minutes (target ≥ ${pct(TEST_PROMISE.holdsFor)})`,
  `${pct(sim.within_promised_minutes!)}${sim.within_promised_minutes! >= TEST_PROMISE.holdsFor ? '' : '  MISSED'}`,
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
  `\n${'cap'.padStart(4)}  ${['agreement, all', 'shown decided', 'undecided', 'p90 items', `within ${TEST_PROMISE.minutes} min`].map((h) => h.padStart(15)).join('')}\n`,
);
for (const r of sweep)
  process.stdout.write(
    `${String(r.cap).padStart(4)}  ${[pct(r.agreement), pct(r.confident_agreement), pct(r.stopped_at_cap), String(r.p90_items), pct(r.within_promised_minutes!)].map((v) => v.padStart(15)).join('')}\n`,
  );
const plotFile = path.resolve(import.meta.dirname, '../.bench/assessment-cap.svg');
fs.mkdirSync(path.dirname(plotFile), { recursive: true });
fs.writeFileSync(
  plotFile,
  linesSvg({
    title: `The test's length cap: agreement with the whole bank and time (${RESPONDENTS} simulated citizens)`,
    xLabel: 'cap (questions at most before the test stops undecided)',
    xs: CAPS,
    marks: [{ at: DEFAULT_CAT.maxItems, label: `today: ${DEFAULT_CAT.maxItems}` }],
    target: { at: 0.95, label: 'target 95 %' },
    series: [
      { name: 'agreement, all tests', ys: sweep.map((r) => r.agreement) },
      { name: 'agreement, results shown decided', ys: sweep.map((r) => r.confident_agreement) },
      {
        name: `done within ${TEST_PROMISE.minutes} min (slow reader)`,
        ys: sweep.map((r) => r.within_promised_minutes!),
      },
      { name: 'results shown decided', ys: sweep.map((r) => 1 - r.stopped_at_cap) },
    ],
  }),
);
process.stdout.write(`plot: ${path.relative(process.cwd(), plotFile)}\n\n`);
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
    caps: sweep.map((r) => ({
      cap: r.cap,
      agreement: r.agreement,
      confident_agreement: r.confident_agreement,
      stopped_at_cap: r.stopped_at_cap,
      p90_items: r.p90_items,
      within_promised_minutes: r.within_promised_minutes,
    })),
  }) + '\n',
);

/** Shares (50–100 %) against the cap as lines, with the chosen cap and the target marked: SVG text. */
function linesSvg(o: {
  title: string;
  xLabel: string;
  xs: number[];
  marks: { at: number; label: string }[];
  target: { at: number; label: string };
  series: { name: string; ys: number[] }[];
}): string {
  const [W, H, L, R, T, B] = [720, 440, 56, 24, 44, 112];
  const colours = ['#0059b3', '#1a7f37', '#b35900', '#8250df'];
  const [x0, x1] = [Math.min(...o.xs), Math.max(...o.xs)];
  const x = (v: number) => L + ((v - x0) / (x1 - x0)) * (W - L - R);
  const y = (v: number) => T + ((1 - v) / 0.5) * (H - T - B);
  const out = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" font-family="sans-serif" font-size="12">`,
    `<rect width="${W}" height="${H}" fill="#fff"/>`,
    `<text x="${L}" y="24" font-size="14" font-weight="bold">${o.title}</text>`,
  ];
  for (let v = 0.5; v <= 1.001; v += 0.1)
    out.push(
      `<line x1="${L}" x2="${W - R}" y1="${y(v)}" y2="${y(v)}" stroke="#e3e3e3"/>`,
      `<text x="${L - 6}" y="${y(v) + 4}" text-anchor="end">${Math.round(v * 100)} %</text>`,
    );
  for (const v of o.xs)
    out.push(`<text x="${x(v)}" y="${H - B + 16}" text-anchor="middle">${v}</text>`);
  out.push(
    `<text x="${(L + W - R) / 2}" y="${H - B + 34}" text-anchor="middle">${o.xLabel}</text>`,
    `<line x1="${L}" x2="${W - R}" y1="${y(o.target.at)}" y2="${y(o.target.at)}" stroke="#cf222e" stroke-dasharray="6 4"/>`,
    `<text x="${W - R}" y="${y(o.target.at) + 14}" text-anchor="end" fill="#cf222e">${o.target.label}</text>`,
  );
  for (const m of o.marks)
    out.push(
      `<line x1="${x(m.at)}" x2="${x(m.at)}" y1="${T}" y2="${H - B}" stroke="#4d4d4d" stroke-dasharray="2 3"/>`,
      `<text x="${x(m.at) + 4}" y="${H - B - 6}">${m.label}</text>`,
    );
  o.series.forEach((s, k) => {
    const c = colours[k % colours.length]!;
    const pts = o.xs.map((v, i) => `${x(v).toFixed(1)},${y(s.ys[i]!).toFixed(1)}`);
    out.push(
      `<polyline points="${pts.join(' ')}" fill="none" stroke="${c}" stroke-width="2.5"/>`,
      ...pts.map(
        (p) => `<circle cx="${p.split(',')[0]}" cy="${p.split(',')[1]}" r="3" fill="${c}"/>`,
      ),
      `<rect x="${L + (k % 2) * 320}" y="${H - 48 + Math.floor(k / 2) * 20}" width="14" height="4" fill="${c}"/>`,
      `<text x="${L + (k % 2) * 320 + 20}" y="${H - 42 + Math.floor(k / 2) * 20}">${s.name}</text>`,
    );
  });
  out.push(
    `<line x1="${L}" x2="${L}" y1="${T}" y2="${H - B}" stroke="#333"/>`,
    `<line x1="${L}" x2="${W - R}" y1="${H - B}" y2="${H - B}" stroke="#333"/>`,
    '</svg>',
  );
  return out.join('\n');
}
