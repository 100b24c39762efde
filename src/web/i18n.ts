import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { PAGE_LANGS } from '../platform/i18n/languages.constants';
import { chosenLang, storeLang, type Lang, type PageLang } from './lang';
import { texts } from './texts';

export type { Lang, PageLang };

/** Remembers the language and shows it (the layout keeps staff pages in Danish or English). */
export function setLang(lang: PageLang) {
  storeLang(lang);
  void i18next.changeLanguage(lang);
}

export function initI18n() {
  const lang = chosenLang();
  document.documentElement.lang = lang;
  void i18next.use(initReactI18next).init({
    resources: Object.fromEntries(PAGE_LANGS.map((l) => [l, { translation: texts(l) }])),
    lng: lang,
    fallbackLng: 'da',
    interpolation: { escapeValue: false },
  });
  return i18next;
}
