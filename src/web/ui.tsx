// Small shared UI parts on top of Det Fælles Designsystem's CSS classes.
import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, type FieldError } from './api';

let initialPage = true;

export function PageTitle({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  // After client-side navigation, move focus to the heading so screen readers announce the new
  // page. The first page of a visit keeps the browser's own focus order (skip link first).
  useEffect(() => {
    if (initialPage) {
      initialPage = false;
      return;
    }
    ref.current?.focus();
  }, []);
  return (
    <h1 ref={ref} tabIndex={-1}>
      {children}
    </h1>
  );
}

export function ErrorSummary({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (error) ref.current?.focus();
  }, [error]);
  if (!error) return null;
  const message = error instanceof Error ? error.message : typeof error === 'string' ? error : '';
  const fields = error instanceof ApiError ? error.fields : [];
  return (
    <div className="alert alert-error" role="alert" tabIndex={-1} ref={ref}>
      <div className="alert-body">
        <p className="alert-heading">{t('common.errorTitle')}</p>
        <p className="alert-text">{fields.length === 0 ? message : null}</p>
        {fields.length > 0 && (
          <ul className="alert-text">
            {fields.map((f) => (
              <li key={f.path}>
                {f.path ? `${f.path}: ` : ''}
                {f.message}
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}

export function fieldError(error: unknown, path: string): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  return error.fields.find((f: FieldError) => f.path === path)?.message;
}

interface FieldProps {
  label: string;
  name: string;
  type?: string;
  hint?: string;
  error?: string;
  required?: boolean;
  defaultValue?: string | null;
  autoComplete?: string;
  inputMode?: 'text' | 'numeric' | 'email' | 'tel';
  multiline?: boolean;
}

export function Field(p: FieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errId = `${id}-err`;
  const describedBy =
    [p.hint ? hintId : null, p.error ? errId : null].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    name: p.name,
    className: 'form-input',
    required: p.required,
    defaultValue: p.defaultValue ?? '',
    'aria-describedby': describedBy,
    'aria-invalid': p.error ? true : undefined,
  } as const;
  return (
    <div className={`form-group${p.error ? ' form-error' : ''}`}>
      <label className="form-label" htmlFor={id}>
        {p.label}
      </label>
      {p.hint && (
        <span className="form-hint" id={hintId}>
          {p.hint}
        </span>
      )}
      {p.error && (
        <span className="form-error-message" id={errId}>
          {p.error}
        </span>
      )}
      {p.multiline ? (
        <textarea {...common} rows={4} />
      ) : (
        <input
          {...common}
          type={p.type ?? 'text'}
          autoComplete={p.autoComplete}
          inputMode={p.inputMode}
        />
      )}
    </div>
  );
}

export function Loading() {
  const { t } = useTranslation();
  return <p aria-live="polite">{t('common.loading')}</p>;
}

export function formText(data: FormData, key: string, fallback = ''): string {
  const v = data.get(key);
  return typeof v === 'string' ? v : fallback;
}

export function formValues(form: HTMLFormElement): Record<string, string> {
  const out: Record<string, string> = {};
  new FormData(form).forEach((v, k) => {
    if (typeof v === 'string') out[k] = v;
  });
  return out;
}

export function formatDateTime(iso: string, lang: string) {
  return new Date(iso).toLocaleString(lang === 'en' ? 'en-GB' : 'da-DK', {
    dateStyle: 'medium',
    timeStyle: 'short',
  });
}

/** A horizontally scrollable table region that keyboard users can reach and scroll. */
export function TableWrap({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="dl-table-wrap" tabIndex={0} role="region" aria-label={label}>
      {children}
    </div>
  );
}

/** A table's column headings. */
export function HeadRow({ columns }: { columns: readonly string[] }) {
  return (
    <thead>
      <tr>
        {columns.map((c, i) => (
          <th key={i} scope="col">
            {c}
          </th>
        ))}
      </tr>
    </thead>
  );
}

/** A group of checkboxes sharing one name (read back with FormData.getAll). */
export function CheckboxGroup({
  legend,
  name,
  options,
  error,
  checked = [],
}: {
  legend: string;
  name: string;
  options: { value: string; label: string }[];
  error?: string;
  /** The values ticked to begin with. */
  checked?: readonly string[];
}) {
  const id = useId();
  return (
    <fieldset className={`form-group${error ? ' form-error' : ''}`}>
      <legend className="form-label">{legend}</legend>
      {error && <span className="form-error-message">{error}</span>}
      {options.map((o) => (
        <div key={o.value} className="form-group-checkbox">
          <input
            type="checkbox"
            className="form-checkbox"
            id={`${id}-${o.value}`}
            name={name}
            value={o.value}
            defaultChecked={checked.includes(o.value)}
          />
          <label htmlFor={`${id}-${o.value}`}>{o.label}</label>
        </div>
      ))}
    </fieldset>
  );
}

/** A number field's value; undefined when empty (the server then says what is missing). */
export const numberFrom = (data: FormData, key: string) => {
  const v = formText(data, key).trim();
  return v === '' ? undefined : Number(v.replace(',', '.'));
};

/** A list of texts (table columns) from the translations; empty if the key holds no list. */
export function textList(
  t: (key: string, options: { returnObjects: true }) => unknown,
  key: string,
): string[] {
  const value = t(key, { returnObjects: true });
  return Array.isArray(value) ? value.map(String) : [];
}
