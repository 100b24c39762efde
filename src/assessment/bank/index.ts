// The original Digiløft item bank (Danish first, English second), tagged with DigComp 2.2
// competence and level. The database is seeded from here; admins edit it there.
import { AREA1 } from './area1';
import { AREA2 } from './area2';
import { AREA3 } from './area3';
import { AREA4 } from './area4';
import { AREA5 } from './area5';
import { SIMULATIONS } from './simulations';
import { SELF_RATINGS } from './self-ratings';
import { areaOf, startParameters, type BankEntry } from './bank.model';
import { BANK_TRANSLATIONS, withTranslation } from './languages';
import { EARLIER_WORDING } from './earlier-wording';
import type { CommunityLang } from '../../platform/i18n/languages.constants';
import type { BankItem, Area } from '../cat/cat.model';

/** The bank as written in Danish and English. */
export const ORIGINAL_ITEMS: readonly BankEntry[] = [
  ...AREA1,
  ...AREA2,
  ...AREA3,
  ...AREA4,
  ...AREA5,
  ...SIMULATIONS,
  ...SELF_RATINGS,
];

/** The bank with its texts in every language it has been translated into. */
export const ITEM_BANK: readonly BankEntry[] = ORIGINAL_ITEMS.map((entry) =>
  Object.entries(BANK_TRANSLATIONS).reduce(
    (e, [lang, translation]) => withTranslation(e, lang as CommunityLang, translation),
    entry,
  ),
);

export * from './bank.model';

/** The bank as the adaptive engine sees it, with start parameters. */
export function catBank(entries: readonly BankEntry[] = ITEM_BANK): BankItem[] {
  return entries.map((e) => ({
    id: e.id,
    // Every competence in the bank is checked against DigComp in bank.test.ts.
    area: areaOf(e.competence) as Area,
    model: startParameters(e),
    scored: e.type !== 'self_rating',
  }));
}

/** An original item's Danish as it was worded before (see earlier-wording.ts); none for most. */
export function earlierDanish(entry: BankEntry): unknown[] {
  const pairs = EARLIER_WORDING[entry.id];
  if (!pairs) return [];
  const before = new Map(pairs);
  const back = (v: unknown): unknown =>
    typeof v === 'string'
      ? (before.get(v) ?? v)
      : Array.isArray(v)
        ? v.map(back)
        : v && typeof v === 'object'
          ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, back(x)]))
          : v;
  return [back(entry.text.da)];
}
