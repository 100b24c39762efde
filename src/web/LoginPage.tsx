import { useState, type FormEvent } from 'react';
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

export function LoginPage() {
  const { t } = useTranslation();
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
    </div>
  );
}
