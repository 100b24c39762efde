import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ENROLMENT_STATUSES } from '../learning.constants';
import { call } from '../../web/api';
import { ErrorSummary, Loading, PageTitle } from '../../web/ui';
import { BarChart, HorizontalBars } from '../../web/charts';

const share = (g: { completed: number; droppedOut: number }) =>
  g.completed + g.droppedOut === 0
    ? 0
    : Math.round((100 * g.completed) / (g.completed + g.droppedOut));

/** Enrolments, completion by method and provider, waiting lists: as plots with their numbers. */
export default function LearningStatsPage() {
  const { t } = useTranslation();
  const stats = useQuery({
    queryKey: ['learning-stats'],
    queryFn: () => call('GET /api/learning/stats'),
  });
  if (stats.isPending) return <Loading />;
  const s = stats.data;
  if (!s) return <ErrorSummary error={stats.error} />;
  const total = ENROLMENT_STATUSES.reduce((n, k) => n + s.totals[k], 0);
  const numbers = (chart: string) => t('learningStats.showNumbers', { chart });
  return (
    <>
      <PageTitle>{t('learningStats.title')}</PageTitle>
      <p className="font-lead">
        {t('learningStats.totals')}: {total}
      </p>
      <BarChart
        title={t('learningStats.byStatus')}
        description={t('learningStats.byStatusDesc')}
        labels={ENROLMENT_STATUSES.map((k) => t(`learning.status.${k}`))}
        values={ENROLMENT_STATUSES.map((k) => s.totals[k])}
        tableLabel={numbers(t('learningStats.byStatus'))}
        valueName={t('learningStats.count')}
      />
      <HorizontalBars
        title={t('learningStats.completionByMethod')}
        description={t('learningStats.completionByMethodDesc')}
        items={s.byMethod.map((g) => ({ label: t(`methods.${g.key}`), value: share(g) }))}
        tableLabel={numbers(t('learningStats.completionByMethod'))}
        valueName={t('learningStats.share')}
      />
      <HorizontalBars
        title={t('learningStats.completionByProvider')}
        description={t('learningStats.completionByProviderDesc')}
        items={s.byProvider.map((g) => ({ label: g.key, value: share(g) }))}
        tableLabel={numbers(t('learningStats.completionByProvider'))}
        valueName={t('learningStats.share')}
      />
      {s.waiting.length === 0 ? (
        <p>{t('learningStats.noWaiting')}</p>
      ) : (
        <HorizontalBars
          title={t('learningStats.waiting')}
          description={t('learningStats.waitingDesc')}
          items={s.waiting.map((w) => ({ label: w.name, value: w.waitlisted }))}
          tableLabel={numbers(t('learningStats.waiting'))}
          valueName={t('learningStats.count')}
        />
      )}
      <BarChart
        title={t('learningStats.byMonth')}
        description={t('learningStats.byMonthDesc')}
        labels={s.byMonth.map((m) => m.month)}
        values={s.byMonth.map((m) => m.enrolments)}
        tableLabel={numbers(t('learningStats.byMonth'))}
        valueName={t('learningStats.count')}
      />
    </>
  );
}
