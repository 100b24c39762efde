import { useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { call } from '../../web/api';
import { ErrorSummary, Field, formText, Loading, PageTitle } from '../../web/ui';
import { digcompTitle } from '../../learning/digcomp.model';

const QUESTIONS = ['now', 'inTwoYears', 'cannotRecruit', 'trainInHouse'] as const;

/**
 * A company answers the survey through its link, without logging in, on any phone. The token
 * is in the address's fragment, which the browser never sends; the page sends it in the body.
 */
export default function QuestionnairePage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'da';
  const token = window.location.hash.slice(1);
  const [done, setDone] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const q = useQuery({
    queryKey: ['questionnaire', token],
    queryFn: () => call('POST /api/survey-answers/lookup', { body: { token } }),
    enabled: token.length > 0,
    retry: false,
  });

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (!q.data) return;
    const data = new FormData(e.currentTarget);
    setError(null);
    try {
      await call('POST /api/survey-answers', {
        body: {
          token,
          answers: q.data.competences.map((competence) => ({
            competence,
            now: data.get(`${competence}:now`) === 'on',
            inTwoYears: data.get(`${competence}:inTwoYears`) === 'on',
            cannotRecruit: data.get(`${competence}:cannotRecruit`) === 'on',
            trainInHouse: data.get(`${competence}:trainInHouse`) === 'on',
          })),
          comment: formText(data, 'comment'),
        },
      });
      setDone(true);
    } catch (err) {
      setError(err);
    }
  }

  return (
    <div className="dl-narrow">
      <PageTitle>{q.data?.title ?? t('questionnaire.title')}</PageTitle>
      {done ? (
        <p role="status">{t('questionnaire.thanks')}</p>
      ) : token && q.isPending ? (
        <Loading />
      ) : !q.data ? (
        <p>{t('questionnaire.invalid')}</p>
      ) : (
        <form onSubmit={(e) => void submit(e)} noValidate className="dl-form">
          <p>{t('questionnaire.intro', { company: q.data.companyName, date: q.data.closesOn })}</p>
          {q.data.intro && <p>{q.data.intro}</p>}
          <ErrorSummary error={error} />
          {q.data.competences.map((c) => (
            <fieldset key={c} className="form-group">
              <legend className="form-label">
                {c} {digcompTitle(c, lang)}
              </legend>
              {QUESTIONS.map((question) => (
                <div key={question} className="form-group-checkbox">
                  <input
                    id={`${c}-${question}`}
                    type="checkbox"
                    name={`${c}:${question}`}
                    className="form-checkbox"
                  />
                  <label htmlFor={`${c}-${question}`}>{t(`questionnaire.${question}`)}</label>
                </div>
              ))}
            </fieldset>
          ))}
          <Field label={t('questionnaire.comment')} name="comment" multiline />
          <button type="submit" className="button button-primary">
            {t('questionnaire.send')}
          </button>
        </form>
      )}
    </div>
  );
}
