import { Link, NavLink, Outlet, useNavigate } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from './api';
import { setLang, type Lang } from './i18n';
import { useSession } from './session';

export function Layout() {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const user = session.data?.user ?? null;
  const roles = user?.roles ?? [];

  async function switchLang() {
    const next: Lang = i18n.language === 'en' ? 'da' : 'en';
    setLang(next);
    if (user)
      await api('/api/me/preferences', { method: 'PATCH', body: { locale: next } }).catch(
        () => undefined,
      );
  }

  async function logout() {
    await api('/api/auth/logout', { method: 'POST' });
    qc.clear();
    await navigate('/login');
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
            <button
              type="button"
              className="button button-tertiary"
              onClick={() => void switchLang()}
              lang={i18n.language === 'en' ? 'da' : 'en'}
              aria-label={`${t('nav.language')} – ${t('nav.languageLabel')}`}
            >
              {t('nav.language')}
            </button>
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
              {roles.includes('caseworker') && (
                <li>
                  <NavLink to="/borgere">{t('nav.caseload')}</NavLink>
                </li>
              )}
              {roles.includes('ementor') && (
                <li>
                  <NavLink to="/vaerksted">{t('nav.workshop')}</NavLink>
                </li>
              )}
              {(roles.includes('ementor') ||
                roles.includes('admin') ||
                roles.includes('analyst')) && (
                <li>
                  <NavLink to="/vaerksted/statistik">{t('nav.stats')}</NavLink>
                </li>
              )}
              {(roles.includes('ementor') || roles.includes('caseworker')) && (
                <li>
                  <NavLink to="/testkoder">{t('nav.testCodes')}</NavLink>
                </li>
              )}
              {(roles.includes('pilot_manager') || roles.includes('analyst')) && (
                <li>
                  <NavLink to="/pilotprojekter">{t('nav.pilots')}</NavLink>
                </li>
              )}
              {roles.some((r) =>
                ['caseworker', 'ementor', 'pilot_manager', 'admin', 'analyst'].includes(r),
              ) && (
                <li>
                  <NavLink to="/kurser">{t('nav.courses')}</NavLink>
                </li>
              )}
              {roles.includes('citizen') && (
                <>
                  <li>
                    <NavLink to="/min-plan">{t('nav.myPlan')}</NavLink>
                  </li>
                  <li>
                    <NavLink to="/mine-data">{t('nav.myData')}</NavLink>
                  </li>
                </>
              )}
              {roles.includes('admin') && (
                <>
                  <li>
                    <NavLink to="/admin/brugere">{t('nav.users')}</NavLink>
                  </li>
                  <li>
                    <NavLink to="/admin/steder">{t('nav.sites')}</NavLink>
                  </li>
                  <li>
                    <NavLink to="/admin/test">{t('nav.testAdmin')}</NavLink>
                  </li>
                  <li>
                    <NavLink to="/admin/vaerksteder">{t('nav.workshopAdmin')}</NavLink>
                  </li>
                </>
              )}
            </ul>
          </nav>
        )}
      </header>
      <main id="main-content" className="container dl-main">
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
