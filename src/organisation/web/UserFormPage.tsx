import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { UserView } from '../organisation.contract';
import { ROLES } from '../../platform/auth/roles';
import { asEntered, call } from '../../web/api';
import { ErrorSummary, Field, Loading, PageTitle, fieldError, formText } from '../../web/ui';

export default function UserFormPage() {
  const { id } = useParams();
  const isNew = !id;
  const { t } = useTranslation();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const user = useQuery({
    queryKey: ['user', id],
    queryFn: () => call('GET /api/users/:id', { params: { id: id ?? '' } }),
    enabled: !isNew,
  });
  const sites = useQuery({ queryKey: ['sites'], queryFn: () => call('GET /api/sites') });
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  if (!isNew && user.isPending) return <Loading />;
  const u = user.data;

  async function send(request: () => Promise<UserView>) {
    setBusy(true);
    setError(null);
    try {
      await request();
      await qc.invalidateQueries({ queryKey: ['users'] });
      await qc.invalidateQueries({ queryKey: ['user', id] });
      await navigate('/admin/brugere');
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const d = new FormData(e.currentTarget);
    const password = formText(d, 'password', '');
    const fields = {
      name: formText(d, 'name', ''),
      email: formText(d, 'email', ''),
      roles: d.getAll('roles').map(String),
      siteId: d.get('siteId') ? formText(d, 'siteId') : null,
      locale: formText(d, 'locale', 'da'),
      ...(isNew || password ? { password } : {}),
    };
    void send(() =>
      id
        ? call('PATCH /api/users/:id', { params: { id }, body: asEntered(fields) })
        : call('POST /api/users', { body: asEntered(fields) }),
    );
  }

  return (
    <div className="dl-narrow">
      <PageTitle>{isNew ? t('admin.createUser') : t('admin.editUser')}</PageTitle>
      <ErrorSummary error={error ?? user.error} />
      <form onSubmit={onSubmit} noValidate>
        <Field
          label={t('admin.name')}
          name="name"
          required
          defaultValue={u?.name}
          error={fieldError(error, 'name')}
        />
        <Field
          label={t('admin.email')}
          name="email"
          type="email"
          required
          defaultValue={u?.email}
          autoComplete="off"
          error={fieldError(error, 'email')}
        />
        <fieldset className="form-group">
          <legend className="form-label">{t('admin.roles')}</legend>
          {fieldError(error, 'roles') && (
            <span className="form-error-message">{fieldError(error, 'roles')}</span>
          )}
          {ROLES.map((r) => (
            <div className="form-group-checkbox" key={r}>
              <input
                id={`role-${r}`}
                type="checkbox"
                className="form-checkbox"
                name="roles"
                value={r}
                defaultChecked={u?.roles.includes(r)}
              />
              <label htmlFor={`role-${r}`}>{t(`roles.${r}`)}</label>
            </div>
          ))}
        </fieldset>
        <div className="form-group">
          <label className="form-label" htmlFor="user-site">
            {t('admin.site')}
          </label>
          <select
            id="user-site"
            name="siteId"
            className="form-select"
            defaultValue={u?.siteId ?? ''}
          >
            <option value="">{t('admin.noSite')}</option>
            {(sites.data ?? []).map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </div>
        <div className="form-group">
          <label className="form-label" htmlFor="user-locale">
            {t('admin.language')}
          </label>
          <select
            id="user-locale"
            name="locale"
            className="form-select"
            defaultValue={u?.locale ?? 'da'}
          >
            <option value="da">Dansk</option>
            <option value="en">English</option>
          </select>
        </div>
        <Field
          label={isNew ? t('admin.password') : t('admin.newPassword')}
          name="password"
          type="password"
          autoComplete="new-password"
          hint={isNew ? t('admin.passwordHint') : t('admin.newPasswordHint')}
          required={isNew}
          error={fieldError(error, 'password')}
        />
        <div className="button-row">
          <button type="submit" className="button button-primary" disabled={busy}>
            {isNew ? t('common.create') : t('common.save')}
          </button>
          {u?.permissions.deactivate && (
            <button
              type="button"
              className="button button-warning"
              disabled={busy}
              onClick={() =>
                void send(() =>
                  call('PATCH /api/users/:id', {
                    params: { id: u.id },
                    body: { active: !u.active },
                  }),
                )
              }
            >
              {u.active ? t('admin.deactivate') : t('admin.reactivate')}
            </button>
          )}
          <Link to="/admin/brugere" className="button button-secondary">
            {t('common.cancel')}
          </Link>
        </div>
      </form>
    </div>
  );
}
