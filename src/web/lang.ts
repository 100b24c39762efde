// The visitor's language, shared by the app shell and the light pages (no i18next here).
import {
  PAGE_LANGS,
  RTL_LANGS,
  isPageLang,
  type PageLang,
} from '../platform/i18n/languages.constants';

export type Lang = 'da' | 'en';
export type { PageLang };

export function initialLang(): Lang {
  const m = /(?:^|;\s*)dl_lang=(da|en)/.exec(document.cookie);
  // The pattern matches only da or en.
  if (m) return m[1] as Lang;
  return navigator.language.toLowerCase().startsWith('en') ? 'en' : 'da';
}

/**
 * The language of a page that offers `offered` (all citizen page languages by default): one
 * named in the address (`?lang=ar`, as on a poster's QR code in that language), else the one
 * chosen before, else the browser's, else Danish.
 */
export function initialPageLang(offered: readonly PageLang[] = PAGE_LANGS): PageLang {
  const asked = new URLSearchParams(window.location.search).get('lang');
  if (isPageLang(asked) && offered.includes(asked)) return asked;
  const m = /(?:^|;\s*)dl_lang=([a-z]{2})/.exec(document.cookie);
  if (m && isPageLang(m[1]) && offered.includes(m[1])) return m[1];
  const browser = navigator.language.toLowerCase().slice(0, 2);
  return isPageLang(browser) && offered.includes(browser) ? browser : 'da';
}

/** The language the visitor chose before (the cookie), else the one the page starts in. */
export function chosenLang(): PageLang {
  const m = /(?:^|;\s*)dl_lang=([a-z]{2})/.exec(document.cookie);
  return m && isPageLang(m[1]) ? m[1] : initialPageLang();
}

/** Sets the page's language and writing direction (Arabic, Urdu and Farsi right to left). */
export function showLang(lang: PageLang) {
  document.documentElement.lang = lang;
  document.documentElement.dir = RTL_LANGS.includes(lang) ? 'rtl' : 'ltr';
}

/** Remembers the choice; the server reads the same cookie for its messages. */
export function storeLang(lang: PageLang) {
  document.cookie = `dl_lang=${lang}; path=/; max-age=31536000; samesite=lax`;
  showLang(lang);
}

/** Fills {name} placeholders in the light pages' messages (the app shell uses i18next). */
export function fill(text: string, params: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? ''));
}
