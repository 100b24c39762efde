import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { call } from '../../web/api';
import {
  ErrorSummary,
  HeadRow,
  Loading,
  PageTitle,
  TableWrap,
  formatDateTime,
  textList,
} from '../../web/ui';
import { useCan } from '../../web/session';

/** The catalogue of learning offers, with how full each is. */
export default function OffersPage() {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const [all, setAll] = useState(false);
  const list = useQuery({
    queryKey: ['offers', all],
    queryFn: () => call('GET /api/learning/offers', { query: { all: all ? '1' : '0' } }),
  });
  const manages = can('courses.manage');
  const seesStats = can('courseStats');
  return (
    <>
      <PageTitle>{t('learning.title')}</PageTitle>
      <p>{t('learning.intro')}</p>
      <p className="dl-toolbar">
        {manages && (
          <Link className="button button-primary" to="/kurser/nyt">
            {t('learning.new')}
          </Link>
        )}
        {seesStats && (
          <Link className="button button-secondary" to="/kurser/statistik">
            {t('learning.statsLink')}
          </Link>
        )}
      </p>
      <div className="form-group-checkbox">
        <input
          id="show-retired"
          type="checkbox"
          className="form-checkbox"
          checked={all}
          onChange={(e) => setAll(e.target.checked)}
        />
        <label htmlFor="show-retired">{t('learning.showRetired')}</label>
      </div>
      <ErrorSummary error={list.error} />
      {list.isPending ? (
        <Loading />
      ) : (list.data ?? []).length === 0 ? (
        <p>{t('learning.none')}</p>
      ) : (
        <TableWrap label={t('learning.listLabel')}>
          <table className="table table--zebra">
            <caption className="sr-only">{t('learning.listLabel')}</caption>
            <HeadRow columns={textList(t, 'learning.cols')} />
            <tbody>
              {(list.data ?? []).map((o) => (
                <tr key={o.id}>
                  <td>
                    <Link to={`/kurser/${o.id}`}>{o.name}</Link>
                    {o.status === 'retired' && ` (${t('learning.retired')})`}
                  </td>
                  <td>{o.providerName}</td>
                  <td>{o.methods.map((m) => t(`methods.${m}`)).join(', ')}</td>
                  <td>{t('learning.scope', { hours: o.hoursPerWeek, weeks: o.weeks })}</td>
                  <td>{t('learning.seats', { enrolled: o.enrolled, capacity: o.capacity })}</td>
                  <td>{o.waitlisted}</td>
                  <td>{o.nextSession ? formatDateTime(o.nextSession, i18n.language) : '–'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </>
  );
}
