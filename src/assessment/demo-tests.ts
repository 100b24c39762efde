// The demo's history of the test: caseworkers offered it to most new citizens (a one-time code
// made for them) and many took it, scored by the real model (scripted-test.ts).
import crypto from 'node:crypto';
import type { DbOrTx } from '../platform/db/client';
import { mulberry32, normal } from '../platform/random';
import { computeResult } from './assessment.model';
import { assessmentResponses, assessments, testCodes } from './assessment.schema';
import { activeItems } from './assessment.store';
import { p2pl } from './irt';
import { completedTestRow, recordScriptedTest } from './scripted-test';
import { DEFAULT_CUTS } from './triage';

const DAY = 86_400_000;

export async function seedDemoTests(
  tx: DbOrTx,
  input: {
    municipalityId: string;
    offers: {
      citizenId: string;
      offeredBy: string;
      offeredAt: Date;
      /** When they took it, with the level reached in each of the five areas; null if not. */
      taken: { at: Date; levels: readonly number[] } | null;
    }[];
  },
) {
  if (input.offers.length === 0) return;
  await tx.insert(testCodes).values(
    input.offers.map((o) => ({
      municipalityId: input.municipalityId,
      // A code nobody holds: the demo's codes were handed out long ago.
      codeHash: crypto.randomBytes(32).toString('hex'),
      citizenId: o.citizenId,
      createdBy: o.offeredBy,
      createdAt: o.offeredAt,
      expiresAt: new Date(o.offeredAt.getTime() + 14 * 86_400_000),
      usedAt: o.taken?.at ?? null,
    })),
  );
  for (const o of input.offers)
    if (o.taken)
      await recordScriptedTest(tx, {
        municipalityId: input.municipalityId,
        citizenId: o.citizenId,
        levels: o.taken.levels,
        completedAt: o.taken.at,
      });
}

/**
 * The demo's answer history for the admin's calibration: the spring pilot round, where anonymous
 * takers (codes handed out at workshops, no citizen record) answered the same 16 questions, most
 * in Danish and some in English, simulated from the items' parameters. One question's English
 * translation gives less away than the Danish (harder at the same skill), so the calibration's
 * fairness report has something to find.
 */
export async function seedDemoAnswerHistory(
  tx: DbOrTx,
  input: { municipalityId: string; now: Date; danish?: number; english?: number },
) {
  const items = (await activeItems(tx, input.municipalityId))
    .filter((i) => i.entry.type === 'knowledge' && i.entry.level >= 2 && i.entry.level <= 4)
    .filter((_, k) => k % 3 === 0)
    .slice(0, 16);
  const hardInEnglish = items[5]!.key;
  const rand = mulberry32(2025);
  // The answer times have their own stream, so that the answers stay as they were.
  const pace = mulberry32(2026);
  const takers = [
    ...Array.from({ length: input.danish ?? 700 }, () => 'da' as const),
    ...Array.from({ length: input.english ?? 300 }, () => 'en' as const),
  ];
  const tests: (typeof assessments.$inferInsert)[] = [];
  const responses: (typeof assessmentResponses.$inferInsert)[] = [];
  for (const [n, language] of takers.entries()) {
    const theta = normal(rand) - (language === 'en' ? 0.3 : 0);
    const answered = items.map((item) => {
      const m = item.model.kind === '2pl' ? item.model : { a: 1, d: 0 };
      const d = language === 'en' && item.key === hardInEnglish ? m.d - 1.4 : m.d;
      return { key: item.key, score: rand() < p2pl({ a: m.a, d }, theta) ? 1 : 0 };
    });
    const result = computeResult(items, DEFAULT_CUTS, answered, 'confident');
    const completedAt = new Date(input.now.getTime() - (200 - (n % 180)) * DAY);
    // Seconds per question: log-normal around 25 s, some readers much slower than others.
    const slowness = Math.exp(0.35 * normal(pace));
    const ms = answered.map(() => Math.round(25_000 * slowness * Math.exp(0.4 * normal(pace))));
    const startSeconds = 150 * slowness;
    // The id is made here so that the answers can name their test in the same batch.
    const id = crypto.randomUUID();
    tests.push({
      id,
      ...completedTestRow({
        municipalityId: input.municipalityId,
        citizenId: null,
        seed: n + 1,
        result,
        completedAt,
        language,
        minutes: (startSeconds + ms.reduce((x, y) => x + y, 0) / 1000) / 60,
      }),
    });
    answered.forEach((a, position) =>
      responses.push({
        municipalityId: input.municipalityId,
        assessmentId: id,
        itemId: items[position]!.id,
        position,
        answer: 0,
        score: a.score,
        timeMs: ms[position]!,
      }),
    );
  }
  for (let i = 0; i < tests.length; i += 250)
    await tx.insert(assessments).values(tests.slice(i, i + 250));
  for (let i = 0; i < responses.length; i += 2000)
    await tx.insert(assessmentResponses).values(responses.slice(i, i + 2000));
  return { tests: takers.length, hardInEnglish };
}
