import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { call } from '../../web/api';
import { BarChart } from '../../web/charts';
import { ErrorSummary, Loading, TableWrap } from '../../web/ui';

/**
 * How long the test is in practice, held against the start page's promise and the simulation's
 * assumed seconds per question: what tells an admin whether the cap and the promise hold.
 */
export function TestLength() {
  const { t, i18n } = useTranslation();
  const q = useQuery({
    queryKey: ['test-length'],
    queryFn: () => call('GET /api/assessment/length'),
  });
  const num = (v: number, digits = 0) =>
    v.toLocaleString(i18n.language, { maximumFractionDigits: digits });
  const pct = (v: number) => `${num(v * 100)} %`;
  const r = q.data;
  return (
    <section className="dl-card" aria-labelledby="test-length">
      <h2 id="test-length">{t('testAdmin.length.title')}</h2>
      <ErrorSummary error={q.error} />
      {!r ? (
        q.isPending && <Loading />
      ) : (
        <>
          <p>
            {t('testAdmin.length.intro', {
              since: new Date(r.since).toLocaleDateString(i18n.language, { dateStyle: 'long' }),
              questions: r.promise.questions,
              minutes: r.promise.minutes,
              share: pct(r.promise.holdsFor),
            })}
          </p>
          {r.tests === 0 ? (
            <p>{t('testAdmin.length.none')}</p>
          ) : (
            <>
              <dl className="dl-dl">
                <dt>{t('testAdmin.length.tests')}</dt>
                <dd>{num(r.tests)}</dd>
                {r.questions && (
                  <>
                    <dt>{t('testAdmin.length.questions')}</dt>
                    <dd>
                      {t('testAdmin.length.spread', {
                        median: num(r.questions.median),
                        p90: num(r.questions.p90),
                      })}{' '}
                      {t('testAdmin.length.most', { max: num(r.questions.max) })}
                    </dd>
                  </>
                )}
                <dt>{t('testAdmin.length.stoppedAtCap')}</dt>
                <dd>
                  {pct(r.stoppedAtCap)} ·{' '}
                  {t('testAdmin.length.continued', { share: pct(r.continued) })}
                </dd>
                {r.minutes && (
                  <>
                    <dt>{t('testAdmin.length.minutes')}</dt>
                    <dd>
                      {t('testAdmin.length.spread', {
                        median: num(r.minutes.median, 1),
                        p90: num(r.minutes.p90, 1),
                      })}
                    </dd>
                    <dt>{t('testAdmin.length.promise', { minutes: r.promise.minutes })}</dt>
                    <dd>
                      <strong>
                        {r.minutes.withinPromise >= r.promise.holdsFor
                          ? t('testAdmin.length.holds', { share: pct(r.minutes.withinPromise) })
                          : t('testAdmin.length.fails', { share: pct(r.minutes.withinPromise) })}
                      </strong>{' '}
                      {t('testAdmin.length.target', { share: pct(r.promise.holdsFor) })}
                    </dd>
                  </>
                )}
              </dl>
              {r.minutes && (
                <BarChart
                  title={t('testAdmin.length.chart')}
                  description={t('testAdmin.length.chartDesc', {
                    minutes: r.promise.minutes,
                    tests: r.minutes.tests,
                  })}
                  labels={r.histogram.map((b) =>
                    b.to === null ? `${b.from}+` : `${b.from}–${b.to}`,
                  )}
                  values={r.histogram.map((b) => b.tests)}
                  tableLabel={t('testAdmin.length.chartTable')}
                  valueName={t('testAdmin.length.testsColumn')}
                />
              )}
              <TableWrap label={t('testAdmin.length.byLanguage')}>
                <table className="table table--compact">
                  <caption>{t('testAdmin.length.byLanguage')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('testAdmin.length.language')}</th>
                      <th scope="col">{t('testAdmin.length.testsColumn')}</th>
                      <th scope="col">{t('testAdmin.length.questionsMedian')}</th>
                      <th scope="col">{t('testAdmin.length.minutesMedian')}</th>
                      <th scope="col">
                        {t('testAdmin.length.promise', { minutes: r.promise.minutes })}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {r.byLanguage.map((l) => (
                      <tr key={l.language}>
                        <th scope="row">{t(`common.languages.${l.language}`, l.language)}</th>
                        <td>{num(l.tests)}</td>
                        <td>{num(l.questionsMedian)}</td>
                        <td>{l.minutesMedian === null ? '–' : num(l.minutesMedian, 1)}</td>
                        <td>{l.withinPromise === null ? '–' : pct(l.withinPromise)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableWrap>
              <p className="dl-meta">{t('testAdmin.length.note')}</p>
            </>
          )}
          <TableWrap label={t('testAdmin.length.perQuestion')}>
            <table className="table table--compact">
              <caption>{t('testAdmin.length.perQuestion')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('testAdmin.type')}</th>
                  <th scope="col">{t('testAdmin.length.answers')}</th>
                  <th scope="col">{t('testAdmin.length.medianSeconds')}</th>
                  <th scope="col">{t('testAdmin.length.p90Seconds')}</th>
                  <th scope="col">{t('testAdmin.length.assumedSeconds')}</th>
                </tr>
              </thead>
              <tbody>
                {r.secondsPerQuestion.map((s) => (
                  <tr key={s.type}>
                    <th scope="row">{t(`testAdmin.types.${s.type}`)}</th>
                    <td>{num(s.answers)}</td>
                    <td>{s.median === null ? '–' : num(s.median)}</td>
                    <td>{s.p90 === null ? '–' : num(s.p90)}</td>
                    <td>{num(s.assumed)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        </>
      )}
    </section>
  );
}
