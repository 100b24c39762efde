// What the messages citizens get (appointments, course places, matchmaking) share: filling a
// text's {placeholders}, writing a day or a time in the citizen's language, and the language a
// citizen is written to in.
import { INTL_LOCALES, isPageLang, type PageLang } from './languages.constants';

export const fillText = (text: string, params: Record<string, string | number>) =>
  text.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? ''));

/** A calendar day (YYYY-MM-DD) with its weekday, as the language writes it. */
export const dayText = (day: string, lang: PageLang) =>
  new Date(`${day}T12:00:00Z`).toLocaleDateString(INTL_LOCALES[lang], {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    timeZone: 'UTC',
  });

/** A moment with its weekday and the clock time in Copenhagen, as the language writes it. */
export const momentText = (at: Date, lang: PageLang) =>
  at.toLocaleString(INTL_LOCALES[lang], {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Europe/Copenhagen',
  });

/** The language a citizen chose for their login (users.locale); Danish when none or unknown. */
export const citizenLang = (locale: string | null | undefined): PageLang =>
  isPageLang(locale) ? locale : 'da';
