import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import type { TicketView, WorkshopPublicView } from '../../workshops.contract';
import { placeOf, type QueueSnapshot } from '../../queue.model';
import { VISIT_TOPICS, type VisitTopic } from '../../workshops.constants';
import { ApiError, call, href } from '../../../web/api';
import { fill, initialPageLang, storeLang, type PageLang } from '../../../web/lang';
import { LanguagePicker } from '../../../web/LanguagePicker';
import { PAGE_LANGS, isPageLang } from '../../../platform/i18n/languages.constants';
import { MESSAGES, type Messages } from './messages';
import { ErrorBox, Heading } from '../../../web/light';
import { Booking, Manage } from './Booking';
import { ReadAloud } from '../../../web/read-aloud';
import { Icon, type IconName } from '../../../web/icons';

/** A picture with each topic, for those who read the words with difficulty. */
const TOPIC_ICONS: Record<VisitTopic, IconName> = {
  mitid: 'key',
  digital_post: 'mail',
  borger_dk: 'building',
  netbank: 'card',
  jobnet_cv: 'document',
  job_application_upload: 'upload',
  email: 'at',
  device_basics: 'phone',
  apps: 'apps',
  security: 'shield',
  other: 'question',
};

/** The queue's public state, live from the server (server-sent events; reconnects itself). */
function useSnapshot(siteId: string) {
  const [snapshot, setSnapshot] = useState<QueueSnapshot | null>(null);
  const [online, setOnline] = useState(true);
  useEffect(() => {
    const source = new EventSource(href('GET /api/workshops/:id/live', { params: { id: siteId } }));
    source.onmessage = (e: MessageEvent<string>) => {
      // The server's event stream sends queue snapshots only (queue.routes.ts).
      setSnapshot(JSON.parse(e.data) as QueueSnapshot);
      setOnline(true);
    };
    source.onerror = () => setOnline(false);
    return () => source.close();
  }, [siteId]);
  return { snapshot, online };
}

function closedText(t: Messages, w: WorkshopPublicView): string | null {
  const c = w.closed;
  if (!c) return null;
  if (c.kind === 'holiday') return fill(t.closedHoliday, { name: c.name });
  if (c.kind === 'closure') return fill(t.closedClosure, { reason: c.reason });
  if (c.kind === 'outside_hours')
    return `${t.closed} ${fill(t.closedHours, { from: c.hours[0], to: c.hours[1] })}`;
  return t.closed;
}

/**
 * The language a kiosk tablet starts in, and returns to for each new citizen: the one its
 * address names, else Danish; never the last citizen's choice (the tablet's cookie is theirs).
 */
function kioskLang(): PageLang {
  const asked = new URLSearchParams(window.location.search).get('lang');
  return isPageLang(asked) ? asked : 'da';
}

export function WorkshopApp() {
  const parts = window.location.pathname.split('/').filter(Boolean);
  const manage = parts[1] === 'aftale';
  const siteId = manage ? '' : (parts[1] ?? '');
  const screen = parts[2] === 'skaerm';
  const booking = parts[2] === 'book';
  const kiosk = new URLSearchParams(window.location.search).has('kiosk');
  const [lang, setLangState] = useState<PageLang>(() => (kiosk ? kioskLang() : initialPageLang()));
  const t = MESSAGES[lang];
  const setLang = (l: PageLang) => {
    storeLang(l);
    setLangState(l);
  };
  // Remembered at once, so the server answers in the language the page shows (also when it
  // came from the address or the browser).
  useEffect(() => {
    storeLang(lang);
  }, [lang]);

  return (
    <div className={screen ? 'dl-screen' : 'container dl-light'}>
      {!screen && (
        <LanguagePicker lang={lang} offered={PAGE_LANGS} label={t.language} onChange={setLang} />
      )}
      {!screen && <ReadAloud lang={lang} label={t.readAloud} stopLabel={t.stopReading} />}
      <main id="main">
        {manage ? (
          <Manage t={t} lang={lang} />
        ) : booking ? (
          <Booking t={t} lang={lang} siteId={siteId} />
        ) : screen ? (
          <QueueScreen t={t} siteId={siteId} />
        ) : (
          <CheckIn
            t={t}
            siteId={siteId}
            kiosk={kiosk}
            onNextCitizen={kiosk ? () => setLang(kioskLang()) : undefined}
          />
        )}
      </main>
    </div>
  );
}

function CheckIn({
  t,
  siteId,
  kiosk,
  onNextCitizen,
}: {
  t: Messages;
  siteId: string;
  kiosk: boolean;
  /** A kiosk ready for the next citizen (their number shown long enough, or pressed on). */
  onNextCitizen?: () => void;
}) {
  const [workshop, setWorkshop] = useState<WorkshopPublicView | null>(null);
  const [ticket, setTicket] = useState<TicketView | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [tried, setTried] = useState(false);
  const [name, setName] = useState('');
  const [topic, setTopic] = useState<VisitTopic>(VISIT_TOPICS[0]);
  const [citizen, setCitizen] = useState(false);

  const load = useCallback(async () => {
    try {
      if (!kiosk)
        void call('GET /api/auth/session')
          .then((s) => setCitizen(Boolean(s.user?.capabilities.includes('myData'))))
          .catch(() => undefined);
      setWorkshop(await call('GET /api/workshops/:id/public', { params: { id: siteId } }));
      if (!kiosk) {
        const mine = await call('GET /api/tickets/current').catch((err: unknown) => {
          if (err instanceof ApiError && err.status === 404) return null;
          throw err;
        });
        if (mine && mine.siteId === siteId && mine.status !== 'left') setTicket(mine);
      }
    } catch (err) {
      setError(err);
    }
  }, [siteId, kiosk]);
  useEffect(() => {
    void load();
  }, [load]);

  // One timer at a time: a citizen who pressed on must not have the next one's page reset.
  const kioskTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(kioskTimer.current), []);
  function next() {
    clearTimeout(kioskTimer.current);
    setTicket(null);
    onNextCitizen?.();
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    setTried(true);
    if (!name.trim()) return;
    setError(null);
    try {
      const created = await call('POST /api/workshops/:id/check-in', {
        params: { id: siteId },
        body: { firstName: name.trim(), topic, channel: kiosk ? 'kiosk' : 'qr' },
      });
      setTicket(created);
      setName('');
      // A kiosk shows the number for a while, then is ready for the next citizen.
      if (kiosk) kioskTimer.current = setTimeout(next, 20_000);
    } catch (err) {
      setError(err);
    }
  }

  if (ticket) return <Ticket t={t} ticket={ticket} kiosk={kiosk} onNew={next} />;
  const closed = workshop ? closedText(t, workshop) : null;
  const nameError = tried && !name.trim();
  return (
    <>
      <Heading>{t.checkInTitle}</Heading>
      {workshop && (
        <p className="dl-meta">
          {workshop.name}, {workshop.address}
        </p>
      )}
      <ErrorBox error={error} title={t.error} />
      {!kiosk && (
        <>
          <p>
            <a href={`/vaerksted/${siteId}/book`}>{t.bookInstead}</a>
          </p>
          <p className="dl-meta">
            {citizen ? (
              t.loggedIn
            ) : (
              <>
                {t.loginToKeep}{' '}
                <a href={`/login?next=${encodeURIComponent(`/vaerksted/${siteId}/tjek-ind`)}`}>
                  {t.login}
                </a>
              </>
            )}
          </p>
        </>
      )}
      {closed ? (
        <p className="dl-big">{closed}</p>
      ) : (
        <form onSubmit={(e) => void submit(e)} noValidate>
          <p>{t.checkInIntro}</p>
          <div className={`form-group${nameError ? ' form-error' : ''}`}>
            <label className="form-label" htmlFor="first-name">
              {t.firstName}
            </label>
            <span className="form-hint" id="first-name-hint">
              {t.firstNameHint}
            </span>
            {nameError && (
              <span className="form-error-message" id="first-name-err">
                {t.needName}
              </span>
            )}
            <input
              id="first-name"
              className="form-input"
              autoComplete="given-name"
              maxLength={40}
              value={name}
              onChange={(e) => setName(e.target.value)}
              aria-describedby={`first-name-hint${nameError ? ' first-name-err' : ''}`}
              aria-invalid={nameError || undefined}
            />
          </div>
          <fieldset className="form-group">
            <legend className="form-label">{t.topic}</legend>
            <ul className="dl-options" role="list">
              {VISIT_TOPICS.map((k) => (
                <li key={k}>
                  <input
                    type="radio"
                    className="form-radio"
                    id={`topic-${k}`}
                    name="topic"
                    checked={topic === k}
                    onChange={() => setTopic(k)}
                  />
                  <label htmlFor={`topic-${k}`} className="dl-icon-label">
                    <Icon name={TOPIC_ICONS[k]} /> {t.topics[k]}
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
          <button type="submit" className="button button-primary">
            {t.takeNumber}
          </button>
        </form>
      )}
    </>
  );
}

function Ticket({
  t,
  ticket,
  kiosk,
  onNew,
}: {
  t: Messages;
  ticket: TicketView;
  kiosk: boolean;
  onNew: () => void;
}) {
  const { snapshot, online } = useSnapshot(ticket.siteId);
  const [status, setStatus] = useState(ticket.status);
  const [error, setError] = useState<unknown>(null);
  const found = snapshot ? placeOf(snapshot, ticket.number) : null;
  const place = found && found.position > 0 ? found : null;
  // Out of the waiting line: at each change, ask the server what became of the ticket (called,
  // then done or no-show).
  useEffect(() => {
    if (kiosk || !snapshot || place || (status !== 'waiting' && status !== 'called')) return;
    void call('GET /api/tickets/current')
      .then((now) => setStatus(now.status))
      .catch(() => undefined);
  }, [kiosk, snapshot, place, status]);

  async function leave() {
    try {
      setStatus((await call('POST /api/tickets/current/leave')).status);
    } catch (err) {
      setError(err);
    }
  }

  let text: string;
  if (status === 'called') text = t.called;
  else if (status === 'done') text = t.done;
  else if (status === 'left') text = t.left;
  else if (status === 'no_show') text = t.noShow;
  else if (!place) text = '';
  else
    text = [
      place.position === 1 ? t.next : fill(t.position, { n: place.position - 1 }),
      fill(t.wait, { m: place.expectedMinutes }),
      place.waitInside ? t.waitInside : t.waitOutside,
    ].join(' ');

  return (
    <>
      <Heading>{t.yourNumber}</Heading>
      <p className="dl-ticket-number" aria-label={`${t.yourNumber}: ${ticket.number}`}>
        {ticket.number}
      </p>
      <p className="dl-big" role="status" aria-live="polite">
        {kiosk ? t.kioskShown : text}
      </p>
      {!kiosk && <p className="dl-meta">{online ? t.live : t.offline}</p>}
      {error instanceof Error && (
        <p className="form-error-message" role="alert">
          {error.message}
        </p>
      )}
      {!kiosk && status === 'waiting' && (
        <button type="button" className="button button-secondary" onClick={() => void leave()}>
          {t.leave}
        </button>
      )}
      {(kiosk || status !== 'waiting') && status !== 'called' && (
        <button type="button" className="button button-primary" onClick={onNew}>
          {t.newNumber}
        </button>
      )}
    </>
  );
}

/** For a TV in the room: called numbers large, the waiting count, live. */
function QueueScreen({ t, siteId }: { t: Messages; siteId: string }) {
  const { snapshot, online } = useSnapshot(siteId);
  const [name, setName] = useState('');
  useEffect(() => {
    void call('GET /api/workshops/:id/public', { params: { id: siteId } })
      .then((w) => setName(w.name))
      .catch(() => undefined);
  }, [siteId]);
  const [latest, ...earlier] = snapshot?.called ?? [];
  return (
    <>
      <h1 className="dl-screen-title">
        {t.screenTitle} {name && `– ${name}`}
      </h1>
      <section aria-labelledby="called" className="dl-screen-called" aria-live="assertive">
        <h2 id="called">{t.screenCalled}</h2>
        {latest ? (
          <p className="dl-screen-latest">{latest.number}</p>
        ) : (
          <p className="dl-screen-none">{t.screenNone}</p>
        )}
        {earlier.length > 0 && (
          <ul className="dl-screen-earlier" role="list">
            {earlier.map((c) => (
              <li key={c.number}>{c.number}</li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="waiting" className="dl-screen-waiting">
        <h2 id="waiting">{t.screenWaiting}</h2>
        <p className="dl-screen-count">{snapshot ? snapshot.waiting.length : '–'}</p>
      </section>
      {!online && <p className="dl-screen-offline">{t.offline}</p>}
    </>
  );
}
