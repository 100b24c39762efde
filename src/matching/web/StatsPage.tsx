import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { call, type Answer } from '../../web/api';
import { ErrorSummary, HeadRow, Loading, PageTitle, TableWrap, textList } from '../../web/ui';
import { BarChart, HorizontalBars } from '../../web/charts';

type Row = Answer<'GET /api/matchmaking/stats'>['events'][number];

function CountsTable({ label, rows }: { label: string; rows: Omit<Row, 'id' | 'on'>[] }) {
  const { t } = useTranslation();
  return (
    <TableWrap label={label}>
      <table className="table">
        <HeadRow columns={textList(t, 'matchmaking.statsColumns')} />
        <tbody>
          {rows.map((r) => (
            <tr key={r.label}>
              <th scope="row">{r.label}</th>
              <td>{r.candidates}</td>
              <td>{r.met}</td>
              <td>{r.meetings}</td>
              <td>{r.held}</td>
              <td>{r.followUps}</td>
              <td>{r.hires}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

/** Matchmaking in numbers: reach, follow-ups and hires per event, company size and pilot. */
export default function StatsPage() {
  const { t } = useTranslation();
  const q = useQuery({
    queryKey: ['matchmaking', 'stats'],
    queryFn: () => call('GET /api/matchmaking/stats'),
  });
  if (q.isPending) return <Loading />;
  if (!q.data) return <ErrorSummary error={q.error} />;
  const s = q.data;
  const numbers = (chart: string) => t('matchmaking.showNumbers', { chart });
  const events = [...s.events].reverse();
  return (
    <>
      <PageTitle>{t('matchmaking.statsTitle')}</PageTitle>
      <p>{t('matchmaking.statsIntro')}</p>
      {events.length > 0 && (
        <>
          <BarChart
            title={t('matchmaking.hiresChart')}
            description={t('matchmaking.hiresChartDesc')}
            labels={events.map((e) => `${e.label} (${e.on})`)}
            values={events.map((e) => e.hires)}
            tableLabel={numbers(t('matchmaking.hiresChart'))}
            valueName={t('matchmaking.hires')}
          />
          <HorizontalBars
            title={t('matchmaking.reachChart')}
            description={t('matchmaking.reachChartDesc')}
            items={events.map((e) => ({
              label: e.label,
              value: e.candidates === 0 ? 0 : Math.round((100 * e.met) / e.candidates),
            }))}
            tableLabel={numbers(t('matchmaking.reachChart'))}
            valueName={t('matchmaking.share')}
          />
        </>
      )}
      <h2>{t('matchmaking.byEvent')}</h2>
      <CountsTable label={t('matchmaking.byEvent')} rows={s.events} />
      <h2>{t('matchmaking.bySize')}</h2>
      <CountsTable label={t('matchmaking.bySize')} rows={s.bySize} />
      <h2>{t('matchmaking.byPilot')}</h2>
      <CountsTable label={t('matchmaking.byPilot')} rows={s.byPilot} />
    </>
  );
}
