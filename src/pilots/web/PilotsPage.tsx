import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { call } from '../../web/api';
import { ErrorSummary, Loading, PageTitle, HeadRow, TableWrap, textList } from '../../web/ui';
import { useCan } from '../../web/session';

/** All pilot projects of the municipality, with their status and how full they are. */
export default function PilotsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const list = useQuery({
    queryKey: ['pilots'],
    queryFn: () => call('GET /api/pilots'),
  });
  const cols = textList(t, 'pilots.cols');
  return (
    <>
      <PageTitle>{t('pilots.title')}</PageTitle>
      {can('pilots.manage') && (
        <p>
          <Link className="button button-primary" to="/pilotprojekter/ny">
            {t('pilots.new')}
          </Link>
        </p>
      )}
      {can('pilots.portfolio') && (
        <p>
          <Link to="/pilotprojekter/portefoelje">{t('pilots.portfolioLink')}</Link>
        </p>
      )}
      <ErrorSummary error={list.error} />
      {list.isPending ? (
        <Loading />
      ) : (list.data ?? []).length === 0 ? (
        <p>{t('pilots.none')}</p>
      ) : (
        <TableWrap label={t('pilots.listLabel')}>
          <table className="table table--zebra">
            <caption className="sr-only">{t('pilots.listLabel')}</caption>
            <HeadRow columns={cols} />
            <tbody>
              {(list.data ?? []).map((p) => (
                <tr key={p.id}>
                  <td>
                    <Link to={`/pilotprojekter/${p.id}`}>{p.name}</Link>
                  </td>
                  <td>{t(`pilots.status.${p.status}`)}</td>
                  <td>{t('pilots.period', { from: p.startsOn, to: p.endsOn })}</td>
                  <td>{p.capacity}</td>
                  <td>{p.applicants}</td>
                  <td>{p.participants}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </>
  );
}
