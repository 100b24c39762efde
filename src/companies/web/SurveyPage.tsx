import { useState, type FormEvent } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { call } from '../../web/api';
import {
  CheckboxGroup,
  ErrorSummary,
  formatDateTime,
  HeadRow,
  Loading,
  PageTitle,
  TableWrap,
  textList,
} from '../../web/ui';
import { digcompTitle } from '../../learning/digcomp.model';
import { ResponseRates } from './SurveysPage';

/** One survey: what it asks, its rounds and response rates, and sending a new round. */
export default function SurveyPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'da';
  const { id = '' } = useParams();
  const qc = useQueryClient();
  const survey = useQuery({
    queryKey: ['survey', id],
    queryFn: () => call('GET /api/demand-surveys/:id', { params: { id } }),
  });
  const companies = useQuery({
    queryKey: ['companies', {}],
    queryFn: () => call('GET /api/companies', { query: {} }),
  });
  const [error, setError] = useState<unknown>(null);
  const [skipped, setSkipped] = useState<string[]>([]);
  const s = survey.data;
  if (survey.isPending) return <Loading />;
  if (!s) return <ErrorSummary error={survey.error} />;

  async function send(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const el = e.currentTarget;
    const data = new FormData(el);
    setError(null);
    try {
      const view = await call('POST /api/demand-surveys/:id/rounds', {
        params: { id },
        body: { companyIds: data.getAll('companyIds').map(String) },
      });
      qc.setQueryData(['survey', id], view);
      await qc.invalidateQueries({ queryKey: ['surveys'] });
      setSkipped(view.skipped);
      el.reset();
    } catch (err) {
      setError(err);
    }
  }

  return (
    <>
      <PageTitle>{s.title}</PageTitle>
      {s.intro && <p>{s.intro}</p>}
      <ul>
        {s.competences.map((c) => (
          <li key={c}>
            {c} {digcompTitle(c, lang)}
          </li>
        ))}
      </ul>
      <ResponseRates rounds={s.rounds} />
      <section className="dl-card" aria-labelledby="survey-send">
        <h2 id="survey-send">{t('survey.send')}</h2>
        <p className="form-hint">{t('survey.sendHint')}</p>
        <form onSubmit={(e) => void send(e)} noValidate className="dl-form">
          <ErrorSummary error={error} />
          <CheckboxGroup
            legend={t('survey.companies')}
            name="companyIds"
            options={(companies.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
          />
          <button type="submit" className="button button-primary">
            {t('survey.sendButton')}
          </button>
        </form>
        {skipped.length > 0 && (
          <p role="status">{t('survey.skipped', { names: skipped.join(', ') })}</p>
        )}
      </section>
      {s.invitations.length > 0 && (
        <TableWrap label={t('survey.invitations')}>
          <table className="table table--zebra">
            <caption>{t('survey.invitations')}</caption>
            <HeadRow columns={textList(t, 'survey.cols')} />
            <tbody>
              {s.invitations.map((i) => (
                <tr key={i.id}>
                  <td>{i.round}</td>
                  <td>{i.companyName}</td>
                  <td>{i.email}</td>
                  <td>{formatDateTime(i.sentAt, lang)}</td>
                  <td>{i.remindedAt ? formatDateTime(i.remindedAt, lang) : t('survey.no')}</td>
                  <td>{i.answeredAt ? formatDateTime(i.answeredAt, lang) : t('survey.no')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </>
  );
}
