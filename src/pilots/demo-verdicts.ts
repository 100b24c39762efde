// Two more demo pilots that show the evaluation's other verdicts on synthetic register data with
// a known truth: one without any effect, whose smallest worthwhile effect is ruled out (closed),
// and one with a strong effect, stopped early at its first planned look. Drawn by the product's
// own lottery; the look is taken by the same rules a pilot manager's look is.
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/client';
import type { CprCipher } from '../platform/crypto/cpr-cipher';
import { clock } from '../platform/clock';
import { addDays } from '../workshops';
import { mondayOf, type DecisionRule } from './pilots.model';
import type { PilotStatus } from './pilots.constants';
import {
  pilotEnrolments,
  pilotLooks,
  pilotStatusChanges,
  pilots,
  type registerWeeks,
} from './pilots.schema';
import { insertRegisterRows, registerRows } from './demo-pilots';
import { seeded, syntheticWeeks, type SyntheticDesign } from './synthetic-register';
import { committedSeed, runLottery } from './run-lottery';
import { loadStudy } from './load-study';
import { evaluatePilot } from './evaluate-pilot.model';
import { fullRule, lookDecision, lookPlan, plannedSize } from './decision.model';

export const NO_EFFECT_PILOT_NAME = 'Jobsøgning med digitale værktøjer';
export const EARLY_STOP_PILOT_NAME = 'Digital kontorpraktik';
const MIN_COHORT = 100;

interface Spec {
  name: string;
  description: string;
  design: SyntheticDesign;
  weeksAgo: number;
  rule: DecisionRule;
  seed: string;
  /** The register's own generator: the verdict does not move when other demo data changes. */
  registerSeed: number;
  /** The status path after running, each with its reason. */
  end: [PilotStatus, string][];
}

async function seedStudyPilot(
  tx: DbOrTx,
  cipher: CprCipher,
  input: { municipalityId: string; managerId: string; caseworkerId: string; cohort: string[] },
  spec: Spec,
) {
  const { municipalityId } = input;
  const today = clock.now().toISOString().slice(0, 10);
  const startsOn = addDays(mondayOf(today), -7 * spec.weeksAgo);
  const at = (day: string) => new Date(`${day}T09:00:00Z`);
  const capacity = Math.floor(input.cohort.length / 2);
  const rule = fullRule(spec.rule);
  const size = rule.expectedRate === null ? null : plannedSize(rule, rule.expectedRate, capacity);
  const [pilot] = await tx
    .insert(pilots)
    .values({
      municipalityId,
      name: spec.name,
      description: spec.description,
      targetGroup: { triageGroups: [], jobGoalWords: [] },
      learningMethods: ['classroom', 'e_learning'],
      hoursPerWeek: 20,
      weeks: spec.design.programmeWeeks,
      capacity,
      startsOn,
      endsOn: addDays(startsOn, 7 * spec.design.programmeWeeks - 3),
      budgetDkk: 600_000,
      status: 'running',
      decisionRule: {
        ...rule,
        plannedSize: size && {
          participants: size.participants,
          controls: size.controls,
          expectedRate: rule.expectedRate!,
        },
      },
      ruleLockedAt: at(startsOn),
      ...committedSeed(spec.seed, at(addDays(startsOn, -49))),
      createdBy: input.managerId,
      createdAt: at(addDays(startsOn, -49)),
    })
    .returning();
  const p = pilot!;
  await tx.insert(pilotEnrolments).values(
    input.cohort.map((citizenId, i) => ({
      municipalityId,
      pilotId: p.id,
      citizenId,
      referredBy: input.caseworkerId,
      eligible: true,
      eligibility: [],
      createdAt: new Date(at(addDays(startsOn, -40)).getTime() + i * 60_000),
    })),
  );
  const { draw } = await runLottery(tx, p, at(addDays(startsOn, -7)));
  const participants = new Set(draw.participants);
  const rand = seeded(spec.registerSeed);
  const rows: (typeof registerWeeks.$inferInsert)[] = [];
  const enrolled = await tx
    .select({ id: pilotEnrolments.id, citizenId: pilotEnrolments.citizenId })
    .from(pilotEnrolments)
    .where(eq(pilotEnrolments.pilotId, p.id));
  const start = mondayOf(startsOn);
  for (const e of enrolled) {
    const participant = participants.has(e.id);
    if (participant)
      await tx
        .update(pilotEnrolments)
        .set({ sessionsAttended: rand() < 0.9 ? 8 + Math.floor(rand() * 8) : 0 })
        .where(eq(pilotEnrolments.id, e.id));
    rows.push(
      ...registerRows(
        municipalityId,
        e.citizenId,
        start,
        syntheticWeeks({ ...spec.design, weeksAfter: spec.weeksAgo }, participant, rand),
      ),
    );
  }
  await insertRegisterRows(tx, rows);

  // The history as the pilot manager lived it; a planned look is taken where the plan says.
  const history: [PilotStatus, PilotStatus, string, string][] = [
    [
      'planned',
      'recruiting',
      'Styregruppen har godkendt projektet og beslutningsreglen.',
      addDays(startsOn, -42),
    ],
    ['recruiting', 'running', 'Lodtrækning foretaget.', startsOn],
  ];
  if (rule.looks.length > 0) {
    const registered = fullRule(p.decisionRule);
    const study = await loadStudy(tx, cipher, p);
    const result = evaluatePilot(registered, p.weeks, study);
    const plan = lookPlan(registered, [], result.effect, false);
    if (plan.due && result.effect) {
      const decision = lookDecision(registered, result.effect, plan.due.boundary, plan.due.final);
      await tx.insert(pilotLooks).values({
        municipalityId,
        pilotId: p.id,
        look: plan.due.look,
        fraction: plan.due.fraction,
        boundary: plan.due.boundary,
        z: result.effect.estimate / result.effect.se,
        estimate: result.effect.estimate,
        se: result.effect.se,
        decision,
        by: input.managerId,
        at: at(addDays(today, -3)),
      });
    }
  }
  let from: PilotStatus = 'running';
  for (const [to, reason] of spec.end) {
    history.push([from, to, reason, addDays(today, -2)]);
    from = to;
  }
  for (const [fromStatus, toStatus, reason, day] of history)
    await tx.insert(pilotStatusChanges).values({
      municipalityId,
      pilotId: p.id,
      fromStatus,
      toStatus,
      reason,
      by: input.managerId,
      at: at(day),
    });
  await tx.update(pilots).set({ status: from }).where(eq(pilots.id, p.id));
  return p.id;
}

/**
 * The closed pilot (no true effect; its 20-point promise ruled out) on one cohort, and the
 * early-stopped one (a strong effect, stopped for efficacy at its first look) on another.
 */
export async function seedVerdictPilots(
  tx: DbOrTx,
  cipher: CprCipher,
  input: {
    municipalityId: string;
    managerId: string;
    caseworkerId: string;
    noEffectCohort: string[];
    earlyStopCohort: string[];
  },
) {
  const base = { ...input };
  // A small demo (`seed --demo --citizens 20`) has too few people for a lottery with a verdict.
  if (Math.min(input.noEffectCohort.length, input.earlyStopCohort.length) < MIN_COHORT)
    return { closed: null, stopped: null };
  const closed = await seedStudyPilot(
    tx,
    cipher,
    { ...base, cohort: input.noEffectCohort },
    {
      name: NO_EFFECT_PILOT_NAME,
      description:
        'Fire ugers holdforløb i digital jobsøgning (Jobnet, LinkedIn, video-ansøgning). Lovede 20 procentpoint flere i job efter et halvt år.',
      design: {
        baseHazard: 0.025,
        hazardRatio: 1,
        lockInRatio: 1,
        programmeWeeks: 4,
        weeksBefore: 26,
        weeksAfter: 34,
      },
      weeksAgo: 34,
      rule: { outcomeWeeks: 26, minimumEffect: 20, method: 'lottery', stretchWeeks: 4 },
      seed: 'jobsoegning-styregruppe-2026',
      registerSeed: 4,
      end: [
        ['evaluating', 'Forløbet er slut, og 26-ugers opfølgningen er nået.'],
        ['closed', 'Lukket: den mindste effekt, der er værd at beholde, er udelukket.'],
      ],
    },
  );
  const stopped = await seedStudyPilot(
    tx,
    cipher,
    { ...base, cohort: input.earlyStopCohort },
    {
      name: EARLY_STOP_PILOT_NAME,
      description:
        'Fire ugers praktik med digitale kontoropgaver i kommunens egne forvaltninger. Planlagt med to kig; stoppet tidligt ved det første, fordi effekten var tydelig.',
      design: {
        baseHazard: 0.025,
        hazardRatio: 3,
        lockInRatio: 0.8,
        programmeWeeks: 4,
        weeksBefore: 26,
        weeksAfter: 20,
      },
      weeksAgo: 20,
      rule: {
        outcomeWeeks: 13,
        minimumEffect: 15,
        method: 'lottery',
        stretchWeeks: 4,
        expectedRate: 28,
        looks: [0.5, 1],
        subgroups: ['age'],
      },
      seed: 'kontorpraktik-styregruppe-2026',
      registerSeed: 9,
      end: [
        ['evaluating', 'Stoppet ved planlagt kig 1: effekten er vist.'],
        ['continued', 'Videreføres: effekten er vist ved det planlagte kig.'],
      ],
    },
  );
  return { closed, stopped };
}
