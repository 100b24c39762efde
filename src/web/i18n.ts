import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import da from './locales/da';
import en from './locales/en';
import { initialLang, storeLang, type Lang } from './lang';

export type { Lang };

export function setLang(lang: Lang) {
  storeLang(lang);
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
