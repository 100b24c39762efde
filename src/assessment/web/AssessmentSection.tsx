import { useState, type FormEvent } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { TestHistory } from './TestHistory';
import { call } from '../../web/api';
import { ErrorSummary, Field, formText } from '../../web/ui';
import { CodeCard, type IssuedCode } from './CodeCard';

/** On the caseworker's citizen page: hand out a test code, and see results and history. */
export function AssessmentSection({ citizenId }: { citizenId: string }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const list = useQuery({
    queryKey: ['assessments', citizenId],
    queryFn: () => call('GET /api/citizens/:id/assessments', { params: { id: citizenId } }),
  });
  const [code, setCode] = useState<IssuedCode | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [linkError, setLinkError] = useState<unknown>(null);
  const [linked, setLinked] = useState(false);

  async function issue() {
    setError(null);
    try {
      setCode(await call('POST /api/test-codes', { body: { citizenId } }));
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
      await call('POST /api/citizens/:id/assessments/link', {
        params: { id: citizenId },
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
      <TestHistory items={list.data} />
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
