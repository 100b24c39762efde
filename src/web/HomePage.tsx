import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { SiteView } from '../organisation/organisation.contract';
import type { Role } from '../platform/auth/roles';
import { api } from './api';
import { useSession } from './session';
import { PageTitle } from './ui';

// `external`: a page outside the app shell (the light test page), reached by a full page load.
const LINKS: Partial<Record<Role, { to: string; key: string; external?: boolean }[]>> = {
  citizen: [
    { to: '/test', key: 'home.takeTest', external: true },
    { to: '/min-plan', key: 'home.goMyPlan' },
    { to: '/mine-data', key: 'home.seeMyData' },
  ],
  caseworker: [
    { to: '/borgere', key: 'home.goCaseload' },
    { to: '/testkoder', key: 'home.goTestCodes' },
    { to: '/kurser', key: 'home.goCourses' },
  ],
  ementor: [
    { to: '/vaerksted', key: 'home.goWorkshop' },
    { to: '/testkoder', key: 'home.goTestCodes' },
    { to: '/vaerksted/statistik', key: 'home.goStats' },
  ],
  analyst: [
    { to: '/pilotprojekter', key: 'home.goPilots' },
    { to: '/vaerksted/statistik', key: 'home.goStats' },
    { to: '/kurser/statistik', key: 'home.goCourseStats' },
  ],
  pilot_manager: [
    { to: '/pilotprojekter', key: 'home.goPilots' },
    { to: '/kurser', key: 'home.goCourses' },
  ],
  admin: [
    { to: '/admin/brugere', key: 'home.goUsers' },
    { to: '/admin/steder', key: 'home.goSites' },
    { to: '/admin/test', key: 'home.goTestAdmin' },
    { to: '/admin/vaerksteder', key: 'home.goWorkshopAdmin' },
    { to: '/kurser', key: 'home.goCourses' },
    { to: '/vaerksted/statistik', key: 'home.goStats' },
  ],
};

export function HomePage() {
  const { t } = useTranslation();
  const user = useSession().data?.user;
  const sites = useQuery({
    queryKey: ['sites'],
    queryFn: () => api<SiteView[]>('/api/sites'),
    enabled: !!user,
  });
  if (!user) return null;
  const workshops = (sites.data ?? []).filter((s) => s.hasWorkshop && s.active);
  const staff = user.roles.some((r) => r !== 'citizen');
  return (
    <>
      <PageTitle>{t('home.welcome', { name: user.name })}</PageTitle>
      <p className="font-lead">{t('home.municipality', { name: user.municipality.name })}</p>
      {user.roles.map((role) => (
        <section key={role} className="dl-card" aria-labelledby={`role-${role}`}>
          <h2 id={`role-${role}`}>{t(`roles.${role}`)}</h2>
          <p>{t(`home.roleIntro.${role}`)}</p>
          {LINKS[role] ? (
            <ul className="dl-links">
              {LINKS[role].map((l) => (
                <li key={l.to}>
                  {l.external ? <a href={l.to}>{t(l.key)}</a> : <Link to={l.to}>{t(l.key)}</Link>}
                </li>
              ))}
            </ul>
          ) : (
            <p>{t('home.comingUp')}</p>
          )}
        </section>
      ))}
      {(staff || user.roles.includes('citizen')) && workshops.length > 0 && (
        <section aria-labelledby="workshops">
          <h2 id="workshops">{t('home.workshops')}</h2>
          <ul className="dl-links">
            {workshops.map((s) => (
              <li key={s.id}>
                <strong>{s.name}</strong>
                <br />
                {s.address}, {s.postalCode} {s.city}
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
