import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { call } from '../../web/api';
import { HorizontalBars } from '../../web/charts';

/** On a pilot's page: what its participants got out of its matchmaking events. */
export function PilotOutcomesSection({ pilotId }: { pilotId: string }) {
  const { t } = useTranslation();
  const q = useQuery({
    queryKey: ['matchmaking', 'pilot', pilotId],
    queryFn: () => call('GET /api/matchmaking/pilots/:id/outcomes', { params: { id: pilotId } }),
  });
  if (!q.data || q.data.events.length === 0) return null;
  const v = q.data;
  return (
    <section className="dl-card" aria-labelledby="pilot-matchmaking">
      <h2 id="pilot-matchmaking">{t('pilotMatchmaking.title')}</h2>
      <p>
        {v.events.map((e) => `${e.name} (${e.on})`).join(', ')}:{' '}
        {t('pilotMatchmaking.summary', {
          met: v.met,
          candidates: v.candidates,
          meetings: v.meetings,
        })}
      </p>
      <HorizontalBars
        title={t('pilotMatchmaking.chart')}
        description={t('pilotMatchmaking.chartDesc')}
        items={v.outcomes.map((o) => ({
          label: t(`matchmaking.outcomes.${o.outcome}`),
          value: o.count,
        }))}
        tableLabel={t('matchmaking.showNumbers', { chart: t('pilotMatchmaking.chart') })}
        valueName={t('pilotMatchmaking.count')}
      />
      <p>{t('pilotMatchmaking.hires', { count: v.hires.length, dates: v.hires.join(', ') })}</p>
    </section>
  );
}
