import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { untranslated, type BankEntry } from '../bank/bank.model';
import { COMMUNITY_LANGS } from '../../platform/i18n/languages.constants';
import { call } from '../../web/api';
import { ErrorSummary, Loading, PageTitle } from '../../web/ui';
import { NotFoundPage } from '../../web/StaticPages';
import { ItemForm } from './ItemForm';

export default function ItemEditPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const items = useQuery({
    queryKey: ['test-items'],
    queryFn: () => call('GET /api/assessment/items'),
  });
  const [error, setError] = useState<unknown>(null);
  if (items.isPending) return <Loading />;
  const item = items.data?.find((i) => i.id === id);
  if (!item) return <NotFoundPage />;
  // The bank stores each item's content as written by the item form (a BankEntry).
  const entry = item.content as unknown as BankEntry;

  async function save(body: Record<string, unknown>) {
    setError(null);
    try {
      await call('PATCH /api/assessment/items/:id', { params: { id }, body: body });
      await qc.invalidateQueries({ queryKey: ['test-items'] });
      await navigate('/admin/test');
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
      <PageTitle>{t('testAdmin.editTitle', { key: item.key })}</PageTitle>
      <p>
        {t(`testAdmin.types.${item.type}`)} · {t(`testAdmin.itemStatus.${item.status}`)}
      </p>
      {untranslated(entry).length === COMMUNITY_LANGS.length && (
        <p>{t('testAdmin.onlyDaEnText')}</p>
      )}
      <ErrorSummary error={error} />
      <ItemForm original={entry} onSubmit={(body) => void save(body)}>
        <button type="submit" className="button button-primary">
          {t('common.save')}
        </button>
        <button
          type="button"
          className="button button-secondary"
          onClick={() => void save({ status: item.status === 'active' ? 'retired' : 'active' })}
        >
          {item.status === 'active' ? t('testAdmin.retire') : t('testAdmin.reactivate')}
        </button>
      </ItemForm>
    </>
  );
}
