// What the taskforce's pages share: the period and place filter (kept in the address, so a view
// can be linked to), and how an indicator's value is written.
import { useId, type FormEvent, type ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { call, type Answer } from '../../web/api';
import { INDICATOR_SPECS, type Indicator } from '../taskforce.constants';

export type Indicators = Answer<'GET /api/taskforce/indicators'>;
export type IndicatorRow = Indicators['indicators'][number];

/** The filter in the address: `fra`, `til`, `sted` (a site or centre id). */
export function useFollowUpQuery() {
  const [params, setParams] = useSearchParams();
  const query = {
    from: params.get('fra') || undefined,
    to: params.get('til') || undefined,
    site: params.get('sted') || undefined,
  };
  return { query, params, setParams };
}

export function useCentres() {
  return useQuery({
    queryKey: ['taskforce-centres'],
    queryFn: () => call('GET /api/taskforce/centres'),
  });
}

/** From, to and where: a GET form that puts its values in the address. */
export function FollowUpFilter({
  period,
  extra,
}: {
  period: { from: string; to: string } | undefined;
  extra?: ReactNode;
}) {
  const { t } = useTranslation();
  const id = useId();
  const { query, params, setParams } = useFollowUpQuery();
  const centres = useCentres();
  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const next = new URLSearchParams(params);
    for (const [field, key] of [
      ['from', 'fra'],
      ['to', 'til'],
      ['site', 'sted'],
      ['cohort', 'kohorte'],
    ] as const) {
      const v = data.get(field);
      if (typeof v === 'string' && v) next.set(key, v);
      else next.delete(key);
    }
    setParams(next);
  }
  return (
    <form onSubmit={onSubmit} className="dl-toolbar" aria-label={t('strategy.show')}>
      <div className="form-group">
        <label className="form-label" htmlFor={`${id}-from`}>
          {t('strategy.from')}
        </label>
        <input
          id={`${id}-from`}
          name="from"
          type="date"
          className="form-input"
          key={period?.from}
          defaultValue={query.from ?? period?.from}
        />
      </div>
      <div className="form-group">
        <label className="form-label" htmlFor={`${id}-to`}>
          {t('strategy.to')}
        </label>
        <input
          id={`${id}-to`}
          name="to"
          type="date"
          className="form-input"
          key={period?.to}
          defaultValue={query.to ?? period?.to}
        />
      </div>
      <div className="form-group">
        <label className="form-label" htmlFor={`${id}-site`}>
          {t('strategy.where')}
        </label>
        <select
          id={`${id}-site`}
          name="site"
          className="form-select"
          defaultValue={query.site ?? ''}
          key={centres.data ? 'loaded' : 'loading'}
        >
          <option value="">{t('strategy.municipality')}</option>
          {(centres.data?.centres.length ?? 0) > 0 && (
            <optgroup label={t('strategy.centresGroup')}>
              {centres.data!.centres.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </optgroup>
          )}
          <optgroup label={t('strategy.sitesGroup')}>
            {(centres.data?.sites ?? []).map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </optgroup>
        </select>
      </div>
      {extra}
      <button type="submit" className="button button-secondary">
        {t('strategy.show')}
      </button>
    </form>
  );
}

/** A value as people read it: a share in per cent, minutes, a count; hidden or not counted here. */
export function formatValue(
  t: TFunction,
  lang: string,
  row: { value: number | null; suppressed: boolean },
  id: Indicator,
  scopeKind: 'municipality' | 'centre' | 'site',
): string {
  if (row.suppressed) return t('strategy.hidden');
  if (row.value === null)
    return INDICATOR_SPECS[id].municipalityOnly && scopeKind !== 'municipality'
      ? t('strategy.notHere')
      : t('strategy.none');
  return formatNumber(t, lang, row.value, id);
}

export function formatNumber(t: TFunction, lang: string, value: number, id: Indicator): string {
  const unit = INDICATOR_SPECS[id].unit;
  if (unit === 'share')
    return `${(value * 100).toLocaleString(lang, { maximumFractionDigits: 0 })} %`;
  if (unit === 'minutes')
    return t('strategy.minutes', { n: value.toLocaleString(lang, { maximumFractionDigits: 0 }) });
  return value.toLocaleString(lang, { maximumFractionDigits: 0 });
}

/** A target as people read it. */
export function formatTarget(t: TFunction, lang: string, row: IndicatorRow): string {
  if (row.target === null) return t('strategy.noTarget');
  return `${row.lowerIsBetter ? '≤' : '≥'} ${formatNumber(t, lang, row.target, row.id)}`;
}

/** For plots: shares in per cent, the rest as they are. */
export const plotted = (row: IndicatorRow, v: number | null) =>
  v === null ? null : row.unit === 'share' ? Math.round(v * 1000) / 10 : v;
