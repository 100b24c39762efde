import { useState, type FormEvent } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { asEntered, call, href, type Answer } from '../../web/api';
import { CheckboxGroup, ErrorSummary, Field, formText, Loading, PageTitle } from '../../web/ui';
import type { OutcomeInput } from '../events.contract';
import { DATED_OUTCOMES, MEETING_OUTCOMES, type MeetingOutcome } from '../matching.constants';

type CompanyEvent = Answer<'GET /api/companies/:id/matchmaking'>[number];

/** A company's matchmaking events: answer candidates, see the schedule, record outcomes. */
export default function CompanyEventsPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const q = useQuery({
    queryKey: ['companies', id, 'matchmaking'],
    queryFn: () => call('GET /api/companies/:id/matchmaking', { params: { id } }),
  });
  return (
    <>
      <PageTitle>{t('companyEvents.title')}</PageTitle>
      <p>{t('companyEvents.intro')}</p>
      {q.isPending ? (
        <Loading />
      ) : q.isError ? (
        <ErrorSummary error={q.error} />
      ) : q.data.length === 0 ? (
        <p>{t('companyEvents.none')}</p>
      ) : (
        q.data.map((e) => <CompanyEvent key={e.id} companyId={id} event={e} />)
      )}
    </>
  );
}

function CompanyEvent({ companyId, event: e }: { companyId: string; event: CompanyEvent }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [error, setError] = useState<unknown>(null);
  const refresh = () => qc.invalidateQueries({ queryKey: ['companies', companyId, 'matchmaking'] });
  const planning = e.eventStatus === 'planning';

  async function answer(candidateId: string, value: 'accept' | 'decline') {
    setError(null);
    try {
      await call('POST /api/companies/:id/matchmaking/:eventId/answers', {
        params: { id: companyId, eventId: e.id },
        body: { candidateId, answer: value },
      });
      await refresh();
    } catch (err) {
      setError(err);
    }
  }

  async function saveBusy(ev: FormEvent<HTMLFormElement>) {
    ev.preventDefault();
    setError(null);
    try {
      await call('PUT /api/companies/:id/matchmaking/:eventId/slots', {
        params: { id: companyId, eventId: e.id },
        body: { unavailable: new FormData(ev.currentTarget).getAll('unavailable').map(Number) },
      });
      await refresh();
    } catch (err) {
      setError(err);
    }
  }

  return (
    <section aria-labelledby={`cev-${e.id}`}>
      <h2 id={`cev-${e.id}`}>
        {e.name} — {e.on}
      </h2>
      <ErrorSummary error={error} />
      {planning && (
        <>
          <h3>{t('companyEvents.candidates')}</h3>
          <ul className="dl-candidates">
            {e.candidates.map((c) => (
              <li key={c.id}>
                <strong>{c.handle}</strong> ·{' '}
                {c.rank ? t('companyEvents.wish', { rank: c.rank }) : t('companyEvents.noWish')}
                <br />
                {t('companyEvents.education')}:{' '}
                {c.profile.education ? t(`citizen.educationLevels.${c.profile.education}`) : '–'} ·{' '}
                {t('companyEvents.jobGoal')}: {c.profile.jobGoal ?? '–'}
                <br />
                {t('companyEvents.levels')}:{' '}
                {c.profile.areas.map((a) => `${a.area}: ${a.level ?? '–'}`).join(', ') || '–'}
                <br />
                {c.answer ? <em>{t(`companyEvents.answered.${c.answer}`)}</em> : null}{' '}
                <button
                  type="button"
                  className="button button-secondary"
                  aria-pressed={c.answer === 'accept'}
                  aria-label={`${t('companyEvents.accept')}: ${c.handle}`}
                  onClick={() => void answer(c.id, 'accept')}
                >
                  {t('companyEvents.accept')}
                </button>{' '}
                <button
                  type="button"
                  className="button button-tertiary"
                  aria-pressed={c.answer === 'decline'}
                  aria-label={`${t('companyEvents.declineCandidate')}: ${c.handle}`}
                  onClick={() => void answer(c.id, 'decline')}
                >
                  {t('companyEvents.declineCandidate')}
                </button>
              </li>
            ))}
          </ul>
          <form onSubmit={(ev) => void saveBusy(ev)}>
            <CheckboxGroup
              legend={t('companyEvents.busy')}
              name="unavailable"
              options={e.slots.map((s, i) => ({ value: String(i), label: `${s.start}–${s.end}` }))}
              checked={e.unavailable.map(String)}
            />
            <button type="submit" className="button button-secondary">
              {t('companyEvents.saveBusy')}
            </button>
          </form>
        </>
      )}
      {!planning && (
        <>
          <h3>{t('companyEvents.agenda')}</h3>
          <p>
            <a
              href={href('GET /api/companies/:id/matchmaking/:eventId/agenda.ics', {
                params: { id: companyId, eventId: e.id },
              })}
              download
            >
              {t('companyEvents.calendar')}
            </a>
          </p>
          <ul className="dl-agenda">
            {e.agenda.map((a) => (
              <li key={a.meetingId}>
                <strong>
                  {a.start}–{a.end}
                </strong>{' '}
                {a.handle} · {a.videoLink ?? a.room} ·{' '}
                {t(`matchmaking.meetingStatuses.${a.status}`)}
                {a.status !== 'no_show' && <Outcome meeting={a} onSaved={refresh} />}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function Outcome({
  meeting: a,
  onSaved,
}: {
  meeting: CompanyEvent['agenda'][number];
  onSaved: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const [outcome, setOutcome] = useState<MeetingOutcome>(a.outcome ?? 'no_further_contact');
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);

  async function save(ev: FormEvent<HTMLFormElement>) {
    ev.preventDefault();
    const data = new FormData(ev.currentTarget);
    setError(null);
    setSaved(false);
    try {
      const startsOn = formText(data, 'startsOn');
      await call('POST /api/matchmaking/meetings/:id/outcome', {
        params: { id: a.meetingId },
        body: asEntered<OutcomeInput>({
          outcome,
          startsOn: startsOn === '' ? null : startsOn,
          note: formText(data, 'note'),
        }),
      });
      setSaved(true);
      await onSaved();
    } catch (err) {
      setError(err);
    }
  }

  return (
    <form onSubmit={(ev) => void save(ev)} noValidate className="dl-outcome">
      <ErrorSummary error={error} />
      <div className="form-group">
        <label className="form-label" htmlFor={`oc-${a.meetingId}`}>
          {t('companyEvents.outcome')} ({a.handle})
        </label>
        <select
          id={`oc-${a.meetingId}`}
          className="form-select"
          value={outcome}
          onChange={(ev) => setOutcome(ev.target.value as MeetingOutcome)}
        >
          {MEETING_OUTCOMES.map((o) => (
            <option key={o} value={o}>
              {t(`matchmaking.outcomes.${o}`)}
            </option>
          ))}
        </select>
      </div>
      {DATED_OUTCOMES.includes(outcome) && (
        <Field
          name="startsOn"
          type="date"
          label={t('companyEvents.startsOn')}
          defaultValue={a.outcomeStartsOn ?? ''}
        />
      )}
      <Field name="note" label={t('companyEvents.note')} />
      <button type="submit" className="button button-secondary">
        {t('companyEvents.save')}
      </button>
      {saved && (
        <p role="status" className="dl-saved">
          {t('companyEvents.saved')}
        </p>
      )}
    </form>
  );
}
