import { Link, useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { call } from '../../web/api';
import { ErrorSummary, Loading, PageTitle, formatDateTime } from '../../web/ui';
import { ResultSummary } from './ResultSummary';

/** The result of a test taken with a code, for the eMentor who goes through it with the citizen. */
export default function CodeResultPage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const q = useQuery({
    queryKey: ['test-codes', id],
    queryFn: () => call('GET /api/test-codes/:id', { params: { id } }),
  });
  return (
    <>
      <PageTitle>{t('test.codeResultTitle')}</PageTitle>
      <p>
        <Link to="/testkoder">{t('test.backToCodes')}</Link>
      </p>
      <ErrorSummary error={q.error} />
      {q.isPending ? (
        <Loading />
      ) : q.data ? (
        <>
          <p className="dl-meta">
            {t('test.handedOut')}: {formatDateTime(q.data.createdAt, i18n.language)} ·{' '}
            {t(`test.status.${q.data.status}`)}
          </p>
          {q.data.result ? (
            <ResultSummary result={q.data.result} language={q.data.language ?? 'da'} />
          ) : (
            <p>{t('test.noResult')}</p>
          )}
        </>
      ) : null}
    </>
  );
}
