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

/** Recommendation 6 at a glance: SMEs' digital roles, matching academics, and the follow-up. */
export default function SmeAcademicsPage() {
  const { t, i18n } = useTranslation();
  const q = useQuery({
    queryKey: ['sme-academics'],
    queryFn: () => call('GET /api/matchmaking/sme-academics'),
  });
  if (q.isPending) return <Loading />;
  if (!q.data) return <ErrorSummary error={q.error} />;
  const v = q.data;
  return (
    <>
      <PageTitle>{t('pool.smeTitle')}</PageTitle>
      <p>{t('pool.smeIntro')}</p>
      <TableWrap label={t('pool.smeTitle')}>
        <table className="table">
          <HeadRow columns={textList(t, 'pool.smeColumns')} />
          <tbody>
            {v.rows.map((r) => (
              <tr key={r.roleId}>
                <td>
                  <Link to={`/virksomheder/${r.companyId}`}>{r.company}</Link>
                </td>
                <td>
                  <Link to={`/roller/${r.roleId}/kandidater`}>{r.role}</Link>
                </td>
                <td>{r.forms.map((f) => t(`pool.forms.${f}`)).join(', ')}</td>
                <td>{r.academics}</td>
                <td>{Math.round(r.best * 100)} %</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      <h2>{t('pool.followUps')}</h2>
      {v.followUps.length === 0 ? (
        <p>{t('pool.noFollowUps')}</p>
      ) : (
        <TableWrap label={t('pool.followUps')}>
          <table className="table">
            <HeadRow columns={textList(t, 'pool.followColumns')} />
            <tbody>
              {v.followUps.map((f, i) => (
                <tr key={i}>
                  <td>{f.company}</td>
                  <td>{f.role}</td>
                  <td>{f.handle}</td>
                  <td>{t(`pool.statuses.${f.status}`)}</td>
                  <td>{formatDateTime(f.since, i18n.language)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </>
  );
}
