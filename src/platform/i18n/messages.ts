// Messages the server sends to users (error texts). Danish first, English second; the texts
// citizen pages can meet also in the community languages (languages.constants.ts).
import { PAGE_LANGS, isPageLang, type CommunityLang, type PageLang } from './languages.constants';
import { PLATFORM_COMMUNITY } from './platform-messages.community';
import { fillText } from './citizen-texts';

export const LANGS = ['da', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export { PAGE_LANGS, isPageLang, type CommunityLang, type PageLang };

// The platform's own texts (errors any route may answer with); each area adds its own.
const da = {
  bad_request: 'Forespørgslen kunne ikke læses.',
  required: 'Skal udfyldes.',
  validation_failed: 'Nogle felter er ikke udfyldt korrekt: {details}',
  check_input: '{details}',
  unauthenticated: 'Du skal logge ind for at fortsætte.',
  forbidden: 'Du har ikke adgang til dette.',
  not_found: 'Siden eller posten findes ikke.',
  too_many_attempts: 'For mange forsøg lige nu. Vent {seconds} sekunder, og prøv igen.',
  too_many_attempts_minutes: 'For mange forsøg lige nu. Vent {minutes} minutter, og prøv igen.',
  cross_origin: 'Forespørgslen kom fra et andet websted og blev afvist.',
  rate_limited:
    'Der er kommet mange henvendelser herfra på kort tid. Vent {seconds} sekunder, eller spørg personalet.',
  rate_limited_minutes:
    'Der er kommet mange henvendelser herfra på kort tid. Vent {minutes} minutter, eller spørg personalet.',
  invalid_characters:
    'Feltet {field} indeholder et kontroltegn (fx et nul-tegn eller en vognretur), som ikke er tilladt. Fjern det og prøv igen.',
  single_line: 'Må kun fylde én linje.',
  payload_too_large: 'Forespørgslen er for stor.',
  unsupported_media_type: 'Forespørgslen skal sendes som JSON.',
  internal: 'Der skete en fejl hos os. Prøv igen senere.',
  database_unavailable:
    'Digiløft kan ikke nå sin database lige nu. Dine data er i sikkerhed; prøv igen om lidt.',
  reload_page: 'Siden er forældet. Genindlæs den, og prøv igen.',
  speech_no_voice: 'Der er ingen stemme til oplæsning på det sprog.',
  speech_personal_data:
    'Teksten ligner personlige oplysninger (et CPR-nummer, et telefonnummer eller en e-mailadresse), og den læses ikke op.',
} as const;

export type PlatformKey = keyof typeof da;

const en: Record<keyof typeof da, string> = {
  bad_request: 'The request could not be read.',
  required: 'Required.',
  validation_failed: 'Some fields are not filled in correctly: {details}',
  check_input: '{details}',
  unauthenticated: 'You need to log in to continue.',
  forbidden: 'You do not have access to this.',
  not_found: 'The page or record does not exist.',
  too_many_attempts: 'Too many attempts just now. Wait {seconds} seconds and try again.',
  too_many_attempts_minutes: 'Too many attempts just now. Wait {minutes} minutes and try again.',
  cross_origin: 'The request came from another site and was refused.',
  rate_limited:
    'There have been many requests from here in a short time. Wait {seconds} seconds, or ask the staff.',
  rate_limited_minutes:
    'There have been many requests from here in a short time. Wait {minutes} minutes, or ask the staff.',
  invalid_characters:
    'The field {field} contains a control character (such as a null byte or a carriage return), which is not allowed. Remove it and try again.',
  single_line: 'Must fit on one line.',
  payload_too_large: 'The request is too large.',
  unsupported_media_type: 'The request must be sent as JSON.',
  internal: 'Something went wrong on our side. Please try again later.',
  database_unavailable:
    'Digiløft cannot reach its database right now. Your data is safe; please try again in a moment.',
  reload_page: 'The page is out of date. Reload it and try again.',
  speech_no_voice: 'There is no read-aloud voice for that language.',
  speech_personal_data:
    'The text looks like personal data (a CPR number, a phone number or an e-mail address) and is not read aloud.',
};

/**
 * The keys of the areas' texts: each area's `<area>.messages.ts` adds its own keys here
 * (declaration merging), so an error names only texts that exist, in both languages.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface AreaMessageKeys {}

export type MessageKey = keyof typeof da | keyof AreaMessageKeys;

const community: Record<CommunityLang, Record<PlatformKey, string>> = PLATFORM_COMMUNITY;

const catalogue: Record<PageLang, Record<string, string>> = {
  da: { ...da },
  en: { ...en },
  ar: { ...community.ar },
  so: { ...community.so },
  tr: { ...community.tr },
  ur: { ...community.ur },
  fa: { ...community.fa },
  pl: { ...community.pl },
  uk: { ...community.uk },
};

/**
 * An area's texts: the same keys in Danish and English, and in the community languages those of
 * its texts that citizen pages offering those languages can meet.
 */
export function defineMessages<K extends string>(
  texts: {
    da: Record<K, string>;
    en: Record<K, string>;
  } & Partial<Record<CommunityLang, Partial<Record<K, string>>>>,
): { da: Record<K, string>; en: Record<K, string> } {
  for (const lang of PAGE_LANGS)
    for (const [key, text] of Object.entries<string | undefined>(texts[lang] ?? {})) {
      if (text === undefined) continue;
      const before = catalogue[lang][key];
      if (before !== undefined && before !== text)
        throw new Error(`message ${key} is defined twice with different texts`);
      catalogue[lang][key] = text;
    }
  return texts;
}

export const isMessageKey = (key: unknown): key is MessageKey =>
  typeof key === 'string' && Object.hasOwn(catalogue.da, key);

/** Whether a text exists in the language itself (no Danish in its place). */
export const hasMessage = (lang: PageLang, key: MessageKey) => catalogue[lang][key] !== undefined;

/**
 * The text in the language. A community language without the text gets the Danish one: only
 * where no page offering the language can show it (the checks hold citizen pages to that).
 */
export function t(
  lang: PageLang,
  key: MessageKey,
  params: Record<string, string | number> = {},
): string {
  const text =
    catalogue[lang][key] ?? (isPageLang(lang) && lang !== 'en' ? catalogue.da[key] : undefined);
  if (text === undefined) throw new Error(`no ${lang} message ${key}`);
  return fillText(text, params);
}

/** Picks da or en from an Accept-Language header; Danish unless English is preferred. */
export function langFromHeader(header: string | undefined): Lang {
  if (!header) return 'da';
  const prefs = header
    .split(',')
    .map((part) => {
      const [tag = '', ...rest] = part.trim().split(';');
      const q = rest.find((r) => r.trim().startsWith('q='));
      return { tag: tag.toLowerCase(), q: q ? Number(q.trim().slice(2)) || 0 : 1 };
    })
    .sort((a, b) => b.q - a.q);
  for (const p of prefs) {
    if (p.tag.startsWith('da') || p.tag.startsWith('nb') || p.tag.startsWith('no')) return 'da';
    if (p.tag.startsWith('en')) return 'en';
  }
  return 'da';
}

export function isLang(value: unknown): value is Lang {
  return value === 'da' || value === 'en';
}
