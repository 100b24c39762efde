// How long the test is in practice: questions and minutes of the municipality's completed tests
// and the measured time per question, held against what the start page promises and what the
// simulation assumes. Pure: the use case loads the tests and answer times.
import { percentile } from '../platform/stats';
import { ASSUMED_SECONDS, TEST_PROMISE } from './assessment.constants';

export interface TakenTest {
  startedAt: Date;
  completedAt: Date;
  /** Scored questions answered; the self-ratings belong to the start, like in the simulation. */
  questions: number;
  stopReason: string | null;
  /** The citizen chose to go on after the test stopped undecided at the cap. */
  continued: boolean;
  language: string;
}

/** The answer times of one item type, summed up (nearest-rank percentiles, in milliseconds). */
export interface AnswerTimes {
  type: 'knowledge' | 'simulation';
  answers: number;
  medianMs: number;
  p90Ms: number;
}

export interface TestLength {
  tests: number;
  questions: { median: number; p90: number; max: number } | null;
  /** Share of tests that stopped undecided at the cap (whether they went on or not). */
  stoppedAtCap: number;
  /** Share of tests the citizen went on with after the cap. */
  continued: number;
  /** Minutes from start to result of the tests taken as promised (not gone on past the cap). */
  minutes: {
    tests: number;
    median: number;
    p90: number;
    /** Share done within the promised minutes; the promise holds when ≥ TEST_PROMISE.holdsFor. */
    withinPromise: number;
  } | null;
  /**
   * The same per language the test was taken in, most tests first: a test that takes far longer
   * in one language than in Danish keeps the promise for some citizens and not for others.
   */
  byLanguage: {
    language: string;
    tests: number;
    questionsMedian: number;
    minutesMedian: number | null;
    withinPromise: number | null;
  }[];
  /** Those tests by minutes in five-minute bands; the last band is open (`to` null). */
  histogram: { from: number; to: number | null; tests: number }[];
  secondsPerQuestion: {
    type: AnswerTimes['type'];
    answers: number;
    median: number | null;
    p90: number | null;
    assumed: number;
  }[];
}

const BAND = 5;
const LAST_BAND_FROM = 60;

const minutesOf = (t: TakenTest) => (t.completedAt.getTime() - t.startedAt.getTime()) / 60_000;
const withinPromise = (minutes: readonly number[]) =>
  minutes.filter((m) => m <= TEST_PROMISE.minutes).length / minutes.length;

export function testLength(tests: readonly TakenTest[], times: readonly AnswerTimes[]): TestLength {
  const questions = tests.map((t) => t.questions);
  const minutes = tests.filter((t) => !t.continued).map(minutesOf);
  const languages = [...new Set(tests.map((t) => t.language))];
  const histogram = Array.from({ length: LAST_BAND_FROM / BAND + 1 }, (_, k) => ({
    from: k * BAND,
    to: k * BAND < LAST_BAND_FROM ? (k + 1) * BAND : null,
    tests: 0,
  }));
  for (const m of minutes)
    histogram[Math.min(Math.floor(Math.max(m, 0) / BAND), histogram.length - 1)]!.tests++;
  const share = (n: number) => (tests.length === 0 ? 0 : n / tests.length);
  return {
    tests: tests.length,
    questions:
      questions.length === 0
        ? null
        : {
            median: percentile(questions, 0.5),
            p90: percentile(questions, 0.9),
            max: Math.max(...questions),
          },
    stoppedAtCap: share(tests.filter((t) => t.continued || t.stopReason === 'max_items').length),
    continued: share(tests.filter((t) => t.continued).length),
    minutes:
      minutes.length === 0
        ? null
        : {
            tests: minutes.length,
            median: percentile(minutes, 0.5),
            p90: percentile(minutes, 0.9),
            withinPromise: withinPromise(minutes),
          },
    byLanguage: languages
      .map((language) => {
        const own = tests.filter((t) => t.language === language);
        const ownMinutes = own.filter((t) => !t.continued).map(minutesOf);
        return {
          language,
          tests: own.length,
          questionsMedian: percentile(
            own.map((t) => t.questions),
            0.5,
          ),
          minutesMedian: ownMinutes.length ? percentile(ownMinutes, 0.5) : null,
          withinPromise: ownMinutes.length ? withinPromise(ownMinutes) : null,
        };
      })
      .sort((a, b) => b.tests - a.tests || a.language.localeCompare(b.language)),
    histogram,
    secondsPerQuestion: (['knowledge', 'simulation'] as const).map((type) => {
      const measured = times.find((t) => t.type === type);
      return {
        type,
        answers: measured?.answers ?? 0,
        median: measured ? measured.medianMs / 1000 : null,
        p90: measured ? measured.p90Ms / 1000 : null,
        assumed: ASSUMED_SECONDS[type],
      };
    }),
  };
}
