import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { call } from './api';
import { useCan, useSession } from './session';
import { PageTitle } from './ui';
import { AREA_PAGES } from './areas';

/** The pages a user starts from, from every area, each for those given its capability. */
const LINKS = AREA_PAGES.flatMap((a) => a.home ?? []).sort((x, y) => x.order - y.order);

export function HomePage() {
  const { t } = useTranslation();
  const user = useSession().data?.user;
  const can = useCan();
  const sites = useQuery({
    queryKey: ['sites'],
    queryFn: () => call('GET /api/sites'),
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
                {l.external ? <a href={l.to}>{t(l.label)}</a> : <Link to={l.to}>{t(l.label)}</Link>}
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
