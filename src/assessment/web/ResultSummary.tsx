import { useTranslation } from 'react-i18next';
import type { ResultView } from '../assessment.contract';

/**
 * A test result for staff: the triage group, why, the language it was taken in, the level per
 * area and the basics.
 */
export function ResultSummary({ result, language }: { result: ResultView; language: string }) {
  const { t } = useTranslation();
  const pct = (x: number) => `${Math.round(x * 100)} %`;
  const notYet = result.basics.filter((b) => b.shown === 'cant_yet');
  return (
    <>
      <p>
        <strong>{t(`test.group.${result.group}`)}</strong> (
        {t('test.certainty', { p: pct(result.groupProbability) })})
      </p>
      {result.stopReason === 'max_items' && (
        <p className="dl-meta">{t('test.undecided', { items: result.items })}</p>
      )}
      <p className="dl-meta">
        {t('test.why', {
          theta: result.theta.toFixed(2),
          se: result.se.toFixed(2),
          foundation: result.cuts.foundation.toFixed(2),
          job: result.cuts.jobGoal.toFixed(2),
          items: result.items,
        })}
      </p>
      <p className="dl-meta">
        {t('test.takenIn', { language: t(`common.languages.${language}`, language) })}
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
