// Pilots a citizen could still be referred to and fits the target group of, for learning plans.
import { and, eq, inArray, isNotNull, isNull, notInArray } from 'drizzle-orm';
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

/** A pilot's name and the participants who completed it with its certification ("passed"). */
export async function passedParticipants(
  db: DbOrTx,
  municipalityId: string,
  pilotId: string,
): Promise<{ name: string; citizenIds: string[] } | null> {
  const [pilot] = await db
    .select({ name: pilots.name })
    .from(pilots)
    .where(and(eq(pilots.municipalityId, municipalityId), eq(pilots.id, pilotId)));
  if (!pilot) return null;
  const rows = await db
    .select({ citizenId: pilotEnrolments.citizenId })
    .from(pilotEnrolments)
    .where(
      and(
        eq(pilotEnrolments.pilotId, pilotId),
        eq(pilotEnrolments.arm, 'participant'),
        isNotNull(pilotEnrolments.completedAt),
        isNotNull(pilotEnrolments.certification),
      ),
    );
  return { name: pilot.name, citizenIds: rows.map((r) => r.citizenId) };
}

/** Every pilot of the municipality with how many passed it (for inviting them elsewhere). */
export async function pilotsWithPassed(db: DbOrTx, municipalityId: string) {
  const rows = await db
    .select({ id: pilots.id, name: pilots.name, startsOn: pilots.startsOn })
    .from(pilots)
    .where(eq(pilots.municipalityId, municipalityId));
  const passed = await db
    .select({ pilotId: pilotEnrolments.pilotId })
    .from(pilotEnrolments)
    .where(
      and(
        eq(pilotEnrolments.municipalityId, municipalityId),
        eq(pilotEnrolments.arm, 'participant'),
        isNotNull(pilotEnrolments.completedAt),
        isNotNull(pilotEnrolments.certification),
      ),
    );
  return rows
    .map((p) => ({
      id: p.id,
      name: p.name,
      passed: passed.filter((x) => x.pilotId === p.id).length,
    }))
    .sort((a, b) => a.name.localeCompare(b.name, 'da'));
}

/** The pilots a citizen passed (completed with the certification), by name. */
export async function pilotsPassedBy(db: DbOrTx, municipalityId: string, citizenId: string) {
  return (await pilotsPassedByCitizen(db, municipalityId, [citizenId])).get(citizenId) ?? [];
}

/** The pilots many citizens passed, in one query (lists of candidates), by citizen. */
export async function pilotsPassedByCitizen(
  db: DbOrTx,
  municipalityId: string,
  citizenIds: readonly string[],
): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (citizenIds.length === 0) return out;
  const rows = await db
    .select({ citizenId: pilotEnrolments.citizenId, name: pilots.name })
    .from(pilotEnrolments)
    .innerJoin(pilots, eq(pilots.id, pilotEnrolments.pilotId))
    .where(
      and(
        eq(pilotEnrolments.municipalityId, municipalityId),
        inArray(pilotEnrolments.citizenId, [...new Set(citizenIds)]),
        eq(pilotEnrolments.arm, 'participant'),
        isNotNull(pilotEnrolments.completedAt),
        isNotNull(pilotEnrolments.certification),
      ),
    );
  for (const r of rows) out.set(r.citizenId, [...(out.get(r.citizenId) ?? []), r.name]);
  return out;
}
