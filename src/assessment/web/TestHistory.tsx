import { useTranslation } from 'react-i18next';
import type { CitizenAssessmentView } from '../assessment.contract';
import { ResultSummary } from './ResultSummary';
import { formatDateTime } from '../../web/ui';

export type AssessmentItem = CitizenAssessmentView;

/** A citizen's tests, newest first: when, how far, and each result with its reasons. */
export function TestHistory({ items }: { items: AssessmentItem[] | undefined }) {
  const { t, i18n } = useTranslation();
  if (!items) return null;
  if (items.length === 0) return <p>{t('test.none')}</p>;
  return (
    <>
      {items.map((a) => (
        <div key={a.id} className="dl-note">
          <p className="dl-meta">
            {formatDateTime(a.startedAt, i18n.language)} · {t(`test.status.${a.status}`)}
          </p>
          {a.result && <ResultSummary result={a.result} language={a.language} />}
        </div>
      ))}
    </>
  );
}
