import { useCallback, useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { HelpView, ItemView, ResultView, TestView } from '../../assessment.contract';
import { ApiError, call } from '../../../web/api';
import { MESSAGES, fill, type Messages } from './messages';
import { ErrorBox, Heading } from '../../../web/light';
import { InboxPracticeTask, LoginPracticeTask, UploadPractice } from './practices';
import { initialPageLang, storeLang, type PageLang } from '../../../web/lang';
import { LanguagePicker } from '../../../web/LanguagePicker';
import { INTL_LOCALES } from '../../../platform/i18n/languages.constants';
import { TEST_LANGS } from '../../assessment.constants';
import { ReadAloud } from '../../../web/read-aloud';
import { Icon } from '../../../web/icons';

export function TestApp() {
  const [lang, setLangState] = useState<PageLang>(() => initialPageLang(TEST_LANGS));
  const t = MESSAGES[lang];
  const [view, setView] = useState<TestView | null>(null);
  const [loaded, setLoaded] = useState(false);
  const [citizenLoggedIn, setCitizenLoggedIn] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [paused, setPaused] = useState(false);
  const [help, setHelp] = useState<HelpView['places'] | null>(null);

  const load = useCallback(async () => {
    // Whether a citizen is logged in decides the start button and the re-test on the result.
    const session = call('GET /api/auth/session').catch(() => ({ user: null }));
    try {
      setView(await call('GET /api/tests/current'));
    } catch (err) {
      if (!(err instanceof ApiError && [401, 403, 404].includes(err.status))) setError(err);
      setView(null);
    } finally {
      setCitizenLoggedIn(!!(await session).user?.capabilities.includes('ownTest'));
      setLoaded(true);
    }
  }, []);

  useEffect(() => {
    // Remembered at once, so the server answers (and chooses items) in the language shown.
    storeLang(lang);
    document.title = `${t.title} – Digiløft`;
  }, [lang, t.title]);

  useEffect(() => {
    void load();
  }, [load]);

  function switchLang(next: PageLang) {
    storeLang(next);
    setLangState(next);
    void load();
  }

  async function act(request: () => Promise<TestView>) {
    setError(null);
    try {
      setView(await request());
      return true;
    } catch (err) {
      setError(err);
      return false;
    }
  }

  /** Where the workshops are and when they open; the test (if running) pauses meanwhile. */
  const askForHelp = () =>
    act(async () => {
      const res = await call('POST /api/tests/help');
      setHelp(res.places);
      return res.test;
    });

  let screen: ReactNode = null;
  if (!loaded) screen = <p aria-live="polite">…</p>;
  else if (!view) screen = <StartScreen t={t} citizen={citizenLoggedIn} act={act} />;
  else if (help)
    screen = (
      <HelpScreen
        t={t}
        lang={lang}
        places={help}
        finishing={view.step.kind === 'result'}
        onResume={() => setHelp(null)}
      />
    );
  else if (paused) screen = <PausedScreen t={t} onResume={() => setPaused(false)} />;
  else if (view.step.kind === 'consent') screen = <ConsentScreen t={t} act={act} />;
  else if (view.step.kind === 'item') {
    screen = (
      <ItemScreen
        key={view.step.item.key}
        t={t}
        item={view.step.item}
        act={act}
        onPause={async () => {
          if (await act(() => call('POST /api/tests/pause'))) setPaused(true);
        }}
      />
    );
  } else if (view.step.kind === 'result')
    screen = (
      <ResultScreen
        t={t}
        result={view.step.result}
        language={view.language}
        canContinue={view.step.canContinue}
        onFindWorkshop={() => void askForHelp()}
        act={act}
        retake={citizenLoggedIn && view.linkedToCitizen}
      />
    );
  else screen = <WithdrawnScreen t={t} />;

  return (
    <>
      <header className="dl-header">
        <div className="container dl-header-inner">
          <a href="/" className="dl-brand">
            Digiløft
          </a>
        </div>
      </header>
      <div className="container dl-test">
        <LanguagePicker lang={lang} offered={TEST_LANGS} label={t.language} onChange={switchLang} />
      </div>
      <main id="main-content" className="container dl-main dl-test">
        {loaded && (
          <ReadAloud
            // Each screen is read from its start; a new one stops the old reading.
            key={`${view?.step.kind ?? 'start'}-${view?.step.kind === 'item' ? view.step.item.key : ''}-${String(paused)}`}
            lang={lang}
            label={t.readAloud}
            stopLabel={t.stopReading}
          />
        )}
        <ErrorBox error={error} title={t.error} />
        {screen}
        {view &&
          !help &&
          !paused &&
          (view.step.kind === 'item' || view.step.kind === 'consent') && (
            <p className="dl-mt">
              <button
                type="button"
                className="button button-tertiary dl-help-button"
                onClick={() => void askForHelp()}
              >
                <Icon name="question" />
                {t.helpButton}
              </button>
            </p>
          )}
      </main>
    </>
  );
}

/** A text by a key from the server (a practice kind, an area, a basic); the key if unknown. */
function textFor(texts: Record<string, string>, key: string): string {
  return texts[key] ?? key;
}

type Act = (request: () => Promise<TestView>) => Promise<boolean>;

function StartScreen({ t, citizen, act }: { t: Messages; citizen: boolean; act: Act }) {
  const [code, setCode] = useState('');
  useEffect(() => {
    // A QR code carries the code in the fragment, which never reaches a server log.
    const m = /kode=([A-Za-z0-9-]+)/.exec(window.location.hash);
    if (m) {
      setCode(m[1]!);
      history.replaceState(null, '', window.location.pathname);
    }
  }, []);
  return (
    <>
      <Heading id="start">{t.title}</Heading>
      <p className="font-lead">{t.intro}</p>
      {citizen && (
        <p>
          <button
            type="button"
            className="button button-primary"
            onClick={() => void act(() => call('POST /api/tests/start'))}
          >
            {t.loggedInStart}
          </button>
        </p>
      )}
      <form
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          void act(() => call('POST /api/tests/code', { body: { code } }));
        }}
        noValidate
      >
        <div className="form-group">
          <label className="form-label" htmlFor="test-code">
            {t.codeLabel}
          </label>
          <span className="form-hint" id="test-code-hint">
            {t.codeHint}
          </span>
          <input
            id="test-code"
            className="form-input"
            value={code}
            onChange={(e) => setCode(e.target.value)}
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            aria-describedby="test-code-hint"
            required
          />
        </div>
        <button type="submit" className="button button-primary">
          {t.start}
        </button>
      </form>
      {!citizen && (
        <p className="dl-mt">
          {t.orLogin} <a href="/login?next=%2Ftest">{t.login}</a>
        </p>
      )}
    </>
  );
}

function ConsentScreen({ t, act }: { t: Messages; act: Act }) {
  const [checked, setChecked] = useState(false);
  const [tried, setTried] = useState(false);
  return (
    <>
      <Heading id="consent">{t.consentTitle}</Heading>
      <ul>
        {t.consentText.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <form
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          setTried(true);
          if (checked) void act(() => call('POST /api/tests/consent', { body: { consent: true } }));
        }}
        noValidate
      >
        <div className={`form-group-checkbox${tried && !checked ? ' form-error' : ''}`}>
          <input
            id="consent"
            type="checkbox"
            className="form-checkbox"
            checked={checked}
            onChange={(e) => setChecked(e.target.checked)}
            aria-describedby={tried && !checked ? 'consent-err' : undefined}
          />
          <label htmlFor="consent">{t.consentCheck}</label>
        </div>
        {tried && !checked && (
          <span className="form-error-message" id="consent-err">
            {t.consentNeeded}
          </span>
        )}
        <p>
          <button type="submit" className="button button-primary">
            {t.consentGo}
          </button>
        </p>
      </form>
    </>
  );
}

function ItemScreen({
  t,
  item,
  act,
  onPause,
}: {
  t: Messages;
  item: ItemView;
  act: Act;
  onPause: () => Promise<void>;
}) {
  const [choice, setChoice] = useState<number | null>(null);
  const [tried, setTried] = useState(false);
  const shownAt = useRef(performance.now());
  const practice = item.type === 'simulation' && item.kind ? item.kind : null;
  const name = `answer-${item.key}`;

  const options = (
    <fieldset
      className={tried && choice === null ? 'form-error' : undefined}
      aria-describedby={tried && choice === null ? 'answer-err' : undefined}
    >
      <legend className="dl-prompt">
        {item.type === 'self_rating' && <span className="dl-meta">{t.selfRatingIntro} </span>}
        {item.prompt}
      </legend>
      {tried && choice === null && (
        <span className="form-error-message" id="answer-err">
          {t.choose}
        </span>
      )}
      <ul className="dl-options" role="list">
        {item.options.map((o, i) => (
          <li key={i} className={practice ? 'dl-card-option' : undefined}>
            <input
              type="radio"
              className="form-radio"
              id={`${name}-${i}`}
              name={name}
              checked={choice === i}
              onChange={() => setChoice(i)}
            />
            <label htmlFor={`${name}-${i}`}>
              <span className="dl-option-title">{o.title}</span>
              {o.meta && <span className="dl-option-meta">{o.meta}</span>}
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );

  const send = (answer: number) =>
    void act(() =>
      call('POST /api/tests/answer', {
        body: {
          itemKey: item.key,
          answer,
          timeMs: Math.round(performance.now() - shownAt.current),
        },
      }),
    );
  const needed = tried && choice === null;
  const practiceProps = {
    t,
    item,
    onOutcome: setChoice,
    showNeeded: needed,
    onCannot: () => send(1),
  };
  const body = item.upload ? (
    <UploadPractice
      t={t}
      item={item}
      spec={item.upload}
      attached={choice === 0}
      onAttached={(ok) => setChoice(ok ? 0 : null)}
      showNeeded={needed}
      onCannot={() => send(1)}
    />
  ) : item.login ? (
    <LoginPracticeTask spec={item.login} {...practiceProps} />
  ) : item.inbox ? (
    <InboxPracticeTask inbox={item.inbox} {...practiceProps} />
  ) : (
    options
  );

  return (
    <form
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        setTried(true);
        if (choice === null) return;
        send(choice);
      }}
      noValidate
    >
      <Heading id={item.key}>{fill(t.question, { n: item.position + 1 })}</Heading>
      {practice ? (
        <section
          className={`dl-practice dl-practice--${practice}`}
          aria-label={textFor(t.kinds, practice)}
        >
          <p className="dl-practice-bar">{textFor(t.kinds, practice)}</p>
          <p className="dl-practice-warning">{t.practice}</p>
          {body}
        </section>
      ) : (
        body
      )}
      <div className="button-row dl-mt">
        <button type="submit" className="button button-primary dl-icon-button">
          {t.next} <Icon name="arrow" />
        </button>
        <button
          type="button"
          className="button button-secondary dl-icon-button"
          onClick={() => void onPause()}
        >
          <Icon name="pause" /> {t.pause}
        </button>
      </div>
    </form>
  );
}

function HelpScreen({
  t,
  lang,
  places,
  finishing,
  onResume,
}: {
  t: Messages;
  lang: PageLang;
  places: HelpView['places'];
  /** Asked from a result that stopped undecided: the workshop is where to finish the test. */
  finishing: boolean;
  onResume: () => void;
}) {
  const dayName = (day: string) =>
    new Intl.DateTimeFormat(INTL_LOCALES[lang], {
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      timeZone: 'UTC',
    }).format(new Date(`${day}T12:00:00Z`));
  return (
    <>
      <Heading id="help">{t.helpTitle}</Heading>
      <p>{finishing ? t.helpFinishText : t.helpText}</p>
      {places.length === 0 && <p>{t.helpNone}</p>}
      <ul className="dl-places" role="list">
        {places.map((p) => {
          const n = p.next;
          const when = !n
            ? t.notOpenSoon
            : n.now
              ? fill(t.openNow, { to: n.to })
              : n.today
                ? fill(t.openToday, { from: n.from, to: n.to })
                : fill(t.openOn, { day: dayName(n.day), from: n.from, to: n.to });
          return (
            <li key={p.id}>
              <h2>{p.name}</h2>
              <p>
                {p.address}, {p.postalCode} {p.city}
              </p>
              <p>
                <strong>{when}</strong>
              </p>
              <p className="button-row">
                {n?.now && (
                  <a className="button button-secondary" href={`/vaerksted/${p.id}/tjek-ind`}>
                    {t.checkIn}
                  </a>
                )}
                <a className="button button-secondary" href={`/vaerksted/${p.id}/book`}>
                  {t.book}
                </a>
              </p>
            </li>
          );
        })}
      </ul>
      <button type="button" className="button button-primary" onClick={onResume}>
        {finishing ? t.backToResult : t.resume}
      </button>
    </>
  );
}

function PausedScreen({ t, onResume }: { t: Messages; onResume: () => void }) {
  return (
    <>
      <Heading id="paused">{t.pausedTitle}</Heading>
      <p>{t.pausedText}</p>
      <button type="button" className="button button-primary" onClick={onResume}>
        {t.resume}
      </button>
    </>
  );
}

function ResultScreen({
  t,
  result,
  language,
  canContinue,
  onFindWorkshop,
  act,
  retake,
}: {
  t: Messages;
  result: ResultView;
  language: string;
  canContinue: boolean;
  onFindWorkshop: () => void;
  act: Act;
  retake: boolean;
}) {
  const [confirm, setConfirm] = useState(false);
  const group = result.group;
  return (
    <>
      <Heading id="result">{t.resultTitle}</Heading>
      {canContinue && (
        // Stopped undecided at the cap: say so before the best guess, and offer to go on.
        <div className="alert alert-info dl-uncertain">
          <div className="alert-body">
            <h2 className="alert-heading">{t.uncertainTitle}</h2>
            <p className="alert-text">{fill(t.uncertainText, { questions: result.items })}</p>
            <div className="button-row">
              <button
                type="button"
                className="button button-primary"
                onClick={() => void act(() => call('POST /api/tests/continue'))}
              >
                {t.continueTest}
              </button>
              <button type="button" className="button button-secondary" onClick={onFindWorkshop}>
                {t.findWorkshop}
              </button>
            </div>
          </div>
        </div>
      )}
      <div className="dl-result-group">
        <h2>{t.group[group]}</h2>
        <p>{t.groupText[group]}</p>
      </div>
      <p>{fill(t.takenIn, { language: t.languageNames[language] ?? language })}</p>

      <h2>{t.areasTitle}</h2>
      <ul className="dl-levels" role="list">
        {result.areas.map((a) => {
          const label = textFor(t.areas, a.area);
          const text =
            a.level === null
              ? t.areaNone
              : a.level === 0
                ? t.areaBelow
                : fill(t.areaLevel, { level: a.level });
          return (
            <li key={a.area}>
              <span className="dl-level-label" id={`area-${a.area}`}>
                {label}
              </span>
              <meter
                min={0}
                max={6}
                value={a.level ?? 0}
                aria-labelledby={`area-${a.area}`}
                aria-describedby={`area-${a.area}-text`}
              />
              <span className="dl-level-text" id={`area-${a.area}-text`}>
                {text}
              </span>
            </li>
          );
        })}
      </ul>

      <h2>{t.basicsTitle}</h2>
      <table className="table table--compact">
        <caption className="sr-only">{t.basicsTitle}</caption>
        <thead>
          <tr>
            {t.basicsCols.map((c, i) => (
              <th key={i} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {result.basics.map((b) => (
            <tr key={b.topic}>
              <th scope="row">{textFor(t.basics, b.topic)}</th>
              <td>{b.shown === 'can' ? t.can : t.cantYet}</td>
              <td>{b.selfRating === null ? t.noRating : t.ratings[b.selfRating]}</td>
            </tr>
          ))}
        </tbody>
      </table>

      {retake && (
        <div className="dl-mt">
          <p>{t.retakeText}</p>
          <button
            type="button"
            className="button button-primary"
            onClick={() => void act(() => call('POST /api/tests/start'))}
          >
            {t.retake}
          </button>
        </div>
      )}

      <div className="dl-mt">
        {confirm ? (
          <div className="alert alert-warning" role="alert">
            <div className="alert-body">
              <p className="alert-text">{t.withdrawConfirm}</p>
              <div className="button-row">
                <button
                  type="button"
                  className="button button-warning"
                  onClick={() => void act(() => call('POST /api/tests/withdraw'))}
                >
                  {t.withdrawYes}
                </button>
                <button
                  type="button"
                  className="button button-secondary"
                  onClick={() => setConfirm(false)}
                >
                  {t.cancel}
                </button>
              </div>
            </div>
          </div>
        ) : (
          <button
            type="button"
            className="button button-secondary"
            onClick={() => setConfirm(true)}
          >
            {t.withdraw}
          </button>
        )}
      </div>
    </>
  );
}

function WithdrawnScreen({ t }: { t: Messages }) {
  return (
    <>
      <Heading id="withdrawn">{t.withdrawnTitle}</Heading>
      <p>{t.withdrawnText}</p>
      <a href="/">{t.home}</a>
    </>
  );
}
