import { describe, expect, it } from 'vitest';
import { lix, lixParts } from '../../platform/i18n/lix';
import { MESSAGES as TEST_PAGE } from '../../assessment/web/test/messages';
import { MESSAGES as WORKSHOP_PAGES } from '../../workshops/web/light/messages';
import { learningTexts } from '../../learning/web/locales';
import { peopleTexts } from '../../people/web/locales';
import { matchingTexts } from '../../matching/web/locales';
import shell from '../../web/locales/da';
import * as appointmentMessages from '../../workshops/appointment-messages';
import * as placeMessages from '../../learning/learning-messages';
import {
  agendaMessage,
  contactRequestMessage,
  invitationMessage,
} from '../../matching/event-messages';
import { ITEM_BANK } from '../../assessment/bank';

// Plain Danish on every page and in every message a citizen gets: LIX at most 35 (easy), the
// guidance Danish authorities write to. LIX means something over running text only (a label
// of one long word scores 100), so each text of at least eight words is measured on its own,
// and each page's texts together.
const MAX_LIX = 35;
const MIN_WORDS = 8;

/**
 * The exceptions that must stay: names of the services citizens meet (they are what the screen
 * and the letter say). Each counts as one short word.
 */
const SERVICE_NAMES = [
  'Digital Post',
  'borger.dk',
  'Jobnet',
  'MitID',
  'NemLog-in',
  'eMentor',
  'Digiløft',
  'Open Badge',
  'CPR-nummer',
  'jobcentret',
  'jobkonsulent',
  // Senders and sources named in the test's questions and practice screens.
  'Jobcenter København',
  'Danmarks Statistik',
  'Creative Commons',
];

function strings(value: unknown, path = ''): [string, string][] {
  if (typeof value === 'string') return [[path, value]];
  if (Array.isArray(value)) return value.flatMap((v, i) => strings(v, `${path}.${i}`));
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => strings(v, path ? `${path}.${k}` : k));
  return [];
}

const withoutNames = (text: string) =>
  SERVICE_NAMES.reduce((t, name) => t.replaceAll(name, 'navn'), text)
    // The English line some messages end with is for those who read English instead.
    .replace(/\(English:[^)]*\)/g, '');

const FACTS = { siteName: 'Lærkevej', address: 'Lærkevej 3', day: '2026-12-07', start: '10:00' };
const PLACE = { offerName: 'Kurset', start: new Date('2026-12-07T09:00:00Z'), place: 'Lærkevej' };

const PAGES: [string, unknown][] = [
  ['the test', TEST_PAGE.da],
  ['check-in, ticket and booking', WORKSHOP_PAGES.da],
  ['Min plan', learningTexts.da.myPlan],
  ['the badge check', learningTexts.da.verify],
  ['Mine data', peopleTexts.da.myData],
  ['the matchmaking agenda', matchingTexts.da.myEvents],
  ['the login page', shell.login],
  [
    'messages to citizens',
    [
      appointmentMessages.confirmation({ ...FACTS, link: 'https://x' }, 'da'),
      appointmentMessages.reminder(FACTS, 'da'),
      appointmentMessages.cancellation(FACTS, 'da'),
      placeMessages.placeGiven(PLACE, 'da', false),
      placeMessages.placeGiven(PLACE, 'da', true),
      placeMessages.waitlisted(PLACE, 3, 'da'),
      placeMessages.reminder(PLACE, 'da'),
      invitationMessage({ event: 'Mødet', day: '2026-12-07', link: 'https://x' }, 'da'),
      agendaMessage({ event: 'Mødet', day: '2026-12-07', link: 'https://x', lines: [] }, 'da'),
      contactRequestMessage(
        { company: 'Firmaet', role: 'lagermedarbejder', link: 'https://x' },
        'da',
      ),
    ],
  ],
];

describe('plain Danish for citizens (LIX ≤ 35)', () => {
  describe.each(PAGES)('%s', (_page, texts) => {
    const all = strings(texts).map(([key, text]) => [key, withoutNames(text)] as const);

    it('has no text of eight words or more above LIX 35', () => {
      const hard = all
        .filter(([, text]) => lixParts(text).words >= MIN_WORDS && lix(text) > MAX_LIX)
        .map(([key, text]) => `${key} (LIX ${lix(text).toFixed(0)}): ${text}`);
      expect(hard).toEqual([]);
    });

    it('reads easily as a whole', () => {
      // Each text ends a sentence of its own, as on the page.
      const page = all.map(([, text]) => text.replace(/[.!?:]?\s*$/, '.')).join(' ');
      expect(lix(page)).toBeLessThanOrEqual(MAX_LIX);
    });
  });

  describe('the test’s questions, answers, practice tasks and “I can” statements', () => {
    const items = ITEM_BANK.map(
      (e) => [e.id, strings(e.text.da).map(([key, t]) => [key, withoutNames(t)] as const)] as const,
    );

    it('has no text of eight words or more above LIX 35, item by item', () => {
      // Labels of one or two words (a sender, a file name, a button) are measured with the rest.
      const hard = items.flatMap(([id, texts]) =>
        texts
          .filter(([, text]) => lixParts(text).words >= MIN_WORDS && lix(text) > MAX_LIX)
          .map(([key, text]) => `${id} ${key} (LIX ${lix(text).toFixed(0)}): ${text}`),
      );
      expect(hard).toEqual([]);
    });

    it('reads easily as a whole', () => {
      const bank = items.flatMap(([, texts]) => texts.map(([, t]) => t));
      expect(bank.length).toBeGreaterThan(300);
      expect(lix(bank.map((t) => t.replace(/[.!?:]?\s*$/, '.')).join(' '))).toBeLessThanOrEqual(
        MAX_LIX,
      );
    });
  });

  it('measures: a hard sentence fails, a plain one passes', () => {
    expect(
      lix('Databeskyttelsesforordningens bestemmelser fastlægger betingelserne for behandlingen.'),
    ).toBeGreaterThan(MAX_LIX);
    expect(lix('Du kan tage testen igen. Dit svar bliver gemt.')).toBeLessThanOrEqual(MAX_LIX);
  });
});
