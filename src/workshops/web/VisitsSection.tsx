import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { call } from '../../web/api';
import { ErrorSummary, formatDateTime } from '../../web/ui';

/** On the caseworker's citizen page: help the citizen got in the workshops, and suggestions. */
export function VisitsSection({ citizenId }: { citizenId: string }) {
  const { t, i18n } = useTranslation();
  const q = useQuery({
    queryKey: ['workshop-visits', citizenId],
    queryFn: () => call('GET /api/citizens/:id/workshop-visits', { params: { id: citizenId } }),
  });
  return (
    <section className="dl-card" aria-labelledby="workshop-visits">
      <h2 id="workshop-visits">{t('workshop.visitsTitle')}</h2>
      <ErrorSummary error={q.error} />
      {(q.data ?? []).length === 0 ? (
        <p>{t('workshop.noVisits')}</p>
      ) : (
        <ul className="nobullet-list">
          {(q.data ?? []).map((v) => (
            <li key={v.id} className="dl-note">
              <p className="dl-meta">
                {formatDateTime(v.at, i18n.language)} · {v.siteName} ·{' '}
                {t('workshop.minutesShort', { n: v.minutes })}
              </p>
              <p>
                {v.topics.map((k) => t(`workshop.topics.${k}`)).join(', ')} –{' '}
                {v.resolved ? t('workshop.resolved') : t('workshop.followUp')}
              </p>
              {v.courseSuggested && (
                <p>
                  <strong>
                    {t('workshop.courseSuggestedFor', { competences: v.competences.join(', ') })}
                  </strong>
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
