import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import {
  COMPETENCES,
  LEARNING_METHODS,
  OFFER_FORMATS,
  OFFER_LANGUAGES,
  PROVIDER_KINDS,
} from '../learning.constants';
import type { OfferView } from '../learning.contract';
import { api } from '../../web/api';
import {
  CheckboxGroup,
  ErrorSummary,
  Field,
  PageTitle,
  fieldError,
  formText,
  numberFrom,
} from '../../web/ui';
import { competenceLabel } from './texts';

const LEVELS = [1, 2, 3, 4, 5, 6, 7, 8];

function Select(p: {
  id: string;
  name: string;
  label: string;
  options: { value: string; label: string }[];
  defaultValue?: string;
}) {
  return (
    <div className="form-group">
      <label className="form-label" htmlFor={p.id}>
        {p.label}
      </label>
      <select id={p.id} name={p.name} className="form-select" defaultValue={p.defaultValue}>
        {p.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A new learning offer for the catalogue. */
export default function OfferNewPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [error, setError] = useState<unknown>(null);
  const levelOptions = LEVELS.map((n) => ({
    value: String(n),
    label: t('learning.levelN', { n }),
  }));

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    setError(null);
    const liftLevel = numberFrom(data, 'liftLevel');
    const prerequisite = formText(data, 'prerequisite');
    try {
      const created = await api<OfferView>('/api/learning/offers', {
        method: 'POST',
        body: {
          name: formText(data, 'name'),
          description: formText(data, 'description'),
          providerKind: formText(data, 'providerKind'),
          providerName: formText(data, 'providerName'),
          hostCvr: formText(data, 'hostCvr').trim() || null,
          methods: data.getAll('methods'),
          format: formText(data, 'format'),
          hoursPerWeek: numberFrom(data, 'hoursPerWeek'),
          weeks: numberFrom(data, 'weeks'),
          lifts: data.getAll('lifts').map((competence) => ({ competence, level: liftLevel })),
          prerequisites: prerequisite
            ? [{ competence: prerequisite, level: numberFrom(data, 'prerequisiteLevel') }]
            : [],
          prerequisitesText: formText(data, 'prerequisitesText'),
          languages: data.getAll('languages'),
          capacity: numberFrom(data, 'capacity'),
          priceDkk: numberFrom(data, 'priceDkk') ?? 0,
          mainstreaming: data.get('mainstreaming') === 'on',
        },
      });
      await qc.invalidateQueries({ queryKey: ['offers'] });
      await navigate(`/kurser/${created.id}`);
    } catch (err) {
      setError(err);
    }
  }

  const f = (path: string) => fieldError(error, path);
  return (
    <>
      <PageTitle>{t('learning.new')}</PageTitle>
      <form onSubmit={(e) => void submit(e)} noValidate className="dl-form">
        <ErrorSummary error={error} />
        <Field label={t('learning.name')} name="name" required error={f('name')} />
        <Field label={t('learning.description')} name="description" multiline />
        <Select
          id="offer-provider-kind"
          name="providerKind"
          label={t('learning.providerKind')}
          options={PROVIDER_KINDS.map((k) => ({
            value: k,
            label: t(`learning.providerKinds.${k}`),
          }))}
        />
        <Field
          label={t('learning.providerName')}
          name="providerName"
          required
          error={f('providerName')}
        />
        <Field
          label={t('learning.hostCvr')}
          name="hostCvr"
          inputMode="numeric"
          error={f('hostCvr')}
        />
        <CheckboxGroup
          legend={t('learning.methodsLegend')}
          name="methods"
          error={f('methods')}
          options={LEARNING_METHODS.map((m) => ({ value: m, label: t(`methods.${m}`) }))}
        />
        <Select
          id="offer-format"
          name="format"
          label={t('learning.format')}
          options={OFFER_FORMATS.map((k) => ({ value: k, label: t(`learning.formats.${k}`) }))}
        />
        <Field
          label={t('learning.hoursPerWeek')}
          name="hoursPerWeek"
          inputMode="numeric"
          required
          error={f('hoursPerWeek')}
        />
        <Field
          label={t('learning.weeks')}
          name="weeks"
          inputMode="numeric"
          required
          error={f('weeks')}
        />
        <CheckboxGroup
          legend={t('learning.liftsLegend')}
          name="lifts"
          error={f('lifts')}
          options={COMPETENCES.map((c) => ({ value: c, label: competenceLabel(c, i18n.language) }))}
        />
        <Select
          id="offer-lift-level"
          name="liftLevel"
          label={t('learning.liftsLevel')}
          options={levelOptions}
          defaultValue="3"
        />
        <Select
          id="offer-prerequisite"
          name="prerequisite"
          label={t('learning.prerequisite')}
          options={[
            { value: '', label: t('learning.noPrerequisite') },
            ...COMPETENCES.map((c) => ({ value: c, label: competenceLabel(c, i18n.language) })),
          ]}
        />
        <Select
          id="offer-prerequisite-level"
          name="prerequisiteLevel"
          label={t('learning.prerequisiteLevel')}
          options={levelOptions}
          defaultValue="2"
        />
        <Field label={t('learning.prerequisitesText')} name="prerequisitesText" />
        <CheckboxGroup
          legend={t('learning.languagesLegend')}
          name="languages"
          error={f('languages')}
          options={OFFER_LANGUAGES.map((l) => ({ value: l, label: t(`learning.languages.${l}`) }))}
        />
        <Field
          label={t('learning.capacity')}
          name="capacity"
          inputMode="numeric"
          required
          error={f('capacity')}
        />
        <Field
          label={t('learning.price')}
          name="priceDkk"
          inputMode="numeric"
          error={f('priceDkk')}
        />
        <div className="form-group-checkbox">
          <input
            id="offer-mainstreaming"
            type="checkbox"
            className="form-checkbox"
            name="mainstreaming"
          />
          <label htmlFor="offer-mainstreaming">{t('learning.mainstreaming')}</label>
        </div>
        <button type="submit" className="button button-primary">
          {t('learning.create')}
        </button>
      </form>
    </>
  );
}
