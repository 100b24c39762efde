import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { call, href } from '../../web/api';
import { useCan } from '../../web/session';
import { ErrorSummary, formatDateTime, HeadRow, Loading, PageTitle, TableWrap } from '../../web/ui';
import { RECOMMENDATIONS, TRACK_OF } from '../taskforce.constants';
import { FollowUpFilter, formatTarget, formatValue, useFollowUpQuery } from './follow-up';

/** The strategy on one page: both tracks, each recommendation with its live indicators. */
export default function StrategyPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const can = useCan();
  const { query, params } = useFollowUpQuery();
  const q = useQuery({
    queryKey: ['taskforce-indicators', query],
    queryFn: () => call('GET /api/taskforce/indicators', { query }),
  });
  const actions = useQuery({
    queryKey: ['taskforce-actions', 'all'],
    queryFn: () => call('GET /api/taskforce/actions', { query: {} }),
  });
  const client = useQueryClient();
  const recount = useMutation({
    mutationFn: () => call('POST /api/taskforce/indicators/recount'),
    onSuccess: () => client.invalidateQueries({ queryKey: ['taskforce-indicators'] }),
  });
  const search = params.toString() ? `?${params.toString()}` : '';
  const v = q.data;
  return (
    <>
      <PageTitle>{t('strategy.title')}</PageTitle>
      <p>{t('strategy.intro')}</p>
      <p className="dl-actions">
        <Link to={`/strategi/sammenlign${search}`}>{t('strategy.compare')}</Link>
        {' · '}
        <Link to={`/strategi/borgerforloeb${search}`}>{t('strategy.journey')}</Link>
        {' · '}
        <Link to="/strategi/budget">{t('strategy.budget')}</Link>
        {' · '}
        <Link to="/strategi/rapporter">{t('strategy.reports')}</Link>
        {can('strategy.centres') && (
          <>
            {' · '}
            <Link to="/strategi/centre">{t('strategy.centresSetup')}</Link>
          </>
        )}
      </p>
      <FollowUpFilter period={v?.period} />
      <ErrorSummary error={q.error ?? recount.error} />
      {q.isPending || !v ? (
        <Loading />
      ) : (
        <>
          <p className="dl-toolbar" aria-live="polite">
            <span>{t('strategy.countedAt', { when: formatDateTime(v.countedAt, lang) })}</span>
            <button
              type="button"
              className="button button-secondary"
              disabled={recount.isPending}
              onClick={() => recount.mutate()}
            >
              {recount.isPending ? t('strategy.recounting') : t('strategy.recount')}
            </button>
          </p>
          <p>
            <a
              href={href('GET /api/taskforce/indicators.csv', {
                query: { ...query, format: 'excel' },
              })}
              download
            >
              {t('strategy.csv')}
            </a>
          </p>
          {([1, 2] as const).map((track) => (
            <section key={track} aria-labelledby={`track-${track}`}>
              <h2 id={`track-${track}`}>{t(`strategy.tracks.${track}`)}</h2>
              {RECOMMENDATIONS.filter((r) => TRACK_OF[r] === track).map((rec) => {
                const rows = v.indicators.filter((i) => i.recommendation === rec);
                const late = (actions.data ?? []).filter(
                  (a) => a.recommendation === rec && a.late,
                ).length;
                const title = t(`strategy.recs.${rec}`);
                return (
                  <section key={rec} className="dl-card" aria-labelledby={`rec-${rec}`}>
                    <h3 id={`rec-${rec}`}>
                      <Link to={`/strategi/${rec}${search}`}>{title}</Link>
                    </h3>
                    {late > 0 && (
                      <p className="dl-warning">{t('strategy.lateActions', { n: late })}</p>
                    )}
                    <TableWrap label={title}>
                      <table className="table table--compact">
                        <caption className="sr-only">{title}</caption>
                        <HeadRow
                          columns={[
                            t('strategy.indicator'),
                            t('strategy.value'),
                            t('strategy.target'),
                            '',
                          ]}
                        />
                        <tbody>
                          {rows.map((r) => (
                            <tr key={r.id}>
                              <th scope="row">{t(`strategy.indicators.${r.id}`)}</th>
                              <td>{formatValue(t, lang, r, r.id, v.scope.kind)}</td>
                              <td>{formatTarget(t, lang, r)}</td>
                              <td>
                                {r.onTarget === null
                                  ? ''
                                  : r.onTarget
                                    ? `✓ ${t('strategy.onTarget')}`
                                    : `✗ ${t('strategy.offTarget')}`}
                              </td>
                            </tr>
                          ))}
                        </tbody>
                      </table>
                    </TableWrap>
                  </section>
                );
              })}
            </section>
          ))}
        </>
      )}
    </>
  );
}
