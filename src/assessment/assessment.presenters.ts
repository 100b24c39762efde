// Tests and test codes → the views staff see. Pure.
import type { CitizenAssessmentView, IssuedCodeView } from './assessment.contract';
import type { testCodes } from './assessment.schema';
import type { AssessmentRow } from './assessment.store';

export const presentCitizenAssessment = (r: AssessmentRow): CitizenAssessmentView => ({
  id: r.id,
  status: r.status,
  startedAt: r.startedAt.toISOString(),
  completedAt: r.completedAt?.toISOString() ?? null,
  consentAt: r.consentAt?.toISOString() ?? null,
  language: r.language,
  result: r.result ?? null,
});

export const presentIssuedCode = (
  code: typeof testCodes.$inferSelect,
  a: AssessmentRow | null,
  now: Date,
): IssuedCodeView => ({
  id: code.id,
  createdAt: code.createdAt.toISOString(),
  expiresAt: code.expiresAt.toISOString(),
  status: a ? a.status : code.expiresAt < now ? 'expired' : 'unused',
  linkedToCitizen: Boolean(a?.citizenId ?? code.citizenId),
});
