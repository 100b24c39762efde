import { describe, expect, it } from 'vitest';
import { hasMessage, type PlatformKey } from '../platform/i18n/messages';
import { messageGaps } from '../platform/i18n/coverage';
import { PLATFORM_COMMUNITY } from '../platform/i18n/platform-messages.community';
import { assessmentMessages } from './assessment.messages';
import { TEST_PAGE_KEYS } from './assessment.messages.community';

describe('what the test page can answer, in every language it offers', () => {
  it('names only keys of the assessment area', () => {
    for (const key of TEST_PAGE_KEYS) expect(assessmentMessages.da[key]).toBeDefined();
  });
  it('has each text in every language itself, with the same placeholders', () => {
    const keys = [...(Object.keys(PLATFORM_COMMUNITY.ar) as PlatformKey[]), ...TEST_PAGE_KEYS];
    expect(messageGaps(keys, new Set(['check_input']))).toEqual([]);
  });
  it('keeps staff texts in Danish and English', () => {
    expect(hasMessage('ar', 'too_few_responses')).toBe(false);
  });
});
