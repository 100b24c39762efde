// Computerised adaptive testing: item selection, ability update, stopping and triage.
// Pure: no I/O, no clock; randomness comes in as a function so runs can be reproduced.
import { information, normalCdf, normalQuadrature, responseLogLik, type IrtItem } from '../irt';

export const AREAS = ['1', '2', '3', '4', '5'] as const;
export type Area = (typeof AREAS)[number];

export interface BankItem {
  id: string;
  area: Area;
  model: IrtItem;
  /** Scored items count towards θ; self-ratings (GRM) are shown beside it, not mixed in. */
  scored: boolean;
}

/** Triage: below `foundation` → group 1; below `jobGoal` → group 2; else no need. */
export interface CutScores {
  foundation: number;
  jobGoal: number;
}
export type TriageGroup = 'foundation' | 'building_blocks' | 'no_need';

export interface CatSettings {
  minItems: number;
  maxItems: number;
  /** Stop once the whole bank's triage is predicted with at least this probability. */
  confidence: number;
  /** Pick at random among this many most informative items (randomesque exposure control). */
  randomesque: number;
  /** Target share of items per DigComp area (content balancing); equal if omitted. */
  areaTargets?: Partial<Record<Area, number>>;
}

// Chosen with `npm run bench:assessment`. A test stops once the whole bank's triage is
// predicted with 96 % probability, or at 40 questions: citizens very close to a cut score would
// otherwise need up to 100, more than a slow reader can give at one sitting. A test stopped at
// the cap shows its uncertainty and offers to go on (now, or at a workshop with an eMentor):
// then CONTINUED_CAT holds, with the whole bank's agreement the simulation reports.
export const DEFAULT_CAT: CatSettings = {
  minItems: 6,
  maxItems: 40,
  confidence: 0.96,
  randomesque: 3,
};

/** A test the citizen chose to go on with after the cap. */
export const CONTINUED_CAT: CatSettings = { ...DEFAULT_CAT, maxItems: 100 };

const GRID = normalQuadrature(81, -5, 5);

/** The running state of one test: the posterior over θ on a grid, updated item by item. */
export interface CatState {
  logPost: Float64Array;
  administered: string[];
  areaCounts: Record<Area, number>;
}

export function startState(): CatState {
  return {
    logPost: Float64Array.from(GRID.weights, Math.log),
    administered: [],
    areaCounts: { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 },
  };
}

/** Adds one answer; self-ratings are recorded as administered but leave θ alone. */
export function update(state: CatState, item: BankItem, response: number): CatState {
  const logPost = Float64Array.from(state.logPost);
  if (item.scored) {
    for (let q = 0; q < logPost.length; q++)
      logPost[q]! += responseLogLik(item.model, response, GRID.nodes[q]!).l;
  }
  return {
    logPost,
    administered: [...state.administered, item.id],
    areaCounts: { ...state.areaCounts, [item.area]: state.areaCounts[item.area] + 1 },
  };
}

export interface Posterior {
  theta: number;
  se: number;
  /** Posterior probability of each triage group. */
  groups: Record<TriageGroup, number>;
}

export function posterior(state: CatState, cuts: CutScores): Posterior {
  const { logPost } = state;
  let max = -Infinity;
  for (const v of logPost) if (v > max) max = v;
  let sum = 0;
  let m1 = 0;
  let m2 = 0;
  let below1 = 0;
  let below2 = 0;
  for (let q = 0; q < logPost.length; q++) {
    const w = Math.exp(logPost[q]! - max);
    const t = GRID.nodes[q]!;
    sum += w;
    m1 += w * t;
    m2 += w * t * t;
    if (t < cuts.foundation) below1 += w;
    if (t < cuts.jobGoal) below2 += w;
  }
  const theta = m1 / sum;
  return {
    theta,
    se: Math.sqrt(Math.max(m2 / sum - theta * theta, 0)),
    groups: {
      foundation: below1 / sum,
      building_blocks: (below2 - below1) / sum,
      no_need: 1 - below2 / sum,
    },
  };
}

export function classify(theta: number, cuts: CutScores): TriageGroup {
  if (theta < cuts.foundation) return 'foundation';
  if (theta < cuts.jobGoal) return 'building_blocks';
  return 'no_need';
}

export function mostLikelyGroup(groups: Record<TriageGroup, number>): {
  group: TriageGroup;
  probability: number;
} {
  // Object.entries widens the keys of a Record<TriageGroup, …> to string.
  const entries = Object.entries(groups) as [TriageGroup, number][];
  const [group, probability] = entries.reduce((best, e) => (e[1] > best[1] ? e : best));
  return { group, probability };
}

/** Fisher information at θ of the scored items not given yet: what the rest of the bank adds. */
export function remainingInformation(
  bank: readonly BankItem[],
  state: CatState,
  theta: number,
): number {
  const used = new Set(state.administered);
  let info = 0;
  for (const item of bank)
    if (item.scored && !used.has(item.id)) info += information(item.model, theta);
  return info;
}

export interface Decision {
  group: TriageGroup;
  probability: number;
  /** Probability that the whole bank would place the citizen in each group. */
  groups: Record<TriageGroup, number>;
}

/**
 * The triage the whole item bank would give, predicted from the answers so far (stochastic
 * curtailment). The reference the test is held to is the whole bank's decision, not the unknown
 * true θ, and the answers already given are part of that decision: with I_now ≈ 1/se² and
 * I_rest the information the unused items hold at θ̂, the whole-bank estimate is about normal
 * around θ̂ with variance se²·I_rest/(I_now + I_rest). It narrows as the bank is used and is
 * certain when nothing is left, so the test can stop earlier than the posterior alone allows.
 */
export function predictDecision(p: Posterior, restInfo: number, cuts: CutScores): Decision {
  const nowInfo = 1 / Math.max(p.se * p.se, 1e-12);
  const sd = p.se * Math.sqrt(restInfo / (nowInfo + restInfo));
  let groups: Record<TriageGroup, number>;
  if (sd < 1e-9) {
    const g = classify(p.theta, cuts);
    groups = { foundation: 0, building_blocks: 0, no_need: 0, [g]: 1 };
  } else {
    const below1 = normalCdf((cuts.foundation - p.theta) / sd);
    const below2 = normalCdf((cuts.jobGoal - p.theta) / sd);
    groups = { foundation: below1, building_blocks: below2 - below1, no_need: 1 - below2 };
  }
  return { ...mostLikelyGroup(groups), groups };
}

/**
 * Where to measure best. The test classifies rather than measures, so information is most
 * useful at the cut score nearest the current estimate (Eggen 1999; Spray & Reckase 1994).
 */
export function selectionPoint(theta: number, cuts: CutScores): number {
  return Math.abs(theta - cuts.foundation) <= Math.abs(theta - cuts.jobGoal)
    ? cuts.foundation
    : cuts.jobGoal;
}

export type StopReason = 'confident' | 'max_items' | 'bank_exhausted';

export function shouldStop(
  state: CatState,
  decision: Decision,
  settings: CatSettings,
  bankLeft: number,
): StopReason | null {
  const n = state.administered.length;
  if (bankLeft === 0) return 'bank_exhausted';
  if (n >= settings.maxItems) return 'max_items';
  if (n >= settings.minItems && decision.probability >= settings.confidence) return 'confident';
  return null;
}

/**
 * Next item: content balancing first (the area furthest below its target share), then maximum
 * Fisher information at the current estimate, picking at random among the best few
 * (randomesque) so the most informative items are not shown to everyone.
 */
export function selectNext(
  bank: readonly BankItem[],
  state: CatState,
  theta: number,
  settings: CatSettings,
  rand: () => number,
): BankItem | null {
  const used = new Set(state.administered);
  const available = bank.filter((i) => i.scored && !used.has(i.id));
  if (available.length === 0) return null;
  const total = state.administered.length;
  const targets = settings.areaTargets;
  const areasLeft = new Set(available.map((i) => i.area));
  let bestArea: Area | null = null;
  let bestDeficit = -Infinity;
  for (const area of AREAS) {
    if (!areasLeft.has(area)) continue;
    const target = targets?.[area] ?? 1 / AREAS.length;
    const deficit = target * (total + 1) - state.areaCounts[area];
    if (deficit > bestDeficit + 1e-12) {
      bestDeficit = deficit;
      bestArea = area;
    }
  }
  const candidates = available.filter((i) => i.area === bestArea);
  const k = Math.max(1, settings.randomesque);
  // Keep the k most informative without sorting the whole bank.
  const top: { item: BankItem; info: number }[] = [];
  for (const item of candidates) {
    const info = information(item.model, theta);
    if (top.length < k) {
      top.push({ item, info });
      top.sort((a, b) => b.info - a.info);
    } else if (info > top[k - 1]!.info) {
      top[k - 1] = { item, info };
      top.sort((a, b) => b.info - a.info);
    }
  }
  return top[Math.floor(rand() * top.length)]!.item;
}
