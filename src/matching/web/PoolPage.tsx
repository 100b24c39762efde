import { useState, type FormEvent } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { asEntered, call, href, type Answer } from '../../web/api';
import type { ProfileInput } from '../pool.contract';
import { ErrorSummary, Field, formText, Loading, PageTitle } from '../../web/ui';
import { digcompTitle } from '../../learning/digcomp.model';

type Profile = Answer<'GET /api/me/candidate-profile'>;
const KEY = ['me', 'candidate-profile'];
const list = (text: string) =>
  text
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);

/** The citizen's side of the candidate pool (phone first): consent, profile, requests, jobs. */
export default function PoolPage() {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const q = useQuery({ queryKey: KEY, queryFn: () => call('GET /api/me/candidate-profile') });
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState('');

  async function act(run: () => Promise<Profile>, message: string) {
    setError(null);
    setNotice('');
    try {
      qc.setQueryData(KEY, await run());
      setNotice(message);
    } catch (err) {
      setError(err);
    }
  }

  if (q.isPending) return <Loading />;
  if (!q.data) return <ErrorSummary error={q.error} />;
  const p = q.data;
  const lang = i18n.language === 'en' ? 'en' : 'da';

  function save(ev: FormEvent<HTMLFormElement>) {
    ev.preventDefault();
    const data = new FormData(ev.currentTarget);
    void act(
      () =>
        call('PUT /api/me/candidate-profile', {
          body: asEntered<ProfileInput>({
            consent: data.get('consent') === 'on',
            pitch: formText(data, 'pitch'),
            languages: list(formText(data, 'languages')),
            workAreas: list(formText(data, 'workAreas')),
          }),
        }),
      t('pool.saved'),
    );
  }

  function upload(ev: FormEvent<HTMLFormElement>) {
    ev.preventDefault();
    const file = (new FormData(ev.currentTarget).get('cv') as File | null) ?? null;
    if (!file || file.size === 0) return;
    void act(async () => {
      const res = await fetch(
        href('PUT /api/me/candidate-profile/cv', { query: { name: file.name } }),
        { method: 'PUT', headers: { 'content-type': 'application/pdf' }, body: file },
      );
      if (!res.ok) {
        const body = (await res.json().catch(() => null)) as {
          error?: { message?: string };
        } | null;
        throw new Error(body?.error?.message ?? String(res.status));
      }
      return (await res.json()) as Profile;
    }, t('pool.saved'));
  }

  return (
    <>
      <PageTitle>{t('pool.title')}</PageTitle>
      <p>{t('pool.intro')}</p>
      <ErrorSummary error={error} />
      {notice && (
        <div className="alert alert-success" role="status">
          <p className="alert-text">{notice}</p>
        </div>
      )}

      {p.requests.length > 0 && (
        <section aria-labelledby="pool-requests">
          <h2 id="pool-requests">{t('pool.requests')}</h2>
          <ul className="dl-agenda">
            {p.requests.map((r) => (
              <li key={r.id}>
                {t('pool.request', { company: r.company, role: r.role })}
                <br />
                <em>{t(`pool.statuses.${r.status}`)}</em>
                {r.status === 'pending' && (
                  <p>
                    <button
                      type="button"
                      className="button button-primary"
                      onClick={() =>
                        void act(
                          () =>
                            call('POST /api/me/contact-requests/:id', {
                              params: { id: r.id },
                              body: { answer: 'accept' },
                            }),
                          t('pool.statuses.accepted'),
                        )
                      }
                    >
                      {t('pool.accept')}
                    </button>{' '}
                    <button
                      type="button"
                      className="button button-tertiary"
                      onClick={() =>
                        void act(
                          () =>
                            call('POST /api/me/contact-requests/:id', {
                              params: { id: r.id },
                              body: { answer: 'decline' },
                            }),
                          t('pool.statuses.declined'),
                        )
                      }
                    >
                      {t('pool.decline')}
                    </button>
                  </p>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}

      <h2>{t('pool.what')}</h2>
      <p>{t('pool.whatList')}</p>
      {p.inPool && p.consentedAt && (
        <p>
          {t('pool.inPool', {
            day: new Date(p.consentedAt).toLocaleDateString(lang === 'en' ? 'en-GB' : 'da-DK'),
          })}
        </p>
      )}
      <form onSubmit={save} noValidate>
        <Field name="pitch" multiline label={t('pool.pitch')} defaultValue={p.pitch} />
        <Field name="languages" label={t('pool.languages')} defaultValue={p.languages.join(', ')} />
        <Field name="workAreas" label={t('pool.workAreas')} defaultValue={p.workAreas.join(', ')} />
        <div className="form-group-checkbox">
          <input
            type="checkbox"
            className="form-checkbox"
            id="pool-consent"
            name="consent"
            defaultChecked={p.inPool}
          />
          <label htmlFor="pool-consent">{t('pool.consent')}</label>
        </div>
        <button type="submit" className="button button-primary">
          {p.inPool ? t('pool.save') : t('pool.join')}
        </button>
      </form>

      {p.inPool && (
        <>
          <form onSubmit={upload}>
            <div className="form-group">
              <label className="form-label" htmlFor="pool-cv">
                {t('pool.cv')}
              </label>
              {p.cvName && <span className="form-hint">{t('pool.cvNow', { name: p.cvName })}</span>}
              <input
                id="pool-cv"
                name="cv"
                type="file"
                accept="application/pdf"
                className="form-input"
              />
            </div>
            <button type="submit" className="button button-secondary">
              {t('pool.upload')}
            </button>
          </form>

          <h2>{t('pool.roles')}</h2>
          {p.roles.length === 0 ? (
            <p>{t('pool.noRoles')}</p>
          ) : (
            <ul className="dl-agenda">
              {p.roles.map((r) => (
                <li key={r.id}>
                  <strong>{r.title}</strong>, {r.company} ·{' '}
                  {t('pool.score', { pct: Math.round(r.explanation.score * 100) })}
                  {r.explanation.fits.length > 0 && (
                    <>
                      <br />
                      {t('pool.fits')}:{' '}
                      {r.explanation.fits.map((f) => digcompTitle(f.competence, lang)).join(', ')}
                    </>
                  )}
                  {r.explanation.missing.length > 0 && (
                    <>
                      <br />
                      {t('pool.missing')}:{' '}
                      {r.explanation.missing
                        .map(
                          (g) =>
                            `${digcompTitle(g.competence, lang)}${g.closedBy ? ` (${t('pool.closedBy', { name: g.closedBy.name })})` : ''}`,
                        )
                        .join(', ')}
                    </>
                  )}
                </li>
              ))}
            </ul>
          )}
          <p>
            <button
              type="button"
              className="button button-tertiary"
              onClick={() =>
                void act(() => call('DELETE /api/me/candidate-profile'), t('pool.left'))
              }
            >
              {t('pool.leave')}
            </button>
          </p>
        </>
      )}
    </>
  );
}
