import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { EDUCATION_LEVELS } from '../people.constants';

/** Highest completed education; empty = not known. */
export function EducationSelect({
  defaultValue,
  error,
  optional,
}: {
  defaultValue?: string | null;
  error?: string;
  optional?: string;
}) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className={`form-group${error ? ' form-error' : ''}`}>
      <label className="form-label" htmlFor={id}>
        {t('citizen.educationLevel') + (optional ?? '')}
      </label>
      {error && (
        <span className="form-error-message" id={`${id}-err`}>
          {error}
        </span>
      )}
      <select
        id={id}
        name="educationLevel"
        className="form-select"
        defaultValue={defaultValue ?? ''}
        aria-describedby={error ? `${id}-err` : undefined}
      >
        <option value="">{t('citizen.educationUnknown')}</option>
        {EDUCATION_LEVELS.map((l) => (
          <option key={l} value={l}>
            {t(`citizen.educationLevels.${l}`)}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A citizen's highest education as text, or "not stated". */
export function educationText(t: (key: string) => string, level: string | null): string {
  return level ? t(`citizen.educationLevels.${level}`) : t('citizen.educationUnknown');
}
