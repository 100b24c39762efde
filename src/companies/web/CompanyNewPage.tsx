import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { asEntered, call } from '../../web/api';
import { ErrorSummary, Field, PageTitle, fieldError, formText, numberFrom } from '../../web/ui';
import { SIZE_BANDS } from '../companies.constants';
import type { CompanyInput, CompanyView } from '../companies.contract';

/** The company's facts as a form: new ones, and a consultant's edits. */
export function CompanyForm(p: {
  initial?: CompanyView;
  submitLabel: string;
  send: (body: CompanyInput) => Promise<void>;
}) {
  const { t } = useTranslation();
  const [error, setError] = useState<unknown>(null);
  const c = p.initial;

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    setError(null);
    try {
      const band = formText(data, 'sizeBand');
      await p.send(
        asEntered<CompanyInput>({
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
      );
    } catch (err) {
      setError(err);
    }
  }

  const f = (path: string) => fieldError(error, path);
  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="dl-form">
      <ErrorSummary error={error} />
      <Field
        label={t('companies.cvr')}
        hint={t('companies.cvrHint')}
        name="cvr"
        inputMode="numeric"
        required
        defaultValue={c?.cvr}
        error={f('cvr')}
      />
      <Field
        label={t('companies.name')}
        name="name"
        required
        defaultValue={c?.name}
        error={f('name')}
      />
      <Field
        label={t('companies.industryCode')}
        hint={t('companies.industryHint')}
        name="industryCode"
        inputMode="numeric"
        required
        defaultValue={c?.industryCode}
        error={f('industryCode')}
      />
      <Field
        label={t('companies.employees')}
        hint={t('companies.employeesHint')}
        name="employees"
        inputMode="numeric"
        defaultValue={c?.employees == null ? '' : String(c.employees)}
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
          defaultValue={c && c.employees == null ? c.sizeBand : ''}
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
      <Field
        label={t('companies.address')}
        name="address"
        defaultValue={c?.address}
        error={f('address')}
      />
      <Field
        label={t('companies.postalCode')}
        name="postalCode"
        inputMode="numeric"
        defaultValue={c?.postalCode}
        error={f('postalCode')}
      />
      <Field label={t('companies.city')} name="city" defaultValue={c?.city} error={f('city')} />
      <Field
        label={t('companies.website')}
        name="website"
        type="url"
        defaultValue={c?.website}
        error={f('website')}
      />
      <button type="submit" className="button button-primary">
        {p.submitLabel}
      </button>
    </form>
  );
}

/** A company for the register: CVR (checked), DB07 code, size, address. */
export default function CompanyNewPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const qc = useQueryClient();
  return (
    <>
      <PageTitle>{t('companies.new')}</PageTitle>
      <CompanyForm
        submitLabel={t('companies.create')}
        send={async (body) => {
          const created = await call('POST /api/companies', { body });
          await qc.invalidateQueries({ queryKey: ['companies'] });
          await navigate(`/virksomheder/${created.id}`);
        }}
      />
    </>
  );
}
