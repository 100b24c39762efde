import { describe, expect, it } from 'vitest';
import {
  ITEM_BANK,
  ORIGINAL_ITEMS,
  earlierDanish,
  keepTranslations,
  untranslated,
  withOriginalUpdates,
} from '../index';
import { BANK_TRANSLATIONS } from './index';
import { withTranslation } from './translate';
import { TEST_LANGS } from '../../assessment.constants';
import { PAGE_LANGS, type CommunityLang } from '../../../platform/i18n/languages.constants';
import type { BankEntry } from '../bank.model';
import { EARLIER_WORDING } from '../earlier-wording';

/** Every text of an item in one language, by where it stands. */
function texts(e: BankEntry, lang: keyof BankEntry['text']): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (v: unknown, at: string) => {
    if (typeof v === 'string') out.set(at, v);
    else if (v && typeof v === 'object')
      for (const [k, x] of Object.entries(v)) walk(x, at ? `${at}.${k}` : k);
  };
  walk(e.text[lang], '');
  return out;
}

/** Names of the real services and screens, written as they are in any language. */
const NAMES = ['MitID', 'Digital Post', 'borger.dk', 'Jobnet', 'e-Boks', 'sundhed.dk', 'skat.dk'];

const community = TEST_LANGS.filter((l): l is CommunityLang => l !== 'da' && l !== 'en');

describe('the bank in the community languages', () => {
  it.each(community)('%s has every item, in the shape of the Danish', (lang) => {
    const translation = BANK_TRANSLATIONS[lang]!;
    const ids = new Set(ORIGINAL_ITEMS.map((e) => e.id));
    expect(Object.keys(translation).filter((id) => !ids.has(id))).toEqual([]);
    for (const e of ITEM_BANK) {
      expect(e.text[lang], `${lang} ${e.id}`).toBeDefined();
      const da = texts(e, 'da');
      const en = texts(e, 'en');
      const tr = texts(e, lang);
      expect([...tr.keys()].sort(), `${lang} ${e.id}`).toEqual([...da.keys()].sort());
      for (const [at, text] of tr) {
        if (da.get(at) !== '') expect(text.trim(), `${lang} ${e.id} ${at}`).not.toBe('');
        // A text left as the Danish must be one that reads the same in English too: a file
        // name, an address, a password, a name.
        if (text === da.get(at)) expect(en.get(at), `${lang} ${e.id} ${at} is Danish`).toBe(text);
        for (const name of NAMES)
          if (da.get(at)!.includes(name))
            expect(text, `${lang} ${e.id} ${at} keeps "${name}"`).toContain(name);
      }
    }
  });

  it('keeps the right answer where it is in Danish', () => {
    const e = ORIGINAL_ITEMS.find((x) => x.id === 'k1-01')!;
    expect(e.type).toBe('knowledge');
    const t = withTranslation(e, 'pl', { 'k1-01': ['Q', 'right', 'w1', 'w2', 'w3'] });
    if (t.type !== 'knowledge' || e.type !== 'knowledge') throw new Error('knowledge');
    expect(t.text.pl!.options[t.correct]).toBe('right');
    expect(t.text.pl!.options.filter((o) => o !== 'right')).toEqual(['w1', 'w2', 'w3']);
    expect(t.text.da).toEqual(e.text.da);
  });

  it('refuses a translation of the wrong shape', () => {
    const e = ORIGINAL_ITEMS.find((x) => x.id === 'k1-01')!;
    expect(() => withTranslation(e, 'pl', { 'k1-01': ['Q', 'right'] })).toThrow(/answers/);
    const s = ORIGINAL_ITEMS.find((x) => x.id === 's-post-2')!;
    expect(() => withTranslation(s, 'pl', { 's-post-2': { task: 'T', cards: [{}, {}] } })).toThrow(
      /letters/,
    );
  });

  it('names the languages an item lacks', () => {
    expect(untranslated(ITEM_BANK[0]!)).toEqual([]);
    expect(untranslated(ORIGINAL_ITEMS[0]!)).toEqual(['ar', 'so', 'tr', 'ur', 'fa', 'pl', 'uk']);
  });

  it('drops translations when an admin rewords the Danish, keeps them otherwise', () => {
    const before = { da: 'a', en: 'b', ar: 'c' };
    expect(keepTranslations(before, { da: 'a', en: 'b' })).toEqual(before);
    expect(keepTranslations(before, { da: 'A', en: 'b' })).toEqual({ da: 'A', en: 'b' });
  });

  it('gives an item copied in earlier the languages added since, unless it was reworded', () => {
    const original = ITEM_BANK[0]!;
    const kept = { ...original, text: { da: original.text.da, en: original.text.en } } as BankEntry;
    const added = withOriginalUpdates(kept, original);
    expect(Object.keys(added?.text ?? {}).sort()).toEqual(
      Object.keys(original.text).length > 2 ? Object.keys(original.text).sort() : [],
    );
    const reworded = { ...kept, text: { ...kept.text, da: kept.text.en } } as BankEntry;
    expect(withOriginalUpdates(reworded, original)).toBeNull();
  });

  it('gives an item copied in with its wording from before plain Danish the plain wording, and new languages', () => {
    const original = ITEM_BANK.find((e) => e.id === 'k4-10')!;
    const [before] = earlierDanish(original);
    expect(JSON.stringify(before)).toContain('Du skal overføre penge til din udlejer');
    const kept = { ...original, text: { da: before, en: original.text.en } } as BankEntry;
    // Without knowing the earlier words, the copy looks reworded by an admin and is left alone.
    expect(withOriginalUpdates(kept, original)).toBeNull();
    const updated = withOriginalUpdates(kept, original, [before]);
    expect(updated?.text.da).toEqual(original.text.da);
    expect(Object.keys(updated?.text ?? {}).sort()).toEqual(Object.keys(original.text).sort());
    // With every language already there, the wording alone is brought up.
    const full = { ...original, text: { ...original.text, da: before } } as BankEntry;
    expect(withOriginalUpdates(full, original, [before])?.text).toEqual(original.text);
    expect(withOriginalUpdates(original, original, [before])).toBeNull();
  });

  it('holds each earlier wording to a text the item has now, and a different one', () => {
    const wrong = Object.entries(EARLIER_WORDING).flatMap(([id, pairs]) => {
      const entry = ORIGINAL_ITEMS.find((e) => e.id === id);
      const now = entry ? [...texts(entry, 'da').values()] : [];
      return pairs
        .filter(([current, earlier]) => !now.includes(current) || current === earlier)
        .map(([current]) => `${id}: ${current}`);
    });
    expect(wrong).toEqual([]);
    expect(earlierDanish(ORIGINAL_ITEMS.find((e) => !(e.id in EARLIER_WORDING))!)).toEqual([]);
  });

  it("offers the test in every citizen page language, in the picker's order", () => {
    expect(TEST_LANGS).toEqual(PAGE_LANGS);
  });
});
