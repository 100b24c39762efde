// Records → the views the API answers with. Pure: what a view needs is loaded by the use case.
import type { Actor } from '../platform/auth/roles';
import { permissionsFor } from '../platform/policy';
import type {
  EnrolmentView,
  LotteryRecordView,
  PilotSummaryView,
  PilotView,
} from './pilots.contract';
import { canMove, verifyLottery, LOTTERY_ALGORITHM, PILOT_STATUSES } from './pilots.model';
import { pilotPolicy, type PilotTarget } from './pilots.policy';
import { fullRule } from './decision.model';
import type { EnrolmentRow, PilotRow, pilotDetails, listPilots } from './pilots.store';

export const pilotTarget = (p: PilotRow): PilotTarget => ({
  municipalityId: p.municipalityId,
  status: p.status,
  lotteryDrawn: p.lotteryAt !== null,
});

const ACTIONS = [
  'edit',
  'editRule',
  'lottery',
  'refer',
  'seeEnrolments',
  'evaluate',
  'look',
] as const;

export function presentPilot(
  actor: Actor,
  p: PilotRow,
  { partners, history, arms }: Awaited<ReturnType<typeof pilotDetails>>,
): PilotView {
  const allowed = permissionsFor(pilotPolicy, actor, pilotTarget(p), ACTIONS);
  const counts = { applicant: 0, participant: 0, control: 0, withdrawn: 0 };
  for (const a of arms) counts[a.arm] = a.n;
  return {
    id: p.id,
    name: p.name,
    description: p.description,
    status: p.status,
    targetGroup: p.targetGroup,
    learningMethods: p.learningMethods,
    hoursPerWeek: p.hoursPerWeek,
    weeks: p.weeks,
    capacity: p.capacity,
    startsOn: p.startsOn,
    endsOn: p.endsOn,
    budgetDkk: p.budgetDkk,
    decisionRule: fullRule(p.decisionRule),
    ruleLockedAt: p.ruleLockedAt?.toISOString() ?? null,
    lottery: {
      commitment: p.lotteryCommitment,
      committedAt: p.lotteryCommittedAt?.toISOString() ?? null,
      // Revealed only once drawn: before that, knowing it would let one choose the outcome.
      seed: p.lotteryAt ? p.lotterySeed : null,
      at: p.lotteryAt?.toISOString() ?? null,
    },
    partners: partners.map((x) => ({
      id: x.id,
      kind: x.kind,
      name: x.name,
      cvr: x.cvr,
      role: x.role,
    })),
    history: history.map((h) => ({
      from: h.fromStatus,
      to: h.toStatus,
      reason: h.reason,
      at: h.at.toISOString(),
    })),
    counts,
    allowed: {
      ...allowed,
      moveTo: pilotPolicy.move(actor, pilotTarget(p))
        ? PILOT_STATUSES.filter((s) => canMove(p.status, s))
        : [],
    },
  };
}

export const presentPilotSummary = (
  r: Awaited<ReturnType<typeof listPilots>>[number],
): PilotSummaryView => ({
  id: r.pilot.id,
  name: r.pilot.name,
  status: r.pilot.status,
  startsOn: r.pilot.startsOn,
  endsOn: r.pilot.endsOn,
  capacity: r.pilot.capacity,
  applicants: r.applicants,
  participants: r.participants,
});

export const presentEnrolment = (
  e: EnrolmentRow,
  firstName: string,
  lastName: string,
): EnrolmentView => ({
  id: e.id,
  citizenId: e.citizenId,
  name: `${firstName} ${lastName}`,
  eligible: e.eligible,
  eligibility: e.eligibility,
  arm: e.arm,
  lotteryRank: e.lotteryRank,
  sessionsAttended: e.sessionsAttended,
  completedAt: e.completedAt?.toISOString() ?? null,
  certification: e.certification,
  tookPartElsewhere: e.tookPartElsewhere,
});

/** The lottery as drawn, with the check anyone can repeat from the published seed. */
export function presentLottery(
  p: PilotRow & { lotteryAt: Date; lotterySeed: string; lotteryApplicants: string[] },
  capacity: number,
  ranked: string[],
): LotteryRecordView {
  const record = {
    commitment: p.lotteryCommitment ?? '',
    seed: p.lotterySeed,
    capacity,
    applicants: p.lotteryApplicants,
    participants: ranked.slice(0, capacity),
    controls: ranked.slice(capacity),
  };
  return {
    pilotId: p.id,
    algorithm: LOTTERY_ALGORITHM,
    committedAt: p.lotteryCommittedAt?.toISOString() ?? null,
    drawnAt: p.lotteryAt.toISOString(),
    ...record,
    check: verifyLottery(record),
  };
}
