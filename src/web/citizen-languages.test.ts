// The citizen pages that exist in every citizen page language have every text they show in each:
// the keys their source (and the shell's frame) asks for, read from the code itself.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMUNITY_LANGS } from '../platform/i18n/languages.constants';
import { AREA_PAGES } from './areas';
import { communityTexts, texts } from './texts';
import { placeholders } from '../platform/i18n/coverage';

/** The allLanguages pages and the files their texts are asked for in. */
const PAGES: Record<string, string[]> = {
  '/min-plan': ['learning/web/MyPlanPage.tsx'],
  '/badges/tjek': ['learning/web/VerifyPage.tsx'],
  '/mine-arrangementer': ['matching/web/MyEventsPage.tsx'],
};
const FRAME = ['web/Layout.tsx', 'web/ui.tsx'];

const lookup = (tree: Record<string, unknown>, key: string): unknown =>
  key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)?.[part], tree);

function staticKeys(file: string): string[] {
  const source = fs.readFileSync(path.join(import.meta.dirname, '..', file), 'utf8');
  return [...source.matchAll(/\bt\(\s*'([a-zA-Z0-9_.]+)'/g)].map((m) => m[1]!);
}

const danish = texts('da');
const keysUnder = (prefix: string) =>
  Object.keys(lookup(danish, prefix) as object).map((k) => `${prefix}.${k}`);

/** Keys the pages build at run time, and the menu entries a citizen has. */
const DYNAMIC = [
  'myPlan.accepted',
  'myPlan.declined',
  'myPlan.confirmCancel',
  ...keysUnder('learning.plan.kinds'),
  ...keysUnder('verify.reasons'),
  'roles.citizen',
  'nav.myPlan',
  'nav.myData',
  'myEvents.title',
  'pool.nav',
];

/** Texts that may read as the Danish: the product's name, and "Test {{n}}" in Turkish or Polish. */
const SAME = new Set(['app.name', 'myPlan.testN']);

describe('citizen pages in every language', () => {
  it('lists exactly the pages marked allLanguages', () => {
    const marked = AREA_PAGES.flatMap((a) => a.pages)
      .filter((p) => p.allLanguages)
      .map((p) => p.path)
      .sort();
    expect(marked).toEqual(Object.keys(PAGES).sort());
  });

  const keys = [
    ...new Set([...Object.values(PAGES).flat(), ...FRAME].flatMap(staticKeys).concat(DYNAMIC)),
  ].filter((k) => !['nav.language', 'nav.languageLabel'].includes(k));

  it('finds the keys the pages ask for', () => {
    expect(keys).toEqual(expect.arrayContaining(['myPlan.title', 'verify.check', 'myEvents.join']));
    for (const key of keys) expect(typeof lookup(danish, key), key).toBe('string');
  });

  it.each(COMMUNITY_LANGS)(
    '%s has each of them itself, with the same placeholders',
    async (lang) => {
      const own = await communityTexts(lang);
      for (const key of keys) {
        const text = lookup(own, key);
        expect(typeof text, `${lang} ${key}`).toBe('string');
        expect(placeholders(text as string), `${lang} ${key}`).toEqual(
          placeholders(lookup(danish, key) as string),
        );
        if (!SAME.has(key)) expect(text, `${lang} ${key}`).not.toBe(lookup(danish, key));
      }
    },
  );
});
