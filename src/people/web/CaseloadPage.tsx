import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { call } from '../../web/api';
import { ErrorSummary, Loading, PageTitle, TableWrap, formText } from '../../web/ui';

// Same rule as the server: anything shaped like a CPR number is looked up by POST, never put in the URL.
const CPR_LIKE = /^\s*\d{6}-?\d{4}\s*$/;

export default function CaseloadPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const vulnerable = params.get('udsat') === '1';
  const [lookupError, setLookupError] = useState<unknown>(null);

  const list = useQuery({
    queryKey: ['caseload', q, vulnerable],
    queryFn: () =>
      call('GET /api/citizens', {
        query: { q: q || undefined, vulnerable: vulnerable ? 'true' : undefined },
      }),
  });

  async function onSearch(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setLookupError(null);
    const data = new FormData(e.currentTarget);
    const term = formText(data, 'q', '').trim();
    const onlyVulnerable = data.get('udsat') === 'on';
    if (CPR_LIKE.test(term)) {
      try {
        const found = await call('POST /api/citizens/lookup', { body: { cpr: term } });
        await navigate(`/borgere/${found.id}`);
      } catch (err) {
        setLookupError(err);
      }
      return;
    }
    const next = new URLSearchParams();
    if (term) next.set('q', term);
    if (onlyVulnerable) next.set('udsat', '1');
    setParams(next);
  }

  const rows = list.data ?? [];
  return (
    <>
      <PageTitle>{t('citizen.caseloadTitle')}</PageTitle>
      <p>
        <Link to="/borgere/ny" className="button button-primary">
          {t('citizen.create')}
        </Link>
      </p>
      <form role="search" onSubmit={(e) => void onSearch(e)} className="dl-toolbar">
        <div className="form-group">
          <label className="form-label" htmlFor="caseload-q">
            {t('citizen.searchLabel')}
          </label>
          <span className="form-hint" id="caseload-q-hint">
            {t('citizen.searchHint')}
          </span>
          <input
            id="caseload-q"
            name="q"
            className="form-input"
            defaultValue={q}
            aria-describedby="caseload-q-hint"
          />
        </div>
        <div className="form-group-checkbox">
          <input
            id="caseload-v"
            type="checkbox"
            name="udsat"
            className="form-checkbox"
            defaultChecked={vulnerable}
          />
          <label htmlFor="caseload-v">{t('citizen.onlyVulnerable')}</label>
        </div>
        <button type="submit" className="button button-secondary">
          {t('common.search')}
        </button>
      </form>
      <ErrorSummary error={lookupError ?? list.error} />
      {list.isPending ? (
        <Loading />
      ) : (
        <>
          <p aria-live="polite">{t('citizen.count', { count: rows.length })}</p>
          {rows.length === 0 ? (
            <p>{t('citizen.noResults')}</p>
          ) : (
            <TableWrap label={t('citizen.caseloadTitle')}>
              <table className="table table--zebra">
                <caption className="sr-only">{t('citizen.caseloadTitle')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('citizen.name')}</th>
                    <th scope="col">{t('citizen.cpr')}</th>
                    <th scope="col">{t('citizen.goal')}</th>
                    <th scope="col">{t('citizen.vulnerable')}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((c) => (
                    <tr key={c.id}>
                      <td>
                        <Link to={`/borgere/${c.id}`}>
                          {c.firstName} {c.lastName}
                        </Link>
                      </td>
                      <td>{c.cprMasked}</td>
                      <td>{c.employmentGoal ?? t('common.none')}</td>
                      <td>{c.digitallyVulnerable ? t('common.yes') : t('common.no')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          )}
        </>
      )}
    </>
  );
}
