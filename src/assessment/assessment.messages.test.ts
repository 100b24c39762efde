import { describe, expect, it } from 'vitest';
import {
  PAGE_LANGS,
  hasMessage,
  t,
  type MessageKey,
  type PlatformKey,
} from '../platform/i18n/messages';
import { PLATFORM_COMMUNITY } from '../platform/i18n/platform-messages.community';
import { assessmentMessages } from './assessment.messages';
import { TEST_PAGE_KEYS } from './assessment.messages.community';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('what the test page can answer, in every language it offers', () => {
  const keys: MessageKey[] = [
    ...(Object.keys(PLATFORM_COMMUNITY.ar) as PlatformKey[]),
    ...TEST_PAGE_KEYS,
  ];
  it('names only keys of the assessment area', () => {
    for (const key of TEST_PAGE_KEYS) expect(assessmentMessages.da[key]).toBeDefined();
  });
  it.each(PAGE_LANGS)('%s has each text itself, with the same placeholders', (lang) => {
    for (const key of keys) {
      expect(hasMessage(lang, key), `${lang} ${key}`).toBe(true);
      const text = t(lang, key);
      expect(placeholders(text), `${lang} ${key}`).toEqual(placeholders(t('da', key)));
      if (lang !== 'da' && key !== 'check_input') expect(text).not.toBe(t('da', key));
    }
  });
  it('keeps staff texts in Danish and English', () => {
    expect(hasMessage('ar', 'too_few_responses')).toBe(false);
  });
});
