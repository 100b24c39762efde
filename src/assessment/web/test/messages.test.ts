import { describe, expect, it } from 'vitest';
import { PAGE_LANGS } from '../../../platform/i18n/languages.constants';
import { MESSAGES, SCREEN_WORDS } from './messages';

function strings(value: unknown, path = ''): [string, string][] {
  if (typeof value === 'string') return [[path, value]];
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => strings(v, path ? `${path}.${k}` : k));
  return [];
}

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

/** Texts that may read the same as the Danish: names on the screens, a language name, a dash. */
const SAME = new Set([
  'noRating',
  'languageNames.ur',
  'basics.mitid',
  'basics.digital_post',
  'basics.borger_dk',
]);

describe('the test page in every language', () => {
  const danish = new Map(strings(MESSAGES.da));

  it.each(PAGE_LANGS.filter((l) => l !== 'da'))(
    '%s has every text, none left in Danish',
    (lang) => {
      const texts = new Map(strings(MESSAGES[lang]));
      expect([...texts.keys()].sort()).toEqual([...danish.keys()].sort());
      for (const [key, text] of texts) {
        if (key === 'basicsCols.0') continue;
        expect(text.trim(), `${lang} ${key}`).not.toBe('');
        expect(placeholders(text), `${lang} ${key}`).toEqual(placeholders(danish.get(key)!));
        if (!SAME.has(key))
          expect(text, `${lang} ${key} is still Danish`).not.toBe(danish.get(key));
      }
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
});
