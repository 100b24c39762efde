import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { LEARNING_METHODS, TRIAGE_GROUPS } from '../pilots.constants';
import { RuleFields, ruleFrom } from './fields';
import { EDUCATION_LEVELS } from '../../people/people.constants';
import type { PilotCreateInput } from '../pilots.contract';
import { asEntered, call } from '../../web/api';
import { digcompTitle } from '../../learning/digcomp.model';
import {
  CheckboxGroup,
  ErrorSummary,
  Field,
  PageTitle,
  fieldError,
  formText,
  numberFrom,
} from '../../web/ui';

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
      const created = await call('POST /api/pilots', {
        body: asEntered<PilotCreateInput>({
          name: formText(data, 'name'),
          description: formText(data, 'description'),
          learningMethods: data.getAll('learningMethods'),
          hoursPerWeek: numberFrom(data, 'hoursPerWeek'),
          weeks: numberFrom(data, 'weeks'),
          capacity: numberFrom(data, 'capacity'),
          startsOn: formText(data, 'startsOn'),
          endsOn: formText(data, 'endsOn'),
          budgetDkk: numberFrom(data, 'budgetDkk'),
          targetGroup: {
            triageGroups: data.getAll('triageGroups'),
            educationLevels: data.getAll('educationLevels'),
            minAge: numberFrom(data, 'minAge'),
            maxAge: numberFrom(data, 'maxAge'),
            jobGoalWords: formText(data, 'jobGoalWords')
              .split(',')
              .map((w) => w.trim())
              .filter(Boolean),
          },
          decisionRule: ruleFrom(data),
        }),
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
      <Demand />
      <form onSubmit={(e) => void submit(e)} noValidate className="dl-form">
        <ErrorSummary error={error} />
        <Field label={t('pilots.name')} name="name" required error={f('name')} />
        <Field label={t('pilots.description')} name="description" multiline />
        <CheckboxGroup
          legend={t('pilots.methodsLegend')}
          name="learningMethods"
          error={f('learningMethods')}
          options={LEARNING_METHODS.map((m) => ({ value: m, label: t(`methods.${m}`) }))}
        />
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
          <CheckboxGroup
            legend={t('pilots.triageLegend')}
            name="triageGroups"
            options={TRIAGE_GROUPS.map((g) => ({ value: g, label: t(`pilots.triage.${g}`) }))}
          />
          <CheckboxGroup
            legend={t('pilots.educationLegend')}
            name="educationLevels"
            options={EDUCATION_LEVELS.map((l) => ({
              value: l,
              label: t(`citizen.educationLevels.${l}`),
            }))}
          />
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
          <RuleFields error={f} />
        </fieldset>
        <button type="submit" className="button button-primary">
          {t('pilots.create')}
        </button>
      </form>
    </>
  );
}

/** The demand behind the competences a pilot could lift: what companies' roles ask most. */
function Demand() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'da';
  const demand = useQuery({
    queryKey: ['demand', 'competence'],
    queryFn: () => call('GET /api/demand', { query: { by: 'competence' } }),
  });
  const top = (demand.data?.cells ?? [])
    .filter((c) => c.source === 'roles')
    .sort((a, b) => b.value - a.value)
    .slice(0, 6);
  if (top.length === 0) return null;
  return (
    <section className="dl-card" aria-labelledby="pilot-demand">
      <h2 id="pilot-demand">{t('pilots.demand')}</h2>
      <p>{t('pilots.demandIntro')}</p>
      <ul>
        {top.map((c) => (
          <li key={c.competence}>
            {t('pilots.demandItem', {
              competence: `${c.competence} ${digcompTitle(c.competence, lang)}`,
              people: c.value,
            })}
          </li>
        ))}
      </ul>
      <p>
        <Link to="/efterspoergsel">{t('pilots.demandMore')}</Link>
      </p>
    </section>
  );
}
