// The offer's fields, for a new offer and for changing one.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  COMPETENCES,
  LEARNING_METHODS,
  OFFER_FORMATS,
  OFFER_LANGUAGES,
  PROVIDER_KINDS,
} from '../learning.constants';
import type { OfferInput, OfferView } from '../learning.contract';
import { asEntered } from '../../web/api';
import { CheckboxGroup, Field, fieldError, formText, numberFrom } from '../../web/ui';
import { competenceLabel } from './texts';

type Levels = { competence: string; level: number }[];

function Select(p: {
  id: string;
  name?: string;
  label: string;
  options: { value: string; label: string }[];
  value?: string;
  defaultValue?: string;
  onChange?: (v: string) => void;
}) {
  return (
    <div className="form-group">
      <label className="form-label" htmlFor={p.id}>
        {p.label}
      </label>
      <select
        id={p.id}
        name={p.name}
        className="form-select"
        defaultValue={p.defaultValue}
        value={p.value}
        onChange={p.onChange ? (e) => p.onChange!(e.target.value) : undefined}
      >
        {p.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Rows of DigComp competence and level, added and removed one by one. */
function CompetenceLevels(p: {
  legend: string;
  rows: Levels;
  onChange: (rows: Levels) => void;
  error?: string;
}) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const set = (i: number, row: Levels[number]) =>
    p.onChange(p.rows.map((r, k) => (k === i ? row : r)));
  return (
    <fieldset className={`form-group${p.error ? ' form-error' : ''}`}>
      <legend className="form-label">{p.legend}</legend>
      {p.error && <span className="form-error-message">{p.error}</span>}
      {p.rows.map((r, i) => (
        <div key={i} className="dl-toolbar">
          <Select
            id={`${id}-c${i}`}
            label={t('learning.competenceN', { n: i + 1 })}
            value={r.competence}
            onChange={(v) => set(i, { ...r, competence: v })}
            options={COMPETENCES.map((c) => ({
              value: c,
              label: competenceLabel(c, i18n.language),
            }))}
          />
          <Select
            id={`${id}-l${i}`}
            label={t('learning.levelOfN', { n: i + 1 })}
            value={String(r.level)}
            onChange={(v) => set(i, { ...r, level: Number(v) })}
            options={[1, 2, 3, 4, 5, 6, 7, 8].map((n) => ({
              value: String(n),
              label: t('learning.levelN', { n }),
            }))}
          />
          <button
            type="button"
            className="button button-tertiary"
            onClick={() => p.onChange(p.rows.filter((_, k) => k !== i))}
          >
            {t('learning.removeCompetence', { n: i + 1 })}
          </button>
        </div>
      ))}
      <button
        type="button"
        className="button button-secondary"
        onClick={() => p.onChange([...p.rows, { competence: '1.1', level: 3 }])}
      >
        {t('learning.addCompetence')}
      </button>
    </fieldset>
  );
}

export function useOfferForm(offer?: OfferView) {
  const [lifts, setLifts] = useState<Levels>(offer?.lifts ?? [{ competence: '1.1', level: 3 }]);
  const [prerequisites, setPrerequisites] = useState<Levels>(offer?.prerequisites ?? []);
  /** The offer as the API takes it, from the form's fields and the competence rows. */
  const read = (data: FormData) =>
    asEntered<OfferInput>({
      name: formText(data, 'name'),
      description: formText(data, 'description'),
      providerKind: formText(data, 'providerKind'),
      providerName: formText(data, 'providerName'),
      hostCvr: formText(data, 'hostCvr').trim() || null,
      methods: data.getAll('methods'),
      format: formText(data, 'format'),
      hoursPerWeek: numberFrom(data, 'hoursPerWeek'),
      weeks: numberFrom(data, 'weeks'),
      lifts,
      prerequisites,
      prerequisitesText: formText(data, 'prerequisitesText'),
      languages: data.getAll('languages'),
      capacity: numberFrom(data, 'capacity'),
      priceDkk: numberFrom(data, 'priceDkk') ?? 0,
      mainstreaming: data.get('mainstreaming') === 'on',
    });
  return { lifts, setLifts, prerequisites, setPrerequisites, read };
}

export function OfferFields({
  offer,
  error,
  form,
}: {
  offer?: OfferView;
  error: unknown;
  form: ReturnType<typeof useOfferForm>;
}) {
  const { t } = useTranslation();
  const id = useId();
  const f = (path: string) => fieldError(error, path);
  const num = (v?: number) => (v === undefined ? undefined : String(v));
  return (
    <>
      <Field
        label={t('learning.name')}
        name="name"
        required
        error={f('name')}
        defaultValue={offer?.name}
      />
      <Field
        label={t('learning.description')}
        name="description"
        multiline
        defaultValue={offer?.description}
      />
      <Select
        id={`${id}-kind`}
        name="providerKind"
        label={t('learning.providerKind')}
        defaultValue={offer?.providerKind}
        options={PROVIDER_KINDS.map((k) => ({ value: k, label: t(`learning.providerKinds.${k}`) }))}
      />
      <Field
        label={t('learning.providerName')}
        name="providerName"
        required
        error={f('providerName')}
        defaultValue={offer?.providerName}
      />
      <Field
        label={t('learning.hostCvr')}
        name="hostCvr"
        inputMode="numeric"
        error={f('hostCvr')}
        defaultValue={offer?.hostCvr}
      />
      <CheckboxGroup
        legend={t('learning.methodsLegend')}
        name="methods"
        error={f('methods')}
        options={LEARNING_METHODS.map((m) => ({ value: m, label: t(`methods.${m}`) }))}
        checked={offer?.methods}
      />
      <Select
        id={`${id}-format`}
        name="format"
        label={t('learning.format')}
        defaultValue={offer?.format}
        options={OFFER_FORMATS.map((k) => ({ value: k, label: t(`learning.formats.${k}`) }))}
      />
      <Field
        label={t('learning.hoursPerWeek')}
        name="hoursPerWeek"
        inputMode="numeric"
        required
        error={f('hoursPerWeek')}
        defaultValue={num(offer?.hoursPerWeek)}
      />
      <Field
        label={t('learning.weeks')}
        name="weeks"
        inputMode="numeric"
        required
        error={f('weeks')}
        defaultValue={num(offer?.weeks)}
      />
      <CompetenceLevels
        legend={t('learning.liftsLegend')}
        rows={form.lifts}
        onChange={form.setLifts}
        error={f('lifts')}
      />
      <CompetenceLevels
        legend={t('learning.prerequisite')}
        rows={form.prerequisites}
        onChange={form.setPrerequisites}
        error={f('prerequisites')}
      />
      <Field
        label={t('learning.prerequisitesText')}
        name="prerequisitesText"
        defaultValue={offer?.prerequisitesText}
      />
      <CheckboxGroup
        legend={t('learning.languagesLegend')}
        name="languages"
        error={f('languages')}
        options={OFFER_LANGUAGES.map((l) => ({ value: l, label: t(`learning.languages.${l}`) }))}
        checked={offer?.languages ?? ['da']}
      />
      <Field
        label={t('learning.capacity')}
        name="capacity"
        inputMode="numeric"
        required
        error={f('capacity')}
        defaultValue={num(offer?.capacity)}
      />
      <Field
        label={t('learning.price')}
        name="priceDkk"
        inputMode="numeric"
        error={f('priceDkk')}
        defaultValue={num(offer?.priceDkk)}
      />
      <div className="form-group-checkbox">
        <input
          id={`${id}-mainstreaming`}
          type="checkbox"
          className="form-checkbox"
          name="mainstreaming"
          defaultChecked={offer?.mainstreaming}
        />
        <label htmlFor={`${id}-mainstreaming`}>{t('learning.mainstreaming')}</label>
      </div>
    </>
  );
}
