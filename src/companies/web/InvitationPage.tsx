import { useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { call } from '../../web/api';
import { ErrorSummary, Field, fieldError, formText, Loading, PageTitle } from '../../web/ui';

/**
 * Where an invited company user lands from the e-mail. The token is in the address's fragment,
 * which the browser never sends to a server; the page sends it in a request body.
 */
export default function InvitationPage() {
  const { t } = useTranslation();
  const token = window.location.hash.slice(1);
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const invitation = useQuery({
    queryKey: ['company-invitation', token],
    queryFn: () => call('POST /api/company-invitations/lookup', { body: { token } }),
    enabled: token.length > 0,
    retry: false,
  });

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setError(null);
    try {
      const r = await call('POST /api/company-invitations/accept', {
        body: { token, password: formText(new FormData(e.currentTarget), 'password') },
      });
      setDone(r.email);
    } catch (err) {
      setError(err);
    }
  }

  return (
    <div className="dl-narrow">
      <PageTitle>{t('invitation.title')}</PageTitle>
      {done ? (
        <>
          <p role="status">{t('invitation.done', { email: done })}</p>
          <p>
            <Link className="button button-primary" to="/login">
              {t('invitation.login')}
            </Link>
          </p>
        </>
      ) : token && invitation.isPending ? (
        <Loading />
      ) : !invitation.data ? (
        <p>{t('invitation.invalid')}</p>
      ) : (
        <form onSubmit={(e) => void submit(e)} noValidate className="dl-form">
          <p>
            {t('invitation.intro', {
              company: invitation.data.companyName,
              name: invitation.data.name,
              email: invitation.data.email,
            })}
          </p>
          <ErrorSummary error={error} />
          <input
            type="hidden"
            name="username"
            autoComplete="username"
            defaultValue={invitation.data.email}
          />
          <Field
            label={t('invitation.password')}
            hint={t('invitation.passwordHint')}
            name="password"
            type="password"
            autoComplete="new-password"
            required
            error={fieldError(error, 'password')}
          />
          <button type="submit" className="button button-primary">
            {t('invitation.accept')}
          </button>
        </form>
      )}
    </div>
  );
}
