import { useTranslation } from 'react-i18next';
import type { ResultView } from '../assessment.contract';
import { ResultSummary } from './ResultSummary';
import { formatDateTime } from '../../web/ui';

export interface AssessmentItem {
  id: string;
  status: string;
  startedAt: string;
  completedAt: string | null;
  consentAt: string | null;
  result: ResultView | null;
}

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
          {a.result && <ResultSummary result={a.result} />}
        </div>
      ))}
    </>
  );
}
