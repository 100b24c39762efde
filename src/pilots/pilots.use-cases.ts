// The pilot use cases: every change of a pilot and every read of its people, for the routes,
// the CLI and the demo alike. Each authorises through the pilot policy, writes its audit row in
// the caller's transaction and throws DomainErrors.
import type { Readable } from 'node:stream';
import { writeAudit, type AuditActor } from '../platform/audit';
import type { CprCipher } from '../platform/crypto/cpr-cipher';
import type { Db, DbOrTx } from '../platform/db/client';
import { DomainError, conflict, invalid, notFound } from '../platform/errors';
import { authorize } from '../platform/policy';
import type { Actor } from '../platform/auth/roles';
import type { UseCase } from '../platform/use-case';
import { clock } from '../platform/clock';
import { findCitizen } from '../people';
import { latestResults } from '../assessment';
import { EstimationError, adjustBH, powerOfProportions } from '../evaluation';
import type {
  ParticipationInput,
  PartnerInput,
  PilotCreateInput,
  PilotUpdateInput,
  PortfolioView,
  PowerView,
  StatusInput,
} from './pilots.contract';
import type { PowerQuery } from './pilots.contract';
import {
  fullRule,
  lookDecision,
  lookPlan,
  plannedSize,
  sequentialVerdict,
  type FullRule,
  type LookRecord,
} from './decision.model';
import { ageOn, canMove, eligibility, validCvr, type DecisionRule } from './pilots.model';
import { pilotPolicy, referralPolicy } from './pilots.policy';
import {
  pilotTarget,
  presentEnrolment,
  presentLottery,
  presentPilot,
  presentPilotSummary,
} from './pilots.presenters';
import {
  deletePartner,
  drawnOrder,
  enrolmentsOf,
  findEnrolment,
  findPilot,
  insertEnrolment,
  insertPartner,
  insertPilot,
  insertLook,
  insertStatusChange,
  listPilots,
  looksOf,
  lockPilot,
  pilotDetails,
  updateEnrolment,
  updatePilot,
  type PilotRow,
} from './pilots.store';
import { committedSeed, runLottery } from './run-lottery';
import { loadStudy, registerExitRate } from './load-study';
import { importRegister, type Progress } from './register-import';
import { evaluatePilot, pValueOf, type PilotEvaluation } from './evaluate-pilot.model';

/** A pilot the actor may read (404 otherwise, so others' pilots stay unknown). */
async function loadPilot(db: DbOrTx, actor: Actor, id: string, forUpdate = false) {
  const p = forUpdate
    ? await lockPilot(db, actor.municipalityId, id)
    : await findPilot(db, actor.municipalityId, id);
  if (!p || !pilotPolicy.read(actor, pilotTarget(p))) throw notFound();
  return p;
}

const view = async (uc: UseCase, p: PilotRow) =>
  presentPilot(uc.actor, p, await pilotDetails(uc.tx, p.id));

export async function listPilotSummaries(uc: UseCase) {
  return (await listPilots(uc.tx, uc.actor.municipalityId)).map(presentPilotSummary);
}

export async function readPilot(uc: UseCase, id: string) {
  return view(uc, await loadPilot(uc.tx, uc.actor, id));
}

/**
 * The rule as registered, with the size its power calculation asks for (from the given expected
 * rate, else the register's), so the plan is on record beside the rule.
 */
async function sizedRule(
  db: DbOrTx,
  municipalityId: string,
  rule: DecisionRule,
  capacity: number,
): Promise<FullRule> {
  const full = fullRule({ ...rule, plannedSize: null });
  const rate =
    full.expectedRate ??
    (await registerExitRate(db, municipalityId, full.outcomeWeeks, full.stretchWeeks)).rate;
  if (rate === null || !(full.minimumEffect > 0)) return full;
  const size = plannedSize(full, rate, capacity);
  if (!Number.isFinite(size.perArm)) return full;
  return {
    ...full,
    plannedSize: {
      participants: size.participants,
      controls: size.controls,
      expectedRate: Math.round(rate * 10) / 10,
    },
  };
}

/** Two rules are the same when every choice is (the recorded size follows from them). */
const sameRule = (a: DecisionRule, b: DecisionRule) => {
  const strip = ({ plannedSize: _, ...r }: FullRule) =>
    JSON.stringify(Object.entries(r).sort(([x], [y]) => x.localeCompare(y)));
  return strip(fullRule(a)) === strip(fullRule(b));
};

export async function createPilot(uc: UseCase, input: PilotCreateInput) {
  const decisionRule = await sizedRule(
    uc.tx,
    uc.actor.municipalityId,
    input.decisionRule,
    input.capacity,
  );
  const row = await insertPilot(uc.tx, {
    ...input,
    decisionRule,
    ...committedSeed(),
    municipalityId: uc.actor.municipalityId,
    createdBy: uc.actor.userId,
  });
  await writeAudit(uc.tx, uc.audit, {
    action: 'pilot.create',
    entity: 'pilot',
    entityId: row.id,
    purpose: 'pilot_management',
    details: { decisionRule },
  });
  return view(uc, row);
}

export async function editPilot(uc: UseCase, id: string, input: PilotUpdateInput) {
  const p = await loadPilot(uc.tx, uc.actor, id, true);
  const target = pilotTarget(p);
  authorize(pilotPolicy, uc.actor, 'edit', target);
  const ruleChanged =
    input.decisionRule !== undefined && !sameRule(input.decisionRule, p.decisionRule);
  if (ruleChanged && !pilotPolicy.editRule(uc.actor, target)) throw conflict('pilot_rule_locked');
  // The start defines week 0 of every outcome, so it freezes with the rule.
  if (
    input.startsOn !== undefined &&
    input.startsOn !== p.startsOn &&
    !pilotPolicy.editRule(uc.actor, target)
  )
    throw conflict('pilot_start_locked');
  if ((input.startsOn ?? p.startsOn) > (input.endsOn ?? p.endsOn)) throw invalid('pilot_dates');
  // A new rule or a new number of places: the size on record is worked out again.
  const resize = ruleChanged || (input.capacity !== undefined && input.capacity !== p.capacity);
  const rest: Partial<PilotUpdateInput> = { ...input };
  delete rest.decisionRule;
  const row = await updatePilot(uc.tx, p.id, {
    ...rest,
    ...(resize &&
      pilotPolicy.editRule(uc.actor, target) && {
        decisionRule: await sizedRule(
          uc.tx,
          p.municipalityId,
          input.decisionRule ?? p.decisionRule,
          input.capacity ?? p.capacity,
        ),
      }),
  });
  await writeAudit(uc.tx, uc.audit, {
    action: ruleChanged ? 'pilot.rule.change' : 'pilot.update',
    entity: 'pilot',
    entityId: p.id,
    purpose: 'pilot_management',
    details: ruleChanged
      ? { from: p.decisionRule, to: input.decisionRule }
      : { fields: Object.keys(input) },
  });
  return view(uc, row);
}

/** Moves a pilot along its life; from the start on, the decision rule is frozen as registered. */
export async function movePilot(uc: UseCase, id: string, { to, reason }: StatusInput) {
  const p = await loadPilot(uc.tx, uc.actor, id, true);
  authorize(pilotPolicy, uc.actor, 'move', pilotTarget(p));
  const from = p.status;
  if (!canMove(from, to)) throw conflict('pilot_move_invalid', { from, to });
  const now = clock.now();
  const row = await updatePilot(uc.tx, p.id, {
    status: to,
    ...(to === 'running' && { ruleLockedAt: now }),
  });
  await insertStatusChange(uc.tx, {
    municipalityId: p.municipalityId,
    pilotId: p.id,
    fromStatus: from,
    toStatus: to,
    reason,
    by: uc.actor.userId,
  });
  await writeAudit(uc.tx, uc.audit, {
    action: 'pilot.status',
    entity: 'pilot',
    entityId: p.id,
    purpose: 'pilot_management',
    details: { from, to, reason },
  });
  return view(uc, row);
}

export async function addPartner(uc: UseCase, id: string, input: PartnerInput) {
  if (input.kind === 'company' && !input.cvr) throw invalid('cvr_required');
  if (input.cvr && !validCvr(input.cvr)) throw invalid('cvr_invalid');
  const p = await loadPilot(uc.tx, uc.actor, id);
  authorize(pilotPolicy, uc.actor, 'edit', pilotTarget(p));
  await insertPartner(uc.tx, {
    municipalityId: p.municipalityId,
    pilotId: p.id,
    kind: input.kind,
    name: input.name,
    cvr: input.cvr ?? null,
    role: input.role,
  });
  return view(uc, p);
}

export async function removePartner(uc: UseCase, id: string, partnerId: string) {
  const p = await loadPilot(uc.tx, uc.actor, id);
  authorize(pilotPolicy, uc.actor, 'edit', pilotTarget(p));
  if (!(await deletePartner(uc.tx, p.id, partnerId))) throw notFound();
  return view(uc, p);
}

/** Refers a citizen; the eligibility against the target group is worked out and kept. */
export async function referCitizen(uc: UseCase, id: string, citizenId: string) {
  const { tx, actor } = uc;
  const p = await loadPilot(tx, actor, id, true);
  if (!pilotPolicy.refer(actor, pilotTarget(p))) throw conflict('referral_closed');
  const c = await findCitizen(tx, actor.municipalityId, citizenId);
  if (!c) throw notFound();
  authorize(referralPolicy, actor, 'referCitizen', c, 'not_found');
  const test = (await latestResults(tx, actor.municipalityId, [c.id])).get(c.id);
  const checks = eligibility(p.targetGroup, {
    age: ageOn(c.birthDate, p.startsOn),
    triageGroup: test?.triageGroup ?? null,
    employmentGoal: c.employmentGoal,
    educationLevel: c.educationLevel,
  });
  const row = await insertEnrolment(tx, {
    municipalityId: p.municipalityId,
    pilotId: p.id,
    citizenId: c.id,
    referredBy: actor.userId,
    eligible: checks.every((x) => x.ok),
    eligibility: checks,
  });
  if (!row) throw conflict('already_referred');
  await writeAudit(tx, uc.audit, {
    action: 'pilot.referral.create',
    entity: 'pilot_enrolment',
    entityId: row.id,
    citizenId: c.id,
    purpose: actor.roles.includes('caseworker') ? 'case_management' : 'pilot_management',
    details: { pilotId: p.id, eligible: row.eligible },
  });
  return { id: row.id, eligible: row.eligible, eligibility: checks };
}

export async function listEnrolments(uc: UseCase, id: string) {
  const p = await loadPilot(uc.tx, uc.actor, id);
  authorize(pilotPolicy, uc.actor, 'seeEnrolments', pilotTarget(p));
  const rows = await enrolmentsOf(uc.tx, p.municipalityId, p.id);
  await writeAudit(uc.tx, uc.audit, {
    action: 'pilot.enrolment.list',
    entity: 'pilot_enrolment',
    purpose: 'pilot_management',
    details: { pilotId: p.id, count: rows.length },
  });
  return rows.map((r) => presentEnrolment(r.enrolment, r.firstName, r.lastName));
}

export async function drawPilotLottery(uc: UseCase, id: string) {
  const p = await loadPilot(uc.tx, uc.actor, id, true);
  if (!pilotPolicy.lottery(uc.actor, pilotTarget(p))) throw conflict('lottery_not_allowed');
  const { pilot: row, applicants, draw } = await runLottery(uc.tx, p);
  await writeAudit(uc.tx, uc.audit, {
    action: 'pilot.lottery',
    entity: 'pilot',
    entityId: p.id,
    purpose: 'pilot_management',
    details: {
      seed: row.lotterySeed,
      commitment: row.lotteryCommitment,
      applicants,
      participants: draw.participants.length,
      controls: draw.controls.length,
    },
  });
  return view(uc, row);
}

/** The lottery as drawn, with the check anyone can repeat. */
export async function readLottery(uc: UseCase, id: string) {
  const p = await loadPilot(uc.tx, uc.actor, id);
  const { lotteryAt, lotterySeed, lotteryApplicants, lotteryCapacity } = p;
  if (!lotteryAt || !lotterySeed || !lotteryApplicants || lotteryCapacity === null)
    throw conflict('lottery_not_drawn');
  return presentLottery(
    { ...p, lotteryAt, lotterySeed, lotteryApplicants },
    lotteryCapacity,
    await drawnOrder(uc.tx, p.id),
  );
}

export async function recordParticipation(uc: UseCase, id: string, input: ParticipationInput) {
  const e = await findEnrolment(uc.tx, uc.actor.municipalityId, id);
  if (!e) throw notFound();
  const p = await loadPilot(uc.tx, uc.actor, e.pilotId);
  authorize(pilotPolicy, uc.actor, 'seeEnrolments', pilotTarget(p));
  const forControl = input.tookPartElsewhere !== undefined;
  const forParticipant =
    input.sessionsAttended !== undefined ||
    input.completed !== undefined ||
    input.certification !== undefined;
  // Participants' attendance, controls' course elsewhere: each only for its own arm.
  if ((forControl && e.arm !== 'control') || (forParticipant && e.arm !== 'participant'))
    throw invalid('pilot_participation_arm');
  if (!forControl && !forParticipant) throw invalid('bad_request');
  await updateEnrolment(uc.tx, e.id, {
    ...(input.sessionsAttended !== undefined && { sessionsAttended: input.sessionsAttended }),
    ...(input.completed !== undefined && {
      completedAt: input.completed ? (e.completedAt ?? clock.now()) : null,
    }),
    ...(input.certification !== undefined && { certification: input.certification }),
    ...(forControl && { tookPartElsewhere: input.tookPartElsewhere }),
  });
  await writeAudit(uc.tx, uc.audit, {
    action: 'pilot.participation.update',
    entity: 'pilot_enrolment',
    entityId: e.id,
    citizenId: e.citizenId,
    purpose: 'pilot_management',
    details: { fields: Object.keys(input) },
  });
  return { id: e.id };
}

export type EvaluationResult = PilotEvaluation & {
  sequential: {
    planned: { look: number; fraction: number; record: LookRecord | null }[];
    fraction: number | null;
    due: { look: number; fraction: number; boundary: number; final: boolean } | null;
    exploratory: boolean;
  } | null;
};

/** The evaluation and, with planned looks, where the sequence stands (pure of audit). */
async function evaluation(uc: UseCase, cipher: CprCipher, p: PilotRow): Promise<EvaluationResult> {
  const people = await loadStudy(uc.tx, cipher, p);
  let result: PilotEvaluation;
  try {
    result = evaluatePilot(p.decisionRule, p.weeks, people);
  } catch (err) {
    if (err instanceof EstimationError)
      throw conflict('evaluation_not_possible', { reason: err.message });
    throw err;
  }
  const rule = fullRule(p.decisionRule);
  if (rule.looks.length === 0) return { ...result, sequential: null };
  const taken = await looksOf(uc.tx, p.id);
  // The last look is due once recruitment is over and everyone is followed to the horizon.
  const complete = result.followUpWeeks >= rule.outcomeWeeks && p.status === 'evaluating';
  const plan = lookPlan(rule, taken, result.effect, complete);
  const decided = sequentialVerdict(taken, rule);
  return {
    ...result,
    // With planned looks, only a look decides; between looks the figures are exploratory.
    verdict: decided ?? 'not_yet_decided',
    decision: { ...result.decision, verdict: decided ?? 'not_yet_decided' },
    sequential: { ...plan, exploratory: decided === null && plan.due === null },
  };
}

/** Evaluates a pilot against its pre-registered rule (read as evaluation, or as an export). */
export async function evaluate(
  uc: UseCase,
  cipher: CprCipher,
  id: string,
  action: 'pilot.evaluation.read' | 'pilot.evaluation.export' = 'pilot.evaluation.read',
): Promise<{ pilot: PilotRow; result: EvaluationResult }> {
  const p = await loadPilot(uc.tx, uc.actor, id);
  authorize(pilotPolicy, uc.actor, 'evaluate', pilotTarget(p));
  const result = await evaluation(uc, cipher, p);
  await writeAudit(uc.tx, uc.audit, {
    action,
    entity: 'pilot',
    entityId: p.id,
    purpose: 'evaluation',
    details: { treated: result.nTreated, control: result.nControl, verdict: result.verdict },
  });
  return { pilot: p, result };
}

/** Takes the planned look that is due and keeps it; there is no unplanned look. */
export async function recordLook(uc: UseCase, cipher: CprCipher, id: string) {
  const p = await loadPilot(uc.tx, uc.actor, id, true);
  authorize(pilotPolicy, uc.actor, 'look', pilotTarget(p));
  const rule = fullRule(p.decisionRule);
  if (rule.looks.length === 0) throw conflict('pilot_no_looks');
  const result = await evaluation(uc, cipher, p);
  const due = result.sequential?.due;
  if (!due || !result.effect) throw conflict('pilot_look_not_due');
  const record: LookRecord = {
    look: due.look,
    fraction: due.fraction,
    boundary: due.boundary,
    z: result.effect.estimate / result.effect.se,
    estimate: result.effect.estimate,
    se: result.effect.se,
    decision: lookDecision(rule, result.effect, due.boundary, due.final),
  };
  await insertLook(uc.tx, {
    ...record,
    municipalityId: p.municipalityId,
    pilotId: p.id,
    by: uc.actor.userId,
  });
  await writeAudit(uc.tx, uc.audit, {
    action: 'pilot.look',
    entity: 'pilot',
    entityId: p.id,
    purpose: 'evaluation',
    details: { ...record },
  });
  return record;
}

/** The size a rule needs, for the registration page (no personal data: the rate is a share). */
export async function powerFor(uc: UseCase, q: PowerQuery): Promise<PowerView> {
  const looks = q.looks
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean)
    .map(Number);
  if (looks.some((t) => !(t > 0 && t <= 1)) || looks.some((t, k) => k > 0 && !(t > looks[k - 1]!)))
    throw invalid('pilot_looks_order');
  if (looks.length > 0 && looks.at(-1) !== 1) throw invalid('pilot_looks_last');
  const rule = fullRule({ ...q, method: 'lottery', looks, expectedRate: q.expectedRate ?? null });
  const register =
    q.expectedRate === undefined
      ? await registerExitRate(uc.tx, uc.actor.municipalityId, rule.outcomeWeeks, rule.stretchWeeks)
      : { rate: null, people: 0 };
  const rate = q.expectedRate ?? register.rate;
  const source = q.expectedRate !== undefined ? 'given' : rate === null ? 'none' : 'register';
  if (rate === null)
    return {
      expectedRate: null,
      source,
      registerPeople: register.people,
      perArm: null,
      participants: null,
      controls: null,
      reachable: false,
      powerAtCapacity: null,
    };
  const size = plannedSize(rule, rate, q.capacity);
  const finite = Number.isFinite(size.perArm);
  return {
    expectedRate: rate,
    source,
    registerPeople: register.people,
    perArm: finite ? size.perArm : null,
    participants: finite ? size.participants : null,
    controls: finite ? size.controls : null,
    reachable: finite && size.reachable,
    powerAtCapacity:
      size.p2 > size.p1
        ? powerOfProportions({
            p1: size.p1,
            p2: size.p2,
            alpha: rule.alpha,
            sides: rule.sides,
            n: q.capacity,
          })
        : null,
  };
}

/**
 * Every pilot's effect at its horizon with p-values adjusted for the number of pilots, so a pilot
 * that looked good by chance among many is seen as such. Aggregates only; one audit row.
 */
export async function portfolio(uc: UseCase, cipher: CprCipher): Promise<PortfolioView> {
  const rows = (await listPilots(uc.tx, uc.actor.municipalityId)).map((r) => r.pilot);
  const out: PortfolioView['pilots'] = [];
  for (const p of rows) {
    if (!pilotPolicy.evaluate(uc.actor, pilotTarget(p))) continue;
    const base = { id: p.id, name: p.name, status: p.status };
    if (p.lotteryAt === null && p.decisionRule.method === 'lottery') {
      out.push({ ...base, ...nothing, reason: 'not_started' });
      continue;
    }
    try {
      const r = await evaluation(uc, cipher, p);
      const e = r.effect;
      out.push({
        ...base,
        verdict: r.verdict,
        nTreated: r.nTreated,
        nControl: r.nControl,
        effect: e
          ? { estimate: e.estimate, ci95: [e.estimate - 1.96 * e.se, e.estimate + 1.96 * e.se] }
          : null,
        p: e ? pValueOf(e) : null,
        pAdjusted: null,
        reason: e ? null : 'too_early',
      });
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      out.push({ ...base, ...nothing, reason: 'not_possible' });
    }
  }
  const withP = out.filter((x) => x.p !== null);
  const adjusted = adjustBH(withP.map((x) => x.p!));
  withP.forEach((x, i) => (x.pAdjusted = adjusted[i]!));
  await writeAudit(uc.tx, uc.audit, {
    action: 'pilot.portfolio.read',
    entity: 'pilot',
    purpose: 'evaluation',
    details: { pilots: out.length },
  });
  return { pilots: out };
}

const nothing = {
  verdict: null,
  nTreated: null,
  nControl: null,
  effect: null,
  p: null,
  pAdjusted: null,
};

type PilotOutcomeVerdict = EvaluationResult['verdict'];

/** A pilot as the strategy's follow-up sees it: aggregates only. */
export interface PilotOutcome {
  id: string;
  name: string;
  status: PilotRow['status'];
  startsOn: string;
  endsOn: string;
  budgetDkk: number;
  learningMethods: PilotRow['learningMethods'];
  participants: number;
  verdict: PilotOutcomeVerdict | null;
  /** Difference in exit rate at the rule's horizon (percentage points) with its 95 % interval. */
  effect: { estimate: number; ci95: [number, number] } | null;
  /** Participants the register shows leaving benefit for work within the follow-up. */
  exits: number | null;
}

/**
 * Every pilot of the municipality with its verdict, effect and exits, for the taskforce's
 * follow-up (which sees no person). The caller's use case carries the audit; no policy per
 * pilot, because nothing here names anyone.
 */
export async function pilotOutcomes(uc: UseCase, cipher: CprCipher): Promise<PilotOutcome[]> {
  const rows = await listPilots(uc.tx, uc.actor.municipalityId);
  const out: PilotOutcome[] = [];
  for (const { pilot: p, participants } of rows) {
    const base = {
      id: p.id,
      name: p.name,
      status: p.status,
      startsOn: p.startsOn,
      endsOn: p.endsOn,
      budgetDkk: p.budgetDkk,
      learningMethods: p.learningMethods,
      participants,
    };
    const started = !(p.lotteryAt === null && p.decisionRule.method === 'lottery');
    let result: EvaluationResult | null = null;
    if (started)
      try {
        result = await evaluation(uc, cipher, p);
      } catch (err) {
        if (!(err instanceof DomainError)) throw err;
      }
    const e = result?.effect ?? null;
    out.push({
      ...base,
      verdict: result?.verdict ?? null,
      effect: e
        ? { estimate: e.estimate, ci95: [e.estimate - 1.96 * e.se, e.estimate + 1.96 * e.se] }
        : null,
      exits: result
        ? result.sample.filter((r) => r.group === 'participant' && r.event === 1).length
        : null,
    });
  }
  return out;
}

/**
 * Imports register data (all or nothing), from the web or the CLI; audited when written. The
 * import keeps its own transaction (millions of rows, streamed), so it takes the database and
 * who acts, not a caller's transaction.
 */
export async function importRegisterData(
  db: Db,
  audit: AuditActor,
  cipher: CprCipher,
  input: Readable | string,
  options: { onProgress?: Progress; totalBytes?: number } = {},
) {
  const report = await importRegister(db, cipher, audit.municipalityId, input, options);
  if (report.problemCount === 0)
    await writeAudit(db, audit, {
      action: 'register.import',
      entity: 'register_weeks',
      purpose: 'pilot_management',
      details: { rows: report.rows, imported: report.imported, unknown: report.unknownPeople },
    });
  return report;
}
