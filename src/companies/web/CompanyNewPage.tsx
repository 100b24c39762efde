import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { asEntered, call } from '../../web/api';
import { ErrorSummary, Field, PageTitle, fieldError, formText, numberFrom } from '../../web/ui';
import { SIZE_BANDS } from '../companies.constants';
import type { CompanyInput } from '../companies.contract';

/** A company for the register: CVR (checked), DB07 code, size, address. */
export default function CompanyNewPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [error, setError] = useState<unknown>(null);

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    setError(null);
    try {
      const band = formText(data, 'sizeBand');
      const created = await call('POST /api/companies', {
        body: asEntered<CompanyInput>({
          cvr: formText(data, 'cvr').replace(/\s/g, ''),
          name: formText(data, 'name'),
          industryCode: formText(data, 'industryCode'),
          employees: numberFrom(data, 'employees') ?? null,
          sizeBand: band || undefined,
          address: formText(data, 'address'),
          postalCode: formText(data, 'postalCode'),
          city: formText(data, 'city'),
          website: formText(data, 'website') || null,
        }),
      });
      await qc.invalidateQueries({ queryKey: ['companies'] });
      await navigate(`/virksomheder/${created.id}`);
    } catch (err) {
      setError(err);
    }
  }

  const f = (path: string) => fieldError(error, path);
  return (
    <>
      <PageTitle>{t('companies.new')}</PageTitle>
      <form onSubmit={(e) => void submit(e)} noValidate className="dl-form">
        <ErrorSummary error={error} />
        <Field
          label={t('companies.cvr')}
          hint={t('companies.cvrHint')}
          name="cvr"
          inputMode="numeric"
          required
          error={f('cvr')}
        />
        <Field label={t('companies.name')} name="name" required error={f('name')} />
        <Field
          label={t('companies.industryCode')}
          hint={t('companies.industryHint')}
          name="industryCode"
          inputMode="numeric"
          required
          error={f('industryCode')}
        />
        <Field
          label={t('companies.employees')}
          hint={t('companies.employeesHint')}
          name="employees"
          inputMode="numeric"
          error={f('employees')}
        />
        <div className={`form-group${f('sizeBand') ? ' form-error' : ''}`}>
          <label className="form-label" htmlFor="company-band">
            {t('companies.sizeBand')}
          </label>
          {f('sizeBand') && (
            <span className="form-error-message" id="company-band-err">
              {f('sizeBand')}
            </span>
          )}
          <select
            id="company-band"
            name="sizeBand"
            className="form-select"
            aria-describedby={f('sizeBand') ? 'company-band-err' : undefined}
          >
            <option value="">{t('companies.noBand')}</option>
            {SIZE_BANDS.map((b) => (
              <option key={b} value={b}>
                {t(`companies.sizeBands.${b}`)}
              </option>
            ))}
          </select>
        </div>
        <Field label={t('companies.address')} name="address" error={f('address')} />
        <Field
          label={t('companies.postalCode')}
          name="postalCode"
          inputMode="numeric"
          error={f('postalCode')}
        />
        <Field label={t('companies.city')} name="city" error={f('city')} />
        <Field label={t('companies.website')} name="website" type="url" error={f('website')} />
        <button type="submit" className="button button-primary">
          {t('companies.create')}
        </button>
      </form>
    </>
  );
}
