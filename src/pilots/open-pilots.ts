// Pilots a citizen could still be referred to and fits the target group of, for learning plans.
import { and, eq, inArray, isNull, notInArray } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/client';
import type { EducationLevel } from '../people';
import { ageOn, eligibility, type TriageGroup } from './pilots.model';
import type { LearningMethod } from './pilots.constants';
import { pilotEnrolments, pilots } from './pilots.schema';

export async function openPilotsFor(
  db: DbOrTx,
  citizen: {
    id: string;
    municipalityId: string;
    birthDate: string;
    employmentGoal: string | null;
    educationLevel: EducationLevel | null;
  },
  triageGroup: TriageGroup | null,
): Promise<{ id: string; name: string; methods: LearningMethod[] }[]> {
  const referred = db
    .select({ id: pilotEnrolments.pilotId })
    .from(pilotEnrolments)
    .where(eq(pilotEnrolments.citizenId, citizen.id));
  const open = await db
    .select()
    .from(pilots)
    .where(
      and(
        eq(pilots.municipalityId, citizen.municipalityId),
        inArray(pilots.status, ['planned', 'recruiting']),
        isNull(pilots.lotteryAt),
        notInArray(pilots.id, referred),
      ),
    );
  return open
    .filter((p) =>
      eligibility(p.targetGroup, {
        age: ageOn(citizen.birthDate, p.startsOn),
        triageGroup,
        employmentGoal: citizen.employmentGoal,
        educationLevel: citizen.educationLevel,
      }).every((c) => c.ok),
    )
    .map((p) => ({ id: p.id, name: p.name, methods: p.learningMethods }));
}

/** Pilots still planned or recruiting, for other areas to offer (companies see them). */
export async function openPilots(
  db: DbOrTx,
  municipalityId: string,
): Promise<{ id: string; name: string; startsOn: string; methods: LearningMethod[] }[]> {
  const rows = await db
    .select()
    .from(pilots)
    .where(
      and(
        eq(pilots.municipalityId, municipalityId),
        inArray(pilots.status, ['planned', 'recruiting']),
      ),
    );
  return rows.map((p) => ({
    id: p.id,
    name: p.name,
    startsOn: p.startsOn,
    methods: p.learningMethods,
  }));
}
