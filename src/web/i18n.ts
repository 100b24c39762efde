import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { chosenLang, storeLang, type Lang, type PageLang } from './lang';
import { communityTexts, texts } from './texts';

export type { Lang, PageLang };

const loading = new Map<PageLang, Promise<void>>();

/**
 * Makes the language's texts available: Danish and English are in the bundle, a community
 * language's texts are fetched the first time a citizen chooses it.
 */
export function loadLang(lang: PageLang): Promise<void> {
  if (lang === 'da' || lang === 'en') return Promise.resolve();
  let done = loading.get(lang);
  if (!done) {
    done = communityTexts(lang).then((t) => {
      i18next.addResourceBundle(lang, 'translation', t);
    });
    loading.set(lang, done);
  }
  return done;
}

/** Remembers the language and shows it (the layout keeps staff pages in Danish or English). */
export function setLang(lang: PageLang) {
  storeLang(lang);
  void loadLang(lang).then(() => i18next.changeLanguage(lang));
}

export function initI18n() {
  const lang = chosenLang();
  document.documentElement.lang = lang;
  void i18next.use(initReactI18next).init({
    resources: { da: { translation: texts('da') }, en: { translation: texts('en') } },
    // A community language starts in Danish and switches once its texts are here (Layout).
    lng: lang === 'en' ? 'en' : 'da',
    fallbackLng: 'da',
    interpolation: { escapeValue: false },
  });
  return i18next;
}
