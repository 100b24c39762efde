import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { asEntered, call } from '../../web/api';
import { BarChart, HorizontalBars, LineChart } from '../../web/charts';
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
import {
  ACTION_LINK_KINDS,
  ACTION_STATUSES,
  RECOMMENDATIONS,
  type ActionStatus,
  type Recommendation,
} from '../taskforce.constants';
import { PilotTable } from './PilotTable';
import {
  FollowUpFilter,
  type IndicatorRow,
  formatTarget,
  formatValue,
  plotted,
  useCentres,
  useFollowUpQuery,
} from './follow-up';

/** One recommendation: its indicators month by month, the evidence and the actions behind it. */
export default function RecommendationPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const rec = useParams().rec as Recommendation;
  const can = useCan();
  const { query, params } = useFollowUpQuery();
  const q = useQuery({
    queryKey: ['taskforce-indicators', query],
    queryFn: () => call('GET /api/taskforce/indicators', { query }),
  });
  if (!RECOMMENDATIONS.includes(rec)) return <PageTitle>404</PageTitle>;
  const v = q.data;
  const title = t(`strategy.recs.${rec}`);
  const search = params.toString() ? `?${params.toString()}` : '';
  return (
    <>
      <p>
        <Link to={`/strategi${search}`}>{t('strategy.back')}</Link>
      </p>
      <PageTitle>{title}</PageTitle>
      <FollowUpFilter period={v?.period} />
      <ErrorSummary error={q.error} />
      {q.isPending || !v ? (
        <Loading />
      ) : (
        <>
          {v.indicators
            .filter((i) => i.recommendation === rec)
            .map((r) => {
              const name = t(`strategy.indicators.${r.id}`);
              return (
                <section key={r.id} aria-labelledby={`ind-${r.id}`}>
                  <h2 id={`ind-${r.id}`}>{name}</h2>
                  <p>
                    <strong>{formatValue(t, lang, r, r.id, v.scope.kind)}</strong> ·{' '}
                    {t('strategy.target')}: {formatTarget(t, lang, r)}
                  </p>
                  {r.trend.length > 0 && (
                    <LineChart
                      title={`${name}: ${t('strategy.trend')}`}
                      description={t('strategy.trendDescription', {
                        name,
                        from: v.period.from,
                        to: v.period.to,
                      })}
                      labels={r.trend.map((m) => m.month)}
                      series={[{ name, values: r.trend.map((m) => plotted(r, m.value)) }]}
                      tableLabel={t('strategy.table')}
                      unit={r.unit === 'share' ? ' %' : undefined}
                      max={r.unit === 'share' ? 100 : undefined}
                    />
                  )}
                </section>
              );
            })}
          {rec === 'r2' && (
            <HorizontalBars
              title={t('strategy.methods')}
              description={t('strategy.methodsDescription')}
              items={v.breakdowns.methods
                .filter((m) => m.n !== null)
                .map((m) => ({ label: t(`methods.${m.key}`), value: m.n! }))}
              tableLabel={t('strategy.table')}
              valueName={t('strategy.participants')}
            />
          )}
          {rec === 'r5' && (
            <BarChart
              title={t('strategy.triage')}
              description={t('strategy.triageDescription')}
              labels={v.breakdowns.triage.map((g) => t(`strategy.triageGroups.${g.key}`))}
              values={v.breakdowns.triage.map((g) => g.n ?? 0)}
              tableLabel={t('strategy.table')}
              valueName={t('strategy.participants')}
            />
          )}
          {rec === 'r7' && <PilotTable />}
          {can('strategy.act') && (
            <TargetsForm rows={v.indicators.filter((i) => i.recommendation === rec)} />
          )}
          <section aria-labelledby="evidence">
            <h2 id="evidence">{t('strategy.evidence')}</h2>
            <p>{t('strategy.evidenceText')}</p>
          </section>
        </>
      )}
      <Actions rec={rec} />
    </>
  );
}

/**
 * The municipality's own targets for a recommendation's indicators: shares entered in per
 * cent, an empty field for no target.
 */
function TargetsForm({ rows }: { rows: IndicatorRow[] }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [saved, setSaved] = useState(false);
  const save = useMutation({
    mutationFn: (form: HTMLFormElement) => {
      const data = new FormData(form);
      return call('PUT /api/taskforce/targets', {
        body: asEntered({
          targets: rows.map((r) => {
            const raw = formText(data, r.id).trim().replace(',', '.');
            const n = raw === '' ? null : Number(raw);
            return { indicator: r.id, target: n !== null && r.unit === 'share' ? n / 100 : n };
          }),
        }),
      });
    },
    onSuccess: async () => {
      setSaved(true);
      await client.invalidateQueries({ queryKey: ['taskforce-indicators'] });
    },
  });
  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setSaved(false);
    save.mutate(e.currentTarget);
  }
  return (
    <form onSubmit={onSubmit} className="dl-card" aria-labelledby="targets">
      <h2 id="targets">{t('strategy.targets')}</h2>
      <p>{t('strategy.targetsIntro')}</p>
      <ErrorSummary error={save.error} />
      {saved && (
        <p role="status" className="alert alert-success">
          {t('strategy.targetsSaved')}
        </p>
      )}
      {rows.map((r, i) => (
        <Field
          key={r.id}
          name={r.id}
          type="number"
          inputMode="numeric"
          label={t(`strategy.targetUnits.${r.unit}`, { name: t(`strategy.indicators.${r.id}`) })}
          defaultValue={
            r.target === null
              ? ''
              : String(r.unit === 'share' ? Math.round(r.target * 1000) / 10 : r.target)
          }
          error={fieldError(save.error, `targets.${i}.target`)}
        />
      ))}
      <button type="submit" className="button button-primary" disabled={save.isPending}>
        {t('strategy.saveTargets')}
      </button>
    </form>
  );
}

function Actions({ rec }: { rec: Recommendation }) {
  const { t } = useTranslation();
  const can = useCan();
  const client = useQueryClient();
  const list = useQuery({
    queryKey: ['taskforce-actions', rec],
    queryFn: () => call('GET /api/taskforce/actions', { query: { recommendation: rec } }),
  });
  const refresh = () => client.invalidateQueries({ queryKey: ['taskforce-actions'] });
  const setStatus = useMutation({
    mutationFn: (x: { id: string; status: ActionStatus }) =>
      call('PATCH /api/taskforce/actions/:id', {
        params: { id: x.id },
        body: { status: x.status },
      }),
    onSuccess: refresh,
  });
  const label = t('strategy.actions');
  return (
    <section aria-labelledby="actions">
      <h2 id="actions">{label}</h2>
      <ErrorSummary error={list.error ?? setStatus.error} />
      {list.isPending ? (
        <Loading />
      ) : (list.data ?? []).length === 0 ? (
        <p>{t('strategy.noActions')}</p>
      ) : (
        <TableWrap label={label}>
          <table className="table table--zebra">
            <caption className="sr-only">{label}</caption>
            <HeadRow columns={textList(t, 'strategy.actionCols')} />
            <tbody>
              {(list.data ?? []).map((a) => (
                <tr key={a.id}>
                  <th scope="row">
                    {a.title}
                    {a.late && <strong className="dl-warning"> · {t('strategy.late')}</strong>}
                  </th>
                  <td>{a.owner}</td>
                  <td>{a.centre?.name ?? t('strategy.allCentres')}</td>
                  <td>{a.dueOn}</td>
                  <td>
                    {can('strategy.act') ? (
                      <select
                        className="form-select"
                        aria-label={t('strategy.setStatus', { title: a.title })}
                        value={a.status}
                        onChange={(e) =>
                          setStatus.mutate({ id: a.id, status: e.target.value as ActionStatus })
                        }
                      >
                        {ACTION_STATUSES.map((s) => (
                          <option key={s} value={s}>
                            {t(`strategy.statuses.${s}`)}
                          </option>
                        ))}
                      </select>
                    ) : (
                      t(`strategy.statuses.${a.status}`)
                    )}
                  </td>
                  <td>
                    {a.links
                      .map((l) => `${t(`strategy.linkKinds.${l.kind}`)}: ${l.name}`)
                      .join(', ')}
                  </td>
                  <td>{a.notes}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      {can('strategy.act') && <NewAction rec={rec} onSaved={refresh} />}
    </section>
  );
}

function NewAction({ rec, onSaved }: { rec: Recommendation; onSaved: () => Promise<void> }) {
  const { t } = useTranslation();
  const centres = useCentres();
  const targets = useQuery({
    queryKey: ['taskforce-link-targets'],
    queryFn: () => call('GET /api/taskforce/link-targets'),
  });
  const [saved, setSaved] = useState(false);
  const save = useMutation({
    mutationFn: (form: HTMLFormElement) => {
      const data = new FormData(form);
      const link = formText(data, 'link');
      const [kind, id] = link ? link.split(':') : [];
      return call('POST /api/taskforce/actions', {
        body: asEntered({
          recommendation: rec,
          title: formText(data, 'title'),
          owner: formText(data, 'owner'),
          dueOn: formText(data, 'dueOn'),
          centreId: formText(data, 'centreId') || null,
          status: formText(data, 'status'),
          notes: formText(data, 'notes'),
          links: kind && id ? [{ kind, id }] : [],
        }),
      }).then(() => form.reset());
    },
    onSuccess: async () => {
      setSaved(true);
      await onSaved();
    },
  });
  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setSaved(false);
    save.mutate(e.currentTarget);
  }
  const err = (path: string) => fieldError(save.error, path);
  return (
    <form onSubmit={onSubmit} className="dl-card" aria-labelledby="new-action">
      <h3 id="new-action">{t('strategy.addAction')}</h3>
      <ErrorSummary error={save.error} />
      {saved && (
        <p role="status" className="alert alert-success">
          {t('strategy.saved')}
        </p>
      )}
      <Field name="title" label={t('strategy.actionTitle')} required error={err('title')} />
      <Field name="owner" label={t('strategy.owner')} required error={err('owner')} />
      <Field name="dueOn" label={t('strategy.dueOn')} type="date" required error={err('dueOn')} />
      <div className="form-group">
        <label className="form-label" htmlFor="action-centre">
          {t('strategy.centre')}
        </label>
        <select id="action-centre" name="centreId" className="form-select">
          <option value="">{t('strategy.allCentres')}</option>
          {(centres.data?.centres ?? []).map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      </div>
      <div className="form-group">
        <label className="form-label" htmlFor="action-status">
          {t('strategy.status')}
        </label>
        <select id="action-status" name="status" className="form-select" defaultValue="planned">
          {ACTION_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`strategy.statuses.${s}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="form-group">
        <label className="form-label" htmlFor="action-link">
          {t('strategy.linkTo')}
        </label>
        <select id="action-link" name="link" className="form-select">
          <option value="">{t('strategy.noLink')}</option>
          {ACTION_LINK_KINDS.map((kind) => (
            <optgroup key={kind} label={t(`strategy.linkKinds.${kind}`)}>
              {(targets.data?.[kind] ?? []).map((x) => (
                <option key={x.id} value={`${kind}:${x.id}`}>
                  {x.name}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </div>
      <Field name="notes" label={t('strategy.notes')} multiline error={err('notes')} />
      <button type="submit" className="button button-primary" disabled={save.isPending}>
        {t('strategy.save')}
      </button>
    </form>
  );
}
