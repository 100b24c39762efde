// The texts the web app shows: the shell's and every area's, merged once for each language.
import da from './locales/da';
import en from './locales/en';
import type { Lang } from './lang';
import { AREA_PAGES } from './areas';
import { SHARED_TEXTS } from './pages';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/**
 * The shell's texts and every area's, which own distinct top-level keys — except the shared
 * registries, where each area adds its own entries (the access log's actions and purposes).
 */
export function texts(lang: Lang): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...(lang === 'da' ? da : en) };
  for (const area of AREA_PAGES)
    for (const [key, value] of Object.entries(area.texts?.[lang] ?? {})) {
      if (SHARED_TEXTS.includes(key)) {
        const into: Record<string, unknown> = isRecord(merged[key]) ? { ...merged[key] } : {};
        for (const [entry, text] of Object.entries(isRecord(value) ? value : {})) {
          if (entry in into) throw new Error(`two owners of the text "${key}.${entry}"`);
          into[entry] = text;
        }
        merged[key] = into;
      } else {
        if (key in merged) throw new Error(`two owners of the texts under "${key}"`);
        merged[key] = value;
      }
    }
  return merged;
}
