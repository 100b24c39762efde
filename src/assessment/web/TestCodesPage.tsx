import { useState } from 'react';
import { Link } from 'react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { call } from '../../web/api';
import { ErrorSummary, Loading, PageTitle, TableWrap, formatDateTime } from '../../web/ui';
import { CodeCard, type IssuedCode } from './CodeCard';

/**
 * eMentors and caseworkers hand out codes for citizens who cannot log in yet, and follow the
 * tests taken with them (the codes themselves are shown once and never stored).
 */
export default function TestCodesPage() {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const list = useQuery({
    queryKey: ['test-codes'],
    queryFn: () => call('GET /api/test-codes'),
  });
  const [codes, setCodes] = useState<IssuedCode[]>([]);
  const [error, setError] = useState<unknown>(null);
  async function issue() {
    setError(null);
    try {
      const c = await call('POST /api/test-codes', { body: {} });
      setCodes((all) => [c, ...all]);
      await qc.invalidateQueries({ queryKey: ['test-codes'] });
    } catch (err) {
      setError(err);
    }
  }
  return (
    <>
      <PageTitle>{t('test.codesTitle')}</PageTitle>
      <p>{t('test.codesIntro')}</p>
      <ErrorSummary error={error ?? list.error} />
      <div className="button-row">
        <button type="button" className="button button-primary" onClick={() => void issue()}>
          {t('test.issueCode')}
        </button>
        <Link to="/testkoder/plakat" className="button button-secondary">
          {t('test.poster')}
        </Link>
      </div>
      {codes.map((c) => (
        <CodeCard key={c.code} code={c} />
      ))}
      <h2>{t('test.myCodes')}</h2>
      {list.isPending ? (
        <Loading />
      ) : (list.data ?? []).length === 0 ? (
        <p>{t('test.noCodes')}</p>
      ) : (
        <TableWrap label={t('test.myCodes')}>
          <table className="table table--compact">
            <thead>
              <tr>
                <th scope="col">{t('test.handedOut')}</th>
                <th scope="col">{t('test.codeStatus')}</th>
                <th scope="col">{t('test.citizenRecord')}</th>
                <th scope="col">
                  <span className="sr-only">{t('test.result')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {(list.data ?? []).map((c) => (
                <tr key={c.id}>
                  <td>{formatDateTime(c.createdAt, i18n.language)}</td>
                  <td>{t(`test.status.${c.status}`)}</td>
                  <td>{c.linkedToCitizen ? t('common.yes') : t('common.no')}</td>
                  <td>
                    {c.status === 'completed' && (
                      <Link to={`/testkoder/${c.id}`}>
                        {t('test.seeResult')}
                        <span className="sr-only">
                          {' '}
                          {formatDateTime(c.createdAt, i18n.language)}
                        </span>
                      </Link>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </>
  );
}
