// Job-ad analysis speed and memory: how many Danish job ads a second the committed model reads
// (tokenise, tag skills and knowledge, classify each phrase, name DigComp competences), and the
// process's peak memory with the model loaded. The ads are built from the Kompetencer sentences
// (about 12 sentences an ad, like a real ad). The baseline, timed in the same run on the same
// ads, is the phrase dictionary alone: the cheapest analysis that finds anything.
//
//   npm run bench:demand            (BENCH_ADS=2000 for a longer run)
import fs from 'node:fs';
import { parseConll } from '../src/companies/job-ads/corpus';
import { jobAdAnalyser } from '../src/companies/job-ads/job-ad-model';
import { analyseAd } from '../src/companies/job-ads/analyse';
import { dictionaryTagger } from '../src/companies/job-ads/phrases.model';
import { BUNDLED_DATA } from '../src/companies/job-ads/training-data';
import { mulberry32 } from '../src/platform/random';

const ADS = Number(process.env.BENCH_ADS ?? 500);
const sentences = parseConll(
  fs.readFileSync(`${BUNDLED_DATA}kompetencer_danish_train.conll`, 'utf8'),
  true,
);
const rand = mulberry32(11);
const ads = Array.from({ length: ADS }, () =>
  Array.from({ length: 12 }, () =>
    sentences[Math.floor(rand() * sentences.length)]!.tokens.join(' '),
  ).join('\n\n'),
);
const words = ads.reduce((n, ad) => n + ad.split(/\s+/).length, 0);

function timed(work: () => number): [number, number] {
  const t0 = process.hrtime.bigint();
  const found = work();
  return [found, Number(process.hrtime.bigint() - t0) / 1e9];
}

const before = process.memoryUsage().rss;
const loadStart = process.hrtime.bigint();
const analyser = jobAdAnalyser();
const loadSeconds = Number(process.hrtime.bigint() - loadStart) / 1e9;
analyseAd(analyser, ads[0]!); // warm the JIT before timing

let peak = process.memoryUsage().rss;
const [phrases, seconds] = timed(() => {
  let n = 0;
  for (const ad of ads) {
    n += analyseAd(analyser, ad).phrases.length;
    peak = Math.max(peak, process.memoryUsage().rss);
  }
  return n;
});

const dictionary = dictionaryTagger(
  'Skill',
  analyser.model.phrases.Skill.map((p) => {
    const tokens = p.split(' ');
    return { tokens, tags: tokens.map((_, i) => (i === 0 ? 'B-Skill' : 'I-Skill')) };
  }),
);
const [, baselineSeconds] = timed(() => {
  let n = 0;
  for (const ad of ads)
    for (const line of ad.split('\n\n')) n += dictionary(line.split(' ')).length;
  return n;
});

const mb = (b: number) => (b / 1024 / 1024).toFixed(0);
console.log(`Job-ad analysis, ${ADS} ads (${words.toLocaleString('en')} words), committed model`);
console.log(`  model load                ${(loadSeconds * 1000).toFixed(0)} ms`);
console.log(
  `  analysis                  ${(ADS / seconds).toFixed(0)} ads/s   (${(seconds * 1000).toFixed(0)} ms, ${phrases} phrases found)`,
);
console.log(
  `  baseline: phrase lookup   ${(ADS / baselineSeconds).toFixed(0)} ads/s   ratio ${(seconds / baselineSeconds).toFixed(1)}× the baseline's time`,
);
console.log(`  memory                    ${mb(before)} MB before the model, peak ${mb(peak)} MB`);
