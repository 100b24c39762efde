import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { call, href } from '../../web/api';
import { ErrorSummary, HeadRow, Loading, PageTitle, TableWrap, textList } from '../../web/ui';
import { HorizontalBars } from '../../web/charts';
import { digcompTitle } from '../../learning/digcomp.model';
import {
  DEMAND_DIMENSIONS,
  DEMAND_SOURCES,
  type DemandDimension,
  type DemandSource,
} from '../demand.model';

/**
 * The demand picture for consultants, analysts, pilot managers and caseworkers: digital
 * competences asked for, split by one dimension, per source — a plot with its numbers, CSV —
 * and beside it the citizens aiming at those jobs who lack them.
 */
export default function DemandPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'da';
  const [by, setBy] = useState<DemandDimension>('competence');
  const [source, setSource] = useState<DemandSource>('roles');
  const picture = useQuery({
    queryKey: ['demand', by],
    queryFn: () => call('GET /api/demand', { query: { by } }),
  });
  const supply = useQuery({
    queryKey: ['demand-supply'],
    queryFn: () => call('GET /api/demand/supply'),
  });

  const label = (key: string): string => {
    if (by === 'competence') return `${key} ${digcompTitle(key, lang)}`;
    if (key === '?') return t('demand.unknown');
    if (by === 'section') return t(`companies.sections.${key}`);
    if (by === 'isco') return t(`demand.isco.${key}`);
    if (by === 'size') return t(`demand.size.${key}`);
    return key;
  };
  const cells = (picture.data?.cells ?? []).filter((c) => c.source === source);
  const totals = new Map<string, number>();
  for (const c of cells) totals.set(c.key, (totals.get(c.key) ?? 0) + c.value);
  const keys = [...totals.keys()].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  const competences = [...new Set(cells.map((c) => c.competence))].sort((a, b) =>
    a.localeCompare(b, 'en', { numeric: true }),
  );
  const value = (competence: string, key: string) =>
    cells.find((c) => c.competence === competence && c.key === key)?.value ?? 0;
  const byName = t(`demand.dims.${by}`).toLowerCase();

  return (
    <>
      <PageTitle>{t('demand.title')}</PageTitle>
      <p>{t('demand.intro')}</p>
      <div className="dl-toolbar">
        <div className="form-group">
          <label className="form-label" htmlFor="demand-by">
            {t('demand.by')}
          </label>
          <select
            id="demand-by"
            className="form-select"
            value={by}
            onChange={(e) => setBy(DEMAND_DIMENSIONS.find((d) => d === e.target.value) ?? by)}
          >
            {DEMAND_DIMENSIONS.map((d) => (
              <option key={d} value={d}>
                {t(`demand.dims.${d}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="form-group">
          <label className="form-label" htmlFor="demand-source">
            {t('demand.source')}
          </label>
          <select
            id="demand-source"
            className="form-select"
            value={source}
            onChange={(e) => setSource(DEMAND_SOURCES.find((s) => s === e.target.value) ?? source)}
          >
            {DEMAND_SOURCES.map((s) => (
              <option key={s} value={s}>
                {t(`demand.sources.${s}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <ErrorSummary error={picture.error} />
      {picture.isPending ? (
        <Loading />
      ) : (
        picture.data && (
          <>
            <p>{t('demand.basis', picture.data.basis)}</p>
            <HorizontalBars
              title={t('demand.chartTitle', { source: t(`demand.sources.${source}`), by: byName })}
              description={t('demand.chartDescription')}
              items={keys.map((k) => ({ label: label(k), value: totals.get(k)! }))}
              tableLabel={t('demand.chartTitle', {
                source: t(`demand.sources.${source}`),
                by: byName,
              })}
              valueName={t('demand.value')}
            />
            {by !== 'competence' && competences.length > 0 && (
              <TableWrap label={t('demand.tableTitle', { by: byName })}>
                <table className="table table--zebra">
                  <caption>{t('demand.tableTitle', { by: byName })}</caption>
                  <HeadRow
                    columns={[t('demand.dims.competence'), ...keys.map(label), t('demand.total')]}
                  />
                  <tbody>
                    {competences.map((c) => (
                      <tr key={c}>
                        <th scope="row">
                          {c} {digcompTitle(c, lang)}
                        </th>
                        {keys.map((k) => (
                          <td key={k}>{value(c, k)}</td>
                        ))}
                        <td>{keys.reduce((sum, k) => sum + value(c, k), 0)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableWrap>
            )}
            <p>
              <a href={href('GET /api/demand.csv', { query: { by, format: 'excel' } })} download>
                {t('demand.csv')}
              </a>
            </p>
          </>
        )
      )}
      <section aria-labelledby="demand-supply">
        <h2 id="demand-supply">{t('demand.supply')}</h2>
        <p>{t('demand.supplyIntro')}</p>
        <ErrorSummary error={supply.error} />
        {supply.isPending ? (
          <Loading />
        ) : (supply.data ?? []).length === 0 ? (
          <p>{t('demand.noSupply')}</p>
        ) : (
          <TableWrap label={t('demand.supply')}>
            <table className="table table--zebra">
              <caption className="sr-only">{t('demand.supply')}</caption>
              <HeadRow columns={textList(t, 'demand.supplyCols')} />
              <tbody>
                {(supply.data ?? []).slice(0, 60).map((s) => (
                  <tr key={`${s.occupationId}-${s.competence}`}>
                    <td>{s.occupationLabel}</td>
                    <td>
                      {s.competence} {digcompTitle(s.competence, lang)}
                    </td>
                    <td>{s.level}</td>
                    <td>{s.peopleAsked}</td>
                    <td>{s.citizensPlanned}</td>
                    <td>{s.citizensLacking}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        )}
      </section>
    </>
  );
}
