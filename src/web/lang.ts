// The visitor's language, shared by the app shell and the light test page (no i18next here).
export type Lang = 'da' | 'en';

export function initialLang(): Lang {
  const m = /(?:^|;\s*)dl_lang=(da|en)/.exec(document.cookie);
  // The pattern matches only da or en.
  if (m) return m[1] as Lang;
  return navigator.language.toLowerCase().startsWith('en') ? 'en' : 'da';
}

/** Remembers the choice; the server reads the same cookie for its messages. */
export function storeLang(lang: Lang) {
  document.cookie = `dl_lang=${lang}; path=/; max-age=31536000; samesite=lax`;
  document.documentElement.lang = lang;
}

/** Fills {name} placeholders in the light pages' messages (the app shell uses i18next). */
export function fill(text: string, params: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? ''));
}
