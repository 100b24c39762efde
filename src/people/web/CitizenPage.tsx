import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { CitizenView } from '../people.contract';
import { ApiError, asEntered, call } from '../../web/api';
import {
  ErrorSummary,
  Field,
  Loading,
  PageTitle,
  fieldError,
  formValues,
  formatDateTime,
} from '../../web/ui';
import { NotFoundPage } from '../../web/StaticPages';
import { AssessmentSection } from '../../assessment/web';
import { VisitsSection } from '../../workshops/web';
import { ReferToPilot } from '../../pilots/web';
import { LearningSection } from '../../learning/web';
import { MatchmakingSection } from '../../matching/web';
import { EducationSelect, educationText } from './EducationSelect';

export default function CitizenPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const key = ['citizen', id];
  const citizen = useQuery({
    queryKey: key,
    queryFn: () => call('GET /api/citizens/:id', { params: { id } }),
  });
  const [editing, setEditing] = useState(false);
  const [flagging, setFlagging] = useState(false);

  const save = useMutation({
    mutationFn: (request: () => Promise<CitizenView>) => request(),
    onSuccess: async (view) => {
      qc.setQueryData(key, view);
      await qc.invalidateQueries({ queryKey: ['caseload'] });
      setEditing(false);
      setFlagging(false);
    },
  });

  if (citizen.isPending) return <Loading />;
  if (citizen.error instanceof ApiError && citizen.error.status === 404) return <NotFoundPage />;
  if (!citizen.data) return <ErrorSummary error={citizen.error} />;
  const c = citizen.data;

  /** A form whose entered fields go to the server as `send` puts them. */
  function submit(send: (fields: Record<string, string>) => Promise<CitizenView>) {
    return (e: FormEvent<HTMLFormElement>) => {
      e.preventDefault();
      const form = e.currentTarget;
      const fields = formValues(form);
      save.mutate(() => send(fields), { onSuccess: () => form.reset() });
    };
  }
  const params = { id };

  const err = save.error;
  return (
    <>
      <p>
        <Link to="/borgere" className="back-link">
          {t('common.back')}
        </Link>
      </p>
      <PageTitle>
        {c.firstName} {c.lastName}
      </PageTitle>
      <p className="font-lead">
        {t('citizen.cpr')}: {c.cprMasked}
      </p>
      <ErrorSummary error={err} />

      <section className="dl-card" aria-labelledby="spotting">
        <h2 id="spotting">{t('citizen.spotting')}</h2>
        {c.digitallyVulnerable ? (
          <>
            <p>
              <span className="badge badge-warning">{t('citizen.vulnerable')}</span>{' '}
              {c.vulnerableFlaggedAt && (
                <span className="dl-meta">
                  {t('citizen.flaggedSince', {
                    date: formatDateTime(c.vulnerableFlaggedAt, i18n.language),
                  })}
                </span>
              )}
            </p>
            <p>
              <strong>{t('citizen.reason')}:</strong> {c.vulnerableReason}
            </p>
            {c.permissions.flagVulnerable && (
              <button
                type="button"
                className="button button-secondary"
                onClick={() =>
                  save.mutate(() =>
                    call('POST /api/citizens/:id/vulnerability', {
                      params,
                      body: { vulnerable: false },
                    }),
                  )
                }
              >
                {t('citizen.unflag')}
              </button>
            )}
          </>
        ) : (
          <>
            <p>{t('citizen.notVulnerable')}</p>
            {c.permissions.flagVulnerable &&
              (flagging ? (
                <form
                  onSubmit={submit((f) =>
                    call('POST /api/citizens/:id/vulnerability', {
                      params,
                      body: asEntered({ ...f, vulnerable: true }),
                    }),
                  )}
                  noValidate
                >
                  <Field
                    label={t('citizen.reason')}
                    name="reason"
                    hint={t('citizen.reasonHint')}
                    multiline
                    required
                    error={fieldError(err, 'reason')}
                  />
                  <div className="button-row">
                    <button type="submit" className="button button-primary">
                      {t('citizen.flag')}
                    </button>
                    <button
                      type="button"
                      className="button button-secondary"
                      onClick={() => setFlagging(false)}
                    >
                      {t('common.cancel')}
                    </button>
                  </div>
                </form>
              ) : (
                <button
                  type="button"
                  className="button button-primary"
                  onClick={() => setFlagging(true)}
                >
                  {t('citizen.flag')}
                </button>
              ))}
          </>
        )}
      </section>

      <section className="dl-card" aria-labelledby="contact">
        <h2 id="contact">{t('citizen.contact')}</h2>
        {editing ? (
          <form
            onSubmit={submit((f) =>
              call('PATCH /api/citizens/:id', { params, body: asEntered(f) }),
            )}
            noValidate
          >
            <Field
              label={t('citizen.email')}
              name="email"
              type="email"
              defaultValue={c.email}
              error={fieldError(err, 'email')}
            />
            <Field
              label={t('citizen.phone')}
              name="phone"
              type="tel"
              defaultValue={c.phone}
              error={fieldError(err, 'phone')}
            />
            <Field
              label={t('citizen.address')}
              name="address"
              defaultValue={c.address}
              error={fieldError(err, 'address')}
            />
            <Field
              label={t('citizen.postalCode')}
              name="postalCode"
              inputMode="numeric"
              defaultValue={c.postalCode}
              error={fieldError(err, 'postalCode')}
            />
            <Field
              label={t('citizen.city')}
              name="city"
              defaultValue={c.city}
              error={fieldError(err, 'city')}
            />
            <Field
              label={t('citizen.employmentGoal')}
              name="employmentGoal"
              defaultValue={c.employmentGoal}
              error={fieldError(err, 'employmentGoal')}
            />
            <EducationSelect
              defaultValue={c.educationLevel}
              error={fieldError(err, 'educationLevel')}
            />
            <div className="button-row">
              <button type="submit" className="button button-primary">
                {t('common.save')}
              </button>
              <button
                type="button"
                className="button button-secondary"
                onClick={() => setEditing(false)}
              >
                {t('common.cancel')}
              </button>
            </div>
          </form>
        ) : (
          <>
            <dl className="dl-dl">
              <dt>{t('citizen.birthDate')}</dt>
              <dd>{c.birthDate}</dd>
              <dt>{t('citizen.email')}</dt>
              <dd>{c.email ?? t('common.none')}</dd>
              <dt>{t('citizen.phone')}</dt>
              <dd>{c.phone ?? t('common.none')}</dd>
              <dt>{t('citizen.address')}</dt>
              <dd>
                {[c.address, [c.postalCode, c.city].filter(Boolean).join(' ')]
                  .filter(Boolean)
                  .join(', ') || t('common.none')}
              </dd>
              <dt>{t('citizen.employmentGoal')}</dt>
              <dd>{c.employmentGoal ?? t('common.none')}</dd>
              <dt>{t('citizen.educationLevel')}</dt>
              <dd>{educationText(t, c.educationLevel)}</dd>
              <dt>{t('citizen.caseworker')}</dt>
              <dd>{c.caseworker?.name ?? t('common.none')}</dd>
            </dl>
            {c.permissions.update && (
              <button
                type="button"
                className="button button-secondary"
                onClick={() => setEditing(true)}
              >
                {t('common.edit')}
              </button>
            )}
          </>
        )}
      </section>

      <AssessmentSection citizenId={c.id} />
      <VisitsSection citizenId={c.id} />
      <LearningSection citizenId={c.id} />
      <MatchmakingSection citizenId={c.id} />
      <ReferToPilot citizenId={c.id} />

      <section className="dl-card" aria-labelledby="notes">
        <h2 id="notes">{t('citizen.notes')}</h2>
        {c.notes.length === 0 && <p>{t('citizen.noNotes')}</p>}
        {c.notes.map((n) => (
          <div key={n.id} className="dl-note">
            <p className="dl-meta">
              {n.authorName}, {formatDateTime(n.createdAt, i18n.language)}
            </p>
            <p>{n.body}</p>
          </div>
        ))}
        {c.permissions.addNote && (
          <form
            onSubmit={submit((f) =>
              call('POST /api/citizens/:id/notes', { params, body: asEntered(f) }),
            )}
            noValidate
          >
            <Field
              label={t('citizen.noteLabel')}
              name="body"
              multiline
              required
              error={fieldError(err, 'body')}
            />
            <button type="submit" className="button button-primary">
              {t('citizen.addNote')}
            </button>
          </form>
        )}
      </section>
    </>
  );
}
