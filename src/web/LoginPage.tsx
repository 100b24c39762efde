import { useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Navigate, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { call } from './api';
import { setLang } from './i18n';
import { useSession, useSetSession } from './session';
import { ErrorSummary, Field, PageTitle, formText } from './ui';

/** Where to go after login: only a path on this site (never another origin). */
function nextPath(): string | null {
  const next = new URLSearchParams(window.location.search).get('next');
  return next && /^\/(?!\/)[\w\-/.?=&#%]*$/.test(next) ? next : null;
}

/** Why a login through MitID or the municipality's login was refused (`?fejl=`), if it was. */
const REFUSALS = new Set([
  'mitid_unknown_citizen',
  'saml_level',
  'sso_unknown_user',
  'login_inactive',
  'sso_domain',
  'sso_unavailable',
  'sso_cancelled',
]);

function refusalOf(): string | null {
  const code = new URLSearchParams(window.location.search).get('fejl');
  if (!code) return null;
  return REFUSALS.has(code) ? code : code.startsWith('sso_') ? 'sso_failed' : 'mitid_failed';
}

/** A button per municipality offering the method, or one choice of municipality and a button. */
function ProviderLogin({
  method,
  label,
  offers,
}: {
  method: 'mitid' | 'oidc';
  label: string;
  offers: { code: string; name: string }[];
}) {
  const { t } = useTranslation();
  const next = nextPath();
  const startOf = (code: string) =>
    `/api/signin/${method}/${encodeURIComponent(code)}/start${next ? `?next=${encodeURIComponent(next)}` : ''}`;
  const [code, setCode] = useState(offers[0]?.code ?? '');
  if (offers.length === 0) return null;
  if (offers.length === 1)
    return (
      <p>
        <a
          className={`button ${method === 'mitid' ? 'button-primary' : 'button-secondary'}`}
          href={startOf(offers[0]!.code)}
        >
          {label}
        </a>
      </p>
    );
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        window.location.assign(startOf(code));
      }}
    >
      <div className="form-group">
        <label className="form-label" htmlFor={`${method}-municipality`}>
          {t('login.municipality')}
        </label>
        <select
          id={`${method}-municipality`}
          className="form-select"
          value={code}
          onChange={(e) => setCode(e.target.value)}
        >
          {offers.map((o) => (
            <option key={o.code} value={o.code}>
              {o.name}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="button button-secondary">
        {label}
      </button>
    </form>
  );
}

export function LoginPage() {
  const { t } = useTranslation();
  const methods = useQuery({
    queryKey: ['login-methods'],
    queryFn: () => call('GET /api/signin/methods'),
  });
  const refusal = refusalOf();
  const loggedOut = new URLSearchParams(window.location.search).has('logget_ud');
  const list = methods.data?.municipalities ?? [];
  const mitid = list.filter((m) => m.mitid);
  const sso = list.filter((m) => m.sso);
  const password = methods.data === undefined || list.length === 0 || list.some((m) => m.password);
  const session = useSession();
  const setSession = useSetSession();
  const navigate = useNavigate();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const next = nextPath();
  if (session.data?.user) {
    if (next) window.location.assign(next);
    return <Navigate to="/" replace />;
  }

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const v = new FormData(e.currentTarget);
      const view = await call('POST /api/auth/login', {
        body: { email: formText(v, 'email'), password: formText(v, 'password') },
      });
      if (view.user) setLang(view.user.locale);
      // The light pages (test, workshop) live outside this app: a full page load reaches them.
      if (next) {
        window.location.assign(next);
        return;
      }
      setSession(view);
      await navigate('/');
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="dl-narrow">
      <PageTitle>{t('login.title')}</PageTitle>
      {refusal && (
        <div className="alert alert-warning" role="alert">
          <div className="alert-body">
            <p className="alert-heading">{t('login.refusedTitle')}</p>
            <p className="alert-text">{t(`login.refused.${refusal}`)}</p>
          </div>
        </div>
      )}
      {loggedOut && (
        <div className="alert alert-success" role="status">
          <div className="alert-body">
            <p className="alert-text">{t('login.loggedOut')}</p>
          </div>
        </div>
      )}
      {mitid.length > 0 && (
        <section aria-labelledby="login-citizen">
          <h2 id="login-citizen">{t('login.citizenTitle')}</h2>
          <ProviderLogin method="mitid" label={t('login.mitid')} offers={mitid} />
        </section>
      )}
      {sso.length > 0 && (
        <section aria-labelledby="login-staff">
          <h2 id="login-staff">{t('login.staffTitle')}</h2>
          <ProviderLogin method="oidc" label={t('login.sso')} offers={sso} />
        </section>
      )}
      {password && (
        <section
          aria-labelledby={mitid.length > 0 || sso.length > 0 ? 'login-password' : undefined}
        >
          {(mitid.length > 0 || sso.length > 0) && (
            <h2 id="login-password">{t('login.passwordTitle')}</h2>
          )}
          <p className="font-lead">{t('login.intro')}</p>
          <ErrorSummary error={error} />
          <form onSubmit={(e) => void onSubmit(e)} noValidate>
            <Field
              label={t('login.email')}
              name="email"
              type="email"
              autoComplete="username"
              inputMode="email"
              required
            />
            <Field
              label={t('login.password')}
              name="password"
              type="password"
              autoComplete="current-password"
              required
            />
            <button type="submit" className="button button-primary" disabled={busy}>
              {busy ? t('login.busy') : t('login.submit')}
            </button>
          </form>
        </section>
      )}
    </div>
  );
}
