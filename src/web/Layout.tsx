import { Link, NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { call } from './api';
import { useEffect, useState } from 'react';
import { loadLang, setLang, type PageLang } from './i18n';
import { chosenLang, showLang } from './lang';
import { LanguagePicker } from './LanguagePicker';
import { PAGE_LANGS } from '../platform/i18n/languages.constants';
import { useCan, useSession } from './session';
import { AREA_PAGES } from './areas';
import { ReadAloud } from './read-aloud';

/** The main menu, from every area's entries: each shows for those the server gives its capability. */
const NAV = AREA_PAGES.flatMap((a) => a.nav ?? []).sort((x, y) => x.order - y.order);

/** The pages that exist in every citizen page language. */
const ALL_LANGUAGES = new Set(
  AREA_PAGES.flatMap((a) => a.pages)
    .filter((p) => p.allLanguages)
    .map((p) => p.path),
);

export function Layout() {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const user = session.data?.user ?? null;
  const roles = user?.roles ?? [];
  const can = useCan();
  const location = useLocation();
  // Citizens' pages (and the public ones, such as the badge check) can be read aloud.
  const readAloud = !user || roles.includes('citizen');
  const [, chose] = useState(0);
  // A community language shows on the citizen pages that exist in it; any other page (and every
  // staff page) is in Danish then, never half translated.
  const chosen = chosenLang();
  const everyLanguage = readAloud && ALL_LANGUAGES.has(location.pathname);
  const shown: PageLang = everyLanguage || chosen === 'da' || chosen === 'en' ? chosen : 'da';
  useEffect(() => {
    let current = true;
    void loadLang(shown).then(() => {
      if (!current) return;
      if (i18n.language !== shown) void i18n.changeLanguage(shown);
      showLang(shown);
    });
    return () => {
      current = false;
    };
  }, [i18n, shown]);

  async function choose(next: PageLang) {
    setLang(next);
    chose((n) => n + 1);
    // Remembered for the user, so it follows them to another phone.
    if (user)
      await call('PATCH /api/me/preferences', { body: { locale: next } }).catch(() => undefined);
  }

  async function logout() {
    const { next } = await call('POST /api/auth/logout');
    qc.clear();
    // A MitID or single sign-on session ends at the provider too, which sends the browser back.
    if (next) window.location.assign(next);
    else await navigate('/login');
  }

  return (
    <>
      <a className="skipnav" href="#main-content">
        {t('nav.skip')}
      </a>
      <header className="dl-header">
        <div className="container dl-header-inner">
          <Link to="/" className="dl-brand">
            {t('app.name')}
            <span className="dl-tagline">{t('app.tagline')}</span>
          </Link>
          <div className="dl-header-tools">
            {everyLanguage ? (
              <LanguagePicker
                lang={shown}
                offered={PAGE_LANGS}
                label={t('nav.languagePick')}
                onChange={(l) => void choose(l)}
              />
            ) : (
              <button
                type="button"
                className="button button-tertiary"
                onClick={() => void choose(shown === 'en' ? 'da' : 'en')}
                lang={shown === 'en' ? 'da' : 'en'}
                aria-label={`${t('nav.language')} – ${t('nav.languageLabel')}`}
              >
                {t('nav.language')}
              </button>
            )}
            {user && (
              <>
                <span className="dl-user">
                  {user.name}
                  <span className="sr-only">, </span>
                  <span className="dl-user-roles">
                    {roles.map((r) => t(`roles.${r}`)).join(', ')}
                  </span>
                </span>
                <button
                  type="button"
                  className="button button-secondary"
                  onClick={() => void logout()}
                >
                  {t('nav.logout')}
                </button>
              </>
            )}
          </div>
        </div>
        {user && (
          <nav className="dl-nav" aria-label={t('nav.main')}>
            <ul className="container">
              <li>
                <NavLink to="/" end>
                  {t('nav.home')}
                </NavLink>
              </li>
              {NAV.filter((n) => can(n.can)).map((n) => (
                <li key={n.to}>
                  <NavLink to={n.to} end={n.end}>
                    {t(n.label)}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
        )}
      </header>
      <main id="main-content" className="container dl-main">
        {readAloud && (
          <ReadAloud
            key={location.pathname}
            lang={i18n.language}
            label={t('common.readAloud')}
            stopLabel={t('common.stopReading')}
            root="#main-content"
          />
        )}
        <Outlet />
      </main>
      <footer className="dl-footer">
        <div className="container">
          <ul className="inline-list">
            <li>
              <Link to="/tilgaengelighed">{t('nav.accessibility')}</Link>
            </li>
            <li>
              <a href="/api/docs/">{t('nav.api')}</a>
            </li>
          </ul>
        </div>
      </footer>
    </>
  );
}
