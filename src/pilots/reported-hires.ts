// Hires reported outside the register, kept where the pilot evaluation reads them. Other areas
// (matching, after a company records a hire) report and withdraw through these two functions,
// so pilots never depends on who reports.
import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/client';
import { clock } from '../platform/clock';
import { reportedHires } from './pilots.schema';

export interface HireReport {
  municipalityId: string;
  citizenId: string;
  startsOn: string;
  source: 'matchmaking';
  /** The reporting area's record (e.g. the meeting); a second report for it replaces the first. */
  sourceId: string;
  reportedBy: string | null;
}

export async function reportHire(db: DbOrTx, r: HireReport) {
  const now = clock.now();
  await db
    .insert(reportedHires)
    .values({ ...r, reportedAt: now })
    .onConflictDoUpdate({
      target: [reportedHires.source, reportedHires.sourceId],
      set: { startsOn: r.startsOn, reportedBy: r.reportedBy, reportedAt: now },
    });
}

/** The record no longer says hire (the company corrected its outcome). */
export async function withdrawHire(
  db: DbOrTx,
  municipalityId: string,
  source: HireReport['source'],
  sourceId: string,
) {
  await db
    .delete(reportedHires)
    .where(
      and(
        eq(reportedHires.municipalityId, municipalityId),
        eq(reportedHires.source, source),
        eq(reportedHires.sourceId, sourceId),
      ),
    );
}
