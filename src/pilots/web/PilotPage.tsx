import { useState, type FormEvent } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { PARTNER_KINDS } from '../pilots.constants';
import { RuleFields, ruleFrom } from './fields';
import { PilotOutcomesSection } from '../../matching/web';
import type {
  EnrolmentView,
  EvaluationView,
  ImportReportView,
  PilotView,
} from '../pilots.contract';
import { ApiError, asEntered, call, href } from '../../web/api';
import {
  ErrorSummary,
  Field,
  fieldError,
  formatDateTime,
  formText,
  HeadRow,
  Loading,
  numberFrom,
  PageTitle,
  TableWrap,
  textList,
} from '../../web/ui';

/** One pilot project: its rule, status, partners, enrolment and lottery, data and evaluation. */
export default function PilotPage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const qc = useQueryClient();
  const pilot = useQuery({
    queryKey: ['pilot', id],
    queryFn: () => call('GET /api/pilots/:id', { params: { id } }),
  });
  const [error, setError] = useState<unknown>(null);
  const p = pilot.data;
  if (pilot.isPending) return <Loading />;
  if (!p) return <ErrorSummary error={pilot.error} />;

  async function send(request: () => Promise<PilotView>, form?: HTMLFormElement) {
    setError(null);
    try {
      const view = await request();
      qc.setQueryData(['pilot', id], view);
      await qc.invalidateQueries({ queryKey: ['pilot-enrolments', id] });
      form?.reset();
    } catch (err) {
      setError(err);
    }
  }

  async function remove(partnerId: string) {
    setError(null);
    try {
      qc.setQueryData(
        ['pilot', id],
        await call('DELETE /api/pilots/:id/partners/:partnerId', { params: { id, partnerId } }),
      );
    } catch (err) {
      setError(err);
    }
  }

  const rule = p.decisionRule;
  return (
    <>
      <PageTitle>{p.name}</PageTitle>
      <p className="font-lead">{t(`pilots.status.${p.status}`)}</p>
      <ErrorSummary error={error} />
      <section className="dl-card" aria-labelledby="about">
        <h2 id="about">{t('pilots.details')}</h2>
        {p.description && <p>{p.description}</p>}
        <ul>
          <li>{t('pilots.period', { from: p.startsOn, to: p.endsOn })}</li>
          <li>{t('pilots.intensity', { hours: p.hoursPerWeek, weeks: p.weeks })}</li>
          <li>
            {t('pilots.capacity')}: {p.capacity}; {t('pilots.budget')}:{' '}
            {p.budgetDkk.toLocaleString(i18n.language)}
          </li>
          <li>{p.learningMethods.map((m) => t(`methods.${m}`)).join(', ')}</li>
          <li>
            {t('pilots.targetLegend')}:{' '}
            {[
              ...p.targetGroup.triageGroups.map((g) => t(`pilots.triage.${g}`)),
              ...(p.targetGroup.educationLevels ?? []).map((l) =>
                t(`citizen.educationLevels.${l}`),
              ),
              p.targetGroup.minAge !== undefined || p.targetGroup.maxAge !== undefined
                ? t('pilots.ages', {
                    min: p.targetGroup.minAge ?? '',
                    max: p.targetGroup.maxAge ?? '',
                  })
                : null,
              p.targetGroup.jobGoalWords.length > 0
                ? t('pilots.goalWords', { words: p.targetGroup.jobGoalWords.join(', ') })
                : null,
            ]
              .filter(Boolean)
              .join('; ') || t('pilots.everyone')}
          </li>
        </ul>
        <h3>{t('pilots.rule')}</h3>
        <p>
          {t('pilots.ruleText', {
            weeks: rule.outcomeWeeks,
            stretch: rule.stretchWeeks,
            min: rule.minimumEffect,
            method:
              rule.method === 'lottery' ? t('pilots.methodLottery') : t('pilots.methodMatching'),
          })}{' '}
          {t('pilots.ruleLevel', {
            alpha: rule.alpha * 100,
            sides: t(`pilots.sidesN.${rule.sides}`),
            power: Math.round(rule.power * 100),
          })}{' '}
          {rule.plannedSize
            ? t('pilots.rulePlanned', {
                participants: rule.plannedSize.participants,
                controls: rule.plannedSize.controls,
                rate: rule.plannedSize.expectedRate,
              })
            : t('pilots.ruleNoSize')}{' '}
          {rule.looks.length > 0 &&
            t('pilots.ruleLooks', {
              looks: rule.looks.map((f) => `${Math.round(f * 100)} %`).join(', '),
              spending: t(`pilots.spendings.${rule.spending}`),
            })}{' '}
          <strong>
            {p.ruleLockedAt
              ? t('pilots.ruleLocked', { at: formatDateTime(p.ruleLockedAt, i18n.language) })
              : t('pilots.ruleOpen')}
          </strong>
        </p>
        {p.allowed.editRule && (
          <RuleForm pilot={p} onSaved={(v) => qc.setQueryData(['pilot', id], v)} />
        )}
        {p.allowed.edit && (
          <DetailsForm pilot={p} onSaved={(v) => qc.setQueryData(['pilot', id], v)} />
        )}
      </section>

      <section className="dl-card" aria-labelledby="status">
        <h2 id="status">{t('pilots.statusTitle')}</h2>
        {p.allowed.moveTo.length > 0 && (
          <form
            noValidate
            onSubmit={(e: FormEvent<HTMLFormElement>) => {
              e.preventDefault();
              const data = new FormData(e.currentTarget);
              void send(
                () =>
                  call('POST /api/pilots/:id/status', {
                    params: { id },
                    body: asEntered({ to: formText(data, 'to'), reason: formText(data, 'reason') }),
                  }),
                e.currentTarget,
              );
            }}
          >
            <div className="form-group">
              <label className="form-label" htmlFor="move-to">
                {t('pilots.moveTo')}
              </label>
              <select id="move-to" name="to" className="form-select">
                {p.allowed.moveTo.map((s) => (
                  <option key={s} value={s}>
                    {t(`pilots.status.${s}`)}
                  </option>
                ))}
              </select>
            </div>
            <Field label={t('pilots.reason')} name="reason" required />
            <button type="submit" className="button button-secondary">
              {t('pilots.move')}
            </button>
          </form>
        )}
        {p.history.length > 0 && (
          <>
            <h3>{t('pilots.history')}</h3>
            <ul>
              {p.history.map((h) => (
                <li key={h.at}>
                  {formatDateTime(h.at, i18n.language)}: {t(`pilots.status.${h.from}`)} →{' '}
                  {t(`pilots.status.${h.to}`)}. {h.reason}
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      <section className="dl-card" aria-labelledby="partners">
        <h2 id="partners">{t('pilots.partners')}</h2>
        {p.partners.length === 0 ? (
          <p>{t('pilots.noPartners')}</p>
        ) : (
          <ul>
            {p.partners.map((x) => (
              <li key={x.id}>
                {x.name} ({t(`pilots.partnerKinds.${x.kind}`)}
                {x.cvr ? `, CVR ${x.cvr}` : ''}){x.role ? `: ${x.role}` : ''}{' '}
                {p.allowed.edit && (
                  <button
                    type="button"
                    className="button button-tertiary"
                    aria-label={t('pilots.removePartner', { name: x.name })}
                    onClick={() => void remove(x.id)}
                  >
                    {t('pilots.remove')}
                  </button>
                )}
              </li>
            ))}
          </ul>
        )}
        {p.allowed.edit && (
          <form
            noValidate
            onSubmit={(e: FormEvent<HTMLFormElement>) => {
              e.preventDefault();
              const data = new FormData(e.currentTarget);
              const cvr = formText(data, 'cvr').trim();
              void send(
                () =>
                  call('POST /api/pilots/:id/partners', {
                    params: { id },
                    body: asEntered({
                      kind: formText(data, 'kind'),
                      name: formText(data, 'name'),
                      role: formText(data, 'role'),
                      ...(cvr && { cvr }),
                    }),
                  }),
                e.currentTarget,
              );
            }}
          >
            <h3>{t('pilots.addPartner')}</h3>
            <div className="form-group">
              <label className="form-label" htmlFor="partner-kind">
                {t('pilots.partnerKind')}
              </label>
              <select id="partner-kind" name="kind" className="form-select">
                {PARTNER_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t(`pilots.partnerKinds.${k}`)}
                  </option>
                ))}
              </select>
            </div>
            <Field label={t('pilots.partnerName')} name="name" required />
            <Field
              label={t('pilots.cvr')}
              name="cvr"
              hint={t('pilots.cvrHint')}
              inputMode="numeric"
            />
            <Field label={t('pilots.partnerRole')} name="role" />
            <button type="submit" className="button button-secondary">
              {t('pilots.addPartner')}
            </button>
          </form>
        )}
      </section>

      {p.allowed.seeEnrolments && <Enrolments pilot={p} onSend={send} />}
      {p.allowed.seeEnrolments && <RegisterImport />}
      {p.allowed.evaluate && <Evaluation pilot={p} />}
      {p.allowed.evaluate && <PilotOutcomesSection pilotId={p.id} />}
    </>
  );
}

/** Name, description, intensity, places, dates and budget, while the pilot is not ended. */
function DetailsForm({ pilot: p, onSaved }: { pilot: PilotView; onSaved: (v: PilotView) => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<unknown>(null);
  if (!open)
    return (
      <button type="button" className="button button-secondary" onClick={() => setOpen(true)}>
        {t('pilots.editDetails')}
      </button>
    );
  async function save(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    setError(null);
    try {
      onSaved(
        await call('PATCH /api/pilots/:id', {
          params: { id: p.id },
          body: {
            name: formText(data, 'name'),
            description: formText(data, 'description'),
            hoursPerWeek: numberFrom(data, 'hoursPerWeek'),
            weeks: numberFrom(data, 'weeks'),
            capacity: numberFrom(data, 'capacity'),
            startsOn: formText(data, 'startsOn'),
            endsOn: formText(data, 'endsOn'),
            budgetDkk: numberFrom(data, 'budgetDkk'),
          },
        }),
      );
      setOpen(false);
    } catch (err) {
      setError(err);
    }
  }
  const f = (path: string) => fieldError(error, path);
  return (
    <form noValidate onSubmit={(e) => void save(e)}>
      <h3>{t('pilots.editDetails')}</h3>
      <ErrorSummary error={error} />
      <Field label={t('pilots.name')} name="name" defaultValue={p.name} error={f('name')} />
      <Field
        label={t('pilots.description')}
        name="description"
        multiline
        defaultValue={p.description}
      />
      <Field
        label={t('pilots.hoursPerWeek')}
        name="hoursPerWeek"
        inputMode="numeric"
        defaultValue={String(p.hoursPerWeek)}
        error={f('hoursPerWeek')}
      />
      <Field
        label={t('pilots.weeks')}
        name="weeks"
        inputMode="numeric"
        defaultValue={String(p.weeks)}
        error={f('weeks')}
      />
      <Field
        label={t('pilots.capacity')}
        name="capacity"
        inputMode="numeric"
        defaultValue={String(p.capacity)}
        error={f('capacity')}
      />
      <Field
        label={t('pilots.startsOn')}
        name="startsOn"
        type="date"
        defaultValue={p.startsOn}
        error={f('startsOn')}
      />
      <Field
        label={t('pilots.endsOn')}
        name="endsOn"
        type="date"
        defaultValue={p.endsOn}
        error={f('endsOn')}
      />
      <Field
        label={t('pilots.budget')}
        name="budgetDkk"
        inputMode="numeric"
        defaultValue={String(p.budgetDkk)}
        error={f('budgetDkk')}
      />
      <div className="button-row">
        <button type="submit" className="button button-primary">
          {t('pilots.save')}
        </button>
        <button type="button" className="button button-secondary" onClick={() => setOpen(false)}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

/** The decision rule may be sharpened until the pilot starts; the server refuses it after. */
function RuleForm({ pilot: p, onSaved }: { pilot: PilotView; onSaved: (v: PilotView) => void }) {
  const { t } = useTranslation();
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  async function save(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setError(null);
    setSaved(false);
    try {
      onSaved(
        await call('PATCH /api/pilots/:id', {
          params: { id: p.id },
          body: { decisionRule: ruleFrom(new FormData(e.currentTarget)) },
        }),
      );
      setSaved(true);
    } catch (err) {
      setError(err);
    }
  }
  return (
    <form noValidate onSubmit={(e) => void save(e)}>
      <h3>{t('pilots.ruleEdit')}</h3>
      <ErrorSummary error={error} />
      <RuleFields
        rule={p.decisionRule}
        capacity={p.capacity}
        error={(path) => fieldError(error, path)}
      />
      <button type="submit" className="button button-secondary">
        {t('pilots.ruleSave')}
      </button>
      <p role="status">{saved ? t('pilots.saved') : ''}</p>
    </form>
  );
}

function Enrolments({
  pilot: p,
  onSend,
}: {
  pilot: PilotView;
  onSend: (request: () => Promise<PilotView>, form?: HTMLFormElement) => Promise<void>;
}) {
  const { t, i18n } = useTranslation();
  const list = useQuery({
    queryKey: ['pilot-enrolments', p.id],
    queryFn: () => call('GET /api/pilots/:id/enrolments', { params: { id: p.id } }),
  });
  const cols = textList(t, 'pilots.enrolCols');
  return (
    <section className="dl-card" aria-labelledby="enrolments">
      <h2 id="enrolments">{t('pilots.enrolments')}</h2>
      <p>{t('pilots.counts', p.counts)}</p>
      <h3>{t('pilots.lottery')}</h3>
      <p>{t('pilots.lotteryText')}</p>
      {p.lottery.commitment && (
        <p>
          {p.lottery.committedAt
            ? t('pilots.commitment', {
                at: formatDateTime(p.lottery.committedAt, i18n.language),
              })
            : t('pilots.commitmentLate')}{' '}
          <code className="dl-break">{p.lottery.commitment}</code>
        </p>
      )}
      {p.lottery.at && p.lottery.seed && (
        <>
          <p>
            {t('pilots.drawn', { at: formatDateTime(p.lottery.at, i18n.language) })}{' '}
            <code className="dl-break">{p.lottery.seed}</code>
          </p>
          <LotteryCheck pilotId={p.id} />
        </>
      )}
      {p.allowed.lottery && (
        <form
          noValidate
          onSubmit={(e: FormEvent<HTMLFormElement>) => {
            e.preventDefault();
            void onSend(
              () => call('POST /api/pilots/:id/lottery', { params: { id: p.id } }),
              e.currentTarget,
            );
          }}
        >
          <button type="submit" className="button button-primary">
            {t('pilots.draw')}
          </button>
        </form>
      )}
      <ErrorSummary error={list.error} />
      {(list.data ?? []).length > 0 && (
        <TableWrap label={t('pilots.enrolmentsLabel')}>
          <table className="table table--zebra">
            <caption className="sr-only">{t('pilots.enrolmentsLabel')}</caption>
            <HeadRow columns={cols} />
            <tbody>
              {(list.data ?? []).map((e) => (
                <EnrolmentRow key={e.id} e={e} />
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </section>
  );
}

function EnrolmentRow({ e }: { e: EnrolmentView }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [sessions, setSessions] = useState(String(e.sessionsAttended));
  const [completed, setCompleted] = useState(e.completedAt !== null);
  const [cert, setCert] = useState(e.certification ?? '');
  const [elsewhere, setElsewhere] = useState(e.tookPartElsewhere);
  const control = e.arm === 'control';
  const [state, setState] = useState<unknown>('idle');
  const participant = e.arm === 'participant';
  const label = (what: string) => `${what}: ${e.name}`;
  async function save() {
    try {
      await call('PATCH /api/pilot-enrolments/:id', {
        params: { id: e.id },
        body: control
          ? { tookPartElsewhere: elsewhere }
          : {
              sessionsAttended: Number(sessions),
              completed,
              certification: cert.trim() === '' ? null : cert.trim(),
            },
      });
      setState('saved');
      await qc.invalidateQueries({ queryKey: ['pilot-enrolments'] });
    } catch (err) {
      setState(err);
    }
  }
  return (
    <tr>
      <td>{e.name}</td>
      <td>{e.eligible ? t('pilots.eligible') : t('pilots.notEligible')}</td>
      <td>{t(`pilots.arms.${e.arm}`)}</td>
      <td>
        {participant ? (
          <input
            className="form-input input-width-xs"
            inputMode="numeric"
            aria-label={label(t('pilots.enrolCols.3'))}
            value={sessions}
            onChange={(x) => setSessions(x.target.value)}
          />
        ) : (
          '–'
        )}
      </td>
      <td>
        {participant ? (
          <div className="form-group-checkbox">
            <input
              type="checkbox"
              className="form-checkbox"
              id={`done-${e.id}`}
              checked={completed}
              onChange={(x) => setCompleted(x.target.checked)}
            />
            <label htmlFor={`done-${e.id}`}>
              <span className="sr-only">{label(t('pilots.enrolCols.4'))}</span>
            </label>
          </div>
        ) : control ? (
          <div className="form-group-checkbox">
            <input
              type="checkbox"
              className="form-checkbox"
              id={`elsewhere-${e.id}`}
              checked={elsewhere}
              onChange={(x) => setElsewhere(x.target.checked)}
            />
            <label htmlFor={`elsewhere-${e.id}`}>
              {t('pilots.tookPartElsewhere')}
              <span className="sr-only">: {e.name}</span>
            </label>
          </div>
        ) : (
          '–'
        )}
      </td>
      <td>
        {participant ? (
          <input
            className="form-input input-width-s"
            aria-label={label(t('pilots.enrolCols.5'))}
            value={cert}
            onChange={(x) => setCert(x.target.value)}
          />
        ) : (
          (e.certification ?? '–')
        )}
      </td>
      <td>
        {(participant || control) && (
          <>
            <button
              type="button"
              className="button button-secondary"
              aria-label={label(t('pilots.save'))}
              onClick={() => void save()}
            >
              {t('pilots.save')}
            </button>
            <span role="status" className="dl-meta">
              {state === 'saved'
                ? t('pilots.saved')
                : state instanceof ApiError
                  ? state.message
                  : ''}
            </span>
          </>
        )}
      </td>
    </tr>
  );
}

/** Uploads the CSV with a progress bar; the server checks every row before writing any. */
function RegisterImport() {
  const { t } = useTranslation();
  const [progress, setProgress] = useState<number | null>(null);
  const [report, setReport] = useState<ImportReportView | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  function upload(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const input = e.currentTarget.elements.namedItem('register');
    const file = input instanceof HTMLInputElement ? input.files?.[0] : undefined;
    setReport(null);
    setFailure(null);
    if (!file) {
      setFailure(t('pilots.importFile'));
      return;
    }
    const xhr = new XMLHttpRequest();
    xhr.open('POST', href('POST /api/register-imports'));
    xhr.setRequestHeader('content-type', 'text/csv');
    xhr.upload.onprogress = (ev) => {
      if (ev.lengthComputable) setProgress(Math.round((ev.loaded / ev.total) * 100));
    };
    // Sent: the server now checks every row, then writes them; that takes a while for large files.
    xhr.upload.onload = () => setProgress(-1);
    xhr.onload = () => {
      setProgress(null);
      const body = JSON.parse(xhr.responseText || 'null') as
        | (ImportReportView & { error?: undefined })
        | { error: { message: string }; report?: ImportReportView }
        | null;
      if (xhr.status === 200 && body && !body.error) setReport(body);
      else {
        setFailure(body?.error?.message ?? xhr.statusText);
        if (body && 'report' in body && body.report) setReport(body.report);
      }
    };
    xhr.onerror = () => {
      setProgress(null);
      setFailure(xhr.statusText || 'network');
    };
    xhr.send(file);
  }

  const cols = textList(t, 'pilots.importProblemCols');
  return (
    <section className="dl-card" aria-labelledby="register">
      <h2 id="register">{t('pilots.importTitle')}</h2>
      <form noValidate onSubmit={upload}>
        <div className="form-group">
          <label className="form-label" htmlFor="register-file">
            {t('pilots.importFile')}
          </label>
          <span className="form-hint" id="register-hint">
            {t('pilots.importHint')}
          </span>
          <input
            id="register-file"
            name="register"
            type="file"
            accept=".csv,text/csv"
            aria-describedby="register-hint"
          />
        </div>
        <button type="submit" className="button button-secondary">
          {t('pilots.importGo')}
        </button>
      </form>
      {progress !== null && (
        <p>
          <label htmlFor="register-progress">
            {progress < 0 ? t('pilots.importWorking') : t('pilots.importProgress')}
          </label>{' '}
          {progress < 0 ? (
            <progress id="register-progress" />
          ) : (
            <progress id="register-progress" max={100} value={progress}>
              {progress} %
            </progress>
          )}
        </p>
      )}
      <div role="status">
        {report && !failure && (
          <p>
            {t('pilots.importDone', { imported: report.imported, unknown: report.unknownPeople })}
          </p>
        )}
      </div>
      {failure && (
        <div className="alert alert-error" role="alert">
          <div className="alert-body">
            <p className="alert-text">{failure}</p>
          </div>
        </div>
      )}
      {report && report.problems.length > 0 && (
        <TableWrap label={t('pilots.importProblems')}>
          <table className="table">
            <caption>{t('pilots.importProblems')}</caption>
            <HeadRow columns={cols} />
            <tbody>
              {report.problems.map((x, i) => (
                <tr key={i}>
                  <td>{x.line}</td>
                  <td>{x.column}</td>
                  <td>{t(`pilots.problems.${x.message}`, { defaultValue: x.message })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </section>
  );
}

const pct = (v: number, lang: string) =>
  `${(v * 100).toLocaleString(lang, { maximumFractionDigits: 1 })} %`;
const num = (v: number, lang: string, digits = 1) =>
  v.toLocaleString(lang, { maximumFractionDigits: digits, minimumFractionDigits: digits });

type Ev = EvaluationView;

/** What the verdict rests on: the interval at the rule's level, what would settle it, the looks. */
function Verdict({ e, pilot: p }: { e: Ev; pilot: PilotView }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const qc = useQueryClient();
  const [error, setError] = useState<unknown>(null);
  const d = e.decision;
  const level = Math.round((1 - e.rule.alpha) * 100);
  async function look() {
    setError(null);
    try {
      await call('POST /api/pilots/:id/looks', { params: { id: p.id }, body: {} });
      await qc.invalidateQueries({ queryKey: ['pilot-evaluation', p.id] });
    } catch (err) {
      setError(err);
    }
  }
  const sq = e.sequential;
  return (
    <>
      {d.interval && e.effect && (
        <p>
          {t('pilots.effectLine', {
            weeks: e.rule.outcomeWeeks,
            est: num(e.effect.estimate, lang),
            level,
            lo: num(d.interval[0], lang),
            hi: num(d.interval[1], lang),
            min: e.rule.minimumEffect,
          })}
        </p>
      )}
      <p className="dl-meta">{t('pilots.verdictRules', { min: e.rule.minimumEffect })}</p>
      {d.settle && !sq && (
        <p>
          {t(`pilots.settle.${d.settle.towards}`, {
            participants: d.settle.participants,
            controls: d.settle.controls,
          })}
        </p>
      )}
      {sq && (
        <>
          {sq.exploratory && (
            <div className="alert alert-info" role="note">
              <div className="alert-body">
                <p className="alert-text">
                  {t('pilots.exploratory', {
                    fraction: sq.fraction === null ? '–' : `${Math.round(sq.fraction * 100)} %`,
                  })}
                </p>
              </div>
            </div>
          )}
          <TableWrap label={t('pilots.looksLabel')}>
            <table className="table">
              <caption>{t('pilots.looksLabel')}</caption>
              <HeadRow columns={textList(t, 'pilots.looksCols')} />
              <tbody>
                {sq.planned.map((l) => (
                  <tr key={l.look}>
                    <th scope="row">{t('pilots.lookN', { n: l.look })}</th>
                    <td>{Math.round((l.record?.fraction ?? l.fraction) * 100)} %</td>
                    <td>{l.record ? num(l.record.boundary, lang, 3) : '–'}</td>
                    <td>{l.record ? num(l.record.z, lang, 3) : '–'}</td>
                    <td>
                      {l.record
                        ? t(`pilots.lookDecisions.${l.record.decision}`)
                        : t('pilots.lookPending')}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
          {sq.due && (
            <>
              <p>
                {t('pilots.lookDue', {
                  n: sq.due.look,
                  boundary: num(sq.due.boundary, lang, 3),
                })}
              </p>
              <ErrorSummary error={error} />
              {p.allowed.look && (
                <button type="button" className="button button-primary" onClick={() => void look()}>
                  {t('pilots.takeLook', { n: sq.due.look })}
                </button>
              )}
            </>
          )}
        </>
      )}
    </>
  );
}

function TakingPart({ tp }: { tp: NonNullable<Ev['takingPart']> }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const ci = (x: { estimate: number; ci: [number, number] }) =>
    `${num(x.estimate, lang)} (${num(x.ci[0], lang)} – ${num(x.ci[1], lang)})`;
  return (
    <>
      <h3>{t('pilots.takingPartTitle')}</h3>
      <TableWrap label={t('pilots.takingPartTitle')}>
        <table className="table">
          <caption>{t('pilots.takingPartTitle')}</caption>
          <HeadRow columns={textList(t, 'pilots.takingPartCols')} />
          <tbody>
            <tr>
              <th scope="row">{t('pilots.itt')}</th>
              <td>{ci(tp.itt)}</td>
            </tr>
            <tr>
              <th scope="row">{t('pilots.cace')}</th>
              <td>{tp.cace ? ci(tp.cace) : t('pilots.caceNone')}</td>
            </tr>
          </tbody>
        </table>
      </TableWrap>
      <p className="dl-meta">
        {t('pilots.uptake', {
          offered: pct(tp.uptake.offered, lang),
          controls: pct(tp.uptake.controls, lang),
          n: tp.n,
        })}
      </p>
    </>
  );
}

function Subgroups({ g }: { g: Ev['subgroups'][number] }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const label = t('pilots.subgroupTitle', { by: t(`pilots.subgroupNames.${g.by}`) });
  return (
    <>
      <TableWrap label={label}>
        <table className="table">
          <caption>{label}</caption>
          <HeadRow columns={textList(t, 'pilots.subgroupCols')} />
          <tbody>
            {g.groups.map((x) => (
              <tr key={x.key}>
                <th scope="row">{t(`pilots.groupKeys.${x.key}`, { defaultValue: x.key })}</th>
                <td>{x.nTreated}</td>
                <td>{x.nControl}</td>
                <td>
                  {x.effect
                    ? `${num(x.effect.estimate, lang)} (${num(x.effect.ci[0], lang)} – ${num(x.effect.ci[1], lang)})`
                    : t('pilots.tooFew')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      <p className="dl-meta">
        {g.test
          ? t('pilots.subgroupTest', { p: num(g.test.p, lang, 3), df: g.test.df })
          : t('pilots.subgroupNoTest')}
      </p>
    </>
  );
}

function Evaluation({ pilot: p }: { pilot: PilotView }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [open, setOpen] = useState(false);
  const ev = useQuery({
    queryKey: ['pilot-evaluation', p.id, lang],
    queryFn: () => call('GET /api/pilots/:id/evaluation', { params: { id: p.id } }),
    enabled: open,
  });
  const e = ev.data;
  const rateCols = textList(t, 'pilots.rateCols');
  const balanceCols = textList(t, 'pilots.balanceCols');
  return (
    <section className="dl-card" aria-labelledby="evaluation">
      <h2 id="evaluation">{t('pilots.evaluation')}</h2>
      <p className="dl-meta">{t('pilots.evaluationHint')}</p>
      {!open && (
        <button type="button" className="button button-primary" onClick={() => setOpen(true)}>
          {t('pilots.evaluate')}
        </button>
      )}
      <ErrorSummary error={ev.error} />
      {open && ev.isPending && <Loading />}
      {e && (
        <>
          <h3>{t('pilots.verdictTitle')}</h3>
          <p className="font-lead">
            <strong>{t(`pilots.verdicts.${e.verdict}`)}</strong>
          </p>
          <Verdict e={e} pilot={p} />
          <p>
            {t('pilots.compared', {
              treated: e.nTreated,
              control: e.nControl,
              group: e.method === 'lottery' ? t('pilots.groupLottery') : t('pilots.groupMatching'),
              weeks: e.followUpWeeks,
            })}
          </p>
          <TableWrap label={t('pilots.ratesLabel')}>
            <table className="table">
              <caption>{t('pilots.ratesLabel')}</caption>
              <HeadRow columns={rateCols} />
              <tbody>
                {e.rates.map((r) => (
                  <tr key={r.weeks}>
                    <th scope="row">{t('pilots.weeksN', { n: r.weeks })}</th>
                    {r.treated && r.control && r.difference ? (
                      <>
                        <td>{pct(r.treated.rate, lang)}</td>
                        <td>{pct(r.control.rate, lang)}</td>
                        <td>
                          {num(r.difference.estimate, lang)} ({num(r.difference.ci95[0], lang)} –{' '}
                          {num(r.difference.ci95[1], lang)})
                        </td>
                      </>
                    ) : (
                      <td colSpan={3}>{t('pilots.notReached')}</td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
          <p>
            {e.cox.hr !== null && e.cox.ci95 && e.logrank.p !== null
              ? t('pilots.cox', {
                  hr: num(e.cox.hr, lang, 2),
                  lo: num(e.cox.ci95[0], lang, 2),
                  hi: num(e.cox.ci95[1], lang, 2),
                  p: num(e.logrank.p, lang, 4),
                })
              : t('pilots.coxNone')}
          </p>
          <p>
            {t('pilots.lockIn', { weeks: e.lockIn.weeks, diff: num(e.lockIn.difference, lang) })}
          </p>
          <img
            className="dl-plot"
            src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(e.plotSvg)}`}
            alt={t('pilots.plotAlt')}
          />
          <TableWrap label={t('pilots.balanceLabel')}>
            <table className="table">
              <caption>{t('pilots.balanceLabel')}</caption>
              <HeadRow columns={balanceCols} />
              <tbody>
                {e.balance.map((b) => (
                  <tr key={b.covariate}>
                    <th scope="row">{t(`pilots.covariates.${b.covariate}`)}</th>
                    <td>{num(b.before, lang, 2)}</td>
                    <td>{b.after === null ? '–' : num(b.after, lang, 2)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
          {e.takingPart && <TakingPart tp={e.takingPart} />}
          {e.subgroups.map((g) => (
            <Subgroups key={g.by} g={g} />
          ))}
          <TableWrap label={t('pilots.hiresLabel')}>
            <table className="table">
              <caption>{t('pilots.hiresLabel')}</caption>
              <HeadRow columns={textList(t, 'pilots.hiresCols')} />
              <tbody>
                {(
                  [
                    ['hiresParticipants', e.reportedHires.treated],
                    ['hiresComparison', e.reportedHires.control],
                  ] as const
                ).map(([label, h]) => (
                  <tr key={label}>
                    <th scope="row">{t(`pilots.${label}`)}</th>
                    <td>{h.hired}</td>
                    <td>{h.confirmed}</td>
                    <td>{h.awaiting}</td>
                    <td>{h.notConfirmed}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
          <p className="dl-meta">{t('pilots.hiresHint')}</p>
          <p>
            <a href={href('GET /api/pilots/:id/evaluation.pdf', { params: { id: p.id } })} download>
              {t('pilots.pdf')}
            </a>
          </p>
          <p>
            <a href={href('GET /api/pilots/:id/evaluation.csv', { params: { id: p.id } })} download>
              {t('pilots.csv')}
            </a>{' '}
            ·{' '}
            <a
              href={href('GET /api/pilots/:id/evaluation.csv', {
                params: { id: p.id },
                query: { format: 'rfc4180' },
              })}
              download
            >
              {t('common.csvPlain')}
            </a>{' '}
            <span className="dl-meta">{t('pilots.csvHint')}</span>
          </p>
        </>
      )}
    </section>
  );
}

/** The server's check of a drawn lottery, and the record anyone can check for themselves. */
function LotteryCheck({ pilotId }: { pilotId: string }) {
  const { t } = useTranslation();
  const record = useQuery({
    queryKey: ['pilot-lottery', pilotId],
    queryFn: () => call('GET /api/pilots/:id/lottery', { params: { id: pilotId } }),
  });
  if (!record.data) return <ErrorSummary error={record.error} />;
  const ok = record.data.check.valid;
  return (
    <div className={`alert ${ok ? 'alert-success' : 'alert-error'}`} role="status">
      <div className="alert-body">
        <p className="alert-text">{ok ? t('pilots.lotteryValid') : t('pilots.lotteryInvalid')}</p>
        <p className="alert-text">
          <a
            href={href('GET /api/pilots/:id/lottery', { params: { id: pilotId } })}
            download={`lodtraekning-${pilotId}.json`}
          >
            {t('pilots.lotteryRecord')}
          </a>
        </p>
      </div>
    </div>
  );
}
