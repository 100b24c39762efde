import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { call } from '../../web/api';
import { ErrorSummary, PageTitle } from '../../web/ui';
import { OfferFields, useOfferForm } from './OfferForm';

/** A new learning offer for the catalogue. */
export default function OfferNewPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [error, setError] = useState<unknown>(null);
  const form = useOfferForm();

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setError(null);
    try {
      const created = await call('POST /api/learning/offers', {
        body: form.read(new FormData(e.currentTarget)),
      });
      await qc.invalidateQueries({ queryKey: ['offers'] });
      await navigate(`/kurser/${created.id}`);
    } catch (err) {
      setError(err);
    }
  }

  return (
    <>
      <PageTitle>{t('learning.new')}</PageTitle>
      <form onSubmit={(e) => void submit(e)} noValidate className="dl-form">
        <ErrorSummary error={error} />
        <OfferFields error={error} form={form} />
        <button type="submit" className="button button-primary">
          {t('learning.create')}
        </button>
      </form>
    </>
  );
}
