import { useEffect, useMemo, useState, type FormEvent } from 'react';
import type { BookedView, WorkshopPublicView } from '../../workshops.contract';
import { VISIT_TOPICS, type VisitTopic } from '../../workshops.constants';
import { call } from '../../../web/api';
import { fill, type PageLang } from '../../../web/lang';
import { INTL_LOCALES } from '../../../platform/i18n/languages.constants';
import type { Messages } from './messages';
import { ErrorBox, Heading } from '../../../web/light';

interface DayPlan {
  day: string;
  closed: unknown;
  slots: { start: string; end: string; capacity: number; booked: number }[];
}

const dayText = (day: string, lang: PageLang) =>
  new Date(`${day}T12:00:00Z`).toLocaleDateString(INTL_LOCALES[lang], {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    timeZone: 'UTC',
  });

/** Free times by day; a time is a button, so keyboard and screen readers reach each one. */
function SlotPicker({
  t,
  lang,
  siteId,
  onPick,
}: {
  t: Messages;
  lang: PageLang;
  siteId: string;
  onPick: (day: string, start: string) => void;
}) {
  const [plan, setPlan] = useState<DayPlan[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    call('GET /api/workshops/:id/slots', { params: { id: siteId }, query: { days: 14 } }).then(
      setPlan,
      setError,
    );
  }, [siteId]);
  if (error) return <ErrorBox error={error} title={t.error} />;
  if (!plan) return null;
  return (
    <>
      {plan.map((d) => {
        const free = d.slots.filter((s) => s.booked < s.capacity);
        return (
          <section key={d.day} aria-labelledby={`day-${d.day}`} className="dl-day">
            <h2 id={`day-${d.day}`}>{dayText(d.day, lang)}</h2>
            {d.closed ? (
              <p className="dl-meta">{t.closedDay}</p>
            ) : free.length === 0 ? (
              <p className="dl-meta">{t.noFreeTimes}</p>
            ) : (
              <ul className="dl-times" role="list">
                {free.map((s) => (
                  <li key={s.start}>
                    <button
                      type="button"
                      className="button button-secondary"
                      onClick={() => onPick(d.day, s.start)}
                    >
                      {s.start}
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </section>
        );
      })}
    </>
  );
}

function Confirmation({
  t,
  lang,
  booked,
  token,
}: {
  t: Messages;
  lang: PageLang;
  booked: BookedView;
  token?: string;
}) {
  const a = booked.appointment;
  const link = token ? `${window.location.origin}/vaerksted/aftale#${token}` : null;
  return (
    <>
      <p className="dl-big">
        {fill(t.bookedText, {
          day: dayText(a.day, lang),
          start: a.start,
          end: a.end,
          site: a.siteName,
          address: a.address,
        })}
      </p>
      <CalendarFile ics={booked.ics} label={t.addToCalendar} />
      {link && (
        <>
          <p>{t.manageLink}</p>
          <p className="dl-link">
            <a href={link}>{link}</a>
          </p>
        </>
      )}
    </>
  );
}

export function Booking({ t, lang, siteId }: { t: Messages; lang: PageLang; siteId: string }) {
  const [workshop, setWorkshop] = useState<WorkshopPublicView | null>(null);
  const [picked, setPicked] = useState<{ day: string; start: string } | null>(null);
  const [booked, setBooked] = useState<BookedView | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [name, setName] = useState('');
  const [topic, setTopic] = useState<VisitTopic>(VISIT_TOPICS[0]);
  const [email, setEmail] = useState('');
  const [phone, setPhone] = useState('');
  useEffect(() => {
    call('GET /api/workshops/:id/public', { params: { id: siteId } }).then(setWorkshop, setError);
  }, [siteId]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!picked) return;
    setError(null);
    try {
      setBooked(
        await call('POST /api/workshops/:id/appointments', {
          params: { id: siteId },
          body: {
            ...picked,
            firstName: name.trim(),
            topic,
            ...(email.trim() ? { email: email.trim() } : {}),
            ...(phone.trim() ? { phone: phone.trim() } : {}),
          },
        }),
      );
    } catch (err) {
      setError(err);
    }
  }

  if (booked)
    return (
      <>
        <Heading>{t.bookedTitle}</Heading>
        <Confirmation t={t} lang={lang} booked={booked} token={booked.token} />
      </>
    );
  return (
    <>
      <Heading>{t.bookTitle}</Heading>
      {workshop && (
        <p className="dl-meta">
          {workshop.name}, {workshop.address}
        </p>
      )}
      <ErrorBox error={error} title={t.error} />
      {!picked ? (
        <>
          <p>{t.bookIntro}</p>
          <SlotPicker
            t={t}
            lang={lang}
            siteId={siteId}
            onPick={(day, start) => setPicked({ day, start })}
          />
        </>
      ) : (
        <form onSubmit={(e) => void submit(e)} noValidate>
          <p className="dl-big">
            {fill(t.chosenTime, { day: dayText(picked.day, lang), start: picked.start })}
          </p>
          <p>
            <button
              type="button"
              className="button button-unstyled dl-linklike"
              onClick={() => setPicked(null)}
            >
              {t.chooseOther}
            </button>
          </p>
          <div className="form-group">
            <label className="form-label" htmlFor="b-name">
              {t.firstName}
            </label>
            <input
              id="b-name"
              className="form-input"
              autoComplete="given-name"
              maxLength={40}
              value={name}
              onChange={(e) => setName(e.target.value)}
            />
          </div>
          <div className="form-group">
            <label className="form-label" htmlFor="b-topic">
              {t.topic}
            </label>
            <select
              id="b-topic"
              className="form-select"
              value={topic}
              onChange={(e) => setTopic(VISIT_TOPICS.find((k) => k === e.target.value) ?? topic)}
            >
              {VISIT_TOPICS.map((k) => (
                <option key={k} value={k}>
                  {t.topics[k]}
                </option>
              ))}
            </select>
          </div>
          <p className="form-hint" id="b-contact-hint">
            {t.contactHint}
          </p>
          <div className="form-group">
            <label className="form-label" htmlFor="b-email">
              {t.email}
            </label>
            <input
              id="b-email"
              type="email"
              className="form-input"
              autoComplete="email"
              aria-describedby="b-contact-hint"
              value={email}
              onChange={(e) => setEmail(e.target.value)}
            />
          </div>
          <div className="form-group">
            <label className="form-label" htmlFor="b-phone">
              {t.phone}
            </label>
            <input
              id="b-phone"
              type="tel"
              className="form-input"
              autoComplete="tel"
              aria-describedby="b-contact-hint"
              value={phone}
              onChange={(e) => setPhone(e.target.value)}
            />
          </div>
          <button type="submit" className="button button-primary">
            {t.book}
          </button>
        </form>
      )}
    </>
  );
}

/** A calendar file to download: the event, or its cancellation (same UID, next SEQUENCE). */
function CalendarFile({ ics, label }: { ics: string; label: string }) {
  const href = useMemo(
    () => URL.createObjectURL(new Blob([ics], { type: 'text/calendar' })),
    [ics],
  );
  useEffect(() => () => URL.revokeObjectURL(href), [href]);
  return (
    <p>
      <a href={href} download="digitalt-vaerksted.ics">
        {label}
      </a>
    </p>
  );
}

/** The manage link: see the time, move it, or cancel it. The token stays in the fragment. */
export function Manage({ t, lang }: { t: Messages; lang: PageLang }) {
  const token = window.location.hash.slice(1);
  const [booked, setBooked] = useState<BookedView | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [moving, setMoving] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [notice, setNotice] = useState('');
  useEffect(() => {
    call('POST /api/appointments/manage', { body: { token } }).then(setBooked, setError);
  }, [token]);

  async function change(request: () => Promise<BookedView>, done: string) {
    setError(null);
    try {
      setBooked(await request());
      setNotice(done);
      setMoving(false);
      setConfirming(false);
    } catch (err) {
      setError(err);
    }
  }

  const a = booked?.appointment;
  return (
    <>
      <Heading>{t.manageTitle}</Heading>
      <ErrorBox error={error} title={t.error} />
      {notice && (
        <p className="dl-big" role="status">
          {notice}
        </p>
      )}
      {booked && a && a.status === 'cancelled' && (
        <CalendarFile ics={booked.ics} label={t.removeFromCalendar} />
      )}
      {booked && a && a.status === 'booked' && (
        <>
          <Confirmation t={t} lang={lang} booked={booked} />
          {moving ? (
            <SlotPicker
              t={t}
              lang={lang}
              siteId={a.siteId}
              onPick={(day, start) =>
                void change(
                  () => call('POST /api/appointments/move', { body: { token, day, start } }),
                  t.moved,
                )
              }
            />
          ) : confirming ? (
            <div className="button-row">
              <button
                type="button"
                className="button button-primary"
                onClick={() =>
                  void change(
                    () => call('POST /api/appointments/cancel', { body: { token } }),
                    t.cancelled,
                  )
                }
              >
                {t.cancelConfirm}
              </button>
              <button
                type="button"
                className="button button-secondary"
                onClick={() => setConfirming(false)}
              >
                {t.keep}
              </button>
            </div>
          ) : (
            <div className="button-row">
              <button
                type="button"
                className="button button-secondary"
                onClick={() => setMoving(true)}
              >
                {t.move}
              </button>
              <button
                type="button"
                className="button button-secondary"
                onClick={() => setConfirming(true)}
              >
                {t.cancel}
              </button>
            </div>
          )}
        </>
      )}
    </>
  );
}
