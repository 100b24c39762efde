import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../../web/api';
import { ErrorSummary, PageTitle } from '../../web/ui';
import { CodeCard, type IssuedCode } from './CodeCard';

/** eMentors and caseworkers hand out codes for citizens who cannot log in yet. */
export default function TestCodesPage() {
  const { t } = useTranslation();
  const [codes, setCodes] = useState<IssuedCode[]>([]);
  const [error, setError] = useState<unknown>(null);
  async function issue() {
    setError(null);
    try {
      const c = await api<IssuedCode>('/api/test-codes', { method: 'POST', body: {} });
      setCodes((list) => [c, ...list]);
    } catch (err) {
      setError(err);
    }
  }
  return (
    <>
      <PageTitle>{t('test.codesTitle')}</PageTitle>
      <p>{t('test.codesIntro')}</p>
      <ErrorSummary error={error} />
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
    </>
  );
}
