// The interactive practice tasks of the test: a Jobnet-like CV upload, a MitID login and a Digital
// Post inbox. Each happens on the phone and reports one outcome (0 done right, 1 not); nothing the
// citizen types here is sent.
import { useEffect, useReducer, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { ItemView } from '../../assessment.contract';
import { fill, type Messages } from './messages';
import { checkUpload, practiceCvPdf } from './practice-cv';
import {
  INBOX_START,
  LOGIN_START,
  inboxOutcome,
  inboxStep,
  loginStep,
  type LoginPractice,
} from './practice-flows';

type Outcome = 0 | 1 | null;

interface PracticeProps {
  t: Messages;
  item: ItemView;
  onOutcome: (o: Outcome) => void;
  showNeeded: boolean;
  onCannot: () => void;
}

/** Enter in a field inside the item's form would send the answer; here it takes the step. */
const onEnter = (act: () => void) => (e: KeyboardEvent) => {
  if (e.key === 'Enter') {
    e.preventDefault();
    act();
  }
};

/** Moves focus to a step's start when the step changes, so keyboard and screen readers follow. */
function useFocusOnChange<T extends HTMLElement>(key: unknown) {
  const ref = useRef<T>(null);
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    ref.current?.focus();
  }, [key]);
  return ref;
}

function TextField({
  id,
  label,
  hint,
  error,
  value,
  onChange,
  onEnterKey,
  inputMode,
}: {
  id: string;
  label: string;
  hint?: string;
  error: string | null;
  value: string;
  onChange: (v: string) => void;
  onEnterKey: () => void;
  inputMode?: 'numeric';
}) {
  const described = [hint && `${id}-hint`, error && `${id}-err`].filter(Boolean).join(' ');
  return (
    <div className={`form-group${error ? ' form-error' : ''}`}>
      <label className="form-label" htmlFor={id}>
        {label}
      </label>
      {hint && (
        <span className="form-hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
      {error && (
        <span className="form-error-message" id={`${id}-err`}>
          {error}
        </span>
      )}
      <input
        className="form-input"
        id={id}
        value={value}
        autoComplete="off"
        spellCheck={false}
        inputMode={inputMode}
        aria-describedby={described || undefined}
        aria-invalid={error ? true : undefined}
        onChange={(e) => onChange(e.currentTarget.value)}
        onKeyDown={onEnter(onEnterKey)}
      />
    </div>
  );
}

function NeededAndCannot({
  t,
  item,
  showNeeded,
  onCannot,
}: Pick<PracticeProps, 't' | 'item' | 'showNeeded' | 'onCannot'>) {
  const cannot = item.options[1]?.title ?? '';
  return (
    <>
      {showNeeded && (
        <p className="form-error-message" role="alert">
          {fill(t.practiceNeeded, { cannot })}
        </p>
      )}
      <button type="button" className="button button-secondary" onClick={onCannot}>
        {cannot}
      </button>
    </>
  );
}

/**
 * The practice MitID login: the made-up user ID, then the practice app (approve or refuse) or the
 * practice code display. Refusing a request from someone other than the service is right.
 */
export function LoginPracticeTask({
  spec,
  ...p
}: PracticeProps & { spec: LoginPractice }): ReactNode {
  const { t, item, onOutcome } = p;
  const [state, dispatch] = useReducer(
    (s: typeof LOGIN_START, e: Parameters<typeof loginStep>[2]) => loginStep(spec, s, e),
    LOGIN_START,
  );
  const [userId, setUserId] = useState('');
  const [code, setCode] = useState('');
  const focus = useFocusOnChange<HTMLDivElement>(state.step);
  useEffect(() => onOutcome(state.step === 'done' ? state.outcome : null), [state, onOutcome]);
  const id = `login-${item.key}`;

  let step: ReactNode;
  if (state.step === 'user_id') {
    const go = () => dispatch({ type: 'user_id', value: userId });
    step = (
      <>
        <TextField
          id={`${id}-user`}
          label={t.loginUserId}
          hint={t.loginUserIdHint}
          error={
            state.error === 'user_id_empty'
              ? t.loginUserIdEmpty
              : state.error === 'user_id_wrong'
                ? t.loginUserIdWrong
                : null
          }
          value={userId}
          onChange={setUserId}
          onEnterKey={go}
        />
        <button type="button" className="button button-primary" onClick={go}>
          {t.loginContinue}
        </button>
      </>
    );
  } else if (state.step === 'app') {
    step = (
      <>
        <p>{t.loginOpenApp}</p>
        <section className="dl-device" aria-labelledby={`${id}-app`}>
          <p className="dl-device-title" id={`${id}-app`}>
            {t.loginApp}
          </p>
          <p>
            <strong>{t.loginRequest}</strong>
            <br />
            {fill(t.loginRequester, { name: spec.requester })}
          </p>
          <div className="button-row">
            <button
              type="button"
              className="button button-primary"
              onClick={() => dispatch({ type: 'approve' })}
            >
              {t.loginApprove}
            </button>
            <button
              type="button"
              className="button button-secondary"
              onClick={() => dispatch({ type: 'refuse' })}
            >
              {t.loginRefuse}
            </button>
          </div>
        </section>
      </>
    );
  } else if (state.step === 'code') {
    const go = () => dispatch({ type: 'code', value: code });
    step = (
      <>
        <section className="dl-device" aria-labelledby={`${id}-device`}>
          <p className="dl-device-title" id={`${id}-device`}>
            {t.loginDevice}
          </p>
          <p>
            {t.loginDeviceShows} <span className="dl-device-code">{spec.code}</span>
          </p>
        </section>
        <TextField
          id={`${id}-code`}
          label={t.loginCode}
          hint={t.loginCodeHint}
          inputMode="numeric"
          error={
            state.error === 'code_format'
              ? t.loginCodeFormat
              : state.error === 'code_wrong'
                ? t.loginCodeWrong
                : null
          }
          value={code}
          onChange={setCode}
          onEnterKey={go}
        />
        <button type="button" className="button button-primary" onClick={go}>
          {t.loginSubmit}
        </button>
      </>
    );
  } else {
    step = null;
  }

  return (
    <>
      <p className="dl-prompt">{item.prompt}</p>
      <div className="dl-login">
        <p className="dl-login-title">{fill(t.loginPage, { service: spec.service })}</p>
        <div ref={focus} tabIndex={-1} className="dl-step">
          {step}
        </div>
        <p role="status">
          {state.step === 'done'
            ? state.approved
              ? fill(t.loginDone, { service: spec.service })
              : t.loginRefused
            : ''}
        </p>
      </div>
      {state.step !== 'done' && <NeededAndCannot {...p} />}
    </>
  );
}

/** The practice Digital Post inbox: open letters, answer the one that asks for a reply. */
export function InboxPracticeTask({
  inbox,
  ...p
}: PracticeProps & { inbox: NonNullable<ItemView['inbox']> }): ReactNode {
  const { t, item, onOutcome } = p;
  const [state, dispatch] = useReducer(inboxStep, INBOX_START);
  const [text, setText] = useState('');
  const focus = useFocusOnChange<HTMLDivElement>(`${state.open}-${state.replying}`);
  useEffect(() => onOutcome(inboxOutcome(state, inbox.answer)), [state, inbox.answer, onOutcome]);
  const id = `inbox-${item.key}`;
  const letter = state.open === null ? null : inbox.letters[state.open];
  const replyId = `${id}-reply`;

  let view: ReactNode;
  if (!letter) {
    view = (
      <>
        <h2 className="h4">{t.inboxTitle}</h2>
        <ul className="dl-inbox" role="list">
          {inbox.letters.map((l, i) => (
            <li key={i}>
              <button
                type="button"
                className="dl-inbox-letter"
                onClick={() => dispatch({ type: 'open', letter: i })}
              >
                <span className="dl-option-meta">
                  {l.from} · {l.date}
                  {state.sent.includes(i) && ` · ${t.inboxAnswered}`}
                </span>
                <span className="dl-option-title">{l.subject}</span>
              </button>
            </li>
          ))}
        </ul>
      </>
    );
  } else {
    const send = () => {
      dispatch({ type: 'send', text });
      if (text.trim().length >= 2) setText('');
    };
    view = (
      <article className="dl-letter">
        <h2 className="h4">{letter.subject}</h2>
        <p className="dl-option-meta">
          {fill(t.inboxFrom, { from: letter.from })} · {letter.date}
        </p>
        <p>{letter.body}</p>
        {state.replying ? (
          <>
            <div className={`form-group${state.error ? ' form-error' : ''}`}>
              <label className="form-label" htmlFor={replyId}>
                {t.inboxReplyLabel}
              </label>
              {state.error && (
                <span className="form-error-message" id={`${replyId}-err`}>
                  {t.inboxReplyEmpty}
                </span>
              )}
              <textarea
                className="form-input"
                id={replyId}
                rows={3}
                value={text}
                aria-describedby={state.error ? `${replyId}-err` : undefined}
                aria-invalid={state.error ? true : undefined}
                onChange={(e) => setText(e.currentTarget.value)}
              />
            </div>
            <div className="button-row">
              <button type="button" className="button button-primary" onClick={send}>
                {t.inboxSend}
              </button>
              <button
                type="button"
                className="button button-secondary"
                onClick={() => dispatch({ type: 'open', letter: state.open ?? 0 })}
              >
                {t.inboxCancel}
              </button>
            </div>
          </>
        ) : (
          <div className="button-row">
            <button
              type="button"
              className="button button-primary"
              onClick={() => dispatch({ type: 'reply' })}
            >
              {t.inboxReply}
            </button>
            <button
              type="button"
              className="button button-secondary"
              onClick={() => dispatch({ type: 'back' })}
            >
              {t.inboxBack}
            </button>
          </div>
        )}
      </article>
    );
  }
  const lastSent = state.sent.length > 0 && state.open === state.sent.at(-1) && !state.replying;
  return (
    <>
      <p className="dl-prompt">{item.prompt}</p>
      <div ref={focus} tabIndex={-1} className="dl-step">
        {view}
      </div>
      <p role="status">{lastSent ? t.inboxSent : ''}</p>
      {state.sent.length === 0 && <NeededAndCannot {...p} />}
    </>
  );
}

/**
 * The Jobnet-like CV form: fetch the practice CV, then attach it with the device's own file
 * picker. The file is checked here and never sent; the answer says only whether it worked.
 */
export function UploadPractice({
  t,
  item,
  spec,
  attached,
  onAttached,
  showNeeded,
  onCannot,
}: {
  t: Messages;
  item: ItemView;
  spec: { accept: string[]; maxKb: number };
  attached: boolean;
  onAttached: (ok: boolean) => void;
  showNeeded: boolean;
  onCannot: () => void;
}) {
  const [href, setHref] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [fileName, setFileName] = useState<string | null>(null);
  useEffect(() => {
    const pdf = practiceCvPdf(['Oevelses-CV', 'Anna Proevesen', 'Jobmaal: Lagermedarbejder']);
    const url = URL.createObjectURL(new Blob([pdf], { type: 'application/pdf' }));
    setHref(url);
    return () => URL.revokeObjectURL(url);
  }, []);
  const id = `upload-${item.key}`;
  const types = spec.accept.join(', ');
  const mb = String(Math.round((spec.maxKb / 1024) * 10) / 10).replace('.', ',');
  const cannot = item.options[1]?.title ?? '';
  const error = problem ?? (showNeeded ? fill(t.uploadNeeded, { cannot }) : null);
  return (
    <>
      <p className="dl-prompt">{item.prompt}</p>
      {href && (
        <p>
          <a href={href} download="Oevelses-CV.pdf">
            {t.uploadGet}
          </a>
        </p>
      )}
      <div className={`form-group${error ? ' form-error' : ''}`}>
        <label className="form-label" htmlFor={id}>
          {t.uploadLabel}
        </label>
        <span className="form-hint" id={`${id}-hint`}>
          {fill(t.uploadHint, { types, mb })}
        </span>
        {error && (
          <span className="form-error-message" id={`${id}-err`}>
            {error}
          </span>
        )}
        <input
          type="file"
          id={id}
          accept={spec.accept.join(',')}
          aria-describedby={`${id}-hint${error ? ` ${id}-err` : ''}`}
          aria-invalid={error ? true : undefined}
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            if (!file) {
              setFileName(null);
              setProblem(null);
              onAttached(false);
              return;
            }
            const check = checkUpload(file, spec);
            setProblem(
              check === 'type'
                ? fill(t.uploadType, { types })
                : check === 'size'
                  ? fill(t.uploadSize, { mb })
                  : null,
            );
            setFileName(check === 'ok' ? file.name : null);
            onAttached(check === 'ok');
          }}
        />
      </div>
      <p role="status" className="dl-meta">
        {attached && fileName ? fill(t.uploadDone, { name: fileName }) : ''}
      </p>
      <button type="button" className="button button-secondary" onClick={onCannot}>
        {cannot}
      </button>
    </>
  );
}
