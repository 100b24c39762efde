import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { SiteView } from '../organisation/organisation.contract';
import type { Capability } from '../platform/auth/capabilities';
import { api } from './api';
import { useCan, useSession } from './session';
import { PageTitle } from './ui';

/**
 * The pages a user starts from, each shown to those the server gives its capability.
 * `external`: a page outside the app shell (the light test page), reached by a full page load.
 */
const LINKS: { to: string; key: string; can: Capability; external?: boolean }[] = [
  { to: '/test', key: 'home.takeTest', can: 'ownTest', external: true },
  { to: '/min-plan', key: 'home.goMyPlan', can: 'myPlan' },
  { to: '/mine-data', key: 'home.seeMyData', can: 'myData' },
  { to: '/borgere', key: 'home.goCaseload', can: 'caseload' },
  { to: '/vaerksted', key: 'home.goWorkshop', can: 'workshopQueue' },
  { to: '/testkoder', key: 'home.goTestCodes', can: 'testCodes' },
  { to: '/pilotprojekter', key: 'home.goPilots', can: 'pilots' },
  { to: '/kurser', key: 'home.goCourses', can: 'courses' },
  { to: '/vaerksted/statistik', key: 'home.goStats', can: 'workshopStats' },
  { to: '/kurser/statistik', key: 'home.goCourseStats', can: 'courseStats' },
  { to: '/admin/brugere', key: 'home.goUsers', can: 'users.manage' },
  { to: '/admin/steder', key: 'home.goSites', can: 'sites.manage' },
  { to: '/admin/test', key: 'home.goTestAdmin', can: 'testAdmin' },
  { to: '/admin/vaerksteder', key: 'home.goWorkshopAdmin', can: 'workshopAdmin' },
];

export function HomePage() {
  const { t } = useTranslation();
  const user = useSession().data?.user;
  const can = useCan();
  const sites = useQuery({
    queryKey: ['sites'],
    queryFn: () => api<SiteView[]>('/api/sites'),
    enabled: !!user,
  });
  if (!user) return null;
  const workshops = (sites.data ?? []).filter((s) => s.hasWorkshop && s.active);
  const links = LINKS.filter((l) => can(l.can));
  return (
    <>
      <PageTitle>{t('home.welcome', { name: user.name })}</PageTitle>
      <p className="font-lead">{t('home.municipality', { name: user.municipality.name })}</p>
      {user.roles.map((role) => (
        <section key={role} className="dl-card" aria-labelledby={`role-${role}`}>
          <h2 id={`role-${role}`}>{t(`roles.${role}`)}</h2>
          <p>{t(`home.roleIntro.${role}`)}</p>
        </section>
      ))}
      <section aria-labelledby="my-pages">
        <h2 id="my-pages">{t('home.myPages')}</h2>
        {links.length > 0 ? (
          <ul className="dl-links">
            {links.map((l) => (
              <li key={l.to}>
                {l.external ? <a href={l.to}>{t(l.key)}</a> : <Link to={l.to}>{t(l.key)}</Link>}
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('home.comingUp')}</p>
        )}
      </section>
      {workshops.length > 0 && (
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
