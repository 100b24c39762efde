import { describe, expect, it } from 'vitest';
import { PAGE_LANGS } from '../../../platform/i18n/languages.constants';
import { MESSAGES, SCREEN_WORDS } from './messages';
import { textGaps, textsByPath } from '../../../platform/i18n/coverage';
import { TEST_PROMISE } from '../../assessment.constants';
import { DEFAULT_CAT } from '../../cat';

/** Texts that may read the same as the Danish: names on the screens, a language name, a dash. */
const SAME = new Set([
  'noRating',
  'languageNames.ur',
  'basics.mitid',
  'basics.digital_post',
  'basics.borger_dk',
]);

describe('the test page in every language', () => {
  it.each(PAGE_LANGS.filter((l) => l !== 'da'))(
    '%s has every text, none left in Danish',
    (lang) => {
      expect(textGaps(lang, textsByPath(MESSAGES.da), textsByPath(MESSAGES[lang]), SAME)).toEqual(
        [],
      );
    },
  );

  it('shows the Danish words of the practice screens with their meaning in a community language', () => {
    expect(MESSAGES.ar.loginApprove).toBe('\u2068Godkend\u2069 (موافقة)');
    expect(MESSAGES.uk.inboxSend).toBe('\u2068Send svar\u2069 (Надіслати відповідь)');
    // Danish and English pages show their own words.
    expect(MESSAGES.da.loginApprove).toBe('Godkend');
    expect(MESSAGES.en.loginApprove).toBe('Approve');
    for (const key of SCREEN_WORDS) expect(MESSAGES.so[key]).toContain(MESSAGES.da[key]);
  });

  it('keeps the service names as the screens write them', () => {
    for (const lang of PAGE_LANGS)
      for (const name of ['MitID', 'Digital Post', 'Jobnet'])
        expect(MESSAGES[lang].groupText.foundation, `${lang} ${name}`).toContain(name);
  });

  it('promises what the test keeps: its cap on questions and the minutes the bench measures', () => {
    expect(DEFAULT_CAT.maxItems).toBe(TEST_PROMISE.questions);
    for (const lang of PAGE_LANGS) {
      const intro = MESSAGES[lang].intro;
      expect(intro, lang).toContain(String(TEST_PROMISE.questions));
      expect(intro, lang).toContain(String(TEST_PROMISE.minutes));
      expect(intro, lang).not.toContain('15');
    }
  });
});
