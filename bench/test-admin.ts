// The admin's report of the test's length in practice at a large municipality's scale: a year
// of 20,000 completed tests (about 30 answers each, 600,000 answers) in PostgreSQL. The report
// counts per test and sums the answer times per item type in the database; the baseline, timed
// in the same run, reads every answer's time into the app and sums there. The item bank's page
// (its statistics are worked out in the database too) is timed beside them.
//
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:test-admin
//
// A temporary database is created on that server and dropped afterwards.
import { and, eq, gte, isNotNull } from 'drizzle-orm';
import { openDatabase } from '../src/platform/db/client';
import { installationUseCase } from '../src/platform/use-case';
import { clock } from '../src/platform/clock';
import { percentile } from '../src/platform/stats';
import { mulberry32, normal } from '../src/platform/random';
import { buildMunicipality } from '../src/app/testing/factories';
import { createTempDatabase } from '../src/platform/testing/test-db';
import { progressBar } from '../src/platform/cli/progress';
import { activeItems } from '../src/assessment/assessment.store';
import {
  assessmentItems,
  assessmentResponses,
  assessments,
} from '../src/assessment/assessment.schema';
import { listItemBank, testLengthReport } from '../src/assessment/item-bank.use-cases';

const TESTS = Number(process.env.BENCH_TESTS ?? 20_000);
const RUNS = 5;
const DAY = 86_400_000;
const adminUrl = process.env.DATABASE_URL;
if (!adminUrl) {
  process.stderr.write(
    'bench:test-admin needs a PostgreSQL server: DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:test-admin\n',
  );
  process.exit(2);
}
const temp = await createTempDatabase(adminUrl, 'dl_bench');
const ms = (t0: number) => performance.now() - t0;

try {
  const database = await openDatabase({ kind: 'postgres', url: temp.url });
  await database.migrate();
  const { db } = database;
  const m = await buildMunicipality(db);
  const items = await activeItems(db, m.id);
  const scored = items.filter((i) => i.entry.type !== 'self_rating');
  const ratings = items.filter((i) => i.entry.type === 'self_rating').slice(0, 5);
  const rand = mulberry32(7);
  const now = clock.ms();
  const bar = progressBar(`Writing ${TESTS.toLocaleString('en')} tests`, true);
  let answers = 0;
  for (let i = 0; i < TESTS; i += 500) {
    const tests: (typeof assessments.$inferInsert)[] = [];
    const responses: (typeof assessmentResponses.$inferInsert)[] = [];
    for (let k = i; k < Math.min(i + 500, TESTS); k++) {
      const id = crypto.randomUUID();
      const length = Math.min(40, 6 + Math.floor(Math.abs(normal(rand)) * 15));
      const asked = [...ratings, ...scored.slice(k % 60, (k % 60) + length)];
      const times = asked.map(() => Math.round(25_000 * Math.exp(0.5 * normal(rand))));
      const completedAt = new Date(now - Math.floor(rand() * 360) * DAY);
      tests.push({
        id,
        municipalityId: m.id,
        status: 'completed',
        foundationCut: -1.125,
        jobGoalCut: 0.375,
        seed: k,
        theta: normal(rand),
        stopReason: length === 40 ? 'max_items' : 'confident',
        startedAt: new Date(completedAt.getTime() - 150_000 - times.reduce((a, b) => a + b, 0)),
        completedAt,
      });
      asked.forEach((item, position) =>
        responses.push({
          municipalityId: m.id,
          assessmentId: id,
          itemId: item.id,
          position,
          answer: 0,
          score: rand() < 0.6 ? 1 : 0,
          timeMs: times[position]!,
        }),
      );
    }
    await db.insert(assessments).values(tests);
    for (let r = 0; r < responses.length; r += 5000)
      await db.insert(assessmentResponses).values(responses.slice(r, r + 5000));
    answers += responses.length;
    bar.update(Math.min(i + 500, TESTS), TESTS);
  }
  bar.stop();
  await database.db.execute('analyze');

  const uc = installationUseCase(db, m.id);
  const since = new Date(now - 365 * DAY);
  /** The baseline: every answer's time read into the app, summed per type there. */
  async function inTheApp() {
    const rows = await db
      .select({ type: assessmentItems.type, ms: assessmentResponses.timeMs })
      .from(assessmentResponses)
      .innerJoin(assessments, eq(assessments.id, assessmentResponses.assessmentId))
      .innerJoin(assessmentItems, eq(assessmentItems.id, assessmentResponses.itemId))
      .where(
        and(
          eq(assessments.municipalityId, m.id),
          eq(assessments.status, 'completed'),
          gte(assessments.completedAt, since),
          isNotNull(assessmentResponses.timeMs),
        ),
      );
    const byType = new Map<string, number[]>();
    for (const r of rows) {
      const list = byType.get(r.type) ?? [];
      list.push(r.ms!);
      byType.set(r.type, list);
    }
    return [...byType].map(([type, v]) => ({ type, median: percentile(v, 0.5) }));
  }
  const timeIt = async (run: () => Promise<unknown>) => {
    const times: number[] = [];
    for (let r = 0; r < RUNS; r++) {
      const t0 = performance.now();
      await run();
      times.push(ms(t0));
    }
    return percentile(times, 0.5);
  };
  const rssBefore = process.memoryUsage().rss;
  const report = await testLengthReport(uc);
  const took = await timeIt(() => testLengthReport(uc));
  const baseline = await timeIt(inTheApp);
  // For comparison: the item bank's page, whose statistics read every answer into the app.
  const bank = await timeIt(() => listItemBank(uc));
  const peak = process.memoryUsage().rss / 1048576;
  await database.close();

  process.stdout.write(
    [
      `\nThe test's length in practice, ${TESTS.toLocaleString('en')} tests and ${answers.toLocaleString('en')} answers in a year (median of ${RUNS} runs)`,
      `  report (counted and summed in PostgreSQL)   ${took.toFixed(0)} ms`,
      `  baseline (every answer's time to the app)   ${baseline.toFixed(0)} ms`,
      `  ratio                                       ${(took / baseline).toFixed(2)} × the baseline`,
      `  (the item bank with its statistics            ${bank.toFixed(0)} ms)`,
      `  memory                                      ${peak.toFixed(0)} MB after (${(rssBefore / 1048576).toFixed(0)} MB before)`,
      `  the report: median ${report.questions?.median} questions, ${report.minutes?.median.toFixed(1)} minutes; ${((report.minutes?.withinPromise ?? 0) * 100).toFixed(1)} % within ${report.promise.minutes}`,
      '',
    ].join('\n'),
  );
} finally {
  await temp.drop();
}
