import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { educationText } from './EducationSelect';
import { ApiError, call, href } from '../../web/api';
import { ErrorSummary, Loading, PageTitle, formatDateTime, TableWrap } from '../../web/ui';

export default function MyDataPage() {
  const { t, i18n } = useTranslation();
  const me = useQuery({
    queryKey: ['me', 'citizen'],
    queryFn: () => call('GET /api/me/citizen'),
  });
  const log = useQuery({
    queryKey: ['me', 'audit'],
    queryFn: () => call('GET /api/me/audit'),
    enabled: me.isSuccess,
  });

  if (me.isPending) return <Loading />;
  if (me.error instanceof ApiError && me.error.status === 404) {
    return (
      <>
        <PageTitle>{t('myData.title')}</PageTitle>
        <p>{t('myData.noRecord')}</p>
      </>
    );
  }
  if (!me.data) return <ErrorSummary error={me.error} />;
  const c = me.data;
  const none = t('common.none');
  return (
    <>
      <PageTitle>{t('myData.title')}</PageTitle>
      <section className="dl-card" aria-labelledby="my-profile">
        <h2 id="my-profile">{t('myData.profile')}</h2>
        <dl className="dl-dl">
          <dt>{t('citizen.name')}</dt>
          {/* Read-aloud leaves out what identifies the citizen: it never leaves the browser. */}
          <dd data-private>
            {c.firstName} {c.lastName}
          </dd>
          <dt>{t('citizen.cpr')}</dt>
          <dd data-private>{c.cprMasked}</dd>
          <dt>{t('citizen.email')}</dt>
          <dd data-private>{c.email ?? none}</dd>
          <dt>{t('citizen.phone')}</dt>
          <dd data-private>{c.phone ?? none}</dd>
          <dt>{t('citizen.address')}</dt>
          <dd data-private>
            {[c.address, [c.postalCode, c.city].filter(Boolean).join(' ')]
              .filter(Boolean)
              .join(', ') || none}
          </dd>
          <dt>{t('citizen.employmentGoal')}</dt>
          <dd>{c.employmentGoal ?? none}</dd>
          <dt>{t('citizen.educationLevel')}</dt>
          <dd>{educationText(t, c.educationLevel)}</dd>
          <dt>{t('citizen.caseworker')}</dt>
          <dd>{c.caseworker?.name ?? none}</dd>
        </dl>
      </section>

      <section aria-labelledby="my-log">
        <h2 id="my-log">{t('myData.logTitle')}</h2>
        <p>{t('myData.logIntro')}</p>
        <ul className="inline-list">
          <li>
            <a href={href('GET /api/me/audit/export', { query: { format: 'csv' } })} download>
              {t('myData.downloadCsv')}
            </a>
          </li>
          <li>
            <a href={href('GET /api/me/audit/export', { query: { format: 'rfc4180' } })} download>
              {t('common.csvPlain')}
            </a>
          </li>
          <li>
            <a href={href('GET /api/me/audit/export', { query: { format: 'json' } })} download>
              {t('myData.downloadJson')}
            </a>
          </li>
        </ul>
        {log.isPending ? (
          <Loading />
        ) : (
          <TableWrap label={t('myData.logTitle')}>
            <table className="table table--zebra table--compact table-sm-responsive-headers">
              <caption className="sr-only">{t('myData.logTitle')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('myData.when')}</th>
                  <th scope="col">{t('myData.what')}</th>
                  <th scope="col">{t('myData.why')}</th>
                  <th scope="col">{t('myData.who')}</th>
                </tr>
              </thead>
              <tbody>
                {(log.data ?? []).map((e, i) => (
                  <tr key={`${e.at}-${i}`}>
                    <td data-title={t('myData.when')}>{formatDateTime(e.at, i18n.language)}</td>
                    <td data-title={t('myData.what')}>
                      {t(`actions.${e.action.replace(/\./g, '_')}`, { defaultValue: e.action })}
                    </td>
                    <td data-title={t('myData.why')}>
                      {t(`purposes.${e.purpose}`, { defaultValue: e.purpose })}
                    </td>
                    <td data-title={t('myData.who')}>
                      {e.self
                        ? t('myData.you')
                        : `${t(`roles.${e.actorRole}`, { defaultValue: e.actorRole })}, ${e.organisation}`}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        )}
      </section>
    </>
  );
}
