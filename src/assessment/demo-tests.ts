// The demo's history of the test: caseworkers offered it to most new citizens (a one-time code
// made for them) and many took it, scored by the real model (scripted-test.ts).
import crypto from 'node:crypto';
import type { DbOrTx } from '../platform/db/client';
import { testCodes } from './assessment.schema';
import { recordScriptedTest } from './scripted-test';

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
