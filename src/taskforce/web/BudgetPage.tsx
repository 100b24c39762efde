import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { asEntered, call, href } from '../../web/api';
import { LineChart } from '../../web/charts';
import { useCan } from '../../web/session';
import {
  ErrorSummary,
  Field,
  fieldError,
  formText,
  HeadRow,
  Loading,
  PageTitle,
  TableWrap,
  textList,
} from '../../web/ui';
import { PilotTable } from './PilotTable';

/** The taskforce's budget: committed and spent per quarter, the lines, the forecast. */
export default function BudgetPage() {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const client = useQueryClient();
  const q = useQuery({
    queryKey: ['taskforce-budget'],
    queryFn: () => call('GET /api/taskforce/budget'),
  });
  const kr = (x: number) => `${x.toLocaleString(i18n.language, { maximumFractionDigits: 0 })} kr.`;
  const [saved, setSaved] = useState<string | null>(null);
  const onSaved = (message: string) => async () => {
    setSaved(message);
    await client.invalidateQueries({ queryKey: ['taskforce-budget'] });
  };
  const setBudget = useMutation({
    mutationFn: (form: HTMLFormElement) => {
      const data = new FormData(form);
      return call('PUT /api/taskforce/budget', {
        body: asEntered({
          totalDkk: Number(formText(data, 'totalDkk')),
          startsOn: formText(data, 'startsOn'),
          endsOn: formText(data, 'endsOn'),
          ementorRateDkk: Number(formText(data, 'ementorRateDkk')),
        }),
      });
    },
    onSuccess: onSaved(t('budget.saved')),
  });
  const record = useMutation({
    mutationFn: (form: HTMLFormElement) => {
      const data = new FormData(form);
      const pilotId = formText(data, 'pilotId');
      return call('POST /api/taskforce/spending', {
        body: asEntered({
          kind: formText(data, 'kind'),
          pilotId: pilotId || null,
          description: formText(data, 'description'),
          on: formText(data, 'on'),
          amountDkk: Number(formText(data, 'amountDkk')),
        }),
      }).then(() => form.reset());
    },
    onSuccess: onSaved(t('budget.recorded')),
  });
  const pilots = useQuery({
    queryKey: ['taskforce-link-targets'],
    queryFn: () => call('GET /api/taskforce/link-targets'),
    enabled: can('strategy.act'),
  });
  const submit = (m: typeof setBudget | typeof record) => (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setSaved(null);
    m.mutate(e.currentTarget);
  };
  const v = q.data;
  const title = t('budget.title');
  return (
    <>
      <p>
        <Link to="/strategi">{t('strategy.back')}</Link>
      </p>
      <PageTitle>{title}</PageTitle>
      <ErrorSummary error={q.error} />
      {saved && (
        <p role="status" className="alert alert-success">
          {saved}
        </p>
      )}
      {q.isPending || !v ? (
        <Loading />
      ) : (
        <>
          <p>
            {t('budget.summary', {
              total: kr(v.settings.totalDkk),
              from: v.settings.startsOn,
              to: v.settings.endsOn,
              committed: kr(v.totals.committed),
              spent: kr(v.totals.spent),
              uncommitted: kr(v.totals.uncommitted),
            })}
          </p>
          <p className={v.forecast.overBudget ? 'dl-warning' : undefined}>
            {t(v.forecast.overBudget ? 'budget.forecastOver' : 'budget.forecastWithin', {
              amount: kr(v.forecast.spentAtEnd),
            })}
          </p>
          <LineChart
            title={t('budget.chart')}
            description={t('budget.chartDescription')}
            labels={v.quarters.map((x) => x.quarter)}
            series={[
              { name: t('budget.committed'), values: v.quarters.map((x) => x.cumulativeCommitted) },
              { name: t('budget.spent'), values: v.quarters.map((x) => x.cumulativeSpent) },
              { name: t('budget.total'), values: v.quarters.map(() => v.settings.totalDkk) },
            ]}
            tableLabel={t('strategy.table')}
          />
          <p>
            <a
              href={href('GET /api/taskforce/budget.csv', { query: { format: 'excel' } })}
              download
            >
              {t('strategy.csv')}
            </a>
          </p>
          <TableWrap label={t('budget.lines')}>
            <table className="table table--zebra">
              <caption>{t('budget.lines')}</caption>
              <HeadRow columns={textList(t, 'budget.lineCols')} />
              <tbody>
                {v.lines.map((l) => (
                  <tr key={`${l.kind}-${l.name}`}>
                    <th scope="row">
                      {l.kind === 'pilot'
                        ? `${t('budget.kinds.pilot')}: ${l.name}`
                        : t(`budget.kinds.${l.kind}`)}
                    </th>
                    <td>{kr(l.committed)}</td>
                    <td>{kr(l.spent)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
          <PilotTable />
          <TableWrap label={t('budget.recordedTitle')}>
            <table className="table table--compact">
              <caption>{t('budget.recordedTitle')}</caption>
              <HeadRow columns={textList(t, 'budget.recordedCols')} />
              <tbody>
                {v.recorded.map((r) => (
                  <tr key={r.id}>
                    <th scope="row">{r.description}</th>
                    <td>{r.pilot ?? t(`budget.kinds.${r.kind}`)}</td>
                    <td>{r.on}</td>
                    <td>{kr(r.amountDkk)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
          {can('strategy.act') && (
            <>
              <form onSubmit={submit(record)} className="dl-card" aria-labelledby="record-cost">
                <h2 id="record-cost">{t('budget.record')}</h2>
                <ErrorSummary error={record.error} />
                <div className="form-group">
                  <label className="form-label" htmlFor="cost-kind">
                    {t('budget.kind')}
                  </label>
                  <select id="cost-kind" name="kind" className="form-select" defaultValue="pilot">
                    {(['pilot', 'course', 'other'] as const).map((k) => (
                      <option key={k} value={k}>
                        {t(`budget.kinds.${k}`)}
                      </option>
                    ))}
                  </select>
                </div>
                <div className="form-group">
                  <label className="form-label" htmlFor="cost-pilot">
                    {t('budget.pilot')}
                  </label>
                  <select id="cost-pilot" name="pilotId" className="form-select">
                    <option value="">{t('strategy.noLink')}</option>
                    {(pilots.data?.pilot ?? []).map((p) => (
                      <option key={p.id} value={p.id}>
                        {p.name}
                      </option>
                    ))}
                  </select>
                </div>
                <Field
                  name="description"
                  label={t('budget.description')}
                  required
                  error={fieldError(record.error, 'description')}
                />
                <Field
                  name="on"
                  label={t('budget.on')}
                  type="date"
                  required
                  error={fieldError(record.error, 'on')}
                />
                <Field
                  name="amountDkk"
                  label={t('budget.amount')}
                  inputMode="numeric"
                  required
                  error={fieldError(record.error, 'amountDkk')}
                />
                <button type="submit" className="button button-primary" disabled={record.isPending}>
                  {t('budget.recordSave')}
                </button>
              </form>
              <form onSubmit={submit(setBudget)} className="dl-card" aria-labelledby="set-budget">
                <h2 id="set-budget">{t('budget.edit')}</h2>
                <ErrorSummary error={setBudget.error} />
                <Field
                  name="totalDkk"
                  label={t('budget.total')}
                  inputMode="numeric"
                  required
                  defaultValue={String(v.settings.totalDkk)}
                  error={fieldError(setBudget.error, 'totalDkk')}
                />
                <Field
                  name="startsOn"
                  label={t('strategy.from')}
                  type="date"
                  required
                  defaultValue={v.settings.startsOn}
                  error={fieldError(setBudget.error, 'startsOn')}
                />
                <Field
                  name="endsOn"
                  label={t('strategy.to')}
                  type="date"
                  required
                  defaultValue={v.settings.endsOn}
                  error={fieldError(setBudget.error, 'endsOn')}
                />
                <Field
                  name="ementorRateDkk"
                  label={t('budget.rate')}
                  inputMode="numeric"
                  required
                  defaultValue={String(v.settings.ementorRateDkk)}
                  error={fieldError(setBudget.error, 'ementorRateDkk')}
                />
                <button
                  type="submit"
                  className="button button-secondary"
                  disabled={setBudget.isPending}
                >
                  {t('budget.save')}
                </button>
              </form>
            </>
          )}
        </>
      )}
    </>
  );
}
