import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { call } from '../../web/api';
import { ErrorSummary, HeadRow, Loading, TableWrap, textList } from '../../web/ui';

/** Every pilot's verdict and effect beside its budget, cost per participant and per exit. */
export function PilotTable() {
  const { t, i18n } = useTranslation();
  const q = useQuery({
    queryKey: ['taskforce-pilots'],
    queryFn: () => call('GET /api/taskforce/pilots'),
  });
  const num = (x: number, digits = 1) =>
    x.toLocaleString(i18n.language, { maximumFractionDigits: digits });
  const kr = (x: number | null) => (x === null ? '–' : `${num(x, 0)} kr.`);
  const label = t('strategy.pilots');
  return (
    <section aria-labelledby="pilots">
      <h2 id="pilots">{label}</h2>
      <ErrorSummary error={q.error} />
      {q.isPending ? (
        <Loading />
      ) : (
        <TableWrap label={label}>
          <table className="table table--zebra">
            <caption className="sr-only">{label}</caption>
            <HeadRow columns={textList(t, 'strategy.pilotCols')} />
            <tbody>
              {(q.data?.pilots ?? []).map((p) => (
                <tr key={p.id}>
                  <th scope="row">{p.name}</th>
                  <td>{t(`pilots.status.${p.status}`)}</td>
                  <td>{p.verdict ? t(`pilots.verdicts.${p.verdict}`) : '–'}</td>
                  <td>
                    {p.effect
                      ? `${num(p.effect.estimate)} (${num(p.effect.ci95[0])} – ${num(p.effect.ci95[1])})`
                      : '–'}
                  </td>
                  <td>{kr(p.budgetDkk)}</td>
                  <td>{kr(p.costPerParticipant)}</td>
                  <td>{kr(p.costPerExit)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </section>
  );
}
