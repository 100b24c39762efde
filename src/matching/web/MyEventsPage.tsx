import { useState, type FormEvent } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { call, href, type Answer } from '../../web/api';
import { CheckboxGroup, ErrorSummary, Loading, PageTitle } from '../../web/ui';

type MyEvent = Answer<'GET /api/me/matchmaking'>[number];

const danishDay = (iso: string, lang: string) =>
  new Date(`${iso}T12:00:00Z`).toLocaleDateString(lang === 'en' ? 'en-GB' : 'da-DK', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
  });

/** The citizen's matchmaking events: sign up and rank companies, then the agenda (phone first). */
export default function MyEventsPage() {
  const { t } = useTranslation();
  const q = useQuery({
    queryKey: ['me', 'matchmaking'],
    queryFn: () => call('GET /api/me/matchmaking'),
  });
  return (
    <>
      <PageTitle>{t('myEvents.title')}</PageTitle>
      <p>{t('myEvents.intro')}</p>
      {q.isPending ? (
        <Loading />
      ) : q.isError ? (
        <ErrorSummary error={q.error} />
      ) : q.data.length === 0 ? (
        <p>{t('myEvents.none')}</p>
      ) : (
        q.data.map((e) => <MyEvent key={e.id} event={e} />)
      )}
    </>
  );
}

function MyEvent({ event: e }: { event: MyEvent }) {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const open = e.eventStatus === 'planning' && e.status !== 'declined';

  async function save(ev: FormEvent<HTMLFormElement>) {
    ev.preventDefault();
    const data = new FormData(ev.currentTarget);
    setError(null);
    setSaved(false);
    const ranked = e.companies
      .map((c) => ({ id: c.id, rank: Number(data.get(`rank-${c.id}`) || 0) }))
      .filter((c) => c.rank > 0)
      .sort((a, b) => a.rank - b.rank);
    try {
      await call('PUT /api/me/matchmaking/:id', {
        params: { id: e.id },
        body: {
          wishes: ranked.map((c) => c.id),
          unavailable: data.getAll('unavailable').map(Number),
        },
      });
      await qc.invalidateQueries({ queryKey: ['me', 'matchmaking'] });
      setSaved(true);
    } catch (err) {
      setError(err);
    }
  }

  async function decline() {
    setError(null);
    try {
      await call('POST /api/me/matchmaking/:id/decline', { params: { id: e.id } });
      await qc.invalidateQueries({ queryKey: ['me', 'matchmaking'] });
    } catch (err) {
      setError(err);
    }
  }

  return (
    <section className="dl-card" aria-labelledby={`ev-${e.id}`}>
      <h2 id={`ev-${e.id}`}>{e.name}</h2>
      <p>
        {t('myEvents.when', { day: danishDay(e.on, i18n.language), time: e.slots[0]?.start ?? '' })}
      </p>
      <p>
        {e.format === 'physical' ? t('myEvents.where', { venue: e.venue }) : t('myEvents.online')}
      </p>
      <ErrorSummary error={error} />
      {saved && (
        <div className="alert alert-success" role="status">
          <p className="alert-text">{t('myEvents.registered')}</p>
        </div>
      )}
      {e.status === 'declined' && <p>{t('myEvents.declined')}</p>}

      {e.eventStatus !== 'planning' && e.status === 'registered' && (
        <>
          <h3>{t('myEvents.agendaTitle')}</h3>
          {e.agenda.length === 0 ? (
            <p>{t('myEvents.noAgenda')}</p>
          ) : (
            <ul className="dl-agenda">
              {e.agenda.map((a) => (
                <li key={a.meetingId}>
                  <strong>
                    {a.start}–{a.end}
                  </strong>{' '}
                  {a.company}
                  <br />
                  {a.videoLink ? (
                    <a href={a.videoLink} rel="noopener noreferrer" target="_blank">
                      {t('myEvents.join')} ({a.company})
                    </a>
                  ) : (
                    a.room
                  )}
                </li>
              ))}
            </ul>
          )}
          <p>
            <a
              href={href('GET /api/me/matchmaking/:id/agenda.ics', { params: { id: e.id } })}
              download
            >
              {t('myEvents.calendar')}
            </a>
          </p>
        </>
      )}

      {open && (
        <form onSubmit={(ev) => void save(ev)} noValidate>
          <p>{t('myEvents.consent')}</p>
          <fieldset className="form-group">
            <legend className="form-label">{t('myEvents.rankTitle')}</legend>
            <span className="form-hint">{t('myEvents.rankHint')}</span>
            {e.companies.map((c) => (
              <div className="form-group" key={c.id}>
                <label className="form-label" htmlFor={`rank-${e.id}-${c.id}`}>
                  {c.name}
                </label>
                {c.roles.length > 0 && (
                  <span className="form-hint">
                    {t('myEvents.roles', { roles: c.roles.join(', ') })}
                  </span>
                )}
                <select
                  id={`rank-${e.id}-${c.id}`}
                  name={`rank-${c.id}`}
                  className="form-select"
                  defaultValue={c.rank ?? ''}
                  aria-label={t('myEvents.rank', { company: c.name })}
                >
                  <option value="">{t('myEvents.notChosen')}</option>
                  {e.companies.map((_, i) => (
                    <option key={i} value={i + 1}>
                      {i + 1}
                    </option>
                  ))}
                </select>
              </div>
            ))}
          </fieldset>
          <CheckboxGroup
            legend={t('myEvents.busyTitle')}
            name="unavailable"
            options={e.slots.map((s, i) => ({ value: String(i), label: `${s.start}–${s.end}` }))}
            checked={e.unavailable.map(String)}
          />
          <button type="submit" className="button button-primary">
            {e.status === 'registered' ? t('myEvents.update') : t('myEvents.register')}
          </button>
        </form>
      )}
      {e.eventStatus !== 'planning' && e.status === 'invited' && <p>{t('myEvents.closed')}</p>}
      {e.status !== 'declined' && e.eventStatus !== 'held' && (
        <p>
          <button type="button" className="button button-tertiary" onClick={() => void decline()}>
            {t('myEvents.decline')}
          </button>
        </p>
      )}
    </section>
  );
}
