import { useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { call } from '../../web/api';
import {
  ErrorSummary,
  formText,
  HeadRow,
  Loading,
  PageTitle,
  TableWrap,
  textList,
} from '../../web/ui';
import { useCan } from '../../web/session';
import type { CompanyListQuery, CompanySummaryView } from '../companies.contract';

/** The business service's register: search by name or CVR, SMEs or large companies. */
export default function CompaniesPage() {
  const { t } = useTranslation();
  const can = useCan();
  const [query, setQuery] = useState<CompanyListQuery>({});
  const list = useQuery({
    queryKey: ['companies', query],
    queryFn: () => call('GET /api/companies', { query }),
  });

  function search(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const q = formText(data, 'q').trim();
    const sme = formText(data, 'sme');
    setQuery({
      ...(q ? { q } : {}),
      ...(sme === 'true' || sme === 'false' ? { sme } : {}),
    });
  }

  return (
    <>
      <PageTitle>{t('companies.title')}</PageTitle>
      {can('companies') && (
        <p>
          <Link className="button button-primary" to="/virksomheder/ny">
            {t('companies.new')}
          </Link>
        </p>
      )}
      <form role="search" onSubmit={search} className="dl-toolbar">
        <div className="form-group">
          <label className="form-label" htmlFor="company-q">
            {t('companies.search')}
          </label>
          <input id="company-q" name="q" className="form-input" type="search" />
        </div>
        <div className="form-group">
          <label className="form-label" htmlFor="company-sme">
            {t('companies.smeFilter')}
          </label>
          <select id="company-sme" name="sme" className="form-select">
            <option value="">{t('companies.all')}</option>
            <option value="true">{t('companies.smeOnly')}</option>
            <option value="false">{t('companies.largeOnly')}</option>
          </select>
        </div>
        <button type="submit" className="button button-secondary">
          {t('companies.searchButton')}
        </button>
      </form>
      <ErrorSummary error={list.error} />
      {list.isPending ? <Loading /> : <CompanyTable rows={list.data ?? []} />}
    </>
  );
}

export function CompanyTable({ rows }: { rows: readonly CompanySummaryView[] }) {
  const { t } = useTranslation();
  if (rows.length === 0) return <p>{t('companies.none')}</p>;
  return (
    <TableWrap label={t('companies.listLabel')}>
      <table className="table table--zebra">
        <caption className="sr-only">{t('companies.listLabel')}</caption>
        <HeadRow columns={textList(t, 'companies.cols')} />
        <tbody>
          {rows.map((c) => (
            <tr key={c.id}>
              <td>
                <Link to={`/virksomheder/${c.id}`}>{c.name}</Link>
                {c.fictitious && <> ({t('companies.fictitious')})</>}
              </td>
              <td>{c.cvr}</td>
              <td>{t(`companies.sections.${c.industrySection}`)}</td>
              <td>
                {t(`companies.sizeBands.${c.sizeBand}`)} ·{' '}
                {c.sme ? t('companies.sme') : t('companies.large')}
              </td>
              <td>{c.city}</td>
              <td>{c.openRoles}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
