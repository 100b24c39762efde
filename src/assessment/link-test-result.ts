// Filing a test taken with an anonymous code (e.g. in a workshop) on the citizen's record, when
// the citizen brings the code to their caseworker.
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/client';
import type { CprCipher } from '../platform/crypto/cpr-cipher';
import { conflict, invalid } from '../platform/errors';
import { assessments, testCodes } from './assessment.schema';
import { findCodeWithAssessment, type AssessmentRow } from './assessment.store';
import { codeHash } from './test-codes';

export async function linkCodeResult(
  tx: DbOrTx,
  cipher: CprCipher,
  target: { municipalityId: string; citizenId: string },
  code: string,
): Promise<AssessmentRow> {
  const row = await findCodeWithAssessment(tx, target.municipalityId, {
    hash: codeHash(cipher, code),
  });
  const a = row?.assessment;
  if (!a) throw invalid('link_code_unused');
  if (a.citizenId) throw conflict('link_code_taken');
  if (a.status === 'withdrawn') throw invalid('link_code_withdrawn');
  await tx
    .update(testCodes)
    .set({ citizenId: target.citizenId })
    .where(eq(testCodes.id, row.code.id));
  const [linked] = await tx
    .update(assessments)
    .set({ citizenId: target.citizenId })
    .where(eq(assessments.id, a.id))
    .returning();
  return linked!;
}
