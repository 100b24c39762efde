// Whether a page's texts exist in every language it offers: what the checks of the test page, the
// workshop pages, the app shell's citizen pages and the server messages they show all ask.
import { PAGE_LANGS, hasMessage, t, type MessageKey, type PageLang } from './messages';

/** The placeholders of a text, {name} (light pages, server) or {{name}} (app shell). */
export const placeholders = (text: string) =>
  [...text.matchAll(/\{\{?(\w+)\}\}?/g)].map((m) => m[1]!).sort();

/** Every text under a tree of texts, by its dotted path. */
export function textsByPath(value: unknown, at = ''): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (v: unknown, path: string) => {
    if (typeof v === 'string') out.set(path, v);
    else if (v && typeof v === 'object')
      for (const [k, x] of Object.entries(v)) walk(x, path ? `${path}.${k}` : k);
  };
  walk(value, at);
  return out;
}

/**
 * What keeps a language's texts from standing in for the Danish, as short lines: a text
 * missing or empty, a placeholder lost or added, or one left in Danish (unless it may read the
 * same, as a service's name does).
 */
export function textGaps(
  lang: PageLang,
  danish: Map<string, string>,
  texts: Map<string, string>,
  same: ReadonlySet<string> = new Set(),
): string[] {
  const gaps: string[] = [];
  for (const [key, source] of danish) {
    const text = texts.get(key);
    if (text === undefined || (text.trim() === '' && source.trim() !== '')) {
      gaps.push(`${lang} ${key}: missing`);
      continue;
    }
    if (placeholders(text).join() !== placeholders(source).join())
      gaps.push(`${lang} ${key}: placeholders differ`);
    if (lang !== 'da' && text === source && source.trim() !== '' && !same.has(key))
      gaps.push(`${lang} ${key}: still Danish`);
  }
  for (const key of texts.keys()) if (!danish.has(key)) gaps.push(`${lang} ${key}: not in Danish`);
  return gaps;
}

/** The same for server messages a page can show, in every page language. */
export function messageGaps(keys: readonly MessageKey[], same: ReadonlySet<string> = new Set()) {
  const danish = new Map(keys.map((k) => [k as string, t('da', k)]));
  return PAGE_LANGS.flatMap((lang) =>
    textGaps(
      lang,
      danish,
      new Map(keys.filter((k) => hasMessage(lang, k)).map((k) => [k as string, t(lang, k)])),
      same,
    ),
  );
}
