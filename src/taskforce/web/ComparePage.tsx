import { useQueries } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { call } from '../../web/api';
import { ErrorSummary, HeadRow, Loading, PageTitle, TableWrap } from '../../web/ui';
import { INDICATORS } from '../taskforce.constants';
import { FollowUpFilter, formatValue, useCentres, useFollowUpQuery } from './follow-up';

/** Every centre (or, without centres, every site) and the municipality, side by side. */
export default function ComparePage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { query, params } = useFollowUpQuery();
  const centres = useCentres();
  const places = centres.data
    ? centres.data.centres.length > 0
      ? centres.data.centres.map((c) => ({ id: c.id, name: c.name }))
      : centres.data.sites.map((s) => ({ id: s.id, name: s.name }))
    : [];
  const scopes = [
    { id: undefined as string | undefined, name: t('strategy.municipality') },
    ...places,
  ];
  const results = useQueries({
    queries: scopes.map((s) => ({
      queryKey: ['taskforce-indicators', { ...query, site: s.id }],
      queryFn: () => call('GET /api/taskforce/indicators', { query: { ...query, site: s.id } }),
      enabled: centres.isSuccess,
    })),
  });
  const label = t('strategy.compare');
  const search = params.toString() ? `?${params.toString()}` : '';
  const loaded = results.every((r) => r.data);
  return (
    <>
      <p>
        <Link to={`/strategi${search}`}>{t('strategy.back')}</Link>
      </p>
      <PageTitle>{label}</PageTitle>
      <p>{t('strategy.compareIntro')}</p>
      <FollowUpFilter period={results[0]?.data?.period} />
      <ErrorSummary error={centres.error ?? results.find((r) => r.error)?.error} />
      {!loaded ? (
        <Loading />
      ) : (
        <TableWrap label={label}>
          <table className="table table--zebra">
            <caption className="sr-only">{label}</caption>
            <HeadRow columns={[t('strategy.indicator'), ...scopes.map((s) => s.name)]} />
            <tbody>
              {INDICATORS.map((id) => (
                <tr key={id}>
                  <th scope="row">{t(`strategy.indicators.${id}`)}</th>
                  {results.map((r, i) => {
                    const row = r.data!.indicators.find((x) => x.id === id)!;
                    return <td key={i}>{formatValue(t, lang, row, id, r.data!.scope.kind)}</td>;
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </>
  );
}
