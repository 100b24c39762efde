import { describe, expect, it } from 'vitest';
import { langFromHeader, t } from './messages';

describe('langFromHeader', () => {
  it.each([
    [undefined, 'da'],
    ['da-DK,da;q=0.9', 'da'],
    ['en-GB,en;q=0.9', 'en'],
    ['de-DE,en;q=0.5', 'en'],
    ['en;q=0.4,da;q=0.8', 'da'],
    ['fr-FR', 'da'],
  ])('%s → %s', (header, lang) => {
    expect(langFromHeader(header)).toBe(lang);
  });
});

describe('t', () => {
  it('fills parameters in both languages', () => {
    expect(t('da', 'too_many_attempts_minutes', { minutes: 15 })).toContain('15 minutter');
    expect(t('en', 'too_many_attempts_minutes', { minutes: 15 })).toContain('15 minutes');
  });
});
