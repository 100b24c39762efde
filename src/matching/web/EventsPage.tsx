import { useState, type FormEvent } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { asEntered, call } from '../../web/api';
import {
  ErrorSummary,
  Field,
  fieldError,
  formText,
  Loading,
  numberFrom,
  PageTitle,
} from '../../web/ui';
import type { EventInput } from '../events.contract';
import { EVENT_FORMATS } from '../matching.constants';

/** The consultant's matchmaking events, and a form for a new one. */
export default function EventsPage() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const list = useQuery({
    queryKey: ['matchmaking'],
    queryFn: () => call('GET /api/matchmaking/events'),
  });
  const pilots = useQuery({
    queryKey: ['matchmaking', 'pilots'],
    queryFn: () => call('GET /api/matchmaking/pilots'),
  });
  const [error, setError] = useState<unknown>(null);

  async function create(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    setError(null);
    try {
      const pilotId = formText(data, 'pilotId');
      const created = await call('POST /api/matchmaking/events', {
        body: asEntered<EventInput>({
          name: formText(data, 'name'),
          format: formText(data, 'format'),
          on: formText(data, 'on'),
          startsAt: formText(data, 'startsAt'),
          slotMinutes: numberFrom(data, 'slotMinutes'),
          slotCount: numberFrom(data, 'slotCount'),
          breakEvery: numberFrom(data, 'breakEvery') ?? 0,
          breakMinutes: numberFrom(data, 'breakMinutes') ?? 0,
          venue: formText(data, 'venue'),
          maxMeetings: numberFrom(data, 'maxMeetings'),
          pilotId: pilotId === '' ? null : pilotId,
        }),
      });
      await qc.invalidateQueries({ queryKey: ['matchmaking'] });
      await navigate(`/matchmaking/${created.id}`);
    } catch (err) {
      setError(err);
    }
  }

  const f = (path: string) => fieldError(error, path);
  return (
    <>
      <PageTitle>{t('matchmaking.title')}</PageTitle>
      <p>{t('matchmaking.intro')}</p>
      <p>
        <Link to="/matchmaking/statistik">{t('matchmaking.statsNav')}</Link>
      </p>
      {list.isPending ? (
        <Loading />
      ) : (list.data ?? []).length === 0 ? (
        <p>{t('matchmaking.none')}</p>
      ) : (
        <ul className="dl-links">
          {list.data!.map((e) => (
            <li key={e.id}>
              <Link to={`/matchmaking/${e.id}`}>{e.name}</Link> — {e.on} ·{' '}
              {t(`matchmaking.statuses.${e.status}`)} · {t('matchmaking.summary', e)}
            </li>
          ))}
        </ul>
      )}
      <h2>{t('matchmaking.newTitle')}</h2>
      <ErrorSummary error={error} />
      <form onSubmit={(ev) => void create(ev)} noValidate>
        <Field name="name" label={t('matchmaking.name')} required error={f('name')} />
        <div className="form-group">
          <label className="form-label" htmlFor="mm-format">
            {t('matchmaking.format')}
          </label>
          <select id="mm-format" name="format" className="form-select" defaultValue="virtual">
            {EVENT_FORMATS.map((x) => (
              <option key={x} value={x}>
                {t(`matchmaking.formats.${x}`)}
              </option>
            ))}
          </select>
        </div>
        <Field name="on" type="date" label={t('matchmaking.on')} required error={f('on')} />
        <Field
          name="startsAt"
          label={t('matchmaking.startsAt')}
          defaultValue="09:00"
          required
          error={f('startsAt')}
        />
        <Field
          name="slotMinutes"
          type="number"
          inputMode="numeric"
          label={t('matchmaking.slotMinutes')}
          defaultValue="15"
          error={f('slotMinutes')}
        />
        <Field
          name="slotCount"
          type="number"
          inputMode="numeric"
          label={t('matchmaking.slotCount')}
          defaultValue="8"
          error={f('slotCount')}
        />
        <Field
          name="breakEvery"
          type="number"
          inputMode="numeric"
          label={t('matchmaking.breakEvery')}
          defaultValue="4"
          error={f('breakEvery')}
        />
        <Field
          name="breakMinutes"
          type="number"
          inputMode="numeric"
          label={t('matchmaking.breakMinutes')}
          defaultValue="10"
          error={f('breakMinutes')}
        />
        <Field name="venue" label={t('matchmaking.venue')} error={f('venue')} />
        <Field
          name="maxMeetings"
          type="number"
          inputMode="numeric"
          label={t('matchmaking.maxMeetings')}
          defaultValue="4"
          error={f('maxMeetings')}
        />
        <div className="form-group">
          <label className="form-label" htmlFor="mm-pilot">
            {t('matchmaking.pilot')}
          </label>
          <select id="mm-pilot" name="pilotId" className="form-select" defaultValue="">
            <option value="">{t('matchmaking.noPilot')}</option>
            {(pilots.data ?? []).map((p) => (
              <option key={p.id} value={p.id}>
                {p.name} ({p.passed})
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button button-primary">
          {t('matchmaking.create')}
        </button>
      </form>
    </>
  );
}
