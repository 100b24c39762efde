import { Link, useSearchParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { call } from '../../web/api';
import {
  ErrorSummary,
  Loading,
  PageTitle,
  formatDateTime,
  TableWrap,
  formText,
} from '../../web/ui';

export default function UsersPage() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const inactive = params.get('inaktive') === '1';
  const users = useQuery({
    queryKey: ['users', q, inactive],
    queryFn: () =>
      call('GET /api/users', {
        query: { q: q || undefined, includeInactive: inactive ? 'true' : undefined },
      }),
  });

  return (
    <>
      <PageTitle>{t('admin.usersTitle')}</PageTitle>
      <p>
        <Link to="/admin/brugere/ny" className="button button-primary">
          {t('admin.createUser')}
        </Link>
      </p>
      <form
        role="search"
        className="dl-toolbar"
        onSubmit={(e) => {
          e.preventDefault();
          const d = new FormData(e.currentTarget);
          const next = new URLSearchParams();
          const term = formText(d, 'q', '').trim();
          if (term) next.set('q', term);
          if (d.get('inaktive') === 'on') next.set('inaktive', '1');
          setParams(next);
        }}
      >
        <div className="form-group">
          <label className="form-label" htmlFor="users-q">
            {t('common.search')}
          </label>
          <input id="users-q" name="q" className="form-input" defaultValue={q} />
        </div>
        <div className="form-group-checkbox">
          <input
            id="users-inactive"
            type="checkbox"
            name="inaktive"
            className="form-checkbox"
            defaultChecked={inactive}
          />
          <label htmlFor="users-inactive">{t('admin.showInactive')}</label>
        </div>
        <button type="submit" className="button button-secondary">
          {t('common.search')}
        </button>
      </form>
      <ErrorSummary error={users.error} />
      {users.isPending ? (
        <Loading />
      ) : (
        <TableWrap label={t('admin.usersTitle')}>
          <table className="table table--zebra">
            <caption className="sr-only">{t('admin.usersTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('admin.name')}</th>
                <th scope="col">{t('admin.email')}</th>
                <th scope="col">{t('admin.roles')}</th>
                <th scope="col">{t('admin.status')}</th>
                <th scope="col">{t('admin.lastLogin')}</th>
              </tr>
            </thead>
            <tbody>
              {(users.data ?? []).map((u) => (
                <tr key={u.id}>
                  <td>
                    {u.permissions.update ? (
                      <Link to={`/admin/brugere/${u.id}`}>{u.name}</Link>
                    ) : (
                      u.name
                    )}
                  </td>
                  <td>{u.email}</td>
                  <td>{u.roles.map((r) => t(`roles.${r}`)).join(', ')}</td>
                  <td>{u.active ? t('admin.active') : t('admin.inactive')}</td>
                  <td>
                    {u.lastLoginAt
                      ? `${formatDateTime(u.lastLoginAt, i18n.language)}${
                          u.lastLoginMethod
                            ? ` (${t(`admin.loginMethods.${u.lastLoginMethod}`, { defaultValue: u.lastLoginMethod })})`
                            : ''
                        }`
                      : t('admin.never')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </>
  );
}
