// Pilot projects: pure rules for status, partners, eligibility, the lottery, exit to employment
// and the pre-registered decision. No I/O.
import crypto from 'node:crypto';
import type { Spending } from '../evaluation';
import {
  TRANSITIONS,
  type OutcomeWeeks,
  type Subgroup,
  type PilotStatus,
  type TriageGroup,
} from './pilots.constants';

export * from './pilots.constants';
import type { EducationLevel } from '../vocabulary';

export const canMove = (from: PilotStatus, to: PilotStatus) => TRANSITIONS[from].includes(to);

/** The decision rule is frozen from the moment the pilot runs. */
export const ruleIsLocked = (status: PilotStatus) =>
  status !== 'planned' && status !== 'recruiting';

export { validCvr } from '../vocabulary';

export interface TargetGroup {
  /** Test triage groups accepted (e.g. group 2 = building_blocks); empty = any, tested or not. */
  triageGroups: TriageGroup[];
  minAge?: number;
  maxAge?: number;
  /** Words of which the job goal must contain one (e.g. "IT", "udvikler"); empty = any. */
  jobGoalWords: string[];
  /** Highest completed education accepted (e.g. academics: long_higher); empty = any. */
  educationLevels?: EducationLevel[];
}

export interface Applicant {
  age: number;
  triageGroup: TriageGroup | null;
  employmentGoal: string | null;
  educationLevel: EducationLevel | null;
}

/** Each rule of the target group with whether the applicant meets it (shown to the caseworker). */
export function eligibility(t: TargetGroup, a: Applicant): { rule: string; ok: boolean }[] {
  const out: { rule: string; ok: boolean }[] = [];
  if (t.triageGroups.length > 0)
    out.push({
      rule: `triage:${t.triageGroups.join('|')}`,
      ok: a.triageGroup !== null && t.triageGroups.includes(a.triageGroup),
    });
  if (t.minAge !== undefined) out.push({ rule: `min_age:${t.minAge}`, ok: a.age >= t.minAge });
  if (t.maxAge !== undefined) out.push({ rule: `max_age:${t.maxAge}`, ok: a.age <= t.maxAge });
  if (t.educationLevels && t.educationLevels.length > 0)
    out.push({
      rule: `education:${t.educationLevels.join('|')}`,
      ok: a.educationLevel !== null && t.educationLevels.includes(a.educationLevel),
    });
  if (t.jobGoalWords.length > 0) {
    const goal = (a.employmentGoal ?? '').toLowerCase();
    out.push({
      rule: `job_goal:${t.jobGoalWords.join('|')}`,
      ok: t.jobGoalWords.some((w) => new RegExp(`\\b${escapeRe(w.toLowerCase())}`, 'u').test(goal)),
    });
  }
  return out;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export interface DecisionRule {
  /** Exit to employment within this many weeks of the start. */
  outcomeWeeks: OutcomeWeeks;
  /** The smallest effect worth keeping, in percentage points of that rate. */
  minimumEffect: number;
  /** Lottery control group, or a propensity-matched comparison group. */
  method: 'lottery' | 'matching';
  /** Exit = first week of a stretch of at least this many weeks in work or self-support. */
  stretchWeeks: number;
  /** Significance level (rules registered before it existed: 0.05). */
  alpha?: number;
  /** One- or two-sided (default two). */
  sides?: 1 | 2;
  /** Power wanted at the minimum effect (default 0.8). */
  power?: number;
  /** Expected exit rate at the horizon without the pilot, in %; null = from the register. */
  expectedRate?: number | null;
  /** The size the power calculation asked for, recorded with the rule. */
  plannedSize?: { participants: number; controls: number; expectedRate: number } | null;
  /** Information fractions of planned looks (the last is 1); empty = one final analysis. */
  looks?: number[];
  spending?: Spending;
  /** Pre-registered subgroups (secondary). */
  subgroups?: Subgroup[];
}

/**
 * A uniform integer in [0, n) from the seed and a counter: SHA-256, with rejection of the top
 * sliver so every value is equally likely. Anyone with the seed can redo the draw.
 */
function draw(seed: string, counter: number, n: number): number {
  const limit = Math.floor(0x100000000 / n) * n;
  for (let k = 0; ; k++) {
    const h = crypto.createHash('sha256').update(`${seed}:${counter}:${k}`).digest();
    const v = h.readUInt32BE(0);
    if (v < limit) return v % n;
  }
}

export interface LotteryResult {
  /** Everyone in drawn order; the first `capacity` take part. */
  order: string[];
  participants: string[];
  controls: string[];
}

/**
 * A transparent lottery: the applicants in a published order (e.g. by referral) are shuffled by
 * Fisher–Yates with draws from the seed. The first `capacity` take part; the rest form the
 * randomised control group.
 */
export function drawLottery(applicants: string[], capacity: number, seed: string): LotteryResult {
  const order = [...applicants];
  for (let i = order.length - 1; i > 0; i--) {
    const j = draw(seed, i, i + 1);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return {
    order,
    participants: order.slice(0, capacity),
    controls: order.slice(capacity),
  };
}

/** How the draw works, in words, published with every lottery record. */
export const LOTTERY_ALGORITHM =
  'commitment = hex(SHA-256(seed as UTF-8)). The applicants in published order are shuffled by ' +
  'Fisher–Yates from the last position i down to 1, swapping with j = draw(i, i + 1), where ' +
  'draw(c, n) takes the first 4 bytes (big-endian) of SHA-256("seed:c:k") for k = 0, 1, … until ' +
  'the value is below floor(2^32 / n)·n, and answers it mod n. The first `capacity` take part.';

/** The public commitment to a lottery seed: its SHA-256, hex. */
export const seedCommitment = (seed: string) =>
  crypto.createHash('sha256').update(seed, 'utf8').digest('hex');

/** What is published about a drawn lottery: enough for anyone to redo it. */
export interface LotteryRecord {
  commitment: string;
  seed: string;
  capacity: number;
  /** The published order the draw started from. */
  applicants: string[];
  participants: string[];
  controls: string[];
}

/**
 * Checks a drawn lottery from what was published: the revealed seed is the one committed to,
 * and redoing the draw from it and the published order gives the same two groups.
 */
export function verifyLottery(r: LotteryRecord) {
  const commitmentMatches = seedCommitment(r.seed) === r.commitment.toLowerCase();
  const again = drawLottery(r.applicants, r.capacity, r.seed);
  const same = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);
  const drawMatches = same(again.participants, r.participants) && same(again.controls, r.controls);
  return { commitmentMatches, drawMatches, valid: commitmentMatches && drawMatches };
}

export interface WeekStatus {
  /** Weeks since the start (0 = the start week). */
  offset: number;
  benefit: string | null;
  employed: boolean;
}

/** A week in work or self-support (no benefit). */
export const selfSupporting = (w: WeekStatus) => w.employed || w.benefit === null;

/**
 * Weeks from the start to exit to employment: the first week of a stretch of at least
 * `stretch` consecutive observed weeks in work or self-support. Null when no such stretch has
 * begun by the last observed week (censored at `followUp`).
 */
export function exitToEmployment(
  weeks: WeekStatus[],
  stretch: number,
): { exitWeek: number | null; followUp: number } {
  const sorted = weeks.filter((w) => w.offset >= 0).sort((a, b) => a.offset - b.offset);
  let runStart: number | null = null;
  let run = 0;
  let previous = -2;
  for (const w of sorted) {
    if (selfSupporting(w) && w.offset === previous + 1 && run > 0) run++;
    else if (selfSupporting(w)) {
      runStart = w.offset;
      run = 1;
    } else run = 0;
    previous = w.offset;
    if (run >= stretch) return { exitWeek: runStart, followUp: sorted.at(-1)!.offset };
  }
  return { exitWeek: null, followUp: sorted.length > 0 ? sorted.at(-1)!.offset : -1 };
}

/** Register weeks from a reported start in which a hire counts as confirmed. */
export const HIRE_CONFIRM_WEEKS = 4;

export type HireCheck = 'confirmed' | 'not_confirmed' | 'awaiting';

/**
 * A reported hire against the register: confirmed when the citizen worked in a week from the
 * one before the reported start (start dates slip across a week's edge) to
 * `HIRE_CONFIRM_WEEKS` after it; awaiting while the register does not reach that far yet.
 */
export function checkHire(weeks: WeekStatus[], startOffset: number): HireCheck {
  const last = startOffset + HIRE_CONFIRM_WEEKS - 1;
  if (weeks.some((w) => w.employed && w.offset >= startOffset - 1 && w.offset <= last))
    return 'confirmed';
  const observed = weeks.reduce((m, w) => Math.max(m, w.offset), -Infinity);
  return observed < last ? 'awaiting' : 'not_confirmed';
}

export interface HireSummary {
  /** People with at least one reported hire starting on or after the pilot's start. */
  hired: number;
  confirmed: number;
  awaiting: number;
  notConfirmed: number;
}

/** Reported hires of a group, one count per person: confirmed if any of theirs is. */
export function summariseHires(
  people: { weeks: WeekStatus[]; hireOffsets: number[] }[],
): HireSummary {
  const out: HireSummary = { hired: 0, confirmed: 0, awaiting: 0, notConfirmed: 0 };
  for (const p of people) {
    const checks = p.hireOffsets.filter((o) => o >= 0).map((o) => checkHire(p.weeks, o));
    if (checks.length === 0) continue;
    out.hired++;
    if (checks.includes('confirmed')) out.confirmed++;
    else if (checks.includes('awaiting')) out.awaiting++;
    else out.notConfirmed++;
  }
  return out;
}

/** Standardised mean difference (pooled SD), the usual balance measure; |SMD| < 0.1 is balanced. */
export function smd(treated: number[], control: number[]): number {
  const mean = (x: number[]) => x.reduce((s, v) => s + v, 0) / x.length;
  const variance = (x: number[], m: number) =>
    x.length > 1 ? x.reduce((s, v) => s + (v - m) ** 2, 0) / (x.length - 1) : 0;
  const mt = mean(treated);
  const mc = mean(control);
  const sd = Math.sqrt((variance(treated, mt) + variance(control, mc)) / 2);
  return sd > 0 ? (mt - mc) / sd : 0;
}

/** Age in whole years on a date (ISO strings). */
export function ageOn(birthDate: string, on: string): number {
  // Dates arrive checked as YYYY-MM-DD: three numbers.
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = on.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** Monday of the ISO week "YYYY-Www", as YYYY-MM-DD; null when not a real week. */
export function mondayOfIsoWeek(week: string): string | null {
  const m = /^(\d{4})-W(\d{2})$/.exec(week);
  if (!m) return null;
  const year = Number(m[1]);
  const w = Number(m[2]);
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const monday1 = new Date(jan4.getTime() - ((jan4.getUTCDay() + 6) % 7) * 86_400_000);
  const monday = new Date(monday1.getTime() + (w - 1) * 7 * 86_400_000);
  // Week 53 exists only in some years.
  const thursday = new Date(monday.getTime() + 3 * 86_400_000);
  if (w < 1 || thursday.getUTCFullYear() !== year) return null;
  return monday.toISOString().slice(0, 10);
}

/** Whole weeks from one Monday to another. */
export const weeksBetween = (from: string, to: string) =>
  Math.round((Date.parse(to) - Date.parse(from)) / (7 * 86_400_000));

/** The Monday of the week a date falls in. */
export function mondayOf(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  return new Date(d.getTime() - ((d.getUTCDay() + 6) % 7) * 86_400_000).toISOString().slice(0, 10);
}
