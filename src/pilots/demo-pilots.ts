// The demo's first pilot: Microsoft Azure upskilling of unemployed academics, then matchmaking
// with Microsoft's partner companies. A cohort was referred, the lottery (the product's own use
// case) drew half of the eligible, and weekly register data is synthetic with a known true
// effect (AZURE_DESIGN: participants find work 1.8 times as fast after an 8-week lock-in), so
// the evaluation has something true to find.
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/client';
import type { EducationLevel } from '../people';
import { ageOn, eligibility, mondayOf, type TargetGroup, type WeekStatus } from './pilots.model';
import type { PilotStatus } from './pilots.constants';
import {
  pilotEnrolments,
  pilotPartners,
  pilotStatusChanges,
  pilots,
  registerWeeks,
} from './pilots.schema';
import { AZURE_DESIGN, syntheticWeeks } from './synthetic-register';
import { committedSeed, runLottery } from './run-lottery';
import { addDays } from '../workshops';
import { clock } from '../platform/clock';

export const AZURE_PILOT_NAME = 'Microsoft Azure for ledige akademikere';
export const AZURE_SEED = 'azure-styregruppe-2026';
/** The pilot started this many weeks before the demo was seeded. */
export const AZURE_WEEKS_AGO = 40;

const TARGET: TargetGroup = {
  triageGroups: [],
  minAge: 25,
  jobGoalWords: ['IT', 'cloud', 'data', 'software', 'system', 'udvikler'],
  educationLevels: ['medium_higher', 'long_higher'],
};

/** Job goals of the referred academics (all within the target group's words). */
export const AZURE_GOALS = [
  'Cloud-konsulent (Microsoft Azure)',
  'IT-konsulent',
  'Dataanalytiker',
  'Softwareudvikler',
  'IT-projektleder',
  'Systemadministrator',
];

export async function seedPilots(
  tx: DbOrTx,
  input: {
    municipalityId: string;
    managerId: string;
    caseworkerId: string;
    cohort: {
      id: string;
      birthDate: string;
      employmentGoal: string | null;
      educationLevel: EducationLevel | null;
    }[];
    rand: () => number;
    now?: Date;
  },
) {
  const { municipalityId, rand } = input;
  const today = (input.now ?? clock.now()).toISOString().slice(0, 10);
  const startsOn = addDays(mondayOf(today), -7 * AZURE_WEEKS_AGO);
  const checks = input.cohort.map((c) =>
    eligibility(TARGET, {
      age: ageOn(c.birthDate, startsOn),
      triageGroup: null,
      employmentGoal: c.employmentGoal,
      educationLevel: c.educationLevel,
    }),
  );
  const eligibleCount = checks.filter((x) => x.every((r) => r.ok)).length;
  const capacity = Math.floor(eligibleCount / 2);
  const endsOn = addDays(startsOn, 7 * AZURE_DESIGN.programmeWeeks - 3);
  const at = (day: string) => new Date(`${day}T09:00:00Z`);
  const [pilot] = await tx
    .insert(pilots)
    .values({
      municipalityId,
      name: AZURE_PILOT_NAME,
      description:
        'Otte ugers opkvalificering i Microsoft Azure (e-læring og undervisning på arbejdspladsen) for ledige akademikere med et jobmål i IT, afsluttet med AZ-900 og et matchmaking-arrangement med Microsofts partnervirksomheder.',
      targetGroup: TARGET,
      learningMethods: ['e_learning', 'workplace', 'internship'],
      hoursPerWeek: 30,
      weeks: AZURE_DESIGN.programmeWeeks,
      capacity,
      startsOn,
      endsOn,
      budgetDkk: 1_450_000,
      status: 'evaluating',
      decisionRule: {
        outcomeWeeks: 26,
        minimumEffect: 5,
        method: 'lottery',
        stretchWeeks: 4,
        subgroups: ['age', 'education'],
      },
      ruleLockedAt: at(startsOn),
      // The steering group's seed on record, committed to when the pilot was made.
      ...committedSeed(AZURE_SEED, at(addDays(startsOn, -70))),
      createdBy: input.managerId,
      createdAt: at(addDays(startsOn, -70)),
    })
    .returning();
  const pilotId = pilot!.id;
  await tx.insert(pilotPartners).values([
    {
      municipalityId,
      pilotId,
      kind: 'company',
      name: 'Microsoft Danmark ApS',
      cvr: '13612870',
      role: 'Kursusmateriale, AZ-900 og matchmaking med partnere',
    },
    {
      municipalityId,
      pilotId,
      kind: 'a_kasse',
      name: 'Akademikernes A-kasse',
      role: 'Henviser ledige medlemmer',
    },
    { municipalityId, pilotId, kind: 'union', name: 'IDA', role: 'Mentorer fra branchen' },
  ]);
  const steps: [PilotStatus, PilotStatus, string, number][] = [
    ['planned', 'recruiting', 'Styregruppen har godkendt projektet og beslutningsreglen.', -63],
    ['recruiting', 'running', 'Flere ansøgere end pladser: lodtrækning foretaget.', 0],
    ['running', 'evaluating', 'Forløbet er slut, og 26-ugers opfølgningen er nået.', 7 * 27],
  ];
  for (const [fromStatus, toStatus, reason, days] of steps)
    await tx.insert(pilotStatusChanges).values({
      municipalityId,
      pilotId,
      fromStatus,
      toStatus,
      reason,
      by: input.managerId,
      at: at(addDays(startsOn, days)),
    });

  // Referral order is the published lottery input; the seed is on record.
  const enrolments = await tx
    .insert(pilotEnrolments)
    .values(
      input.cohort.map((c, i) => ({
        municipalityId,
        pilotId,
        citizenId: c.id,
        referredBy: input.caseworkerId,
        eligible: checks[i]!.every((r) => r.ok),
        eligibility: checks[i]!,
        // Ten a day, a minute apart: no ties, so the published order (and the draw) never
        // depends on the random record ids, and the demo's evaluation is the same every time.
        createdAt: new Date(
          at(addDays(startsOn, -60 + Math.floor(i / 10))).getTime() + (i % 10) * 60_000,
        ),
      })),
    )
    .returning({
      id: pilotEnrolments.id,
      citizenId: pilotEnrolments.citizenId,
      eligible: pilotEnrolments.eligible,
    });
  const { draw } = await runLottery(
    tx,
    { id: pilotId, municipalityId, capacity, lotterySeed: AZURE_SEED },
    at(addDays(startsOn, -7)),
  );
  const participants = new Set(draw.participants);
  const start = mondayOf(startsOn);
  const weekRows: (typeof registerWeeks.$inferInsert)[] = [];
  let controls = 0;
  for (const e of enrolments.filter((x) => x.eligible)) {
    const participant = participants.has(e.id);
    // Every tenth control found an Azure course elsewhere (not from the generator, so the
    // register data stays as it was).
    if (!participant && controls++ % 10 === 3)
      await tx
        .update(pilotEnrolments)
        .set({ tookPartElsewhere: true })
        .where(eq(pilotEnrolments.id, e.id));
    const done = participant && rand() < 0.8;
    if (participant)
      await tx
        .update(pilotEnrolments)
        .set({
          sessionsAttended: done ? 30 + Math.floor(rand() * 11) : Math.floor(rand() * 20),
          completedAt: done ? at(endsOn) : null,
          certification: done && rand() < 0.75 ? 'AZ-900' : null,
        })
        .where(eq(pilotEnrolments.id, e.id));
    weekRows.push(
      ...registerRows(
        municipalityId,
        e.citizenId,
        start,
        syntheticWeeks({ ...AZURE_DESIGN, weeksAfter: AZURE_WEEKS_AGO }, participant, rand),
      ),
    );
  }
  await insertRegisterRows(tx, weekRows);
  return {
    pilotId,
    endsOn,
    participants: draw.participants.length,
    controls: draw.controls.length,
  };
}

/** Synthetic weeks as register rows, counted from the pilot's start week. */
export function registerRows(
  municipalityId: string,
  citizenId: string,
  start: string,
  weeks: WeekStatus[],
): (typeof registerWeeks.$inferInsert)[] {
  return weeks.map((w) => ({
    municipalityId,
    citizenId,
    week: addDays(start, 7 * w.offset),
    benefit: w.benefit,
    employed: w.employed,
    education: false,
  }));
}

/** In chunks: one statement may carry at most 65,535 parameters. */
export async function insertRegisterRows(tx: DbOrTx, rows: (typeof registerWeeks.$inferInsert)[]) {
  for (let i = 0; i < rows.length; i += 5000)
    await tx.insert(registerWeeks).values(rows.slice(i, i + 5000));
}
