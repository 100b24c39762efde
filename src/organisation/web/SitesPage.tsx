import { useState, type FormEvent } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { SiteView } from '../organisation.contract';
import { call } from '../../web/api';
import {
  ErrorSummary,
  Field,
  Loading,
  PageTitle,
  fieldError,
  TableWrap,
  formText,
} from '../../web/ui';

function SiteForm({ site, onDone }: { site: SiteView | null; onDone: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [error, setError] = useState<unknown>(null);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const d = new FormData(e.currentTarget);
    const body = {
      name: formText(d, 'name', ''),
      address: formText(d, 'address', ''),
      postalCode: formText(d, 'postalCode', ''),
      city: formText(d, 'city', ''),
      hasWorkshop: d.get('hasWorkshop') === 'on',
      active: d.get('active') === 'on',
    };
    try {
      await (site
        ? call('PATCH /api/sites/:id', { params: { id: site.id }, body })
        : call('POST /api/sites', { body }));
      await qc.invalidateQueries({ queryKey: ['sites'] });
      onDone();
    } catch (err) {
      setError(err);
    }
  }

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate className="dl-card dl-narrow">
      <h2>{site ? t('admin.editSite') : t('admin.createSite')}</h2>
      <ErrorSummary error={error} />
      <Field
        label={t('admin.siteName')}
        name="name"
        required
        defaultValue={site?.name}
        error={fieldError(error, 'name')}
      />
      <Field
        label={t('admin.address')}
        name="address"
        required
        defaultValue={site?.address}
        error={fieldError(error, 'address')}
      />
      <Field
        label={t('admin.postalCode')}
        name="postalCode"
        required
        inputMode="numeric"
        defaultValue={site?.postalCode}
        error={fieldError(error, 'postalCode')}
      />
      <Field
        label={t('admin.city')}
        name="city"
        required
        defaultValue={site?.city}
        error={fieldError(error, 'city')}
      />
      <div className="form-group-checkbox">
        <input
          id="site-workshop"
          type="checkbox"
          name="hasWorkshop"
          className="form-checkbox"
          defaultChecked={site?.hasWorkshop ?? false}
        />
        <label htmlFor="site-workshop">{t('admin.hasWorkshop')}</label>
      </div>
      <div className="form-group-checkbox">
        <input
          id="site-active"
          type="checkbox"
          name="active"
          className="form-checkbox"
          defaultChecked={site?.active ?? true}
        />
        <label htmlFor="site-active">{t('admin.siteActive')}</label>
      </div>
      <div className="button-row">
        <button type="submit" className="button button-primary">
          {site ? t('common.save') : t('common.create')}
        </button>
        <button type="button" className="button button-secondary" onClick={onDone}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

export default function SitesPage() {
  const { t } = useTranslation();
  const sites = useQuery({ queryKey: ['sites'], queryFn: () => call('GET /api/sites') });
  const [editing, setEditing] = useState<SiteView | 'new' | null>(null);

  return (
    <>
      <PageTitle>{t('admin.sitesTitle')}</PageTitle>
      {editing ? (
        <SiteForm site={editing === 'new' ? null : editing} onDone={() => setEditing(null)} />
      ) : (
        <p>
          <button type="button" className="button button-primary" onClick={() => setEditing('new')}>
            {t('admin.createSite')}
          </button>
        </p>
      )}
      <ErrorSummary error={sites.error} />
      {sites.isPending ? (
        <Loading />
      ) : (
        <TableWrap label={t('admin.sitesTitle')}>
          <table className="table table--zebra">
            <caption className="sr-only">{t('admin.sitesTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('admin.siteName')}</th>
                <th scope="col">{t('admin.address')}</th>
                <th scope="col">{t('admin.hasWorkshop')}</th>
                <th scope="col">{t('admin.status')}</th>
                <th scope="col">
                  <span className="sr-only">{t('common.edit')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {(sites.data ?? []).map((s) => (
                <tr key={s.id}>
                  <td>{s.name}</td>
                  <td>
                    {s.address}, {s.postalCode} {s.city}
                  </td>
                  <td>{s.hasWorkshop ? t('common.yes') : t('common.no')}</td>
                  <td>{s.active ? t('admin.active') : t('admin.inactive')}</td>
                  <td>
                    <button
                      type="button"
                      className="button button-tertiary"
                      onClick={() => setEditing(s)}
                    >
                      {t('common.edit')}
                      <span className="sr-only"> {s.name}</span>
                    </button>
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
