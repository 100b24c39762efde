import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { call } from '../../web/api';
import { ErrorSummary, HeadRow, Loading, PageTitle, TableWrap, textList } from '../../web/ui';

/** Every pilot's effect side by side, with p-values adjusted for the number of pilots. */
export default function PortfolioPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const q = useQuery({
    queryKey: ['pilot-portfolio', lang],
    queryFn: () => call('GET /api/pilots/portfolio'),
  });
  const num = (v: number, digits = 1) =>
    v.toLocaleString(lang, { maximumFractionDigits: digits, minimumFractionDigits: digits });
  const label = t('pilots.portfolio');
  return (
    <>
      <PageTitle>{label}</PageTitle>
      <p>{t('pilots.portfolioIntro')}</p>
      <ErrorSummary error={q.error} />
      {q.isPending ? (
        <Loading />
      ) : (
        <TableWrap label={label}>
          <table className="table table--zebra">
            <caption className="sr-only">{label}</caption>
            <HeadRow columns={textList(t, 'pilots.portfolioCols')} />
            <tbody>
              {(q.data?.pilots ?? []).map((p) => (
                <tr key={p.id}>
                  <th scope="row">
                    <Link to={`/pilotprojekter/${p.id}`}>{p.name}</Link>
                  </th>
                  <td>{t(`pilots.status.${p.status}`)}</td>
                  <td>
                    {p.verdict
                      ? t(`pilots.verdicts.${p.verdict}`)
                      : t(`pilots.portfolioReasons.${p.reason ?? 'not_possible'}`)}
                  </td>
                  <td>
                    {p.effect
                      ? `${num(p.effect.estimate)} (${num(p.effect.ci95[0])} – ${num(p.effect.ci95[1])})`
                      : '–'}
                  </td>
                  <td>{p.p === null ? '–' : num(p.p, 3)}</td>
                  <td>{p.pAdjusted === null ? '–' : num(p.pAdjusted, 3)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </>
  );
}
