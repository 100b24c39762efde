import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { call, href } from '../../web/api';
import { BarChart, FlowChart } from '../../web/charts';
import { ErrorSummary, HeadRow, Loading, PageTitle, TableWrap, textList } from '../../web/ui';
import { JOURNEY_STAGES } from '../taskforce.constants';
import { FollowUpFilter, useFollowUpQuery } from './follow-up';

const COHORTS = ['all', 'triage', 'site'] as const;
type Cohort = (typeof COHORTS)[number];

/** The citizen journey: the funnel, the flows, the time between stages and where people stop. */
export default function JourneyPage() {
  const { t } = useTranslation();
  const { query, params } = useFollowUpQuery();
  const chosen = params.get('kohorte');
  const cohort: Cohort = COHORTS.includes(chosen as Cohort) ? (chosen as Cohort) : 'all';
  const q = useQuery({
    queryKey: ['taskforce-journey', query, cohort],
    queryFn: () => call('GET /api/taskforce/journey', { query: { ...query, cohort } }),
  });
  const v = q.data;
  const stage = (s: string) => t(`journey.stages.${s}`);
  const groupName = (key: string) =>
    cohort === 'triage'
      ? key === 'untested'
        ? t('journey.untested')
        : t(`strategy.triageGroups.${key}`)
      : cohort === 'all'
        ? t('journey.cohorts.all')
        : key;
  const hidden = t('strategy.hidden');
  const search = params.toString() ? `?${params.toString()}` : '';
  return (
    <>
      <p>
        <Link to={`/strategi${search}`}>{t('strategy.back')}</Link>
      </p>
      <PageTitle>{t('journey.title')}</PageTitle>
      <p>{t('journey.intro')}</p>
      <FollowUpFilter
        period={v?.period}
        extra={
          <div className="form-group">
            <label className="form-label" htmlFor="journey-cohort">
              {t('journey.cohort')}
            </label>
            <select id="journey-cohort" name="cohort" className="form-select" defaultValue={cohort}>
              {COHORTS.map((c) => (
                <option key={c} value={c}>
                  {t(`journey.cohorts.${c}`)}
                </option>
              ))}
            </select>
          </div>
        }
      />
      <ErrorSummary error={q.error} />
      {q.isPending || !v ? (
        <Loading />
      ) : (
        <>
          <p>
            <a
              href={href('GET /api/taskforce/journey.csv', {
                query: { ...query, cohort, format: 'excel' },
              })}
              download
            >
              {t('journey.csv')}
            </a>
          </p>
          {v.groups.map((g) => (
            <section key={g.key} aria-labelledby={`group-${g.key}`}>
              <h2 id={`group-${g.key}`}>
                {groupName(g.key)}:{' '}
                {g.people.suppressed
                  ? t('journey.peopleHidden')
                  : t('journey.people', { n: g.people.n })}
              </h2>
              <BarChart
                title={`${t('journey.funnel')} (${groupName(g.key)})`}
                description={t('journey.funnelDescription', { group: groupName(g.key) })}
                labels={g.funnel.map((f) => stage(f.stage))}
                values={g.funnel.map((f) => f.n ?? 0)}
                tableLabel={t('strategy.table')}
                valueName={t('strategy.participants')}
              />
              <TableWrap label={`${t('journey.stops')} (${groupName(g.key)})`}>
                <table className="table table--compact">
                  <caption>{`${t('journey.stops')} (${groupName(g.key)})`}</caption>
                  <HeadRow columns={textList(t, 'journey.stopsCols')} />
                  <tbody>
                    {g.stops.map((s) => (
                      <tr key={s.stage}>
                        <th scope="row">{stage(s.stage)}</th>
                        <td>{s.suppressed ? hidden : s.n}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableWrap>
            </section>
          ))}
          <section aria-labelledby="flow">
            <h2 id="flow">{t('journey.flow')}</h2>
            <FlowChart
              title={t('journey.flow')}
              description={t('journey.flowDescription')}
              nodes={[...JOURNEY_STAGES, 'end'].map((s) => ({ key: s, label: stage(s) }))}
              links={v.links}
              tableLabel={t('journey.flowTable')}
              columns={textList(t, 'journey.flowCols') as [string, string, string]}
            />
            {v.hiddenFlow && <p>{t('journey.flowHidden')}</p>}
          </section>
          <section aria-labelledby="medians">
            <h2 id="medians">{t('journey.medians')}</h2>
            <TableWrap label={t('journey.medians')}>
              <table className="table table--zebra">
                <caption className="sr-only">{t('journey.medians')}</caption>
                <HeadRow columns={textList(t, 'journey.medianCols')} />
                <tbody>
                  {v.medians.map((m) => (
                    <tr key={`${m.from}-${m.to}`}>
                      <th scope="row">{stage(m.from)}</th>
                      <td>{stage(m.to)}</td>
                      <td>{m.people.suppressed ? hidden : m.people.n}</td>
                      <td>{m.days ?? '–'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          </section>
        </>
      )}
    </>
  );
}
