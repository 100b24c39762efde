import { describe, expect, it } from 'vitest';
import { PAGE_LANGS } from '../../../platform/i18n/languages.constants';
import { MESSAGES } from './messages';

function strings(value: unknown, path = ''): [string, string][] {
  if (typeof value === 'string') return [[path, value]];
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => strings(v, path ? `${path}.${k}` : k));
  return [];
}

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

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
  const danish = new Map(strings(MESSAGES.da));

  it.each(PAGE_LANGS.filter((l) => l !== 'da'))(
    '%s has every text, none left in Danish',
    (lang) => {
      const texts = new Map(strings(MESSAGES[lang]));
      expect([...texts.keys()].sort()).toEqual([...danish.keys()].sort());
      for (const [key, text] of texts) {
        expect(text.trim(), `${lang} ${key}`).not.toBe('');
        expect(placeholders(text), `${lang} ${key}`).toEqual(placeholders(danish.get(key)!));
        if (!NAMES.has(key))
          expect(text, `${lang} ${key} is still Danish`).not.toBe(danish.get(key));
      }
    },
  );
});
