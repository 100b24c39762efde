import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import da from './locales/da';
import en from './locales/en';

export type Lang = 'da' | 'en';
const COOKIE = 'dl_lang';

function initialLang(): Lang {
  const m = /(?:^|;\s*)dl_lang=(da|en)/.exec(document.cookie);
  if (m) return m[1] as Lang;
  return navigator.language.toLowerCase().startsWith('en') ? 'en' : 'da';
}

export function setLang(lang: Lang) {
  // Read by the server too, so error messages come in the same language.
  document.cookie = `${COOKIE}=${lang}; path=/; max-age=31536000; samesite=lax`;
  document.documentElement.lang = lang;
  void i18next.changeLanguage(lang);
}

export function initI18n() {
  const lang = initialLang();
  document.documentElement.lang = lang;
  void i18next.use(initReactI18next).init({
    resources: { da: { translation: da }, en: { translation: en } },
    lng: lang,
    fallbackLng: 'da',
    interpolation: { escapeValue: false },
  });
  return i18next;
}
