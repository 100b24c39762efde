import { useState, type FormEvent } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { OfferView } from '../learning.contract';
import { call } from '../../web/api';
import {
  ErrorSummary,
  Field,
  Loading,
  PageTitle,
  fieldError,
  formText,
  formatDateTime,
} from '../../web/ui';
import { EnrolmentCard } from './Enrolment';
import { OfferFields, useOfferForm } from './OfferForm';
import { competenceLabel } from './texts';

/** One offer: its facts and sessions; for its managers also the participants and waiting list. */
export default function OfferPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const offer = useQuery({
    queryKey: ['offer', id],
    queryFn: () => call('GET /api/learning/offers/:id', { params: { id } }),
  });
  const o = offer.data;
  const enrolments = useQuery({
    queryKey: ['offer-enrolments', id],
    queryFn: () => call('GET /api/learning/offers/:id/enrolments', { params: { id } }),
    enabled: !!o?.permissions.seeEnrolments,
  });
  const sites = useQuery({
    queryKey: ['sites'],
    queryFn: () => call('GET /api/sites'),
    enabled: !!o?.permissions.manage,
  });
  const [error, setError] = useState<unknown>(null);

  const refresh = () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: ['offer', id] }),
      qc.invalidateQueries({ queryKey: ['offer-enrolments', id] }),
    ]);

  async function addSession(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const data = new FormData(form);
    const local = (k: string) => {
      const v = formText(data, k);
      return v ? new Date(v).toISOString() : v;
    };
    setError(null);
    try {
      await call('POST /api/learning/offers/:id/sessions', {
        params: { id },
        body: {
          startsAt: local('startsAt'),
          endsAt: local('endsAt'),
          siteId: formText(data, 'siteId') || null,
          location: formText(data, 'location'),
        },
      });
      form.reset();
      await refresh();
    } catch (err) {
      setError(err);
    }
  }

  async function removeSession(sessionId: string) {
    setError(null);
    try {
      await call('DELETE /api/learning/offers/:id/sessions/:sessionId', {
        params: { id, sessionId },
      });
      await refresh();
    } catch (err) {
      setError(err);
    }
  }

  async function retire() {
    setError(null);
    try {
      await call('POST /api/learning/offers/:id/retire', { params: { id } });
      await refresh();
    } catch (err) {
      setError(err);
    }
  }

  if (offer.isPending) return <Loading />;
  if (!o) return <ErrorSummary error={offer.error} />;
  return (
    <>
      <PageTitle>{o.name}</PageTitle>
      <ErrorSummary error={error} />
      {o.description && <p className="font-lead">{o.description}</p>}
      <dl className="dl-dl">
        <dt>{t('learning.providerName')}</dt>
        <dd>
          {o.providerName} ({t(`learning.providerKinds.${o.providerKind}`)})
          {o.hostCvr && ` · CVR ${o.hostCvr}`}
        </dd>
        <dt>{t('learning.methodsLegend')}</dt>
        <dd>{o.methods.map((m) => t(`methods.${m}`)).join(', ')}</dd>
        <dt>{t('learning.format')}</dt>
        <dd>
          {t(`learning.formats.${o.format}`)} ·{' '}
          {t('learning.scope', { hours: o.hoursPerWeek, weeks: o.weeks })}
        </dd>
        <dt>{t('learning.liftsLegend')}</dt>
        <dd>
          {o.lifts
            .map(
              (l) =>
                `${competenceLabel(l.competence, i18n.language)} (${t('learning.levelN', { n: l.level })})`,
            )
            .join('; ')}
        </dd>
        {(o.prerequisites.length > 0 || o.prerequisitesText) && (
          <>
            <dt>{t('learning.prerequisite')}</dt>
            <dd>
              {[
                ...o.prerequisites.map(
                  (p) =>
                    `${competenceLabel(p.competence, i18n.language)} (${t('learning.levelN', { n: p.level })})`,
                ),
                o.prerequisitesText,
              ]
                .filter(Boolean)
                .join('; ')}
            </dd>
          </>
        )}
        <dt>{t('learning.languagesLegend')}</dt>
        <dd>{o.languages.map((l) => t(`learning.languages.${l}`)).join(', ')}</dd>
        <dt>{t('learning.capacity')}</dt>
        <dd>
          {t('learning.seats', { enrolled: o.enrolled, capacity: o.capacity })}
          {o.waitlisted > 0 && ` · ${t('learning.waitlisted', { n: o.waitlisted })}`}
        </dd>
        <dt>{t('learning.price')}</dt>
        <dd>{o.priceDkk.toLocaleString(i18n.language)}</dd>
        {o.mainstreaming && (
          <>
            <dt>{t('learning.mainstreaming')}</dt>
            <dd>✓</dd>
          </>
        )}
        <dt>Status</dt>
        <dd>{o.status === 'active' ? t('learning.active') : t('learning.retired')}</dd>
      </dl>

      <section className="dl-card" aria-labelledby="offer-sessions">
        <h2 id="offer-sessions">{t('learning.sessions')}</h2>
        {o.sessions.length === 0 ? (
          <p>{t('learning.noSessions')}</p>
        ) : (
          <ul>
            {o.sessions.map((s) => (
              <li key={s.id}>
                {formatDateTime(s.startsAt, i18n.language)}–
                {new Date(s.endsAt).toLocaleTimeString(i18n.language, {
                  hour: '2-digit',
                  minute: '2-digit',
                })}
                {s.place && ` · ${s.place}`}
                {o.permissions.manage && (
                  <>
                    {' '}
                    <button
                      type="button"
                      className="button button-tertiary"
                      onClick={() => void removeSession(s.id)}
                    >
                      {t('learning.removeSession')}
                      <span className="sr-only">: {formatDateTime(s.startsAt, i18n.language)}</span>
                    </button>
                  </>
                )}
              </li>
            ))}
          </ul>
        )}
        {o.permissions.manage && (
          <form noValidate onSubmit={(e) => void addSession(e)}>
            <h3 className="h5">{t('learning.addSession')}</h3>
            <Field
              label={t('learning.startsAt')}
              name="startsAt"
              type="datetime-local"
              required
              error={fieldError(error, 'startsAt')}
            />
            <Field
              label={t('learning.endsAt')}
              name="endsAt"
              type="datetime-local"
              required
              error={fieldError(error, 'endsAt')}
            />
            <div className="form-group">
              <label className="form-label" htmlFor="session-site">
                {t('learning.site')}
              </label>
              <select id="session-site" name="siteId" className="form-select">
                <option value="">{t('learning.otherPlace')}</option>
                {(sites.data ?? [])
                  .filter((s) => s.active)
                  .map((s) => (
                    <option key={s.id} value={s.id}>
                      {s.name}
                    </option>
                  ))}
              </select>
            </div>
            <Field label={t('learning.location')} name="location" />
            <button type="submit" className="button button-secondary">
              {t('learning.addSession')}
            </button>
          </form>
        )}
      </section>

      {o.permissions.seeEnrolments && (
        <section aria-labelledby="offer-enrolments">
          <h2 id="offer-enrolments">{t('learning.enrolments')}</h2>
          <ErrorSummary error={enrolments.error} />
          {(enrolments.data ?? []).length === 0 ? (
            <p>{t('learning.noEnrolments')}</p>
          ) : (
            <ul className="dl-links">
              {(enrolments.data ?? []).map((e) => (
                <EnrolmentCard
                  key={e.id}
                  enrolment={e}
                  heading={e.citizenName}
                  onChange={refresh}
                />
              ))}
            </ul>
          )}
        </section>
      )}

      {o.permissions.manage && <EditOffer offer={o} onSaved={refresh} />}

      {o.permissions.manage && (
        <p>
          <button type="button" className="button button-tertiary" onClick={() => void retire()}>
            {t('learning.retire')}
          </button>
        </p>
      )}
    </>
  );
}

/** Changing an offer; more places move the waiting list up at once. */
function EditOffer({ offer, onSaved }: { offer: OfferView; onSaved: () => Promise<unknown> }) {
  const { t } = useTranslation();
  const form = useOfferForm(offer);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setError(null);
    setSaved(false);
    try {
      await call('PUT /api/learning/offers/:id', {
        params: { id: offer.id },
        body: form.read(new FormData(e.currentTarget)),
      });
      await onSaved();
      setSaved(true);
    } catch (err) {
      setError(err);
    }
  }

  return (
    <details className="dl-card">
      <summary>{t('learning.edit')}</summary>
      <form onSubmit={(e) => void submit(e)} noValidate className="dl-form">
        <ErrorSummary error={error} />
        <OfferFields offer={offer} error={error} form={form} />
        <button type="submit" className="button button-primary">
          {t('learning.save')}
        </button>
        {saved && <p role="status">{t('learning.saved')}</p>}
      </form>
    </details>
  );
}
