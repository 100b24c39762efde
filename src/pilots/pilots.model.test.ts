import { describe, expect, it } from 'vitest';
import {
  ageOn,
  canMove,
  checkHire,
  summariseHires,
  drawLottery,
  eligibility,
  exitToEmployment,
  mondayOfIsoWeek,
  ruleIsLocked,
  smd,
  validCvr,
} from './pilots.model';

describe('pilot status', () => {
  it('moves forward only, and the rule freezes once the pilot runs', () => {
    expect(canMove('planned', 'recruiting')).toBe(true);
    expect(canMove('recruiting', 'running')).toBe(true);
    expect(canMove('running', 'evaluating')).toBe(true);
    expect(canMove('evaluating', 'continued')).toBe(true);
    expect(canMove('running', 'closed')).toBe(false);
    expect(canMove('closed', 'running')).toBe(false);
    expect(ruleIsLocked('recruiting')).toBe(false);
    expect(ruleIsLocked('running')).toBe(true);
    expect(ruleIsLocked('closed')).toBe(true);
  });
});

describe('partners', () => {
  it('checks CVR numbers by modulus 11', () => {
    expect(validCvr('10150817')).toBe(true); // a real, published CVR
    expect(validCvr('10150818')).toBe(false);
    expect(validCvr('1015081')).toBe(false);
    expect(validCvr('01234567')).toBe(false);
  });
});

describe('eligibility', () => {
  const target = {
    triageGroups: ['building_blocks' as const],
    minAge: 25,
    jobGoalWords: ['IT'],
    educationLevels: ['long_higher' as const],
  };
  it('lists each rule of the target group with the result', () => {
    expect(
      eligibility(target, {
        age: 31,
        triageGroup: 'building_blocks',
        employmentGoal: 'IT-support',
        educationLevel: 'long_higher',
      }),
    ).toEqual([
      { rule: 'triage:building_blocks', ok: true },
      { rule: 'min_age:25', ok: true },
      { rule: 'education:long_higher', ok: true },
      { rule: 'job_goal:IT', ok: true },
    ]);
    const no = eligibility(target, {
      age: 22,
      triageGroup: null,
      employmentGoal: 'Kitchen',
      educationLevel: 'vocational',
    });
    expect(no.every((r) => !r.ok)).toBe(true);
  });
});

describe('the lottery', () => {
  const applicants = Array.from({ length: 40 }, (_, i) => `a${i}`);
  it('is reproducible from its seed, fills the capacity and keeps everyone once', () => {
    const one = drawLottery(applicants, 15, 'seed-123');
    const two = drawLottery(applicants, 15, 'seed-123');
    expect(two).toEqual(one);
    expect(one.participants).toHaveLength(15);
    expect(one.controls).toHaveLength(25);
    expect([...one.participants, ...one.controls].sort()).toEqual([...applicants].sort());
    expect(drawLottery(applicants, 15, 'another').order).not.toEqual(one.order);
  });
  it('gives every applicant the same chance (over many seeds)', () => {
    const wins = new Map<string, number>();
    for (let s = 0; s < 2000; s++)
      for (const p of drawLottery(applicants.slice(0, 4), 1, `s${s}`).participants)
        wins.set(p, (wins.get(p) ?? 0) + 1);
    for (const a of applicants.slice(0, 4)) expect(wins.get(a)! / 2000).toBeCloseTo(0.25, 1);
  });
});

describe('exit to employment', () => {
  const w = (offset: number, employed: boolean, benefit: string | null = 'dagpenge') => ({
    offset,
    employed,
    benefit: employed ? null : benefit,
  });
  it('is the first week of a long enough stretch in work or self-support', () => {
    const weeks = [
      w(0, false),
      w(1, true),
      w(2, false),
      w(3, true),
      w(4, true),
      w(5, true),
      w(6, true),
    ];
    expect(exitToEmployment(weeks, 4)).toEqual({ exitWeek: 3, followUp: 6 });
    expect(exitToEmployment(weeks, 1)).toEqual({ exitWeek: 1, followUp: 6 });
    expect(exitToEmployment(weeks, 5)).toEqual({ exitWeek: null, followUp: 6 });
    // Self-support without work counts; a gap in the data breaks the stretch.
    expect(exitToEmployment([w(0, false, null), w(1, false, null)], 2).exitWeek).toBe(0);
    expect(exitToEmployment([w(0, true), w(2, true)], 2).exitWeek).toBeNull();
  });
});

describe('hires reported outside the register', () => {
  const weeks = (to: number, workFrom: number | null) =>
    Array.from({ length: to + 1 }, (_, offset) => ({
      offset,
      employed: workFrom !== null && offset >= workFrom,
      benefit: workFrom !== null && offset >= workFrom ? null : 'dagpenge',
    }));
  it('is confirmed by work from the week before the start to four weeks after', () => {
    expect(checkHire(weeks(20, 10), 10)).toBe('confirmed');
    expect(checkHire(weeks(20, 13), 10)).toBe('confirmed');
    expect(checkHire(weeks(20, 9), 10)).toBe('confirmed');
    // Work that starts later than the window is another job, not this one.
    expect(checkHire(weeks(20, 14), 10)).toBe('not_confirmed');
    expect(checkHire(weeks(20, null), 10)).toBe('not_confirmed');
  });
  it('awaits the register until it covers the window', () => {
    expect(checkHire(weeks(12, null), 10)).toBe('awaiting');
    expect(checkHire(weeks(13, null), 10)).toBe('not_confirmed');
    expect(checkHire(weeks(11, 11), 10)).toBe('confirmed');
    expect(checkHire([], 0)).toBe('awaiting');
  });
  it('counts people once, and only hires from the pilot’s start on', () => {
    expect(
      summariseHires([
        { weeks: weeks(30, 12), hireOffsets: [4, 12] },
        { weeks: weeks(30, null), hireOffsets: [12] },
        { weeks: weeks(14, null), hireOffsets: [12] },
        { weeks: weeks(30, 0), hireOffsets: [-3] },
        { weeks: weeks(30, 0), hireOffsets: [] },
      ]),
    ).toEqual({ hired: 3, confirmed: 1, awaiting: 1, notConfirmed: 1 });
  });
});

describe('helpers', () => {
  it('standardised mean difference', () => {
    expect(smd([1, 2, 3], [1, 2, 3])).toBe(0);
    expect(smd([2, 3, 4], [1, 2, 3])).toBeCloseTo(1, 10);
  });
  it('ages and ISO weeks', () => {
    expect(ageOn('1990-06-15', '2026-06-14')).toBe(35);
    expect(ageOn('1990-06-15', '2026-06-15')).toBe(36);
    expect(mondayOfIsoWeek('2026-W01')).toBe('2025-12-29');
    expect(mondayOfIsoWeek('2025-W53')).toBeNull();
    expect(mondayOfIsoWeek('2026-W53')).toBe('2026-12-28');
    expect(mondayOfIsoWeek('2020-W53')).toBe('2020-12-28');
    expect(mondayOfIsoWeek('2026-13')).toBeNull();
  });
});
