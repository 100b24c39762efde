// The taskforce's indicators and citizen journey over a synthetic municipality of 100,000
// citizens with five years of activity, on a real PostgreSQL: seconds and peak memory, beside a
// bare count of the citizens in the same run (the baseline).
//
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:taskforce
//
// The Copenhagen demo (users, sites, offers, pilots) is seeded small; the 100,000 citizens and
// their five years (registrations, test offers and tests, workshop visits, course places) are
// written in bulk. A temporary database is created and dropped afterwards.
import crypto from 'node:crypto';
import { count, eq } from 'drizzle-orm';
import { openDatabase } from '../src/platform/db/client';
import { createTempDatabase } from '../src/platform/testing/test-db';
import { CprCipher } from '../src/platform/crypto/cpr-cipher';
import { progressBar } from '../src/platform/cli/progress';
import { seedDemo } from '../src/demo/seed-demo';
import { users, sites } from '../src/organisation/organisation.schema';
import { citizens } from '../src/people/people.schema';
import { assessments, testCodes } from '../src/assessment/assessment.schema';
import { workshopVisits } from '../src/workshops/workshops.schema';
import { learningEnrolments, learningOffers } from '../src/learning/learning.schema';
import { indicatorsView, journeyView } from '../src/taskforce/taskforce.use-cases';
import { gatherFacts } from '../src/taskforce/follow-up-facts';
import { recount } from '../src/taskforce/indicator-counts';
import { taskforceDailyCounts } from '../src/taskforce/taskforce.schema';
import { mulberry32 } from '../src/platform/random';
import { clock } from '../src/platform/clock';
import type { UseCase } from '../src/platform/use-case';

const N = Number(process.env.BENCH_CITIZENS ?? 100_000);
const YEARS = 5;
const DAY = 86_400_000;

const adminUrl = process.env.DATABASE_URL;
if (!adminUrl) {
  process.stderr.write(
    'bench:taskforce needs a PostgreSQL server: DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:taskforce\n',
  );
  process.exit(2);
}

const step = (s: string) => process.stderr.write(`${s}\n`);
const temp = await createTempDatabase(adminUrl, 'dl_bench_tf');
const database = await openDatabase({ kind: 'postgres', url: temp.url });
try {
  step(`Preparing ${temp.name}: migrations and the demo's users, sites and offers …`);
  await database.migrate();
  const db = database.db;
  await seedDemo(db, new CprCipher(crypto.randomBytes(32)), { citizens: 20 });
  const [someone] = await db
    .select()
    .from(users)
    .where(eq(users.email, 'taskforce@demo.digiloft.dk'));
  const m = someone!.municipalityId;
  const caseworkers = (await db.select().from(users)).filter((u) => u.roles.includes('caseworker'));
  const ementor = (await db.select().from(users)).find((u) => u.roles.includes('ementor'))!;
  const workshopSites = (await db.select().from(sites)).filter((s) => s.hasWorkshop);
  const offers = await db.select().from(learningOffers);
  const rand = mulberry32(2026);
  const now = Date.now();
  const dayOf = (t: number) => new Date(t);

  const bar = progressBar(`${N.toLocaleString('en')} citizens, ${YEARS} years`, true);
  const CHUNK = 2000;
  let done = 0;
  for (let start = 0; start < N; start += CHUNK) {
    const size = Math.min(CHUNK, N - start);
    const people = Array.from({ length: size }, (_, k) => {
      const registered = now - rand() * YEARS * 365 * DAY;
      const vulnerable = rand() < 0.3;
      return {
        id: crypto.randomUUID(),
        municipalityId: m,
        cprCipher: 'bench',
        cprHash: crypto.randomBytes(16).toString('hex'),
        birthDate: `19${60 + ((start + k) % 40)}-01-01`,
        firstName: 'Bench',
        lastName: 'Borger',
        caseworkerId: caseworkers[(start + k) % caseworkers.length]!.id,
        digitallyVulnerable: vulnerable,
        vulnerableFlaggedAt: vulnerable ? dayOf(registered) : null,
        createdAt: dayOf(registered),
        registered,
      };
    });
    await db.insert(citizens).values(people.map(({ registered: _r, ...p }) => p));
    const offered = people.filter(() => rand() < 0.7);
    if (offered.length)
      await db.insert(testCodes).values(
        offered.map((p) => ({
          municipalityId: m,
          codeHash: crypto.randomBytes(16).toString('hex'),
          citizenId: p.id,
          createdBy: p.caseworkerId,
          createdAt: dayOf(p.registered + 3 * DAY),
          expiresAt: dayOf(p.registered + 17 * DAY),
        })),
      );
    const tested = offered.filter(() => rand() < 0.6);
    if (tested.length)
      await db.insert(assessments).values(
        tested.map((p) => ({
          municipalityId: m,
          citizenId: p.id,
          status: 'completed' as const,
          foundationCut: -1,
          jobGoalCut: 0.5,
          seed: 1,
          startedAt: dayOf(p.registered + 5 * DAY),
          completedAt: dayOf(p.registered + 5 * DAY),
          triageGroup: (['foundation', 'building_blocks', 'no_need'] as const)[
            Math.floor(rand() * 3)
          ],
        })),
      );
    const visits = people
      .filter(() => rand() < 0.35)
      .flatMap((p) =>
        Array.from({ length: 1 + Math.floor(rand() * 3) }, () => ({
          municipalityId: m,
          siteId: workshopSites[Math.floor(rand() * workshopSites.length)]!.id,
          citizenId: p.id,
          ementorId: ementor.id,
          topics: ['mitid' as const],
          competences: [],
          device: 'phone',
          resolved: rand() < 0.8,
          minutes: 20,
          onBehalfWithPowerOfAttorney: false,
          waitedMinutes: Math.floor(rand() * 40),
          createdAt: dayOf(Math.min(now, p.registered + rand() * 200 * DAY)),
        })),
      );
    if (visits.length) await db.insert(workshopVisits).values(visits);
    const places = people.filter(() => rand() < 0.3);
    if (places.length)
      await db.insert(learningEnrolments).values(
        places.map((p) => {
          const done = rand() < 0.7;
          return {
            municipalityId: m,
            offerId: offers[Math.floor(rand() * offers.length)]!.id,
            citizenId: p.id,
            status: done ? ('completed' as const) : ('dropped_out' as const),
            queuedAt: dayOf(p.registered + 30 * DAY),
            createdAt: dayOf(p.registered + 30 * DAY),
          };
        }),
      );
    done += size;
    bar.update(done, N);
  }
  bar.stop();
  await db.execute('analyze');

  const taskforce: UseCase = {
    tx: db,
    actor: {
      userId: someone!.id,
      municipalityId: m,
      roles: ['taskforce'],
      name: 'Bench',
      email: '',
      locale: 'da',
      sessionId: '',
    },
    audit: { municipalityId: m, actorId: someone!.id, actorRole: 'taskforce' },
  };
  const from = new Date(now - YEARS * 365 * DAY).toISOString().slice(0, 10);
  const time = async <T>(what: () => Promise<T>, runs = 3) => {
    let best = Infinity;
    let result: T | undefined;
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      result = await what();
      best = Math.min(best, performance.now() - t0);
    }
    return { ms: best, result: result! };
  };
  const baseline = await time(() =>
    db.select({ n: count() }).from(citizens).where(eq(citizens.municipalityId, m)),
  );
  const gather = await time(() => gatherFacts(db, m));
  const counting = await time(() => recount(db, m, clock.now()), 1);
  const [summary] = await db
    .select({ n: count() })
    .from(taskforceDailyCounts)
    .where(eq(taskforceDailyCounts.municipalityId, m));
  const year = await time(() => indicatorsView(taskforce, {}));
  const five = await time(() => indicatorsView(taskforce, { from }));
  const site = await time(() => indicatorsView(taskforce, { from, site: workshopSites[0]!.id }));
  const journey = await time(() => journeyView(taskforce, { from, cohort: 'triage' }));
  const newCitizens = five.result.indicators.find((i) => i.id === 'new_citizens')!.value;
  const rss = process.resourceUsage().maxRSS / 1024;
  const line = (label: string, ms: number) =>
    `${label.padEnd(50)} ${(ms / 1000).toFixed(2).padStart(6)} s   ${(ms / baseline.ms).toFixed(0).padStart(5)} × baseline`;
  process.stdout.write(
    [
      `Taskforce follow-up on PostgreSQL: ${baseline.result[0]!.n.toLocaleString('en')} citizens, ${YEARS} years (${newCitizens?.toLocaleString('en')} new in the five-year period)`,
      line('baseline: count the citizens', baseline.ms),
      line('recount (the timed job): read the areas’ facts', gather.ms),
      line(`recount: all, into ${summary!.n.toLocaleString('en')} day counts`, counting.ms),
      line('indicators page, last twelve months', year.ms),
      line('indicators page, five years', five.ms),
      line('indicators page, five years, one site', site.ms),
      line('journey by triage group, five years', journey.ms),
      `${'peak memory (RSS)'.padEnd(50)} ${rss.toFixed(0)} MB`,
      '',
    ].join('\n'),
  );
} finally {
  await database.close();
  await temp.drop();
}
