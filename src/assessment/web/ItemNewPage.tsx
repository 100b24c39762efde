import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { asEntered, call } from '../../web/api';
import type { ItemCreateInput } from '../assessment-admin.contract';
import { ErrorSummary, PageTitle } from '../../web/ui';
import { ItemForm } from './ItemForm';

export default function ItemNewPage() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [error, setError] = useState<unknown>(null);

  async function create(body: Record<string, unknown>) {
    setError(null);
    try {
      const { id } = await call('POST /api/assessment/items', {
        body: asEntered<ItemCreateInput>(body),
      });
      await qc.invalidateQueries({ queryKey: ['test-items'] });
      await navigate(`/admin/test/opgaver/${id}`);
    } catch (err) {
      setError(err);
    }
  }

  return (
    <>
      <p>
        <Link to="/admin/test" className="back-link">
          {t('common.back')}
        </Link>
      </p>
      <PageTitle>{t('testAdmin.newTitle')}</PageTitle>
      <p>{t('testAdmin.newIntro')}</p>
      <ErrorSummary error={error} />
      <ItemForm original={null} onSubmit={(body) => void create(body)}>
        <button type="submit" className="button button-primary">
          {t('testAdmin.createItem')}
        </button>
      </ItemForm>
    </>
  );
}
