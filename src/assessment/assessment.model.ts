// Running one test: which item comes next, when it ends, and what the result says. Pure.
import { mulberry32 } from '../platform/random';
import { BASIC_TOPICS, areaOf, type BankEntry, type BasicTopic } from './bank/bank.model';
import {
  AREAS,
  DEFAULT_CAT,
  posterior,
  predictDecision,
  remainingInformation,
  selectNext,
  selectionPoint,
  shouldStop,
  startState,
  update,
  type Area,
  type BankItem,
  type CatSettings,
  type CatState,
  type CutScores,
  type StopReason,
  type TriageGroup,
} from './cat';
import { eap, type IrtItem } from './irt';

export interface ActiveItem {
  key: string;
  entry: BankEntry;
  model: IrtItem;
}

export interface Answered {
  key: string;
  /** 0/1 for scored items, 0–3 for self-ratings. */
  score: number;
}

export type NextStep =
  | { kind: 'item'; item: ActiveItem; position: number; phase: 'self_rating' | 'test' }
  | { kind: 'done'; reason: StopReason };

/** The gentle start: one "I can …" statement per self-service basic, in a fixed order. */
export function basicsRatings(items: readonly ActiveItem[]): ActiveItem[] {
  return BASIC_TOPICS.flatMap((topic) => {
    const first = items.find((i) => i.entry.type === 'self_rating' && i.entry.basic === topic);
    return first ? [first] : [];
  });
}

function toBank(items: readonly ActiveItem[]): BankItem[] {
  return items.map((i) => ({
    id: i.key,
    // Every competence in the bank is checked against DigComp in bank.test.ts.
    area: areaOf(i.entry.competence) as Area,
    model: i.model,
    scored: i.entry.type !== 'self_rating',
  }));
}

function replay(items: readonly ActiveItem[], answered: readonly Answered[]): CatState {
  const byKey = new Map(toBank(items).map((b) => [b.id, b]));
  let state = startState();
  for (const a of answered) {
    const item = byKey.get(a.key);
    if (item?.scored) state = update(state, item, a.score);
  }
  return state;
}

/**
 * The next step of a test. Deterministic for a given seed and answers, so a paused test shows
 * the same question when it is resumed.
 */
export function nextStep(
  items: readonly ActiveItem[],
  cuts: CutScores,
  answered: readonly Answered[],
  seed: number,
  settings: CatSettings = DEFAULT_CAT,
): NextStep {
  const done = new Set(answered.map((a) => a.key));
  const position = answered.length;
  const rating = basicsRatings(items).find((i) => !done.has(i.key));
  if (rating) return { kind: 'item', item: rating, position, phase: 'self_rating' };

  const bank = toBank(items);
  const state = replay(items, answered);
  const p = posterior(state, cuts);
  const scoredLeft = bank.filter((b) => b.scored && !done.has(b.id)).length;
  const decision = predictDecision(p, remainingInformation(bank, state, p.theta), cuts);
  const stop = shouldStop(state, decision, settings, scoredLeft);
  if (stop) return { kind: 'done', reason: stop };
  // Varied methods (the expert group's recommendation 2): the third test question is a practice
  // task in the browser if none has come up by then.
  const isPractice = (key: string) => items.find((i) => i.key === key)?.entry.type === 'simulation';
  const testAnswered = answered.filter((a) => bank.find((b) => b.id === a.key)?.scored).length;
  const needPractice = testAnswered >= 2 && !answered.some((a) => isPractice(a.key));
  const pool = needPractice ? bank.filter((b) => isPractice(b.id)) : bank;
  const next = selectNext(
    pool,
    state,
    selectionPoint(p.theta, cuts),
    settings,
    mulberry32(seed + position * 7919),
  );
  if (!next) return { kind: 'done', reason: 'bank_exhausted' };
  return { kind: 'item', item: items.find((i) => i.key === next.id)!, position, phase: 'test' };
}

/** Difficulty (b) of the start parameters at each DigComp level; level L is mastered at θ ≥ b. */
const LEVEL_B = [1, 2, 3, 4, 5, 6].map((level) => -2.25 + 0.75 * (level - 1));

export function levelFor(theta: number): number {
  let level = 0;
  LEVEL_B.forEach((b, i) => {
    if (theta >= b) level = i + 1;
  });
  return level;
}

export interface AreaResult {
  area: Area;
  items: number;
  theta: number | null;
  level: number | null;
}

export interface BasicResult {
  topic: BasicTopic;
  /** What the answers showed: can, cannot yet, or (no items on it) what θ predicts. */
  shown: 'can' | 'cant_yet';
  shownFrom: 'answers' | 'estimate';
  /** The citizen's own rating 0–3, or null if not given. */
  selfRating: number | null;
}

export interface TestResult {
  theta: number;
  se: number;
  group: TriageGroup;
  groupProbability: number;
  groups: Record<TriageGroup, number>;
  cuts: CutScores;
  areas: AreaResult[];
  basics: BasicResult[];
  items: number;
  stopReason: StopReason;
  frameworkVersion: 'DigComp 2.2';
}

export function computeResult(
  items: readonly ActiveItem[],
  cuts: CutScores,
  answered: readonly Answered[],
  stopReason: StopReason,
): TestResult {
  const byKey = new Map(items.map((i) => [i.key, i]));
  const state = replay(items, answered);
  const p = posterior(state, cuts);
  const { group, probability, groups } = predictDecision(
    p,
    remainingInformation(toBank(items), state, p.theta),
    cuts,
  );
  const scored = answered.filter(
    (a) => byKey.get(a.key) && byKey.get(a.key)!.entry.type !== 'self_rating',
  );

  const areas: AreaResult[] = AREAS.map((area) => {
    const mine = scored.filter((a) => areaOf(byKey.get(a.key)!.entry.competence) === area);
    if (mine.length === 0) return { area, items: 0, theta: null, level: null };
    const est = eap(
      mine.map((a) => byKey.get(a.key)!.model),
      mine.map((a) => a.score),
    );
    return { area, items: mine.length, theta: est.theta, level: levelFor(est.theta) };
  });

  const basics: BasicResult[] = BASIC_TOPICS.map((topic) => {
    const shownItems = scored.filter((a) => byKey.get(a.key)!.entry.basic === topic);
    const rating = answered.find((a) => {
      const e = byKey.get(a.key)?.entry;
      return e?.type === 'self_rating' && e.basic === topic;
    });
    let shown: 'can' | 'cant_yet';
    let shownFrom: 'answers' | 'estimate';
    if (shownItems.length > 0) {
      const right = shownItems.filter((a) => a.score === 1).length;
      shown = right * 2 >= shownItems.length && right > 0 ? 'can' : 'cant_yet';
      shownFrom = 'answers';
    } else {
      // Not asked: does θ reach the easiest scored items on this topic?
      const topicItems = items.filter(
        (i) => i.entry.basic === topic && i.entry.type !== 'self_rating',
      );
      const level = Math.min(...topicItems.map((i) => i.entry.level), 2);
      shown = p.theta >= LEVEL_B[level - 1]! ? 'can' : 'cant_yet';
      shownFrom = 'estimate';
    }
    return { topic, shown, shownFrom, selfRating: rating ? rating.score : null };
  });

  return {
    theta: p.theta,
    se: p.se,
    group,
    groupProbability: probability,
    groups,
    cuts,
    areas,
    basics,
    items: scored.length,
    stopReason,
    frameworkVersion: 'DigComp 2.2',
  };
}

/** Checks an answer against the item: the right option index, or a rating on the 0–3 scale. */
export function scoreAnswer(entry: BankEntry, answer: number): number | null {
  if (entry.type === 'self_rating')
    return Number.isInteger(answer) && answer >= 0 && answer <= 3 ? answer : null;
  const n = entry.type === 'knowledge' ? entry.text.da.options.length : entry.text.da.cards.length;
  if (!Number.isInteger(answer) || answer < 0 || answer >= n) return null;
  return answer === entry.correct ? 1 : 0;
}
