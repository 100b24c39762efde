import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { LEARNING_METHODS, OUTCOME_WEEKS, TRIAGE_GROUPS } from '../pilots.constants';
import { EDUCATION_LEVELS } from '../../people/people.constants';
import type { PilotView } from '../pilots.contract';
import { api } from '../../web/api';
import { ErrorSummary, Field, PageTitle, fieldError, formText } from '../../web/ui';

const num = (data: FormData, key: string) => {
  const v = formText(data, key).trim();
  return v === '' ? undefined : Number(v.replace(',', '.'));
};

/** A pilot project with its target group and the decision rule, registered before the start. */
export default function PilotNewPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [error, setError] = useState<unknown>(null);

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    setError(null);
    try {
      const created = await api<PilotView>('/api/pilots', {
        method: 'POST',
        body: {
          name: formText(data, 'name'),
          description: formText(data, 'description'),
          learningMethods: data.getAll('learningMethods'),
          hoursPerWeek: num(data, 'hoursPerWeek'),
          weeks: num(data, 'weeks'),
          capacity: num(data, 'capacity'),
          startsOn: formText(data, 'startsOn'),
          endsOn: formText(data, 'endsOn'),
          budgetDkk: num(data, 'budgetDkk'),
          targetGroup: {
            triageGroups: data.getAll('triageGroups'),
            educationLevels: data.getAll('educationLevels'),
            minAge: num(data, 'minAge'),
            maxAge: num(data, 'maxAge'),
            jobGoalWords: formText(data, 'jobGoalWords')
              .split(',')
              .map((w) => w.trim())
              .filter(Boolean),
          },
          decisionRule: {
            outcomeWeeks: num(data, 'outcomeWeeks'),
            minimumEffect: num(data, 'minimumEffect'),
            method: formText(data, 'method'),
            stretchWeeks: num(data, 'stretchWeeks'),
          },
        },
      });
      await qc.invalidateQueries({ queryKey: ['pilots'] });
      await navigate(`/pilotprojekter/${created.id}`);
    } catch (err) {
      setError(err);
    }
  }

  const f = (path: string) => fieldError(error, path);
  return (
    <>
      <PageTitle>{t('pilots.new')}</PageTitle>
      <form onSubmit={(e) => void submit(e)} noValidate className="dl-form">
        <ErrorSummary error={error} />
        <Field label={t('pilots.name')} name="name" required error={f('name')} />
        <Field label={t('pilots.description')} name="description" multiline />
        <fieldset className="form-group">
          <legend className="form-label">{t('pilots.methodsLegend')}</legend>
          {f('learningMethods') && (
            <span className="form-error-message">{f('learningMethods')}</span>
          )}
          {LEARNING_METHODS.map((m) => (
            <div key={m} className="form-group-checkbox">
              <input
                type="checkbox"
                className="form-checkbox"
                id={`method-${m}`}
                name="learningMethods"
                value={m}
              />
              <label htmlFor={`method-${m}`}>{t(`pilots.methods.${m}`)}</label>
            </div>
          ))}
        </fieldset>
        <Field
          label={t('pilots.hoursPerWeek')}
          name="hoursPerWeek"
          inputMode="numeric"
          required
          error={f('hoursPerWeek')}
        />
        <Field
          label={t('pilots.weeks')}
          name="weeks"
          inputMode="numeric"
          required
          error={f('weeks')}
        />
        <Field
          label={t('pilots.capacity')}
          name="capacity"
          inputMode="numeric"
          required
          error={f('capacity')}
        />
        <Field
          label={t('pilots.startsOn')}
          name="startsOn"
          type="date"
          required
          error={f('startsOn')}
        />
        <Field label={t('pilots.endsOn')} name="endsOn" type="date" required error={f('endsOn')} />
        <Field
          label={t('pilots.budget')}
          name="budgetDkk"
          inputMode="numeric"
          required
          error={f('budgetDkk')}
        />
        <fieldset className="form-group">
          <legend className="form-label">{t('pilots.targetLegend')}</legend>
          <fieldset className="form-group">
            <legend className="form-label">{t('pilots.triageLegend')}</legend>
            {TRIAGE_GROUPS.map((g) => (
              <div key={g} className="form-group-checkbox">
                <input
                  type="checkbox"
                  className="form-checkbox"
                  id={`triage-${g}`}
                  name="triageGroups"
                  value={g}
                />
                <label htmlFor={`triage-${g}`}>{t(`pilots.triage.${g}`)}</label>
              </div>
            ))}
          </fieldset>
          <fieldset className="form-group">
            <legend className="form-label">{t('pilots.educationLegend')}</legend>
            {EDUCATION_LEVELS.map((l) => (
              <div key={l} className="form-group-checkbox">
                <input
                  type="checkbox"
                  className="form-checkbox"
                  id={`education-${l}`}
                  name="educationLevels"
                  value={l}
                />
                <label htmlFor={`education-${l}`}>{t(`citizen.educationLevels.${l}`)}</label>
              </div>
            ))}
          </fieldset>
          <Field
            label={t('pilots.minAge')}
            name="minAge"
            inputMode="numeric"
            error={f('targetGroup.minAge')}
          />
          <Field
            label={t('pilots.maxAge')}
            name="maxAge"
            inputMode="numeric"
            error={f('targetGroup.maxAge')}
          />
          <Field label={t('pilots.jobGoalWords')} name="jobGoalWords" />
        </fieldset>
        <fieldset className="form-group">
          <legend className="form-label">{t('pilots.ruleLegend')}</legend>
          <p className="form-hint">{t('pilots.ruleHint')}</p>
          <div className="form-group">
            <label className="form-label" htmlFor="outcomeWeeks">
              {t('pilots.outcomeWeeks')}
            </label>
            <select id="outcomeWeeks" name="outcomeWeeks" className="form-select" defaultValue="26">
              {OUTCOME_WEEKS.map((w) => (
                <option key={w} value={w}>
                  {t('pilots.weeksN', { n: w })}
                </option>
              ))}
            </select>
          </div>
          <Field
            label={t('pilots.minimumEffect')}
            name="minimumEffect"
            inputMode="numeric"
            required
            error={f('decisionRule.minimumEffect')}
          />
          <fieldset className="form-group">
            <legend className="form-label">{t('pilots.method')}</legend>
            {(['lottery', 'matching'] as const).map((m) => (
              <div key={m} className="form-group-radio">
                <input
                  type="radio"
                  className="form-radio"
                  id={`rule-${m}`}
                  name="method"
                  value={m}
                  defaultChecked={m === 'lottery'}
                />
                <label htmlFor={`rule-${m}`}>
                  {m === 'lottery' ? t('pilots.methodLottery') : t('pilots.methodMatching')}
                </label>
              </div>
            ))}
          </fieldset>
          <Field
            label={t('pilots.stretchWeeks')}
            name="stretchWeeks"
            inputMode="numeric"
            defaultValue="4"
            error={f('decisionRule.stretchWeeks')}
          />
        </fieldset>
        <button type="submit" className="button button-primary">
          {t('pilots.create')}
        </button>
      </form>
    </>
  );
}
