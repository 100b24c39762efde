import { describe, expect, it } from 'vitest';
import { PAGE_LANGS } from '../platform/i18n/languages.constants';
import { textGaps, textsByPath } from '../platform/i18n/coverage';
import {
  EVENT_TEXTS,
  agendaMessage,
  contactRequestMessage,
  invitationMessage,
} from './event-messages';

// "Invitation: {event}" reads the same in English.
const SAME = new Set(['invitationSubject']);
const EVENT = { event: 'Azure-matchmaking', day: '2027-03-10', link: 'https://digiloft.example/x' };

describe('matchmaking messages in the candidate’s language', () => {
  it('has every text in every language, with the same placeholders and none left in Danish', () => {
    const danish = textsByPath(EVENT_TEXTS.da);
    const gaps = PAGE_LANGS.flatMap((lang) =>
      textGaps(lang, danish, textsByPath(EVENT_TEXTS[lang]), SAME),
    );
    expect(gaps).toEqual([]);
  });

  it.each(PAGE_LANGS)('%s names the event, its day and the link', (lang) => {
    const lines = ['09:00–09:15  Partner 1 ApS  (https://meet.example.com/a)'];
    for (const m of [invitationMessage(EVENT, lang), agendaMessage({ ...EVENT, lines }, lang)]) {
      expect(m.subject).toContain('Azure-matchmaking');
      expect(m.body).toContain('Azure-matchmaking');
      expect(m.body).toContain('10');
      expect(m.body).toContain(EVENT.link);
      expect(m.body).not.toMatch(/\{\w+\}/);
    }
    expect(agendaMessage({ ...EVENT, lines }, lang).body).toContain(lines[0]);
    expect(agendaMessage({ ...EVENT, lines: [] }, lang).body).toContain(
      EVENT_TEXTS[lang].noMeetings,
    );
    const ask = contactRequestMessage(
      { company: 'Lille Cloud ApS', role: 'lagermedarbejder', link: EVENT.link },
      lang,
    );
    expect(ask.subject).toContain('Lille Cloud ApS');
    expect(ask.body).toContain('lagermedarbejder');
    expect(ask.body).toContain(EVENT.link);
  });

  it('adds the English line to Danish only', () => {
    expect(invitationMessage(EVENT, 'da').body).toContain('Azure-matchmaking onsdag 10. marts.');
    expect(invitationMessage(EVENT, 'da').body).toContain(
      '(English: you are invited to meet companies at Azure-matchmaking on Wednesday 10 March.',
    );
    for (const lang of PAGE_LANGS.filter((l) => l !== 'da'))
      expect(invitationMessage(EVENT, lang).body).not.toContain('(English:');
    expect(invitationMessage(EVENT, 'fa').body).toContain('چهارشنبه');
  });
});
