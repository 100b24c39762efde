import { describe, expect, it } from 'vitest';
import { PAGE_LANGS } from '../platform/i18n/languages.constants';
import { textGaps, textsByPath } from '../platform/i18n/coverage';
import { PLACE_TEXTS, placeGiven, reminder, waitlisted } from './learning-messages';

const PLACE = {
  offerName: 'IT for begyndere',
  // Monday 7 December 2026, 10:00 in Copenhagen.
  start: new Date('2026-12-07T09:00:00Z'),
  place: 'Kodehuset, Vesterbrogade 1',
};

describe('course-place messages in the citizen’s language', () => {
  it('has every text in every language, with the same placeholders and none left in Danish', () => {
    const danish = textsByPath(PLACE_TEXTS.da);
    const gaps = PAGE_LANGS.flatMap((lang) =>
      textGaps(lang, danish, textsByPath(PLACE_TEXTS[lang])),
    );
    expect(gaps).toEqual([]);
  });

  it('finds a text left out or a placeholder lost', () => {
    const danish = textsByPath(PLACE_TEXTS.da);
    const broken = {
      ...PLACE_TEXTS.so,
      waitBody: 'Liiska sugitaanka',
      starts: PLACE_TEXTS.da.starts,
    };
    expect(textGaps('so', danish, textsByPath(broken))).toEqual([
      'so starts: still Danish',
      'so waitBody: placeholders differ',
    ]);
  });

  it.each(PAGE_LANGS)('%s names the course, the day, the time and the place', (lang) => {
    for (const m of [
      placeGiven(PLACE, lang, false),
      placeGiven(PLACE, lang, true),
      reminder(PLACE, lang),
    ]) {
      expect(m.subject).toContain('IT for begyndere');
      expect(m.body).toContain('IT for begyndere');
      expect(m.body).toContain('Kodehuset, Vesterbrogade 1');
      expect(m.body).toMatch(/10[.:]00/);
      expect(m.body).not.toMatch(/\{\w+\}/);
    }
    const wait = waitlisted(PLACE, 3, lang);
    expect(wait.body).toContain('3');
    expect(wait.body).not.toMatch(/\{\w+\}/);
  });

  it('writes the weekday in the language, and leaves the start out when none is planned', () => {
    expect(placeGiven(PLACE, 'da', false).body).toContain('mandag 7. december kl. 10.00');
    expect(placeGiven(PLACE, 'uk', false).body).toContain('понеділок');
    expect(reminder(PLACE, 'ar').body).toContain('الاثنين');
    expect(reminder(PLACE, 'pl').body).toContain('poniedziałek');
    const none = placeGiven({ ...PLACE, start: null }, 'tr', false).body;
    expect(none).not.toContain('Başlangıç');
    expect(none).toContain('Digiløft');
  });
});
