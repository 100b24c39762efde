// The language picker of the citizen pages: each language by its own name (and in its own
// script and direction), under a globe, so a citizen who reads no Danish finds theirs.
import { LANGUAGE_NAMES, RTL_LANGS, type PageLang } from '../platform/i18n/languages.constants';
import { Icon } from './icons';

export function LanguagePicker({
  lang,
  offered,
  label,
  onChange,
}: {
  lang: PageLang;
  offered: readonly PageLang[];
  /** "Sprog" in the page's language. */
  label: string;
  onChange: (lang: PageLang) => void;
}) {
  return (
    <p className="dl-lang">
      <label htmlFor="page-lang" className="dl-lang-label">
        <Icon name="globe" size={20} />
        {label}
        {/* Also in English, which many who read no Danish recognise. */}
        {lang !== 'en' && <span lang="en"> · Language</span>}
      </label>
      <select
        id="page-lang"
        className="form-select dl-lang-select"
        value={lang}
        onChange={(e) => onChange(e.target.value as PageLang)}
      >
        {offered.map((l) => (
          <option key={l} value={l} lang={l} dir={RTL_LANGS.includes(l) ? 'rtl' : 'ltr'}>
            {LANGUAGE_NAMES[l]}
          </option>
        ))}
      </select>
    </p>
  );
}
