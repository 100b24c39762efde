import { useState, type FormEvent } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { asEntered, call, href } from '../../web/api';
import {
  ErrorSummary,
  Field,
  fieldError,
  formText,
  HeadRow,
  Loading,
  PageTitle,
  TableWrap,
  textList,
} from '../../web/ui';
import { competencesOfArea, digcompTitle } from '../../learning/digcomp.model';
import { ESCO_GROUPS, type EscoGroup } from '../companies.constants';
import type { AnalysisView, JobAdInput } from '../job-ads.contract';

const ALL_COMPETENCES = ['1', '2', '3', '4', '5'].flatMap(competencesOfArea);

interface Row {
  kind: 'skill' | 'knowledge';
  text: string;
  group: EscoGroup;
  competence: string | null;
  keep: boolean;
}

/** A consultant pastes a job ad, sees what it asks for, corrects it and saves it to a role. */
export default function JobAdsPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'da';
  const qc = useQueryClient();
  const [analysis, setAnalysis] = useState<(AnalysisView & { title: string; text: string }) | null>(
    null,
  );
  const [rows, setRows] = useState<Row[]>([]);
  const [companyId, setCompanyId] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const companies = useQuery({
    queryKey: ['companies', {}],
    queryFn: () => call('GET /api/companies', { query: {} }),
  });
  const roles = useQuery({
    queryKey: ['company-roles', companyId],
    queryFn: () => call('GET /api/companies/:id/roles', { params: { id: companyId } }),
    enabled: companyId !== '',
  });
  const ads = useQuery({ queryKey: ['job-ads'], queryFn: () => call('GET /api/job-ads') });

  async function analyse(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    setError(null);
    setSaved(false);
    try {
      const text = formText(data, 'text');
      const a = await call('POST /api/job-ads/analyse', { body: { text } });
      setAnalysis({ ...a, title: formText(data, 'title'), text });
      setRows(a.phrases.map((p) => ({ ...p, keep: true })));
    } catch (err) {
      setError(err);
    }
  }

  async function save(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (!analysis) return;
    const data = new FormData(e.currentTarget);
    setError(null);
    try {
      await call('POST /api/job-ads', {
        body: asEntered<JobAdInput>({
          title: analysis.title,
          text: analysis.text,
          companyId: companyId || null,
          roleId: formText(data, 'roleId') || null,
          phrases: rows
            .filter((r) => r.keep)
            .map(({ kind, text, group, competence }) => ({ kind, text, group, competence })),
        }),
      });
      setSaved(true);
      await qc.invalidateQueries({ queryKey: ['job-ads'] });
      await qc.invalidateQueries({ queryKey: ['company-roles', companyId] });
    } catch (err) {
      setError(err);
    }
  }

  const update = (i: number, patch: Partial<Row>) =>
    setRows((rs) => rs.map((r, j) => (j === i ? { ...r, ...patch } : r)));

  return (
    <>
      <PageTitle>{t('ads.title')}</PageTitle>
      <p>{t('ads.intro')}</p>
      <ErrorSummary error={error} />
      <form onSubmit={(e) => void analyse(e)} noValidate className="dl-form">
        <Field label={t('ads.adTitle')} name="title" required error={fieldError(error, 'title')} />
        <Field
          label={t('ads.text')}
          name="text"
          multiline
          required
          error={fieldError(error, 'text')}
        />
        <button type="submit" className="button button-primary">
          {t('ads.analyse')}
        </button>
      </form>
      <p className="form-hint">{t('ads.model')}</p>
      <CsvImport />

      {analysis && (
        <section className="dl-card" aria-labelledby="ads-found">
          <h2 id="ads-found">{t('ads.found')}</h2>
          <p>
            <mark className="dl-mark-skill">{t('ads.legendSkill')}</mark>{' '}
            <mark className="dl-mark-knowledge">{t('ads.legendKnowledge')}</mark>
          </p>
          {analysis.sentences.map((tokens, s) => (
            <p key={s}>
              <Highlighted
                tokens={tokens}
                phrases={analysis.phrases.filter((p) => p.sentence === s)}
              />
            </p>
          ))}
          {rows.length === 0 ? (
            <p>{t('ads.none')}</p>
          ) : (
            <form onSubmit={(e) => void save(e)} noValidate className="dl-form">
              <TableWrap label={t('ads.phrases')}>
                <table className="table table--zebra">
                  <caption className="sr-only">{t('ads.phrases')}</caption>
                  <HeadRow columns={textList(t, 'ads.cols')} />
                  <tbody>
                    {rows.map((r, i) => (
                      <tr key={`${r.text}-${i}`}>
                        <td>
                          <input
                            type="checkbox"
                            className="form-checkbox"
                            id={`keep-${i}`}
                            checked={r.keep}
                            onChange={(e) => update(i, { keep: e.target.checked })}
                          />
                          <label htmlFor={`keep-${i}`}>
                            <span className="sr-only">{t('ads.include', { text: r.text })}</span>
                          </label>
                        </td>
                        <td>{r.text}</td>
                        <td>{r.kind === 'skill' ? t('ads.kindSkill') : t('ads.kindKnowledge')}</td>
                        <td>
                          <select
                            className="form-select"
                            aria-label={t('ads.groupOf', { text: r.text })}
                            value={r.group}
                            onChange={(e) =>
                              update(i, {
                                group: ESCO_GROUPS.find((g) => g === e.target.value) ?? r.group,
                              })
                            }
                          >
                            {ESCO_GROUPS.map((g) => (
                              <option key={g} value={g}>
                                {g} {t(`ads.groups.${g}`)}
                              </option>
                            ))}
                          </select>
                        </td>
                        <td>
                          <select
                            className="form-select"
                            aria-label={t('ads.competenceOf', { text: r.text })}
                            value={r.competence ?? ''}
                            onChange={(e) => update(i, { competence: e.target.value || null })}
                          >
                            <option value="">{t('ads.notDigital')}</option>
                            {ALL_COMPETENCES.map((c) => (
                              <option key={c} value={c}>
                                {c} {digcompTitle(c, lang)}
                              </option>
                            ))}
                          </select>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableWrap>
              <div className="form-group">
                <label className="form-label" htmlFor="ads-company">
                  {t('ads.company')}
                </label>
                <select
                  id="ads-company"
                  className="form-select"
                  value={companyId}
                  onChange={(e) => setCompanyId(e.target.value)}
                >
                  <option value="">{t('ads.noCompany')}</option>
                  {(companies.data ?? []).map((c) => (
                    <option key={c.id} value={c.id}>
                      {c.name}
                    </option>
                  ))}
                </select>
              </div>
              <div className="form-group">
                <label className="form-label" htmlFor="ads-role">
                  {t('ads.role')}
                </label>
                <select id="ads-role" name="roleId" className="form-select" disabled={!companyId}>
                  <option value="">{t('ads.noRole')}</option>
                  {(roles.data ?? [])
                    .filter((r) => r.status === 'open')
                    .map((r) => (
                      <option key={r.id} value={r.id}>
                        {r.title}
                      </option>
                    ))}
                </select>
              </div>
              <button type="submit" className="button button-primary">
                {t('ads.save')}
              </button>
              {saved && <p role="status">{t('ads.saved')}</p>}
            </form>
          )}
        </section>
      )}

      <section aria-labelledby="ads-saved">
        <h2 id="ads-saved">{t('ads.savedList')}</h2>
        {ads.isPending ? (
          <Loading />
        ) : (ads.data ?? []).length === 0 ? (
          <p>{t('ads.noSaved')}</p>
        ) : (
          <ul className="dl-links">
            {(ads.data ?? []).slice(0, 20).map((a) => (
              <li key={a.id}>
                {a.title}
                {a.roleTitle && ` → ${a.roleTitle}`} ·{' '}
                {t('ads.phraseCount', { count: a.phrases.length })} · {a.createdAt.slice(0, 10)}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

function Highlighted({
  tokens,
  phrases,
}: {
  tokens: readonly string[];
  phrases: AnalysisView['phrases'];
}) {
  const { t } = useTranslation();
  const parts = [];
  for (let i = 0; i < tokens.length;) {
    const p = phrases.find((x) => x.start === i);
    if (p) {
      parts.push(
        <mark key={i} className={p.kind === 'skill' ? 'dl-mark-skill' : 'dl-mark-knowledge'}>
          {tokens.slice(p.start, p.end).join(' ')}
          <span className="sr-only">
            {' '}
            ({p.kind === 'skill' ? t('ads.legendSkill') : t('ads.legendKnowledge')})
          </span>
        </mark>,
        ' ',
      );
      i = p.end;
    } else {
      parts.push(`${tokens[i]} `);
      i++;
    }
  }
  return <>{parts}</>;
}

/** Many ads at once: a CSV file, analysed and saved all together or not at all. */
function CsvImport() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [result, setResult] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  async function upload(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const input = e.currentTarget.elements.namedItem('ads');
    const file = input instanceof HTMLInputElement ? input.files?.[0] : undefined;
    setResult(null);
    setFailure(null);
    if (!file) {
      setFailure(t('ads.csvFile'));
      return;
    }
    const res = await fetch(href('POST /api/job-ads/import'), {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'text/csv' },
      body: file,
    });
    // Our answers are JSON: the import's count, or an error with a message for people.
    const body = (await res.json().catch(() => null)) as
      { saved: number; phrases: number; error?: undefined } | { error: { message: string } } | null;
    if (res.ok && body && !body.error) {
      setResult(t('ads.csvDone', { count: body.saved, phrases: body.phrases }));
      await qc.invalidateQueries({ queryKey: ['job-ads'] });
    } else setFailure(body?.error?.message ?? res.statusText);
  }

  return (
    <section className="dl-card" aria-labelledby="ads-csv">
      <h2 id="ads-csv">{t('ads.csvTitle')}</h2>
      <form noValidate onSubmit={(e) => void upload(e)}>
        <div className="form-group">
          <label className="form-label" htmlFor="ads-file">
            {t('ads.csvFile')}
          </label>
          <span className="form-hint" id="ads-file-hint">
            {t('ads.csvHint')}
          </span>
          <input
            id="ads-file"
            name="ads"
            type="file"
            accept=".csv,text/csv"
            aria-describedby="ads-file-hint"
          />
        </div>
        <button type="submit" className="button button-secondary">
          {t('ads.csvGo')}
        </button>
      </form>
      {result && <p role="status">{result}</p>}
      {failure && (
        <p role="alert" className="form-error-message">
          {failure}
        </p>
      )}
    </section>
  );
}
