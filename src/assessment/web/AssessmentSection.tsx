import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ResultView } from '../assessment.contract';
import { api } from '../../web/api';
import { ErrorSummary, formatDateTime } from '../../web/ui';
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

  async function issue() {
    setError(null);
    try {
      setCode(await api<IssuedCode>('/api/test-codes', { method: 'POST', body: { citizenId } }));
      await qc.invalidateQueries({ queryKey: ['assessments', citizenId] });
    } catch (err) {
      setError(err);
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
    </section>
  );
}

function ResultSummary({ result }: { result: ResultView }) {
  const { t } = useTranslation();
  const pct = (x: number) => `${Math.round(x * 100)} %`;
  const notYet = result.basics.filter((b) => b.shown === 'cant_yet');
  return (
    <>
      <p>
        <strong>{t(`test.group.${result.group}`)}</strong> (
        {t('test.certainty', { p: pct(result.groupProbability) })})
      </p>
      <p className="dl-meta">
        {t('test.why', {
          theta: result.theta.toFixed(2),
          se: result.se.toFixed(2),
          foundation: result.cuts.foundation.toFixed(2),
          job: result.cuts.jobGoal.toFixed(2),
          items: result.items,
        })}
      </p>
      <ul>
        {result.areas.map((a) => (
          <li key={a.area}>
            {t(`test.area.${a.area}`)}:{' '}
            {a.level === null ? t('test.notMeasured') : t('test.level', { level: a.level })}
          </li>
        ))}
      </ul>
      <p>
        {notYet.length === 0
          ? t('test.allBasics')
          : t('test.basicsNotYet', {
              list: notYet.map((b) => t(`test.basic.${b.topic}`)).join(', '),
            })}
      </p>
    </>
  );
}
