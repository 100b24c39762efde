import { describe, expect, it } from 'vitest';
import { ITEM_BANK, startParameters } from './bank';
import { DEFAULT_CUTS } from './triage';
import {
  basicsRatings,
  computeResult,
  levelFor,
  nextStep,
  scoreAnswer,
  type ActiveItem,
  type Answered,
} from './assessment.model';
import { p2pl } from './irt';
import { mulberry32 } from '../platform/random';

const items: ActiveItem[] = ITEM_BANK.map((entry) => ({
  key: entry.id,
  entry,
  model: startParameters(entry),
}));

function run(theta: number, seed: number) {
  const rand = mulberry32(seed);
  const answered: Answered[] = [];
  for (;;) {
    const step = nextStep(items, DEFAULT_CUTS, answered, seed);
    if (step.kind === 'done')
      return { answered, result: computeResult(items, DEFAULT_CUTS, answered, step.reason) };
    const m = step.item.model;
    const score = m.kind === 'grm' ? (theta > 0 ? 3 : 1) : rand() < p2pl(m, theta) ? 1 : 0;
    answered.push({ key: step.item.key, score });
  }
}

describe('a test run', () => {
  it('starts with one self-rating per self-service basic', () => {
    const first = basicsRatings(items);
    expect(first.map((i) => i.entry.basic)).toEqual([
      'mitid',
      'digital_post',
      'borger_dk',
      'netbank',
      'jobnet_cv',
    ]);
    const step = nextStep(items, DEFAULT_CUTS, [], 1);
    expect(step).toMatchObject({ kind: 'item', phase: 'self_rating', position: 0 });
  });

  it('is the same question again after a pause (deterministic)', () => {
    const answered = basicsRatings(items).map((i) => ({ key: i.key, score: 2 }));
    const a = nextStep(items, DEFAULT_CUTS, answered, 42);
    const b = nextStep(items, DEFAULT_CUTS, answered, 42);
    expect(a).toEqual(b);
    expect(a).toMatchObject({ kind: 'item', phase: 'test' });
  });

  it('ends within the maximum length and triages a weak citizen to the foundation', () => {
    const { answered, result } = run(-2.5, 3);
    expect(answered.length).toBeLessThanOrEqual(5 + 30);
    expect(result.group).toBe('foundation');
    expect(result.basics.filter((b) => b.shown === 'cant_yet').length).toBeGreaterThan(2);
    expect(result.frameworkVersion).toBe('DigComp 2.2');
  });

  it('triages a strong citizen to no need, with levels per area', () => {
    const { result } = run(2.5, 4);
    expect(result.group).toBe('no_need');
    expect(result.areas.filter((a) => a.level !== null).length).toBeGreaterThanOrEqual(4);
    for (const a of result.areas) if (a.level !== null) expect(a.level).toBeGreaterThanOrEqual(4);
    expect(result.basics.every((b) => b.selfRating === 3)).toBe(true);
  });

  it('includes a practice task by the third test question', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const { answered } = run(0, seed);
      const firstThree = answered
        .slice(5, 8)
        .map((a) => items.find((i) => i.key === a.key)!.entry.type);
      expect(firstThree).toContain('simulation');
    }
  });

  it('never shows an item twice', () => {
    const { answered } = run(0, 9);
    expect(new Set(answered.map((a) => a.key)).size).toBe(answered.length);
  });
});

describe('scoring and levels', () => {
  it('scores the right option 1, others 0, and refuses impossible answers', () => {
    const k = ITEM_BANK.find((e) => e.type === 'knowledge')!;
    if (k.type !== 'knowledge') throw new Error();
    expect(scoreAnswer(k, k.correct)).toBe(1);
    expect(scoreAnswer(k, (k.correct + 1) % k.text.da.options.length)).toBe(0);
    expect(scoreAnswer(k, 99)).toBeNull();
    expect(scoreAnswer(k, -1)).toBeNull();
    const s = ITEM_BANK.find((e) => e.type === 'self_rating')!;
    expect(scoreAnswer(s, 3)).toBe(3);
    expect(scoreAnswer(s, 4)).toBeNull();
  });

  it('maps θ to DigComp levels 0–6', () => {
    expect(levelFor(-3)).toBe(0);
    expect(levelFor(-2.25)).toBe(1);
    expect(levelFor(0)).toBe(4);
    expect(levelFor(3)).toBe(6);
  });
});
