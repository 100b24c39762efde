import { useState, type FormEvent, type ReactNode } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { asEntered, call } from '../../web/api';
import {
  ErrorSummary,
  Field,
  fieldError,
  formText,
  Loading,
  numberFrom,
  PageTitle,
} from '../../web/ui';
import { digcompTitle } from '../../learning/digcomp.model';
import { ACTIVITY_KINDS, AGREEMENT_KINDS } from '../companies.constants';
import type {
  ActivityInput,
  CompanyView,
  ContactInput,
  InvitationInput,
  UnitInput,
} from '../companies.contract';
import type { RoleView } from '../job-roles.contract';
import { CompanyForm } from './CompanyNewPage';
import { useCan } from '../../web/session';

/** One company: its facts, the roles it needs, its units and people, and the service's log. */
export default function CompanyPage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const qc = useQueryClient();
  const can = useCan();
  const company = useQuery({
    queryKey: ['company', id],
    queryFn: () => call('GET /api/companies/:id', { params: { id } }),
  });
  const roles = useQuery({
    queryKey: ['company-roles', id],
    queryFn: () => call('GET /api/companies/:id/roles', { params: { id } }),
  });
  const upskilling = useQuery({
    queryKey: ['company-upskilling', id],
    queryFn: () => call('GET /api/companies/:id/upskilling', { params: { id } }),
  });
  const [error, setError] = useState<{ form: string; error: unknown } | null>(null);
  const c = company.data;
  if (company.isPending) return <Loading />;
  if (!c) return <ErrorSummary error={company.error} />;
  const lang = i18n.language === 'en' ? 'en' : 'da';

  async function send(form: string, el: HTMLFormElement, request: () => Promise<CompanyView>) {
    setError(null);
    try {
      qc.setQueryData(['company', id], await request());
      el.reset();
    } catch (err) {
      setError({ form, error: err });
    }
  }
  async function remove(form: string, request: () => Promise<CompanyView>) {
    setError(null);
    try {
      qc.setQueryData(['company', id], await request());
    } catch (err) {
      setError({ form, error: err });
    }
  }
  const errorOf = (form: string) => (error?.form === form ? error.error : null);
  const f = (form: string, path: string) => fieldError(errorOf(form), path);

  async function move(role: RoleView, to: RoleView['status']) {
    setError(null);
    try {
      await call('POST /api/job-roles/:id/status', { params: { id: role.id }, body: { to } });
      await qc.invalidateQueries({ queryKey: ['company-roles', id] });
      await qc.invalidateQueries({ queryKey: ['company', id] });
    } catch (err) {
      setError({ form: 'roles', error: err });
    }
  }

  const submit =
    (form: string, request: (data: FormData) => Promise<CompanyView>) =>
    (e: FormEvent<HTMLFormElement>) => {
      e.preventDefault();
      const el = e.currentTarget;
      void send(form, el, () => request(new FormData(el)));
    };

  return (
    <>
      <PageTitle>
        {c.name}
        {c.fictitious && ` (${t('companies.fictitious')})`}
      </PageTitle>
      {can('companyMatchmaking') && (
        <p>
          <Link to={`/virksomheder/${c.id}/arrangementer`}>{t('companies.matchmaking')}</Link>
        </p>
      )}
      <dl className="dl-dl">
        <dt>{t('companies.cvr')}</dt>
        <dd>{c.cvr}</dd>
        <dt>{t('companies.section')}</dt>
        <dd>
          {t(`companies.sections.${c.industrySection}`)} ({c.industryCode})
        </dd>
        <dt>{t('companies.sizeBand')}</dt>
        <dd>
          {c.employees ?? t(`companies.sizeBands.${c.sizeBand}`)} ·{' '}
          {c.sme ? t('companies.sme') : t('companies.large')}
        </dd>
        <dt>{t('companies.address')}</dt>
        <dd>{[c.address, `${c.postalCode} ${c.city}`.trim()].filter(Boolean).join(', ')}</dd>
      </dl>
      {c.can.edit && (
        <details className="dl-card">
          <summary>{t('companies.edit')}</summary>
          <CompanyForm
            key={c.cvr + c.name + c.industryCode + String(c.employees)}
            initial={c}
            submitLabel={t('companies.save')}
            send={async (body) => {
              qc.setQueryData(
                ['company', id],
                await call('PUT /api/companies/:id', { params: { id }, body }),
              );
            }}
          />
        </details>
      )}

      <Section title={t('companies.roles')}>
        {c.can.postRole && (
          <p>
            <Link className="button button-primary" to={`/virksomheder/${c.id}/roller/ny`}>
              {t('companies.newRole')}
            </Link>
          </p>
        )}
        <ErrorSummary error={errorOf('roles')} />
        {(roles.data ?? []).length === 0 ? (
          <p>{t('companies.noRoles')}</p>
        ) : (
          <ul className="dl-links">
            {(roles.data ?? []).map((r) => (
              <li key={r.id}>
                <h3 className="h5">{r.title}</h3>
                <p>
                  {t(`companies.roleStatus.${r.status}`)} ·{' '}
                  {t('companies.people', { count: r.people })}
                  {r.neededBy && <> · {t('companies.neededBy', { date: r.neededBy })}</>}
                  {r.occupation && <> · {r.occupation.label}</>}
                </p>
                {r.status === 'open' && can('companyMatchmaking') && (
                  <p>
                    <Link to={`/roller/${r.id}/kandidater`}>
                      {t('companies.candidates', { role: r.title })}
                    </Link>
                  </p>
                )}
                {r.competences.length > 0 && (
                  <ul>
                    {r.competences.map((x) => (
                      <li key={x.competence}>
                        {x.competence} {digcompTitle(x.competence, lang)}: {x.level}
                      </li>
                    ))}
                  </ul>
                )}
                {c.can.postRole && r.status === 'open' && (
                  <p className="dl-toolbar">
                    <button
                      type="button"
                      className="button button-secondary"
                      onClick={() => void move(r, 'filled')}
                    >
                      {t('companies.markFilled')}
                    </button>
                    <button
                      type="button"
                      className="button button-tertiary"
                      onClick={() => void move(r, 'withdrawn')}
                    >
                      {t('companies.withdraw')}
                    </button>
                  </p>
                )}
                {c.can.postRole && r.status === 'withdrawn' && (
                  <p>
                    <button
                      type="button"
                      className="button button-secondary"
                      onClick={() => void move(r, 'open')}
                    >
                      {t('companies.reopen')}
                    </button>
                  </p>
                )}
              </li>
            ))}
          </ul>
        )}
      </Section>

      <Section title={t('companies.upskilling')}>
        <p>{t('companies.upskillingIntro')}</p>
        {(upskilling.data?.offers ?? []).length === 0 ? (
          <p>{t('companies.noUpskilling')}</p>
        ) : (
          <ul className="dl-links">
            {(upskilling.data?.offers ?? []).map((o) => (
              <li key={o.id}>
                <strong>{o.name}</strong> ·{' '}
                {t('companies.course', {
                  weeks: o.weeks,
                  hours: o.hoursPerWeek,
                  provider: o.provider,
                })}{' '}
                ·{' '}
                {t('companies.lifts', {
                  list: o.lifts
                    .map((l) => `${l.competence} ${digcompTitle(l.competence, lang)}`)
                    .join(', '),
                })}
              </li>
            ))}
          </ul>
        )}
        {(upskilling.data?.pilots ?? []).length > 0 && (
          <>
            <h3 className="h5">{t('companies.openPilots')}</h3>
            <ul>
              {(upskilling.data?.pilots ?? []).map((p) => (
                <li key={p.id}>
                  {p.name} · {t('companies.pilotStarts', { date: p.startsOn })}
                </li>
              ))}
            </ul>
          </>
        )}
      </Section>

      <Section title={t('companies.units')}>
        {c.units.length === 0 ? (
          <p>{t('companies.noUnits')}</p>
        ) : (
          <ul>
            {c.units.map((u) => (
              <li key={u.id}>
                {u.pNumber} · {u.name}
                {u.city && `, ${u.city}`}
                {c.can.edit && (
                  <>
                    {' '}
                    <button
                      type="button"
                      className="button button-tertiary"
                      onClick={() =>
                        void remove('unit', () =>
                          call('DELETE /api/companies/:id/units/:unitId', {
                            params: { id, unitId: u.id },
                          }),
                        )
                      }
                    >
                      {t('companies.removeNamed', { name: u.name })}
                    </button>
                  </>
                )}
              </li>
            ))}
          </ul>
        )}
        {c.can.edit && (
          <form
            noValidate
            className="dl-form"
            aria-label={t('companies.addUnit')}
            onSubmit={submit('unit', (d) =>
              call('POST /api/companies/:id/units', {
                params: { id },
                body: asEntered<UnitInput>({
                  pNumber: formText(d, 'pNumber'),
                  name: formText(d, 'name'),
                  city: formText(d, 'city'),
                }),
              }),
            )}
          >
            <ErrorSummary error={errorOf('unit')} />
            <Field
              label={t('companies.pNumber')}
              name="pNumber"
              inputMode="numeric"
              required
              error={f('unit', 'pNumber')}
            />
            <Field label={t('companies.unitName')} name="name" required error={f('unit', 'name')} />
            <Field label={t('companies.city')} name="city" error={f('unit', 'city')} />
            <button type="submit" className="button button-secondary">
              {t('companies.addUnit')}
            </button>
          </form>
        )}
      </Section>

      <Section title={t('companies.contacts')}>
        {c.contacts.length === 0 ? (
          <p>{t('companies.noContacts')}</p>
        ) : (
          <ul>
            {c.contacts.map((x) => (
              <li key={x.id}>
                {x.name}
                {x.title && `, ${x.title}`}
                {x.email && ` · ${x.email}`}
                {x.phone && ` · ${x.phone}`}
                {c.can.edit && (
                  <>
                    {' '}
                    <button
                      type="button"
                      className="button button-tertiary"
                      onClick={() =>
                        void remove('contact', () =>
                          call('DELETE /api/companies/:id/contacts/:contactId', {
                            params: { id, contactId: x.id },
                          }),
                        )
                      }
                    >
                      {t('companies.removeNamed', { name: x.name })}
                    </button>
                  </>
                )}
              </li>
            ))}
          </ul>
        )}
        {c.can.edit && (
          <form
            noValidate
            className="dl-form"
            aria-label={t('companies.addContact')}
            onSubmit={submit('contact', (d) =>
              call('POST /api/companies/:id/contacts', {
                params: { id },
                body: asEntered<ContactInput>({
                  name: formText(d, 'name'),
                  title: formText(d, 'title'),
                  email: formText(d, 'email') || null,
                  phone: formText(d, 'phone') || null,
                }),
              }),
            )}
          >
            <ErrorSummary error={errorOf('contact')} />
            <Field
              label={t('companies.contactName')}
              name="name"
              required
              error={f('contact', 'name')}
            />
            <Field label={t('companies.contactTitle')} name="title" error={f('contact', 'title')} />
            <Field
              label={t('companies.email')}
              name="email"
              type="email"
              autoComplete="off"
              error={f('contact', 'email')}
            />
            <Field
              label={t('companies.phone')}
              name="phone"
              type="tel"
              inputMode="tel"
              error={f('contact', 'phone')}
            />
            <button type="submit" className="button button-secondary">
              {t('companies.addContact')}
            </button>
          </form>
        )}
      </Section>

      {c.can.edit && (
        <Section title={t('companies.log')}>
          {c.activities.length === 0 ? (
            <p>{t('companies.noLog')}</p>
          ) : (
            <ul>
              {c.activities.map((a) => (
                <li key={a.id}>
                  {a.on} · {t(`companies.kinds.${a.kind}`)}
                  {a.agreement &&
                    ` (${t(`companies.agreements.${a.agreement}`)}${a.places ? `, ${a.places}` : ''})`}
                  : {a.note}
                  {a.by && ` — ${a.by}`}
                </li>
              ))}
            </ul>
          )}
          <form
            noValidate
            className="dl-form"
            aria-label={t('companies.addLog')}
            onSubmit={submit('log', (d) =>
              call('POST /api/companies/:id/activities', {
                params: { id },
                body: asEntered<ActivityInput>({
                  kind: formText(d, 'kind'),
                  agreement: formText(d, 'agreement') || null,
                  places: numberFrom(d, 'places') ?? null,
                  on: formText(d, 'on'),
                  note: formText(d, 'note'),
                }),
              }),
            )}
          >
            <ErrorSummary error={errorOf('log')} />
            <Select
              label={t('companies.kind')}
              name="kind"
              options={ACTIVITY_KINDS.map((k) => [k, t(`companies.kinds.${k}`)])}
            />
            <Select
              label={t('companies.agreement')}
              name="agreement"
              error={f('log', 'agreement')}
              options={[
                ['', t('companies.noAgreement')],
                ...AGREEMENT_KINDS.map((k): [string, string] => [
                  k,
                  t(`companies.agreements.${k}`),
                ]),
              ]}
            />
            <Field
              label={t('companies.places')}
              name="places"
              inputMode="numeric"
              error={f('log', 'places')}
            />
            <Field
              label={t('companies.on')}
              name="on"
              type="date"
              required
              error={f('log', 'on')}
            />
            <Field
              label={t('companies.note')}
              name="note"
              multiline
              required
              error={f('log', 'note')}
            />
            <button type="submit" className="button button-secondary">
              {t('companies.addLog')}
            </button>
          </form>
        </Section>
      )}

      <Section title={t('companies.users')}>
        {c.users.length === 0 && c.invitations.length === 0 ? (
          <p>{t('companies.noUsers')}</p>
        ) : (
          <ul>
            {c.users.map((u) => (
              <li key={u.email}>
                {u.name} · {u.email}
              </li>
            ))}
            {c.invitations
              .filter((i) => !i.accepted)
              .map((i) => (
                <li key={i.id}>
                  {i.name} · {i.email} ·{' '}
                  {t('companies.invited', { date: i.expiresAt.slice(0, 10) })}
                </li>
              ))}
          </ul>
        )}
        {c.can.edit && (
          <form
            noValidate
            className="dl-form"
            aria-label={t('companies.invite')}
            onSubmit={submit('invite', (d) =>
              call('POST /api/companies/:id/invitations', {
                params: { id },
                body: asEntered<InvitationInput>({
                  name: formText(d, 'name'),
                  email: formText(d, 'email'),
                }),
              }),
            )}
          >
            <h3 className="h5">{t('companies.invite')}</h3>
            <p className="form-hint">{t('companies.inviteHint')}</p>
            <ErrorSummary error={errorOf('invite')} />
            <Field
              label={t('companies.inviteName')}
              name="name"
              required
              error={f('invite', 'name')}
            />
            <Field
              label={t('companies.inviteEmail')}
              name="email"
              type="email"
              autoComplete="off"
              required
              error={f('invite', 'email')}
            />
            <button type="submit" className="button button-secondary">
              {t('companies.sendInvite')}
            </button>
          </form>
        )}
      </Section>
    </>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="dl-card">
      <h2>{title}</h2>
      {children}
    </section>
  );
}

function Select(p: {
  label: string;
  name: string;
  options: readonly (readonly [string, string])[];
  error?: string | undefined;
}) {
  const id = `select-${p.name}`;
  return (
    <div className={`form-group${p.error ? ' form-error' : ''}`}>
      <label className="form-label" htmlFor={id}>
        {p.label}
      </label>
      {p.error && (
        <span className="form-error-message" id={`${id}-err`}>
          {p.error}
        </span>
      )}
      <select
        id={id}
        name={p.name}
        className="form-select"
        aria-describedby={p.error ? `${id}-err` : undefined}
      >
        {p.options.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
    </div>
  );
}
