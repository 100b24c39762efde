import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { asEntered, call } from '../../web/api';
import { ErrorSummary, Field, PageTitle, fieldError, formValues } from '../../web/ui';
import { EducationSelect } from './EducationSelect';

export default function CitizenCreatePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const created = await call('POST /api/citizens', {
        body: asEntered(formValues(e.currentTarget)),
      });
      await qc.invalidateQueries({ queryKey: ['caseload'] });
      await navigate(`/borgere/${created.id}`);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  const opt = ` ${t('common.optional')}`;
  return (
    <div className="dl-narrow">
      <PageTitle>{t('citizen.createTitle')}</PageTitle>
      <ErrorSummary error={error} />
      <form onSubmit={(e) => void onSubmit(e)} noValidate>
        <Field
          label={t('citizen.cpr')}
          name="cpr"
          hint={t('citizen.cprHint')}
          required
          inputMode="numeric"
          autoComplete="off"
          error={fieldError(error, 'cpr')}
        />
        <Field
          label={t('citizen.firstName')}
          name="firstName"
          required
          error={fieldError(error, 'firstName')}
        />
        <Field
          label={t('citizen.lastName')}
          name="lastName"
          required
          error={fieldError(error, 'lastName')}
        />
        <Field
          label={t('citizen.email') + opt}
          name="email"
          type="email"
          error={fieldError(error, 'email')}
        />
        <Field
          label={t('citizen.phone') + opt}
          name="phone"
          type="tel"
          error={fieldError(error, 'phone')}
        />
        <Field
          label={t('citizen.address') + opt}
          name="address"
          error={fieldError(error, 'address')}
        />
        <Field
          label={t('citizen.postalCode') + opt}
          name="postalCode"
          inputMode="numeric"
          error={fieldError(error, 'postalCode')}
        />
        <Field label={t('citizen.city') + opt} name="city" error={fieldError(error, 'city')} />
        <Field
          label={t('citizen.employmentGoal') + opt}
          name="employmentGoal"
          error={fieldError(error, 'employmentGoal')}
        />
        <EducationSelect optional={opt} error={fieldError(error, 'educationLevel')} />
        <div className="button-row">
          <button type="submit" className="button button-primary" disabled={busy}>
            {t('common.create')}
          </button>
          <Link to="/borgere" className="button button-secondary">
            {t('common.cancel')}
          </Link>
        </div>
      </form>
    </div>
  );
}
