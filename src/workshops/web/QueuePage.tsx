import { useEffect, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { QueueEntryView } from '../workshops.contract';
import { DEVICES, VISIT_TOPICS, type VisitTopic } from '../workshops.constants';
import { call, href } from '../../web/api';
import { ErrorSummary, Loading, PageTitle, TableWrap, formatDateTime } from '../../web/ui';
import { useSession } from '../../web/session';
import { WorkshopSelect, useWorkshopChoice } from './WorkshopPicker';
import { CodeCard, HelpedCitizenTests, type IssuedCode } from '../../assessment/web';

/** The eMentor's workshop day: the live queue, calling, helping and logging each visit. */
export default function QueuePage() {
  const { t } = useTranslation();
  const { workshops, siteId, setSiteId } = useWorkshopChoice();
  if (workshops.isPending) return <Loading />;
  return (
    <>
      <PageTitle>{t('workshop.queueTitle')}</PageTitle>
      <ErrorSummary error={workshops.error} />
      {(workshops.data ?? []).length > 1 && (
        <WorkshopSelect
          id="workshop"
          workshops={workshops.data ?? []}
          value={siteId}
          onChange={setSiteId}
        />
      )}
      {siteId ? <Queue siteId={siteId} /> : <p>{t('workshop.none')}</p>}
    </>
  );
}

function Queue({ siteId }: { siteId: string }) {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const me = useSession().data?.user;
  const key = ['queue', siteId];
  const queue = useQuery({
    queryKey: key,
    queryFn: () => call('GET /api/workshops/:id/queue', { params: { id: siteId } }),
  });
  const colleagues = useQuery({
    queryKey: ['ementors', siteId],
    queryFn: () => call('GET /api/workshops/:id/ementors', { params: { id: siteId } }),
  });
  const [error, setError] = useState<unknown>(null);
  const [live, setLive] = useState(true);

  // Any change, by anyone on any server, refreshes the list.
  useEffect(() => {
    const source = new EventSource(href('GET /api/workshops/:id/live', { params: { id: siteId } }));
    source.onmessage = () => {
      setLive(true);
      void qc.invalidateQueries({ queryKey: ['queue', siteId] });
    };
    source.onerror = () => setLive(false);
    return () => source.close();
  }, [siteId, qc]);

  async function act(request: () => Promise<unknown>) {
    setError(null);
    try {
      await request();
      await qc.invalidateQueries({ queryKey: key });
      return true;
    } catch (err) {
      setError(err);
      return false;
    }
  }

  const rows = queue.data ?? [];
  const mine = rows.filter((r) => r.status === 'called' && r.helperId === me?.id);
  const waiting = rows.filter((r) => r.status === 'waiting');

  return (
    <>
      <p className="dl-meta" role="status">
        {live ? t('workshop.live') : t('workshop.offline')}
      </p>
      <ErrorSummary error={error ?? queue.error} />
      <div className="button-row">
        <button
          type="button"
          className="button button-primary"
          onClick={() =>
            void act(() => call('POST /api/workshops/:id/queue/next', { params: { id: siteId } }))
          }
        >
          {t('workshop.callNext')}
        </button>
        <a className="button button-secondary" href={`/vaerksted/${siteId}/skaerm`}>
          {t('workshop.screen')}
        </a>
        <a className="button button-secondary" href={`/vaerksted/${siteId}/tjek-ind?kiosk`}>
          {t('workshop.kiosk')}
        </a>
        <Link className="button button-secondary" to={`/vaerksted/${siteId}/plakat`}>
          {t('workshop.poster')}
        </Link>
      </div>

      {mine.map((r) => (
        <Helping
          key={r.id}
          entry={r}
          colleagues={(colleagues.data ?? []).filter((c) => c.id !== me?.id)}
          act={act}
        />
      ))}

      <h2>{t('workshop.waitingTitle', { n: waiting.length })}</h2>
      {queue.isPending ? (
        <Loading />
      ) : rows.length === 0 ? (
        <p>{t('workshop.empty')}</p>
      ) : (
        <TableWrap label={t('workshop.queueTitle')}>
          <table className="table table--compact">
            <thead>
              <tr>
                <th scope="col">{t('workshop.number')}</th>
                <th scope="col">{t('workshop.firstName')}</th>
                <th scope="col">{t('workshop.topic')}</th>
                <th scope="col">{t('workshop.arrived')}</th>
                <th scope="col">{t('workshop.status')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <td>{r.number}</td>
                  <td>{r.firstName}</td>
                  <td>{t(`workshop.topics.${r.topic}`)}</td>
                  <td>{formatDateTime(r.createdAt, i18n.language)}</td>
                  <td>
                    {r.status === 'called'
                      ? t('workshop.helpedBy', { name: r.helper ?? '' })
                      : t('workshop.waiting')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      <Appointments siteId={siteId} act={act} />
      <WalkIn siteId={siteId} act={act} />
      <p>
        <Link to="/testkoder">{t('workshop.testCodes')}</Link>
      </p>
    </>
  );
}

function Appointments({ siteId, act }: { siteId: string; act: Act }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const q = useQuery({
    queryKey: ['appointments', siteId],
    queryFn: () => call('GET /api/workshops/:id/appointments', { params: { id: siteId } }),
  });
  return (
    <section aria-labelledby="appointments">
      <h2 id="appointments">{t('workshop.appointmentsToday')}</h2>
      {(q.data ?? []).length === 0 ? (
        <p>{t('workshop.noAppointments')}</p>
      ) : (
        <ul>
          {(q.data ?? []).map((a) => (
            <li key={a.id}>
              {a.start}–{a.end}: {a.firstName} ({t(`workshop.topics.${a.topic}`)}){' '}
              <button
                type="button"
                className="button button-unstyled dl-linklike"
                onClick={() =>
                  void act(() =>
                    call('POST /api/workshop-appointments/:id/arrive', { params: { id: a.id } }),
                  ).then(() => qc.invalidateQueries({ queryKey: ['appointments', siteId] }))
                }
              >
                {t('workshop.arrivedButton')}
                <span className="sr-only"> {a.firstName}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Sends one request for the queue and refreshes it; false when the server refused. */
type Act = (request: () => Promise<unknown>) => Promise<boolean>;

function WalkIn({ siteId, act }: { siteId: string; act: Act }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [topic, setTopic] = useState<VisitTopic>(VISIT_TOPICS[0]);
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (
      await act(() =>
        call('POST /api/workshops/:id/walk-in', {
          params: { id: siteId },
          body: { firstName: name, topic },
        }),
      )
    )
      setName('');
  }
  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="dl-card" aria-labelledby="walk-in">
      <h2 id="walk-in">{t('workshop.walkInTitle')}</h2>
      <div className="form-group">
        <label className="form-label" htmlFor="walk-in-name">
          {t('workshop.firstName')}
        </label>
        <input
          id="walk-in-name"
          className="form-input"
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
      </div>
      <div className="form-group">
        <label className="form-label" htmlFor="walk-in-topic">
          {t('workshop.topic')}
        </label>
        <select
          id="walk-in-topic"
          className="form-select"
          value={topic}
          onChange={(e) => setTopic(VISIT_TOPICS.find((k) => k === e.target.value) ?? topic)}
        >
          {VISIT_TOPICS.map((k) => (
            <option key={k} value={k}>
              {t(`workshop.topics.${k}`)}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="button button-secondary">
        {t('workshop.walkIn')}
      </button>
    </form>
  );
}

/** The citizen being helped: log the visit, or mark a no-show, or hand over to a colleague. */
function Helping({
  entry,
  colleagues,
  act,
}: {
  entry: QueueEntryView;
  colleagues: { id: string; name: string }[];
  act: Act;
}) {
  const { t } = useTranslation();
  const [topics, setTopics] = useState<VisitTopic[]>([entry.topic]);
  const [competences, setCompetences] = useState('');
  const [device, setDevice] = useState<'own' | 'loan'>('own');
  const [resolved, setResolved] = useState('yes');
  const [minutes, setMinutes] = useState('15');
  const [onBehalf, setOnBehalf] = useState(false);
  const [poa, setPoa] = useState(false);
  const [course, setCourse] = useState(false);
  const [code, setCode] = useState<IssuedCode | null>(null);
  const [to, setTo] = useState('');
  const id = `visit-${entry.number}`;

  function submit(e: FormEvent) {
    e.preventDefault();
    void act(() =>
      call('POST /api/queue-tickets/:id/visit', {
        params: { id: entry.id },
        body: {
          topics,
          competences: competences
            .split(/[\s,;]+/)
            .map((s) => s.trim())
            .filter(Boolean),
          device,
          resolved: resolved === 'yes',
          minutes: Number(minutes),
          onBehalf,
          powerOfAttorneyConfirmed: poa,
          courseSuggested: course,
        },
      }),
    );
  }

  return (
    <section className="dl-card" aria-labelledby={id}>
      <h2 id={id}>{t('workshop.helping', { number: entry.number, name: entry.firstName })}</h2>
      <p className="dl-meta">{t('workshop.noCredentials')}</p>
      {entry.linkedToCitizen && <HelpedCitizenTests ticketId={entry.id} />}
      <form onSubmit={submit} noValidate>
        <fieldset className="form-group">
          <legend className="form-label">{t('workshop.visitTopics')}</legend>
          <ul className="nobullet-list">
            {VISIT_TOPICS.map((k) => (
              <li key={k} className="form-group-checkbox">
                <input
                  type="checkbox"
                  className="form-checkbox"
                  id={`${id}-topic-${k}`}
                  checked={topics.includes(k)}
                  onChange={(e) =>
                    setTopics((all) =>
                      e.target.checked ? [...all, k] : all.filter((x) => x !== k),
                    )
                  }
                />
                <label htmlFor={`${id}-topic-${k}`}>{t(`workshop.topics.${k}`)}</label>
              </li>
            ))}
          </ul>
        </fieldset>
        <div className="form-group">
          <label className="form-label" htmlFor={`${id}-comp`}>
            {t('workshop.competences')}
          </label>
          <span className="form-hint" id={`${id}-comp-hint`}>
            {t('workshop.competencesHint')}
          </span>
          <input
            id={`${id}-comp`}
            className="form-input"
            aria-describedby={`${id}-comp-hint`}
            value={competences}
            onChange={(e) => setCompetences(e.target.value)}
          />
        </div>
        <fieldset className="form-group">
          <legend className="form-label">{t('workshop.device')}</legend>
          {DEVICES.map((d) => (
            <div key={d} className="form-group-radio">
              <input
                type="radio"
                className="form-radio"
                id={`${id}-device-${d}`}
                name={`${id}-device`}
                checked={device === d}
                onChange={() => setDevice(d)}
              />
              <label htmlFor={`${id}-device-${d}`}>{t(`workshop.devices.${d}`)}</label>
            </div>
          ))}
        </fieldset>
        <fieldset className="form-group">
          <legend className="form-label">{t('workshop.outcome')}</legend>
          {(['yes', 'no'] as const).map((v) => (
            <div key={v} className="form-group-radio">
              <input
                type="radio"
                className="form-radio"
                id={`${id}-resolved-${v}`}
                name={`${id}-resolved`}
                checked={resolved === v}
                onChange={() => setResolved(v)}
              />
              <label htmlFor={`${id}-resolved-${v}`}>
                {v === 'yes' ? t('workshop.resolved') : t('workshop.followUp')}
              </label>
            </div>
          ))}
        </fieldset>
        <div className="form-group">
          <label className="form-label" htmlFor={`${id}-minutes`}>
            {t('workshop.minutes')}
          </label>
          <input
            id={`${id}-minutes`}
            className="form-input input-width-xs"
            inputMode="numeric"
            value={minutes}
            onChange={(e) => setMinutes(e.target.value)}
          />
        </div>
        <div className="form-group-checkbox">
          <input
            type="checkbox"
            className="form-checkbox"
            id={`${id}-course`}
            checked={course}
            onChange={(e) => setCourse(e.target.checked)}
          />
          <label htmlFor={`${id}-course`}>{t('workshop.suggestCourse')}</label>
        </div>
        <div className="form-group-checkbox">
          <input
            type="checkbox"
            className="form-checkbox"
            id={`${id}-behalf`}
            checked={onBehalf}
            onChange={(e) => setOnBehalf(e.target.checked)}
          />
          <label htmlFor={`${id}-behalf`}>{t('workshop.onBehalf')}</label>
        </div>
        {onBehalf && (
          <div className="alert alert-warning" role="alert">
            <div className="alert-body">
              <p className="alert-heading">{t('workshop.poaTitle')}</p>
              <p className="alert-text">{t('workshop.poaText')}</p>
              <div className="form-group-checkbox">
                <input
                  type="checkbox"
                  className="form-checkbox"
                  id={`${id}-poa`}
                  checked={poa}
                  onChange={(e) => setPoa(e.target.checked)}
                />
                <label htmlFor={`${id}-poa`}>{t('workshop.poaConfirm')}</label>
              </div>
            </div>
          </div>
        )}
        <div className="button-row">
          <button type="submit" className="button button-primary">
            {t('workshop.logVisit')}
          </button>
          <button
            type="button"
            className="button button-secondary"
            onClick={() =>
              void act(() =>
                call('POST /api/queue-tickets/:id/no-show', { params: { id: entry.id } }),
              )
            }
          >
            {t('workshop.noShow')}
          </button>
        </div>
      </form>
      <div className="dl-mt">
        {code ? (
          <CodeCard code={code} />
        ) : (
          <button
            type="button"
            className="button button-secondary"
            onClick={() => void call('POST /api/test-codes', { body: {} }).then(setCode)}
          >
            {t('workshop.testCodeForCitizen')}
          </button>
        )}
      </div>
      {colleagues.length > 0 && (
        <div className="form-group">
          <label className="form-label" htmlFor={`${id}-to`}>
            {t('workshop.handOverTo')}
          </label>
          <select
            id={`${id}-to`}
            className="form-select"
            value={to}
            onChange={(e) => setTo(e.target.value)}
          >
            <option value="">{t('workshop.choose')}</option>
            {colleagues.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="button button-secondary"
            disabled={!to}
            onClick={() =>
              void act(() =>
                call('POST /api/queue-tickets/:id/hand-over', {
                  params: { id: entry.id },
                  body: { userId: to },
                }),
              )
            }
          >
            {t('workshop.handOver')}
          </button>
        </div>
      )}
    </section>
  );
}
