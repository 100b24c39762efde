import { useState, type FormEvent } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
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
import { EDUCATION_LEVELS } from '../../vocabulary';
import { ROLE_LANGUAGES, WORKPLACE_LEARNING } from '../companies.constants';
import type { RoleInput } from '../job-roles.contract';

const ALL_COMPETENCES = ['1', '2', '3', '4', '5'].flatMap(competencesOfArea);

interface Chosen {
  competence: string;
  level: number;
}

/**
 * A role the company needs, made for the phone: the job title, the ESCO occupation (Danish
 * words find it too) whose digital competences fill the list, then what else the job asks.
 */
export default function RoleNewPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'da';
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const company = useQuery({
    queryKey: ['company', id],
    queryFn: () => call('GET /api/companies/:id', { params: { id } }),
  });
  const [q, setQ] = useState('');
  const [occupation, setOccupation] = useState<{ id: string; label: string } | null>(null);
  const [competences, setCompetences] = useState<Chosen[]>([]);
  const [adding, setAdding] = useState(ALL_COMPETENCES[0]!);
  const [error, setError] = useState<unknown>(null);
  const results = useQuery({
    queryKey: ['esco', q],
    queryFn: () => call('GET /api/esco/occupations', { query: { q } }),
    enabled: q.length >= 2,
  });

  async function choose(o: { id: string; label: string }) {
    setOccupation(o);
    setError(null);
    try {
      const r = await call('GET /api/job-roles/requirements', { query: { occupationId: o.id } });
      setCompetences(r.competences.map((c) => ({ competence: c.competence, level: c.level })));
    } catch (err) {
      setError(err);
    }
  }

  function search(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setQ(formText(new FormData(e.currentTarget), 'q').trim());
  }

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    setError(null);
    try {
      await call('POST /api/companies/:id/roles', {
        params: { id },
        body: asEntered<RoleInput>({
          title: formText(data, 'title'),
          occupationId: occupation?.id ?? null,
          people: numberFrom(data, 'people'),
          neededBy: formText(data, 'neededBy') || null,
          location: formText(data, 'location'),
          competences,
          education: formText(data, 'education') || null,
          languages: data.getAll('languages'),
          otherRequirements: formText(data, 'otherRequirements'),
          workplaceLearning: data.getAll('workplaceLearning'),
        }),
      });
      await qc.invalidateQueries({ queryKey: ['company-roles', id] });
      await qc.invalidateQueries({ queryKey: ['company', id] });
      await navigate(`/virksomheder/${id}`);
    } catch (err) {
      setError(err);
    }
  }

  if (company.isPending) return <Loading />;
  if (!company.data) return <ErrorSummary error={company.error} />;
  const f = (path: string) => fieldError(error, path);
  const setLevel = (competence: string, level: number) =>
    setCompetences((cs) => cs.map((c) => (c.competence === competence ? { ...c, level } : c)));

  return (
    <div className="dl-narrow">
      <PageTitle>{t('role.title', { company: company.data.name })}</PageTitle>
      <ErrorSummary error={error} />
      <form role="search" onSubmit={search} className="dl-form">
        <div className="form-group">
          <label className="form-label" htmlFor="role-q">
            {t('role.occupation')}
          </label>
          <span className="form-hint" id="role-q-hint">
            {t('role.occupationHint')}
          </span>
          <input
            id="role-q"
            name="q"
            className="form-input"
            type="search"
            aria-describedby="role-q-hint"
          />
        </div>
        <button type="submit" className="button button-secondary">
          {t('role.occupationSearch')}
        </button>
      </form>
      {occupation && <p aria-live="polite">{t('role.chosen', { label: occupation.label })}</p>}
      {q.length >= 2 && results.data && (
        <section aria-label={t('role.occupationResults')}>
          {results.data.occupations.length === 0 ? (
            <p>{t('role.occupationNone')}</p>
          ) : (
            <ul className="dl-links">
              {results.data.occupations.slice(0, 8).map((o) => (
                <li key={o.id}>
                  {o.label}{' '}
                  <button
                    type="button"
                    className="button button-tertiary"
                    aria-label={`${t('role.choose')}: ${o.label}`}
                    onClick={() => void choose(o)}
                  >
                    {t('role.choose')}
                  </button>
                </li>
              ))}
            </ul>
          )}
          <p className="form-hint">{results.data.attribution}</p>
        </section>
      )}

      <form onSubmit={(e) => void submit(e)} noValidate className="dl-form">
        <Field
          label={t('role.name')}
          hint={t('role.nameHint')}
          name="title"
          required
          error={f('title')}
        />
        <Field
          label={t('role.people')}
          name="people"
          inputMode="numeric"
          required
          defaultValue="1"
          error={f('people')}
        />
        <Field label={t('role.neededBy')} name="neededBy" type="date" error={f('neededBy')} />
        <Field label={t('role.location')} name="location" error={f('location')} />
        <fieldset className={`form-group${f('competences') ? ' form-error' : ''}`}>
          <legend className="form-label">{t('role.competences')}</legend>
          <p className="form-hint">{t('role.competencesHint')}</p>
          {f('competences') && <span className="form-error-message">{f('competences')}</span>}
          <ul className="dl-links">
            {competences.map((c) => {
              const name = `${c.competence} ${digcompTitle(c.competence, lang)}`;
              return (
                <li key={c.competence}>
                  <label htmlFor={`level-${c.competence}`}>{name}</label>{' '}
                  <select
                    id={`level-${c.competence}`}
                    className="form-select"
                    value={c.level}
                    onChange={(e) => setLevel(c.competence, Number(e.target.value))}
                  >
                    {[1, 2, 3, 4, 5, 6, 7, 8].map((l) => (
                      <option key={l} value={l}>
                        {t('role.level')}: {l}
                      </option>
                    ))}
                  </select>{' '}
                  <button
                    type="button"
                    className="button button-tertiary"
                    onClick={() =>
                      setCompetences((cs) => cs.filter((x) => x.competence !== c.competence))
                    }
                  >
                    {t('role.remove', { name })}
                  </button>
                </li>
              );
            })}
          </ul>
          <div className="dl-toolbar">
            <div className="form-group">
              <label className="form-label" htmlFor="role-add">
                {t('role.competence')}
              </label>
              <select
                id="role-add"
                className="form-select"
                value={adding}
                onChange={(e) => setAdding(e.target.value)}
              >
                {ALL_COMPETENCES.filter((x) => !competences.some((c) => c.competence === x)).map(
                  (x) => (
                    <option key={x} value={x}>
                      {x} {digcompTitle(x, lang)}
                    </option>
                  ),
                )}
              </select>
            </div>
            <button
              type="button"
              className="button button-secondary"
              onClick={() =>
                competences.some((c) => c.competence === adding)
                  ? undefined
                  : setCompetences((cs) => [...cs, { competence: adding, level: 3 }])
              }
            >
              {t('role.addCompetence')}
            </button>
          </div>
        </fieldset>
        <div className="form-group">
          <label className="form-label" htmlFor="role-education">
            {t('role.education')}
          </label>
          <select id="role-education" name="education" className="form-select">
            <option value="">{t('role.noEducation')}</option>
            {EDUCATION_LEVELS.map((l) => (
              <option key={l} value={l}>
                {t(`citizen.educationLevels.${l}`)}
              </option>
            ))}
          </select>
        </div>
        <CheckboxGroup
          legend={t('role.languages')}
          name="languages"
          options={ROLE_LANGUAGES.map((l) => ({ value: l, label: t(`role.languageNames.${l}`) }))}
        />
        <Field
          label={t('role.other')}
          name="otherRequirements"
          multiline
          error={f('otherRequirements')}
        />
        <CheckboxGroup
          legend={t('role.workplaceLearning')}
          name="workplaceLearning"
          options={WORKPLACE_LEARNING.map((w) => ({ value: w, label: t(`role.learning.${w}`) }))}
        />
        <button type="submit" className="button button-primary">
          {t('role.post')}
        </button>
      </form>
      <p className="form-hint">{t('role.attribution')}</p>
    </div>
  );
}
