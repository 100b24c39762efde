import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { call } from '../../web/api';
import { ErrorSummary, Loading, PageTitle } from '../../web/ui';
import { CompanyTable } from './CompaniesPage';

/** A company user's companies: where they post the roles the company needs. */
export default function MyCompaniesPage() {
  const { t } = useTranslation();
  const list = useQuery({
    queryKey: ['my-companies'],
    queryFn: () => call('GET /api/me/companies'),
  });
  return (
    <>
      <PageTitle>{t('companies.mine')}</PageTitle>
      <ErrorSummary error={list.error} />
      {list.isPending ? (
        <Loading />
      ) : (list.data ?? []).length === 0 ? (
        <p>{t('companies.mineNone')}</p>
      ) : (
        <CompanyTable rows={list.data ?? []} />
      )}
    </>
  );
}
