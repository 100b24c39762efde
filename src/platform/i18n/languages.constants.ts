// The languages citizen pages can speak: Danish and English everywhere, and the community
// languages of the citizens who read Danish least (Copenhagen's largest groups). A page offers
// a community language only once every one of its texts exists in it (tests check it), so a
// citizen never meets a page half in Danish.
export const PAGE_LANGS = ['da', 'en', 'ar', 'so', 'tr', 'ur', 'fa', 'pl', 'uk'] as const;
export type PageLang = (typeof PAGE_LANGS)[number];
export type CommunityLang = Exclude<PageLang, 'da' | 'en'>;
export const COMMUNITY_LANGS = PAGE_LANGS.filter(
  (l): l is CommunityLang => l !== 'da' && l !== 'en',
);

export const isPageLang = (value: unknown): value is PageLang =>
  typeof value === 'string' && (PAGE_LANGS as readonly string[]).includes(value);

/** Each language by its own name, as a picker shows it. */
export const LANGUAGE_NAMES: Record<PageLang, string> = {
  da: 'Dansk',
  en: 'English',
  ar: 'العربية',
  so: 'Soomaali',
  tr: 'Türkçe',
  ur: 'اردو',
  fa: 'فارسی',
  pl: 'Polski',
  uk: 'Українська',
};

/** Each language's name as Danish and English texts write it ("du tog testen på arabisk"). */
export const LANGUAGE_NAMES_IN: Record<'da' | 'en', Record<PageLang, string>> = {
  da: {
    da: 'dansk',
    en: 'engelsk',
    ar: 'arabisk',
    so: 'somali',
    tr: 'tyrkisk',
    ur: 'urdu',
    fa: 'farsi',
    pl: 'polsk',
    uk: 'ukrainsk',
  },
  en: {
    da: 'Danish',
    en: 'English',
    ar: 'Arabic',
    so: 'Somali',
    tr: 'Turkish',
    ur: 'Urdu',
    fa: 'Farsi',
    pl: 'Polish',
    uk: 'Ukrainian',
  },
};

/** Written right to left: the page is mirrored. */
export const RTL_LANGS: readonly PageLang[] = ['ar', 'ur', 'fa'];

/**
 * The locale dates and times are written in, on the Gregorian calendar Danish letters and
 * appointments use. Arabic, Urdu and Farsi keep the digits of the
 * clock on the wall, the ticket and the screen in the room (0–9), as Danish signs use them.
 */
export const INTL_LOCALES: Record<PageLang, string> = {
  da: 'da-DK',
  en: 'en-GB',
  ar: 'ar-u-nu-latn',
  so: 'so-SO',
  tr: 'tr-TR',
  ur: 'ur-PK-u-nu-latn',
  fa: 'fa-IR-u-ca-gregory-nu-latn',
  pl: 'pl-PL',
  uk: 'uk-UA',
};
