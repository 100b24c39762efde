// The texts the web app shows: the shell's and every area's, merged once for each language.
import da from './locales/da';
import en from './locales/en';
import type { CommunityLang } from '../platform/i18n/languages.constants';
import { AREA_PAGES } from './areas';
import { SHARED_TEXTS } from './pages';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/**
 * The shell's texts and every area's, which own distinct top-level keys — except the shared
 * registries, where each area adds its own entries (the access log's actions and purposes).
 */
export function texts(lang: 'da' | 'en'): Record<string, unknown> {
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

/** Deep-merges `from` into `into`; a text defined twice is a mistake. */
function mergeInto(into: Record<string, unknown>, from: object, at: string) {
  for (const [key, value] of Object.entries(from)) {
    const path = at ? `${at}.${key}` : key;
    if (isRecord(value)) {
      const inner = isRecord(into[key]) ? into[key] : (into[key] = {});
      mergeInto(inner, value, path);
    } else {
      if (key in into) throw new Error(`two owners of the text "${path}"`);
      into[key] = value;
    }
  }
}

/**
 * A community language's texts: the shell's frame and the citizen pages that exist in every
 * language. Anything else falls back to Danish, and those pages are shown in Danish (Layout).
 */
export async function communityTexts(lang: CommunityLang): Promise<Record<string, unknown>> {
  const merged: Record<string, unknown> = {};
  const [shell, ...areas] = await Promise.all([
    import('./locales/community').then((m) => m.COMMUNITY_SHELL),
    ...AREA_PAGES.flatMap((a) => (a.communityTexts ? [a.communityTexts()] : [])),
  ]);
  mergeInto(merged, shell[lang], '');
  for (const area of areas) mergeInto(merged, area[lang], '');
  return merged;
}
