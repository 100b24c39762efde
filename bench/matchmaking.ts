// Matchmaking speed and memory: the event scheduler (HiGHS MIP) on two event sizes, plain and
// fair, with the objective, the proven bound and the gap; the baseline, timed in the same run on
// the same wishes, is a greedy schedule (heaviest wish first into the first free slot) — what a
// consultant with a spreadsheet would do. Then explained matching of 10,000 candidates against
// 1,000 roles (every pair scored, the best 20 kept per role) against a baseline that only counts
// required competences met. Last, what a candidate list reads from the database for each person
// (tests, badges, passed pilots) for the demo's 800 citizens on embedded PGlite: for the whole
// list at once against one citizen at a time (the baseline, as the list was read before).
//
//   npm run bench:matchmaking
import { mulberry32 } from '../src/platform/random';
import {
  schedule,
  violations,
  type Meeting,
  type ScheduleInput,
} from '../src/matching/scheduler/schedule.model';
import {
  explainMatch,
  topMatches,
  type CandidateSkills,
  type RoleNeeds,
} from '../src/matching/match.model';
import { EDUCATION_LEVELS } from '../src/vocabulary';
import crypto from 'node:crypto';
import { openDatabase } from '../src/platform/db/client';
import { CprCipher } from '../src/platform/crypto/cpr-cipher';
import { progressBar } from '../src/platform/cli/progress';
import { seedDemo } from '../src/demo/seed-demo';
import { citizens } from '../src/people/people.schema';
import { completedTests, completedTestsByCitizen } from '../src/assessment';
import { validBadgesByCitizen, validBadgesOf } from '../src/learning';
import { pilotsPassedBy, pilotsPassedByCitizen } from '../src/pilots';

let peak = process.memoryUsage().rss;
const sample = () => (peak = Math.max(peak, process.memoryUsage().rss));
const timer = setInterval(sample, 20);
const mb = (b: number) => `${(b / 2 ** 20).toFixed(0)} MB`;

function event(companies: number, candidates: number, slots: number, seed: number): ScheduleInput {
  const r = mulberry32(seed);
  const cs = Array.from({ length: companies }, (_, i) => ({
    id: `c${i}`,
    tables: 1 + Math.floor(r() * 3),
  }));
  const ps = Array.from({ length: candidates }, (_, i) => ({ id: `p${i}`, maxMeetings: 4 }));
  const preferences: ScheduleInput['preferences'] = [];
  for (const p of ps) {
    const chosen = new Set<number>();
    // About five wishes each, skewed towards the best-known companies (as at real events).
    while (chosen.size < 5) chosen.add(Math.floor(r() ** 1.6 * companies));
    [...chosen].forEach((c, k) =>
      preferences.push({ company: `c${c}`, candidate: p.id, weight: 5 - k }),
    );
  }
  const unavailable: NonNullable<ScheduleInput['unavailable']> = [];
  for (const p of ps)
    if (r() < 0.3) unavailable.push({ candidate: p.id, slot: Math.floor(r() * slots) });
  for (const c of cs)
    if (r() < 0.2) unavailable.push({ company: c.id, slot: Math.floor(r() * slots) });
  return { slots, companies: cs, candidates: ps, preferences, unavailable };
}

function greedy(input: ScheduleInput): Meeting[] {
  const busy = new Set(
    (input.unavailable ?? []).map((u) =>
      'company' in u ? `c${u.company}@${u.slot}` : `p${u.candidate}@${u.slot}`,
    ),
  );
  const tables = new Map(input.companies.map((c) => [c.id, c.tables]));
  const used = new Map<string, number>();
  const count = new Map<string, number>();
  const out: Meeting[] = [];
  for (const p of [...input.preferences].sort((a, b) => b.weight - a.weight)) {
    if ((count.get(p.candidate) ?? 0) >= 4) continue;
    for (let s = 0; s < input.slots; s++) {
      const t = used.get(`${p.company}@${s}`) ?? 0;
      if (
        busy.has(`p${p.candidate}@${s}`) ||
        busy.has(`c${p.company}@${s}`) ||
        t >= tables.get(p.company)!
      )
        continue;
      busy.add(`p${p.candidate}@${s}`);
      used.set(`${p.company}@${s}`, t + 1);
      count.set(p.candidate, (count.get(p.candidate) ?? 0) + 1);
      out.push({ company: p.company, candidate: p.candidate, slot: s, table: t });
      break;
    }
  }
  return out;
}

console.log('Matchmaking scheduler (HiGHS MIP, single thread)\n');
for (const [companies, candidates, slots] of [
  [30, 300, 8],
  [100, 1000, 10],
] as const) {
  const input = event(companies, candidates, slots, companies);
  const t0 = performance.now();
  const g = greedy(input);
  const greedySeconds = (performance.now() - t0) / 1000;
  const weights = new Map(input.preferences.map((p) => [`${p.company}/${p.candidate}`, p.weight]));
  const greedyWeight = g.reduce((s, m) => s + weights.get(`${m.company}/${m.candidate}`)!, 0);
  console.log(
    `${companies} companies × ${candidates} candidates × ${slots} slots, ${input.preferences.length} wishes`,
  );
  for (const fair of [false, true]) {
    const before = performance.now();
    const r = await schedule(input, { fair, timeLimit: 300 });
    const seconds = (performance.now() - before) / 1000;
    sample();
    if (violations(input, r.meetings).length) throw new Error('the schedule breaks a rule');
    console.log(
      `  ${fair ? 'fair ' : 'plain'}  ${seconds.toFixed(2).padStart(6)} s  status ${r.status}  objective ${r.objective}  bound ${r.bound}  gap ${(r.gap * 100).toFixed(2)} %  meetings ${r.meetings.length}  candidates met ${r.candidatesMet}/${candidates}`,
    );
  }
  console.log(
    `  greedy baseline ${greedySeconds.toFixed(3)} s  objective ${greedyWeight}  candidates met ${new Set(g.map((m) => m.candidate)).size}/${candidates}`,
  );
  console.log(`  peak memory so far ${mb(peak)}\n`);
}

// Matching: 10,000 candidates × 1,000 roles.
const r = mulberry32(7);
const COMPETENCES = [
  '1.1',
  '1.2',
  '1.3',
  '2.1',
  '2.2',
  '2.4',
  '3.1',
  '3.4',
  '4.2',
  '5.1',
  '5.2',
  '5.3',
];
const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
const candidates = Array.from({ length: 10_000 }, (_, i) => ({
  id: `p${i}`,
  skills: {
    areas: Object.fromEntries(['1', '2', '3', '4', '5'].map((a) => [a, 1 + Math.floor(r() * 6)])),
    badges: r() < 0.3 ? { [pick(COMPETENCES)]: 5 } : {},
    education: pick(EDUCATION_LEVELS),
    languages: r() < 0.8 ? ['da', 'en'] : ['da'],
    workAreas: r() < 0.5 ? [] : [String(2000 + Math.floor(r() * 500))],
  } satisfies CandidateSkills,
}));
const roles = Array.from({ length: 1000 }, (_, i) => ({
  id: `r${i}`,
  needs: {
    competences: Array.from({ length: 3 + Math.floor(r() * 4) }, () => ({
      competence: pick(COMPETENCES),
      level: 2 + Math.floor(r() * 5),
    })),
    education: r() < 0.5 ? pick(EDUCATION_LEVELS) : null,
    languages: r() < 0.6 ? ['da', 'en'] : ['da'],
    place: { postalCode: String(2000 + Math.floor(r() * 500)), municipality: 'københavn' },
  } satisfies RoleNeeds,
}));
let t0 = performance.now();
let kept = 0;
for (const role of roles) {
  kept += topMatches(
    candidates.map((c) => ({ id: c.id, score: explainMatch(c.skills, role.needs).score })),
    20,
  ).length;
  sample();
}
const matchSeconds = (performance.now() - t0) / 1000;
t0 = performance.now();
let baselineKept = 0;
for (const role of roles) {
  const counts = candidates.map((c) => ({
    id: c.id,
    score: role.needs.competences.filter((n) => (c.skills.areas[n.competence[0]!] ?? 0) >= n.level)
      .length,
  }));
  baselineKept += counts.sort((a, b) => b.score - a.score).slice(0, 20).length;
}
const baselineSeconds = (performance.now() - t0) / 1000;
clearInterval(timer);
console.log(
  'Explained matching, 10,000 candidates × 1,000 roles (10 million pairs, best 20 kept per role)',
);
console.log(
  `  explained score   ${matchSeconds.toFixed(2)} s  (${((roles.length * candidates.length) / matchSeconds / 1e6).toFixed(2)} M pairs/s), ${kept} kept`,
);
console.log(
  `  baseline (count of competences met, full sort)  ${baselineSeconds.toFixed(2)} s, ${baselineKept} kept`,
);
console.log(`  ratio explained / baseline: ${(matchSeconds / baselineSeconds).toFixed(2)}`);
console.log(`\nPeak memory (RSS): ${mb(peak)}`);

const database = await openDatabase({ kind: 'pglite' });
await database.migrate();
const bar = progressBar('Demo data on embedded PGlite', true);
await seedDemo(database.db, new CprCipher(crypto.randomBytes(32)), {
  onProgress: (d, t) => bar.update(d, t),
});
bar.stop();
const db = database.db;
const people = await db.select({ id: citizens.id, m: citizens.municipalityId }).from(citizens);
const m = people[0]!.m;
const ids = people.map((p) => p.id);
t0 = performance.now();
const listed = [
  await completedTestsByCitizen(db, m, ids),
  await validBadgesByCitizen(db, m, ids),
  await pilotsPassedByCitizen(db, m, ids),
];
const batchMs = performance.now() - t0;
t0 = performance.now();
let found = 0;
for (const id of ids) {
  found += (await completedTests(db, m, id)).length > 0 ? 1 : 0;
  await validBadgesOf(db, m, id);
  await pilotsPassedBy(db, m, id);
}
const oneByOneMs = performance.now() - t0;
await database.close();
console.log(
  `\nWhat a candidate list reads per person, ${ids.length} citizens (demo, embedded PGlite)`,
);
console.log(
  `  whole list at once (3 queries)   ${batchMs.toFixed(0)} ms  (${listed[0]!.size} with tests, ${listed[2]!.size} with a passed pilot)`,
);
console.log(
  `  one citizen at a time (${ids.length * 3} queries, the baseline)  ${oneByOneMs.toFixed(0)} ms  (${found} with tests)`,
);
console.log(`  ratio at once / one at a time: ${(batchMs / oneByOneMs).toFixed(3)}`);
