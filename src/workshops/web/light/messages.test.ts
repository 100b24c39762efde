import { describe, expect, it } from 'vitest';
import { PAGE_LANGS } from '../../../platform/i18n/languages.constants';
import { MESSAGES } from './messages';
import { textGaps, textsByPath } from '../../../platform/i18n/coverage';

/**
 * Texts that may read the same as the Danish: the names on the screens citizens meet, and words
 * that are the same in the language (e-mail, apps).
 */
const NAMES = new Set([
  'topics.mitid',
  'topics.borger_dk',
  'topics.digital_post',
  'topics.email',
  'topics.apps',
]);

describe('the workshop pages in every language they offer', () => {
  it.each(PAGE_LANGS.filter((l) => l !== 'da'))(
    '%s has every text, none left in Danish',
    (lang) => {
      expect(textGaps(lang, textsByPath(MESSAGES.da), textsByPath(MESSAGES[lang]), NAMES)).toEqual(
        [],
      );
    },
  );
});
