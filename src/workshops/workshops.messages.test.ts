import { describe, expect, it } from 'vitest';
import { PAGE_LANGS, hasMessage, t, type PlatformKey } from '../platform/i18n/messages';
import { messageGaps } from '../platform/i18n/coverage';
import { PLATFORM_COMMUNITY } from '../platform/i18n/platform-messages.community';
import { workshopsMessages } from './workshops.messages';
import { WORKSHOP_PAGE_KEYS } from './workshops.messages.community';
import * as messages from './appointment-messages';

describe('what the workshop pages can answer, in every language they offer', () => {
  it('names only keys of the workshops area', () => {
    for (const key of WORKSHOP_PAGE_KEYS) expect(workshopsMessages.da[key]).toBeDefined();
  });
  it('has each text in every language itself, with the same placeholders', () => {
    const keys = [...(Object.keys(PLATFORM_COMMUNITY.ar) as PlatformKey[]), ...WORKSHOP_PAGE_KEYS];
    expect(messageGaps(keys, new Set(['check_input']))).toEqual([]);
  });
  it('falls back to Danish only for texts no citizen page in the language shows', () => {
    expect(hasMessage('so', 'ticket_moved')).toBe(false);
    expect(t('so', 'ticket_moved')).toBe(t('da', 'ticket_moved'));
  });
});

describe('appointment messages in the booking language', () => {
  const facts = { siteName: 'Lærkevej', address: 'Lærkevej 3', day: '2026-12-07', start: '10:00' };
  it.each(PAGE_LANGS)('%s names the place, the day and the time', (lang) => {
    const link = 'https://digiloft.test.example/vaerksted/aftale#x';
    for (const m of [
      messages.confirmation({ ...facts, link }, lang),
      messages.reminder(facts, lang),
      messages.cancellation(facts, lang),
    ]) {
      expect(m.subject.length).toBeGreaterThan(3);
      expect(m.body).toContain('Lærkevej');
      expect(m.body).toContain('10:00');
      // The day, written in the language: 7 December 2026 is a Monday.
      expect(m.body).toMatch(/7/);
      expect(m.body).not.toMatch(/\{\w+\}/);
    }
    expect(messages.confirmation({ ...facts, link }, lang).body).toContain(link);
  });
  it('writes the day in the language', () => {
    expect(messages.confirmation(facts, 'da').body).toContain('mandag 7. december');
    expect(messages.confirmation(facts, 'pl').body).toContain('poniedziałek');
    expect(messages.confirmation(facts, 'uk').body).toContain('понеділок');
    expect(messages.confirmation(facts, 'ar').body).toContain('الاثنين');
    expect(messages.confirmation(facts, 'tr').body).toContain('Pazartesi');
  });
});
