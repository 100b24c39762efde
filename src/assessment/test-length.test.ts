import { describe, expect, it } from 'vitest';
import { testLength, type TakenTest } from './test-length';
import { ASSUMED_SECONDS, TEST_PROMISE } from './assessment.constants';

const start = new Date('2026-03-02T09:00:00Z');
const test = (minutes: number, questions: number, o: Partial<TakenTest> = {}): TakenTest => ({
  startedAt: start,
  completedAt: new Date(start.getTime() + minutes * 60_000),
  questions,
  stopReason: 'confident',
  continued: false,
  language: 'da',
  ...o,
});

const unmeasured = (type: 'knowledge' | 'simulation') => ({
  type,
  answers: 0,
  median: null,
  p90: null,
  assumed: ASSUMED_SECONDS[type],
});

describe('the test length in practice', () => {
  it('reports nothing measured when no test is done', () => {
    const r = testLength([], []);
    expect(r).toMatchObject({ tests: 0, questions: null, minutes: null, stoppedAtCap: 0 });
    expect(r.histogram.every((b) => b.tests === 0)).toBe(true);
    expect(r.secondsPerQuestion).toEqual([unmeasured('knowledge'), unmeasured('simulation')]);
  });

  it('holds the minutes against the promise, leaving out tests gone on past the cap', () => {
    // Ten tests of 1…10 minutes and one far longer, plus one the citizen chose to continue.
    const tests = [
      ...Array.from({ length: 10 }, (_, k) => test(k + 1, 10 + k)),
      test(TEST_PROMISE.minutes + 10, 40, { stopReason: 'max_items' }),
      test(80, 75, { continued: true }),
    ];
    const r = testLength(tests, []);
    expect(r.tests).toBe(12);
    expect(r.minutes).toEqual({ tests: 11, median: 6, p90: 10, withinPromise: 10 / 11 });
    expect(r.questions).toEqual({ median: 15, p90: 40, max: 75 });
    expect(r.stoppedAtCap).toBeCloseTo(2 / 12);
    expect(r.continued).toBeCloseTo(1 / 12);
  });

  it('holds each language the test was taken in to the promise, most tests first', () => {
    const r = testLength(
      [
        test(10, 20),
        test(12, 22),
        test(30, 30, { language: 'so' }),
        test(50, 40, { language: 'so' }),
        test(60, 70, { language: 'so', continued: true }),
        test(8, 18, { language: 'en' }),
      ],
      [],
    );
    expect(r.byLanguage).toEqual([
      { language: 'so', tests: 3, questionsMedian: 40, minutesMedian: 30, withinPromise: 0.5 },
      { language: 'da', tests: 2, questionsMedian: 20, minutesMedian: 10, withinPromise: 1 },
      { language: 'en', tests: 1, questionsMedian: 18, minutesMedian: 8, withinPromise: 1 },
    ]);
    expect(testLength([test(60, 70, { language: 'ar', continued: true })], []).byLanguage).toEqual([
      { language: 'ar', tests: 1, questionsMedian: 70, minutesMedian: null, withinPromise: null },
    ]);
  });

  it('counts a test that ends exactly at the promised minutes as kept', () => {
    const r = testLength([test(TEST_PROMISE.minutes, 30)], []);
    expect(r.minutes!.withinPromise).toBe(1);
  });

  it('bands the minutes by five, the last band open', () => {
    const r = testLength(
      [test(0.5, 6), test(5, 6), test(34.9, 40), test(61, 40), test(600, 40)],
      [],
    );
    const band = (from: number) => r.histogram.find((b) => b.from === from)!;
    expect(r.histogram).toHaveLength(13);
    expect(band(0).tests).toBe(1);
    expect(band(5).tests).toBe(1);
    expect(band(30)).toEqual({ from: 30, to: 35, tests: 1 });
    expect(band(60)).toEqual({ from: 60, to: null, tests: 2 });
    expect(r.histogram.reduce((s, b) => s + b.tests, 0)).toBe(5);
  });

  it('sets the measured seconds per question by type beside the assumption', () => {
    const r = testLength(
      [],
      [{ type: 'simulation', answers: 4, medianMs: 90_000, p90Ms: 150_500 }],
    );
    expect(r.secondsPerQuestion).toEqual([
      unmeasured('knowledge'),
      {
        type: 'simulation',
        answers: 4,
        median: 90,
        p90: 150.5,
        assumed: ASSUMED_SECONDS.simulation,
      },
    ]);
  });
});
