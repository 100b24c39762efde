import { useState, type FormEvent } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ResultView } from '../assessment.contract';
import { ResultSummary } from './ResultSummary';
import { api } from '../../web/api';
import { ErrorSummary, Field, formText, formatDateTime } from '../../web/ui';
import { CodeCard, type IssuedCode } from './CodeCard';

interface AssessmentItem {
  id: string;
  status: string;
  startedAt: string;
  completedAt: string | null;
  consentAt: string | null;
  result: ResultView | null;
}

/** On the caseworker's citizen page: hand out a test code, and see results and history. */
export function AssessmentSection({ citizenId }: { citizenId: string }) {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const list = useQuery({
    queryKey: ['assessments', citizenId],
    queryFn: () => api<AssessmentItem[]>(`/api/citizens/${citizenId}/assessments`),
  });
  const [code, setCode] = useState<IssuedCode | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [linkError, setLinkError] = useState<unknown>(null);
  const [linked, setLinked] = useState(false);

  async function issue() {
    setError(null);
    try {
      setCode(await api<IssuedCode>('/api/test-codes', { method: 'POST', body: { citizenId } }));
      await qc.invalidateQueries({ queryKey: ['assessments', citizenId] });
    } catch (err) {
      setError(err);
    }
  }

  async function link(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    setLinkError(null);
    setLinked(false);
    try {
      await api(`/api/citizens/${citizenId}/assessments/link`, {
        method: 'POST',
        body: { code: formText(new FormData(form), 'code') },
      });
      form.reset();
      setLinked(true);
      await qc.invalidateQueries({ queryKey: ['assessments', citizenId] });
    } catch (err) {
      setLinkError(err);
    }
  }

  return (
    <section className="dl-card" aria-labelledby="digital-test">
      <h2 id="digital-test">{t('test.sectionTitle')}</h2>
      <ErrorSummary error={error ?? list.error} />
      {code ? (
        <CodeCard code={code} />
      ) : (
        <button type="button" className="button button-secondary" onClick={() => void issue()}>
          {t('test.issueCode')}
        </button>
      )}
      {(list.data ?? []).length === 0 ? (
        <p>{t('test.none')}</p>
      ) : (
        (list.data ?? []).map((a) => (
          <div key={a.id} className="dl-note">
            <p className="dl-meta">
              {formatDateTime(a.startedAt, i18n.language)} · {t(`test.status.${a.status}`)}
            </p>
            {a.result && <ResultSummary result={a.result} />}
          </div>
        ))
      )}
      <form onSubmit={(e) => void link(e)} noValidate aria-labelledby="link-test">
        <h3 id="link-test">{t('test.linkTitle')}</h3>
        <ErrorSummary error={linkError} />
        {linked && (
          <p className="dl-meta" role="status">
            {t('test.linked')}
          </p>
        )}
        <Field
          label={t('test.linkCode')}
          hint={t('test.linkHint')}
          name="code"
          autoComplete="off"
          required
        />
        <button type="submit" className="button button-secondary">
          {t('test.link')}
        </button>
      </form>
    </section>
  );
}
