import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { VISIT_TOPICS } from '../workshops.constants';
import { call, href } from '../../web/api';
import { ErrorSummary, Loading, PageTitle } from '../../web/ui';
import { BarChart, HorizontalBars, LineChart } from '../../web/charts';
import { WorkshopSelect, useWorkshopChoice } from './WorkshopPicker';

const PERIODS = [4, 12, 26, 52] as const;

/** Per workshop and week: visits, waits, topics, share resolved, returning citizens. */
export default function StatsPage() {
  const { t } = useTranslation();
  const { workshops, siteId, setSiteId } = useWorkshopChoice();
  const [weeks, setWeeks] = useState<number>(12);
  const stats = useQuery({
    queryKey: ['workshop-stats', siteId, weeks],
    queryFn: () =>
      call('GET /api/workshops/:id/stats', { params: { id: siteId }, query: { weeks } }),
    enabled: Boolean(siteId),
  });
  const rows = stats.data ?? [];
  const labels = rows.map((r) => t('stats.weekLabel', { n: Number(r.week.slice(6)) }));
  const total = rows.reduce((s, r) => s + r.visits, 0);
  const topicTotals = VISIT_TOPICS.map((k) => ({
    label: t(`workshop.topics.${k}`),
    value: rows.reduce((s, r) => s + (r.topics[k] ?? 0), 0),
  })).filter((x) => x.value > 0);

  return (
    <>
      <PageTitle>{t('stats.title')}</PageTitle>
      <ErrorSummary error={workshops.error ?? stats.error} />
      <div className="dl-filters">
        <WorkshopSelect
          id="stats-workshop"
          workshops={workshops.data ?? []}
          value={siteId}
          onChange={setSiteId}
        />
        <div className="form-group">
          <label className="form-label" htmlFor="stats-weeks">
            {t('stats.period')}
          </label>
          <select
            id="stats-weeks"
            className="form-select"
            value={weeks}
            onChange={(e) => setWeeks(Number(e.target.value))}
          >
            {PERIODS.map((n) => (
              <option key={n} value={n}>
                {t('stats.weeks', { n })}
              </option>
            ))}
          </select>
        </div>
      </div>
      {siteId && (
        <p>
          <a
            href={href('GET /api/workshops/:id/stats.csv', {
              params: { id: siteId },
              query: { weeks },
            })}
            download
          >
            {t('stats.csv')}
          </a>{' '}
          ·{' '}
          <a
            href={href('GET /api/workshops/:id/stats.csv', {
              params: { id: siteId },
              query: { weeks, format: 'rfc4180' },
            })}
            download
          >
            {t('common.csvPlain')}
          </a>
        </p>
      )}
      {stats.isPending ? (
        <Loading />
      ) : (
        <>
          <p className="font-lead">{t('stats.total', { n: total, weeks })}</p>
          <BarChart
            title={t('stats.visits')}
            description={t('stats.visitsDesc', { n: total })}
            labels={labels}
            values={rows.map((r) => r.visits)}
            tableLabel={t('stats.showNumbers', { chart: t('stats.visits') })}
            valueName={t('stats.visitsCol')}
          />
          <LineChart
            title={t('stats.waits')}
            description={t('stats.waitsDesc')}
            labels={labels}
            series={[
              { name: t('stats.median'), values: rows.map((r) => r.waitMedian) },
              { name: t('stats.p90'), values: rows.map((r) => r.waitP90) },
            ]}
            tableLabel={t('stats.showNumbers', { chart: t('stats.waits') })}
          />
          <LineChart
            title={t('stats.resolved')}
            description={t('stats.resolvedDesc')}
            labels={labels}
            series={[
              {
                name: t('stats.resolvedCol'),
                values: rows.map((r) =>
                  r.resolvedShare === null ? null : Math.round(r.resolvedShare * 100),
                ),
              },
            ]}
            unit=" %"
            max={100}
            tableLabel={t('stats.showNumbers', { chart: t('stats.resolved') })}
          />
          <BarChart
            title={t('stats.returning')}
            description={t('stats.returningDesc')}
            labels={labels}
            values={rows.map((r) => r.returning)}
            tableLabel={t('stats.showNumbers', { chart: t('stats.returning') })}
            valueName={t('stats.visitsCol')}
          />
          <HorizontalBars
            title={t('stats.topics')}
            description={t('stats.topicsDesc')}
            items={topicTotals}
            tableLabel={t('stats.showNumbers', { chart: t('stats.topics') })}
            valueName={t('stats.visitsCol')}
          />
        </>
      )}
    </>
  );
}
