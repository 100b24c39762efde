import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { call } from '../../web/api';
import { HeadRow, TableWrap, textList } from '../../web/ui';

/** On the caseworker's citizen page: the citizen's meetings with companies and what came of them. */
export function MatchmakingSection({ citizenId }: { citizenId: string }) {
  const { t } = useTranslation();
  const q = useQuery({
    queryKey: ['matchmaking', 'citizen', citizenId],
    queryFn: () => call('GET /api/citizens/:id/matchmaking', { params: { id: citizenId } }),
  });
  return (
    <section className="dl-card" aria-labelledby="matchmaking-meetings">
      <h2 id="matchmaking-meetings">{t('citizenMatchmaking.title')}</h2>
      {!q.data || q.data.length === 0 ? (
        <p>{t('citizenMatchmaking.none')}</p>
      ) : (
        <TableWrap label={t('citizenMatchmaking.title')}>
          <table className="table">
            <HeadRow columns={textList(t, 'citizenMatchmaking.columns')} />
            <tbody>
              {q.data.map((m, i) => (
                <tr key={i}>
                  <td>{m.event}</td>
                  <td>{m.on}</td>
                  <td>{m.company}</td>
                  <td>{t(`matchmaking.meetingStatuses.${m.status}`)}</td>
                  <td>
                    {m.outcome ? t(`matchmaking.outcomes.${m.outcome}`) : '–'}
                    {m.outcomeNote ? ` (${m.outcomeNote})` : ''}
                  </td>
                  <td>{m.outcomeStartsOn ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </section>
  );
}
