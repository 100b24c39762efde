import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { initialLang, storeLang, type Lang } from './lang';
import { texts } from './texts';

export type { Lang };

export function setLang(lang: Lang) {
  storeLang(lang);
  void i18next.changeLanguage(lang);
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
