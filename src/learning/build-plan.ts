// Building a citizen's learning plan: the job goal's needs against their latest test, turned
// into ranked suggestions from the catalogue, open pilots and workshop help. A new plan
// replaces the active one; the old one stays for the record.
import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/client';
import type { CitizenRow } from '../people';
import { completedTests } from '../assessment';
import { courseSuggestionsFor } from '../workshops';
import { openPilotsFor } from '../pilots';
import { ESCO_VERSION, requirementsOf, type EscoOccupation } from './esco';
import { computeGaps, suggest, type TestedLevels } from './plan.model';
import { learningEnrolments, learningPlanItems, learningPlans } from './learning.schema';
import { listOffers, offerCounts } from './learning.store';

export async function buildPlan(
  tx: DbOrTx,
  input: { citizen: CitizenRow; occupation: EscoOccupation; by: string | null },
) {
  const { citizen, occupation } = input;
  const m = citizen.municipalityId;
  const latest = (await completedTests(tx, m, citizen.id)).at(-1) ?? null;
  const tested: TestedLevels | null = latest
    ? {
        areas: Object.fromEntries(latest.areas.map((a) => [a.area, a.level])),
        overall: latest.level,
        triageGroup: latest.triageGroup,
      }
    : null;
  const gaps = computeGaps(requirementsOf(occupation), tested);

  const live = await tx
    .select({ offerId: learningEnrolments.offerId, status: learningEnrolments.status })
    .from(learningEnrolments)
    .where(
      and(eq(learningEnrolments.municipalityId, m), eq(learningEnrolments.citizenId, citizen.id)),
    );
  const taken = new Set(
    live.filter((e) => e.status === 'enrolled' || e.status === 'waitlisted').map((e) => e.offerId),
  );
  const offers = (await listOffers(tx, m, false)).filter((o) => !taken.has(o.id));
  const counts = await offerCounts(
    tx,
    m,
    offers.map((o) => o.id),
  );

  const goal = [citizen.employmentGoal, occupation.label].filter(Boolean).join(' ');
  const pilots = await openPilotsFor(
    tx,
    { ...citizen, employmentGoal: goal },
    latest?.triageGroup ?? null,
  );

  const suggestions = suggest(
    {
      gaps,
      tested,
      educationLevel: citizen.educationLevel,
      digitallyVulnerable: citizen.digitallyVulnerable,
      visitSuggestions: await courseSuggestionsFor(tx, m, citizen.id),
    },
    offers.map((o) => ({
      id: o.id,
      name: o.name,
      methods: o.methods,
      hoursPerWeek: o.hoursPerWeek,
      weeks: o.weeks,
      lifts: o.lifts,
      prerequisites: o.prerequisites,
      seatsLeft: o.capacity - counts(o.id).enrolled,
    })),
    pilots,
  );

  await tx
    .update(learningPlans)
    .set({ status: 'replaced' })
    .where(and(eq(learningPlans.citizenId, citizen.id), eq(learningPlans.status, 'active')));
  const [plan] = await tx
    .insert(learningPlans)
    .values({
      municipalityId: m,
      citizenId: citizen.id,
      occupationId: occupation.id,
      occupationLabel: occupation.label,
      escoVersion: ESCO_VERSION,
      assessmentId: latest?.id ?? null,
      gaps,
      createdBy: input.by,
    })
    .returning();
  if (suggestions.length > 0)
    await tx.insert(learningPlanItems).values(
      suggestions.map((s, i) => ({
        municipalityId: m,
        planId: plan!.id,
        kind: s.kind,
        refId: s.refId,
        title: s.title,
        rank: i + 1,
        score: s.score,
        covers: s.covers,
        reasons: s.reasons,
      })),
    );
  return { plan: plan!, testedAt: latest?.completedAt ?? null };
}
