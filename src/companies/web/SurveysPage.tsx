import { useState, type FormEvent } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { asEntered, call } from '../../web/api';
import {
  CheckboxGroup,
  ErrorSummary,
  Field,
  fieldError,
  formText,
  Loading,
  numberFrom,
  PageTitle,
} from '../../web/ui';
import { competencesOfArea, digcompTitle } from '../../learning/digcomp.model';
import type { SurveyInput, SurveySummaryView } from '../survey.contract';

const ALL_COMPETENCES = ['1', '2', '3', '4', '5'].flatMap(competencesOfArea);

export function ResponseRates({ rounds }: { rounds: SurveySummaryView['rounds'] }) {
  const { t } = useTranslation();
  if (rounds.length === 0) return <p>{t('survey.noRounds')}</p>;
  return (
    <ul>
      {rounds.map((r) => (
        <li key={r.round}>
          {t('survey.responseRate', {
            round: r.round,
            answered: r.answered,
            sent: r.sent,
            pct: Math.round((100 * r.answered) / r.sent),
          })}
        </li>
      ))}
    </ul>
  );
}

/** The consultant's surveys with their response rates, and a form for a new one. */
export default function SurveysPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'da';
  const qc = useQueryClient();
  const navigate = useNavigate();
  const list = useQuery({ queryKey: ['surveys'], queryFn: () => call('GET /api/demand-surveys') });
  const [error, setError] = useState<unknown>(null);

  async function create(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    setError(null);
    try {
      const s = await call('POST /api/demand-surveys', {
        body: asEntered<SurveyInput>({
          title: formText(data, 'title'),
          intro: formText(data, 'intro'),
          competences: data.getAll('competences'),
          reminderDays: numberFrom(data, 'reminderDays'),
          closesOn: formText(data, 'closesOn'),
        }),
      });
      await qc.invalidateQueries({ queryKey: ['surveys'] });
      await navigate(`/virksomheder/spoergeskemaer/${s.id}`);
    } catch (err) {
      setError(err);
    }
  }

  const f = (path: string) => fieldError(error, path);
  return (
    <>
      <PageTitle>{t('survey.title')}</PageTitle>
      <p>{t('survey.intro')}</p>
      {list.isPending ? (
        <Loading />
      ) : (list.data ?? []).length === 0 ? (
        <p>{t('survey.none')}</p>
      ) : (
        <ul className="dl-links">
          {(list.data ?? []).map((s) => (
            <li key={s.id}>
              <Link to={`/virksomheder/spoergeskemaer/${s.id}`}>{s.title}</Link>
              <ResponseRates rounds={s.rounds} />
            </li>
          ))}
        </ul>
      )}
      <section className="dl-card" aria-labelledby="survey-new">
        <h2 id="survey-new">{t('survey.new')}</h2>
        <form onSubmit={(e) => void create(e)} noValidate className="dl-form">
          <ErrorSummary error={error} />
          <Field label={t('survey.name')} name="title" required error={f('title')} />
          <Field label={t('survey.text')} name="intro" multiline error={f('intro')} />
          <CheckboxGroup
            legend={t('survey.competences')}
            name="competences"
            error={f('competences')}
            options={ALL_COMPETENCES.map((c) => ({
              value: c,
              label: `${c} ${digcompTitle(c, lang)}`,
            }))}
          />
          <Field
            label={t('survey.reminderDays')}
            name="reminderDays"
            inputMode="numeric"
            defaultValue="7"
            required
            error={f('reminderDays')}
          />
          <Field
            label={t('survey.closesOn')}
            name="closesOn"
            type="date"
            required
            error={f('closesOn')}
          />
          <button type="submit" className="button button-primary">
            {t('survey.create')}
          </button>
        </form>
      </section>
    </>
  );
}
