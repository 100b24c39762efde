// Constants of the assessment area that both the server and the light test page use.
import type { PageLang } from '../platform/i18n/languages.constants';

/**
 * The languages the test is offered in: a language joins once every text of the test page and
 * every item of the original bank exists in it (bank.test.ts and messages.test.ts hold each one
 * to that), so a citizen never meets a test half in Danish.
 */
export const TEST_LANGS: readonly PageLang[] = [
  'da',
  'en',
  'ar',
  'so',
  'tr',
  'ur',
  'fa',
  'pl',
  'uk',
];

export const isTestLang = (value: unknown): value is PageLang =>
  typeof value === 'string' && (TEST_LANGS as readonly string[]).includes(value);

/**
 * What the start page promises, in every language: at most this many questions (the adaptive
 * test's cap, DEFAULT_CAT.maxItems) and under this many minutes, which must hold for at least
 * `holdsFor` of the citizens. `npm run bench:assessment` reports the share for simulated slow
 * readers, the admin's report of the test's length in practice the share of real tests; the
 * texts are held to these numbers by messages.test.ts.
 */
export const TEST_PROMISE = { questions: 40, minutes: 35, holdsFor: 0.9 } as const;

/**
 * Seconds a slow reader is assumed to spend, until a municipality's own answer times say
 * otherwise: on a question, on a practice task, and on what every test has besides (the start,
 * consent and the five self-ratings on the basics). The simulation's minutes rest on these; the
 * admin's report of the test's length in practice sets the measured times beside them.
 */
export const ASSUMED_SECONDS = { knowledge: 35, simulation: 70, start: 150 } as const;
