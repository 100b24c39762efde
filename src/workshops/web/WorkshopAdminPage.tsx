import { useEffect, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { asEntered, call } from '../../web/api';
import { ErrorSummary, Loading, PageTitle, TableWrap } from '../../web/ui';
import { WorkshopSelect, useWorkshopChoice } from './WorkshopPicker';

type Hours = Partial<Record<string, [string, string]>>;
interface Settings {
  capacity: number;
  serviceMinutes: number;
  slotMinutes: number;
  openOnHolidays: boolean;
  openingHours: Hours;
}
const WEEKDAYS = ['1', '2', '3', '4', '5', '6', '7'] as const;

/** How each workshop runs: hours, room, appointments, closed days and who is on duty. */
export default function WorkshopAdminPage() {
  const { t } = useTranslation();
  const { workshops, siteId, setSiteId } = useWorkshopChoice();
  if (workshops.isPending) return <Loading />;
  return (
    <>
      <PageTitle>{t('workshopAdmin.title')}</PageTitle>
      <ErrorSummary error={workshops.error} />
      <WorkshopSelect
        id="admin-workshop"
        workshops={workshops.data ?? []}
        value={siteId}
        onChange={setSiteId}
      />
      {siteId && (
        <>
          <p>
            <Link to={`/vaerksted/${siteId}/plakat`}>{t('workshop.poster')}</Link>
          </p>
          <SettingsForm key={siteId} siteId={siteId} />
          <Closures siteId={siteId} />
          <Shifts siteId={siteId} />
        </>
      )}
    </>
  );
}

function SettingsForm({ siteId }: { siteId: string }) {
  const { t } = useTranslation();
  const q = useQuery({
    queryKey: ['workshop-settings', siteId],
    queryFn: () => call('GET /api/workshops/:id/settings', { params: { id: siteId } }),
  });
  const [s, setS] = useState<Settings | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (q.data) setS(q.data);
  }, [q.data]);
  if (!s) return <Loading />;

  async function save(e: FormEvent) {
    e.preventDefault();
    if (!s) return;
    setError(null);
    setSaved(false);
    try {
      await call('PUT /api/workshops/:id/settings', { params: { id: siteId }, body: s });
      setSaved(true);
    } catch (err) {
      setError(err);
    }
  }
  const setHours = (day: string, value: [string, string] | undefined) =>
    setS({ ...s, openingHours: { ...s.openingHours, [day]: value } });

  return (
    <form onSubmit={(e) => void save(e)} noValidate className="dl-card" aria-labelledby="settings">
      <h2 id="settings">{t('workshopAdmin.settings')}</h2>
      <ErrorSummary error={error} />
      {saved && (
        <p role="status" className="dl-meta">
          {t('common.saved')}
        </p>
      )}
      {(
        [
          ['capacity', t('workshopAdmin.capacity'), t('workshopAdmin.capacityHint')],
          ['serviceMinutes', t('workshopAdmin.serviceMinutes'), t('workshopAdmin.serviceHint')],
          ['slotMinutes', t('workshopAdmin.slotMinutes'), t('workshopAdmin.slotHint')],
        ] as const
      ).map(([key, label, hint]) => (
        <div className="form-group" key={key}>
          <label className="form-label" htmlFor={`ws-${key}`}>
            {label}
          </label>
          <span className="form-hint" id={`ws-${key}-hint`}>
            {hint}
          </span>
          <input
            id={`ws-${key}`}
            className="form-input input-width-xs"
            inputMode="numeric"
            aria-describedby={`ws-${key}-hint`}
            value={String(s[key])}
            onChange={(e) => setS({ ...s, [key]: Number(e.target.value) })}
          />
        </div>
      ))}
      <div className="form-group-checkbox">
        <input
          type="checkbox"
          className="form-checkbox"
          id="ws-holidays"
          checked={s.openOnHolidays}
          onChange={(e) => setS({ ...s, openOnHolidays: e.target.checked })}
        />
        <label htmlFor="ws-holidays">{t('workshopAdmin.openOnHolidays')}</label>
      </div>
      <fieldset className="form-group">
        <legend className="form-label">{t('workshopAdmin.hours')}</legend>
        <ul className="nobullet-list dl-hours">
          {WEEKDAYS.map((d) => {
            const h = s.openingHours[d];
            const name = t(`workshopAdmin.weekdays.${d}`);
            return (
              <li key={d}>
                <span className="dl-hours-day">{name}</span>
                <span className="dl-check-inline">
                  <input
                    type="checkbox"
                    className="form-checkbox"
                    id={`ws-open-${d}`}
                    checked={Boolean(h)}
                    onChange={(e) => setHours(d, e.target.checked ? ['09:00', '15:00'] : undefined)}
                  />
                  <label htmlFor={`ws-open-${d}`}>
                    {t('workshopAdmin.open')}
                    <span className="sr-only"> {name}</span>
                  </label>
                </span>
                {h &&
                  ([0, 1] as const).map((i) => (
                    <input
                      key={i}
                      className="form-input input-width-xs"
                      aria-label={`${name}: ${i === 0 ? t('workshopAdmin.from') : t('workshopAdmin.to')}`}
                      value={h[i]}
                      onChange={(e) =>
                        setHours(d, i === 0 ? [e.target.value, h[1]] : [h[0], e.target.value])
                      }
                    />
                  ))}
              </li>
            );
          })}
        </ul>
      </fieldset>
      <button type="submit" className="button button-primary">
        {t('common.save')}
      </button>
    </form>
  );
}

function Closures({ siteId }: { siteId: string }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const key = ['closures', siteId];
  const q = useQuery({
    queryKey: key,
    queryFn: () => call('GET /api/workshops/:id/closures', { params: { id: siteId } }),
  });
  const [day, setDay] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  async function add(e: FormEvent) {
    e.preventDefault();
    setError(null);
    try {
      await call('POST /api/workshops/:id/closures', {
        params: { id: siteId },
        body: { day, reason },
      });
      setDay('');
      setReason('');
      await qc.invalidateQueries({ queryKey: key });
    } catch (err) {
      setError(err);
    }
  }
  async function remove(id: string) {
    await call('DELETE /api/workshops/:id/closures/:closureId', {
      params: { id: siteId, closureId: id },
    }).catch(setError);
    await qc.invalidateQueries({ queryKey: key });
  }
  return (
    <section className="dl-card" aria-labelledby="closures">
      <h2 id="closures">{t('workshopAdmin.closures')}</h2>
      <p>{t('workshopAdmin.closuresIntro')}</p>
      <ErrorSummary error={error} />
      <ul>
        {(q.data ?? []).map((c) => (
          <li key={c.id}>
            {c.day}: {c.reason}{' '}
            <button
              type="button"
              className="button button-unstyled dl-linklike"
              onClick={() => void remove(c.id)}
            >
              {t('workshopAdmin.remove')}
              <span className="sr-only"> {c.day}</span>
            </button>
          </li>
        ))}
      </ul>
      <form onSubmit={(e) => void add(e)} noValidate>
        <div className="form-group">
          <label className="form-label" htmlFor="closure-day">
            {t('workshopAdmin.date')}
          </label>
          <input
            id="closure-day"
            type="date"
            className="form-input input-width-s"
            value={day}
            onChange={(e) => setDay(e.target.value)}
          />
        </div>
        <div className="form-group">
          <label className="form-label" htmlFor="closure-reason">
            {t('workshopAdmin.reason')}
          </label>
          <input
            id="closure-reason"
            className="form-input"
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
        </div>
        <button type="submit" className="button button-secondary">
          {t('workshopAdmin.addClosure')}
        </button>
      </form>
    </section>
  );
}

function Shifts({ siteId }: { siteId: string }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const key = ['shifts', siteId];
  const q = useQuery({
    queryKey: key,
    queryFn: () =>
      call('GET /api/workshops/:id/shifts', { params: { id: siteId }, query: { days: 28 } }),
  });
  const people = useQuery({
    queryKey: ['ementor-users'],
    queryFn: () => call('GET /api/users', { query: { role: 'ementor' } }),
  });
  const [form, setForm] = useState({ userId: '', day: '', start: '09:00', end: '15:00' });
  const [error, setError] = useState<unknown>(null);
  async function add(e: FormEvent) {
    e.preventDefault();
    setError(null);
    try {
      await call('POST /api/workshops/:id/shifts', {
        params: { id: siteId },
        body: asEntered({ ...form, userId: form.userId || people.data?.[0]?.id }),
      });
      await qc.invalidateQueries({ queryKey: key });
    } catch (err) {
      setError(err);
    }
  }
  async function remove(id: string) {
    await call('DELETE /api/workshops/:id/shifts/:shiftId', {
      params: { id: siteId, shiftId: id },
    }).catch(setError);
    await qc.invalidateQueries({ queryKey: key });
  }
  return (
    <section className="dl-card" aria-labelledby="shifts">
      <h2 id="shifts">{t('workshopAdmin.shifts')}</h2>
      <p>{t('workshopAdmin.shiftsIntro')}</p>
      <ErrorSummary error={error} />
      {(q.data ?? []).length > 0 && (
        <TableWrap label={t('workshopAdmin.shifts')}>
          <table className="table table--compact">
            <caption className="sr-only">{t('workshopAdmin.shifts')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('workshopAdmin.date')}</th>
                <th scope="col">{t('workshopAdmin.ementor')}</th>
                <th scope="col">{t('workshopAdmin.time')}</th>
                <th scope="col">
                  <span className="sr-only">{t('workshopAdmin.remove')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {(q.data ?? []).map((s) => (
                <tr key={s.id}>
                  <td>{s.day}</td>
                  <td>{s.name}</td>
                  <td>
                    {s.start}–{s.end}
                  </td>
                  <td>
                    <button
                      type="button"
                      className="button button-unstyled dl-linklike"
                      onClick={() => void remove(s.id)}
                    >
                      {t('workshopAdmin.remove')}
                      <span className="sr-only">
                        {' '}
                        {s.name} {s.day}
                      </span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      <form onSubmit={(e) => void add(e)} noValidate>
        <div className="form-group">
          <label className="form-label" htmlFor="shift-user">
            {t('workshopAdmin.ementor')}
          </label>
          <select
            id="shift-user"
            className="form-select"
            value={form.userId}
            onChange={(e) => setForm({ ...form, userId: e.target.value })}
          >
            {(people.data ?? []).map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
        <div className="form-group">
          <label className="form-label" htmlFor="shift-day">
            {t('workshopAdmin.date')}
          </label>
          <input
            id="shift-day"
            type="date"
            className="form-input input-width-s"
            value={form.day}
            onChange={(e) => setForm({ ...form, day: e.target.value })}
          />
        </div>
        <div className="form-group">
          <label className="form-label" htmlFor="shift-start">
            {t('workshopAdmin.from')}
          </label>
          <input
            id="shift-start"
            className="form-input input-width-xs"
            value={form.start}
            onChange={(e) => setForm({ ...form, start: e.target.value })}
          />
        </div>
        <div className="form-group">
          <label className="form-label" htmlFor="shift-end">
            {t('workshopAdmin.to')}
          </label>
          <input
            id="shift-end"
            className="form-input input-width-xs"
            value={form.end}
            onChange={(e) => setForm({ ...form, end: e.target.value })}
          />
        </div>
        <button type="submit" className="button button-secondary">
          {t('workshopAdmin.addShift')}
        </button>
      </form>
    </section>
  );
}
