import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { call } from '../../web/api';
import { ErrorSummary, Loading, PageTitle, TableWrap, formText } from '../../web/ui';
import type { ItemAdminView } from '../assessment-admin.contract';
import { DifReport } from './DifReport';
import { TestLength } from './TestLength';
import { COMMUNITY_LANGS } from '../../platform/i18n/languages.constants';
import { untranslated, type BankEntry } from '../bank/bank.model';

/** Which community languages an item is missing from (an admin's new or reworded item). */
function Untranslated({ entry }: { entry: Pick<BankEntry, 'text'> }) {
  const { t } = useTranslation();
  const missing = untranslated(entry);
  if (missing.length === 0) return null;
  return (
    <>
      {' '}
      {missing.length === COMMUNITY_LANGS.length
        ? t('testAdmin.onlyDaEn')
        : t('testAdmin.notTranslated', {
            list: missing.map((l) => t(`common.languages.${l}`, l)).join(', '),
          })}
    </>
  );
}

const fmt = (x: number | null, digits = 2) => (x === null ? '–' : x.toFixed(digits));

function CutScores() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const settings = useQuery({
    queryKey: ['test-settings'],
    queryFn: () => call('GET /api/assessment/settings'),
  });
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  if (!settings.data) return <Loading />;
  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const d = new FormData(e.currentTarget);
    setError(null);
    setSaved(false);
    try {
      await call('PUT /api/assessment/settings', {
        body: {
          foundationCut: Number(formText(d, 'foundationCut')),
          jobGoalCut: Number(formText(d, 'jobGoalCut')),
        },
      });
      await qc.invalidateQueries({ queryKey: ['test-settings'] });
      setSaved(true);
    } catch (err) {
      setError(err);
    }
  }
  return (
    <section className="dl-card" aria-labelledby="cuts">
      <h2 id="cuts">{t('testAdmin.cutsTitle')}</h2>
      <p>{t('testAdmin.cutsIntro')}</p>
      <ErrorSummary error={error} />
      {saved && (
        <p role="status" className="dl-meta">
          {t('common.saved')}
        </p>
      )}
      <form onSubmit={(e) => void onSubmit(e)} noValidate>
        <div className="form-group">
          <label className="form-label" htmlFor="cut-foundation">
            {t('testAdmin.foundationCut')}
          </label>
          <input
            id="cut-foundation"
            name="foundationCut"
            className="form-input"
            inputMode="decimal"
            defaultValue={settings.data.foundationCut}
          />
        </div>
        <div className="form-group">
          <label className="form-label" htmlFor="cut-job">
            {t('testAdmin.jobGoalCut')}
          </label>
          <input
            id="cut-job"
            name="jobGoalCut"
            className="form-input"
            inputMode="decimal"
            defaultValue={settings.data.jobGoalCut}
          />
        </div>
        <button type="submit" className="button button-primary">
          {t('common.save')}
        </button>
      </form>
    </section>
  );
}

function Calibrations({ items }: { items: ItemAdminView[] }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const runs = useQuery({
    queryKey: ['calibrations'],
    queryFn: () => call('GET /api/assessment/calibrations'),
  });
  const [error, setError] = useState<unknown>(null);
  async function post(request: () => Promise<unknown>) {
    setError(null);
    try {
      await request();
      await qc.invalidateQueries({ queryKey: ['calibrations'] });
      await qc.invalidateQueries({ queryKey: ['test-items'] });
    } catch (err) {
      setError(err);
    }
  }
  return (
    <section className="dl-card" aria-labelledby="calibration">
      <h2 id="calibration">{t('testAdmin.calibrationTitle')}</h2>
      <p>{t('testAdmin.calibrationIntro')}</p>
      <ErrorSummary error={error} />
      <button
        type="button"
        className="button button-secondary"
        onClick={() =>
          void post(() => call('POST /api/assessment/calibrations', { body: { minResponses: 30 } }))
        }
      >
        {t('testAdmin.calibrate')}
      </button>
      {(runs.data ?? []).map((run) => (
        <div key={run.id} className="dl-note">
          <p>
            <strong>{t(`testAdmin.runStatus.${run.status}`)}</strong> ·{' '}
            {t('testAdmin.runSummary', {
              n: run.result.respondents,
              items: run.result.items.length,
              ll: run.result.logLik.toFixed(1),
            })}
          </p>
          {run.result.selfRatings && (
            <p className="dl-meta">
              {t('testAdmin.selfRatingSummary', {
                n: run.result.selfRatings.respondents,
                ll: run.result.selfRatings.logLik.toFixed(1),
              })}
            </p>
          )}
          <TableWrap label={t('testAdmin.calibrationTitle')}>
            <table className="table table--compact">
              <caption className="sr-only">{t('testAdmin.calibrationTitle')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('testAdmin.item')}</th>
                  <th scope="col">{t('testAdmin.responses')}</th>
                  <th scope="col">
                    a ({t('testAdmin.before')} → {t('testAdmin.after')})
                  </th>
                  <th scope="col">
                    b ({t('testAdmin.before')} → {t('testAdmin.after')})
                  </th>
                </tr>
              </thead>
              <tbody>
                {run.result.items.map((i) => (
                  <tr key={i.itemId}>
                    <td>{i.key}</td>
                    <td>{i.responses}</td>
                    <td>
                      {fmt(i.old.a)} → {fmt(i.new.a)}
                    </td>
                    <td>
                      {fmt(i.old.b)} → {fmt(i.new.b)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
          <h3>{t('testAdmin.dif.heading')}</h3>
          <p className="dl-meta">{t('testAdmin.dif.intro')}</p>
          <DifReport runId={run.id} dif={run.result.dif} items={items} />
          {run.status === 'review' && (
            <div className="button-row">
              <button
                type="button"
                className="button button-primary"
                onClick={() =>
                  void post(() =>
                    call('POST /api/assessment/calibrations/:id/:decision', {
                      params: { id: run.id, decision: 'publish' },
                    }),
                  )
                }
              >
                {t('testAdmin.publish')}
              </button>
              <button
                type="button"
                className="button button-secondary"
                onClick={() =>
                  void post(() =>
                    call('POST /api/assessment/calibrations/:id/:decision', {
                      params: { id: run.id, decision: 'discard' },
                    }),
                  )
                }
              >
                {t('testAdmin.discard')}
              </button>
            </div>
          )}
        </div>
      ))}
    </section>
  );
}

export default function TestAdminPage() {
  const { t } = useTranslation();
  const items = useQuery({
    queryKey: ['test-items'],
    queryFn: () => call('GET /api/assessment/items'),
  });
  const [area, setArea] = useState('');
  const shown = (items.data ?? []).filter((i) => !area || i.competence.startsWith(`${area}.`));
  return (
    <>
      <PageTitle>{t('testAdmin.title')}</PageTitle>
      <CutScores />
      <TestLength />
      <section aria-labelledby="bank">
        <h2 id="bank">{t('testAdmin.bankTitle')}</h2>
        <p>{t('testAdmin.bankIntro')}</p>
        <p>
          <Link to="/admin/test/opgaver/ny" className="button button-secondary">
            {t('testAdmin.newItem')}
          </Link>
        </p>
        <div className="form-group">
          <label className="form-label" htmlFor="bank-area">
            {t('testAdmin.area')}
          </label>
          <select
            id="bank-area"
            className="form-select"
            value={area}
            onChange={(e) => setArea(e.target.value)}
          >
            <option value="">{t('testAdmin.allAreas')}</option>
            {['1', '2', '3', '4', '5'].map((a) => (
              <option key={a} value={a}>
                {a}. {t(`test.area.${a}`)}
              </option>
            ))}
          </select>
        </div>
        <ErrorSummary error={items.error} />
        {items.isPending ? (
          <Loading />
        ) : (
          <TableWrap label={t('testAdmin.bankTitle')}>
            <table className="table table--zebra table--compact">
              <caption className="sr-only">{t('testAdmin.bankTitle')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('testAdmin.item')}</th>
                  <th scope="col">{t('testAdmin.competence')}</th>
                  <th scope="col">{t('testAdmin.level')}</th>
                  <th scope="col">{t('testAdmin.type')}</th>
                  <th scope="col">{t('admin.status')}</th>
                  <th scope="col">{t('testAdmin.responses')}</th>
                  <th scope="col">{t('testAdmin.exposure')}</th>
                  <th scope="col">{t('testAdmin.pCorrect')}</th>
                  <th scope="col">{t('testAdmin.correlation')}</th>
                  <th scope="col">{t('testAdmin.outfit')}</th>
                  <th scope="col">{t('testAdmin.medianSeconds')}</th>
                  <th scope="col">a / b</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((i) => (
                  <tr key={i.id}>
                    <td>
                      <Link to={`/admin/test/opgaver/${i.id}`}>{i.key}</Link>
                    </td>
                    <td>{i.competence}</td>
                    <td>{i.level}</td>
                    <td>{t(`testAdmin.types.${i.type}`)}</td>
                    <td>
                      {t(`testAdmin.itemStatus.${i.status}`)}
                      {i.status === 'active' && i.retiredLanguages.length > 0 && (
                        <>
                          {' '}
                          {t('testAdmin.notIn', {
                            list: i.retiredLanguages
                              .map((l) => t(`common.languages.${l}`, l))
                              .join(', '),
                          })}
                        </>
                      )}
                      <Untranslated entry={i.content as unknown as Pick<BankEntry, 'text'>} />
                    </td>
                    <td>{i.stats.responses}</td>
                    <td>{fmt(i.stats.exposure)}</td>
                    <td>{fmt(i.stats.proportionCorrect)}</td>
                    <td>{fmt(i.stats.itemThetaCorrelation)}</td>
                    <td>{fmt(i.stats.outfit)}</td>
                    <td>{fmt(i.stats.medianSeconds, 0)}</td>
                    <td>
                      {fmt(i.a)} / {fmt(i.b)}
                      {i.paramsSource === 'calibrated' ? ' *' : ''}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        )}
      </section>
      <Calibrations items={items.data ?? []} />
    </>
  );
}
