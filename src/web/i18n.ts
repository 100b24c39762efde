import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import da from './locales/da';
import en from './locales/en';
import { initialLang, storeLang, type Lang } from './lang';
import { AREA_PAGES } from './areas';

export type { Lang };

export function setLang(lang: Lang) {
  storeLang(lang);
  void i18next.changeLanguage(lang);
}

/** The shell's texts and every area's, which own distinct top-level keys. */
function texts(lang: Lang): object {
  const merged: Record<string, unknown> = { ...(lang === 'da' ? da : en) };
  for (const area of AREA_PAGES)
    for (const [key, value] of Object.entries(area.texts?.[lang] ?? {})) {
      if (key in merged) throw new Error(`two owners of the texts under "${key}"`);
      merged[key] = value;
    }
  return merged;
}

export function initI18n() {
  const lang = initialLang();
  document.documentElement.lang = lang;
  void i18next.use(initReactI18next).init({
    resources: { da: { translation: texts('da') }, en: { translation: texts('en') } },
    lng: lang,
    fallbackLng: 'da',
    interpolation: { escapeValue: false },
  });
  return i18next;
}
