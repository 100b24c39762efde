// The original bank's community-language texts are written apart from the Danish and English, in
// the order the Danish is written (the right answer first), and merged into the entries here.
import type { CommunityLang } from '../../../platform/i18n/languages.constants';
import type { BankEntry, Letter, SimulationText } from '../bank.model';

type Card = SimulationText['cards'][number];

/** A knowledge question: the stem, the right answer, then the wrong ones as the Danish has them. */
export type KnowledgeTranslation = readonly [string, string, ...string[]];

/**
 * A practice task: the task, and the cards as the Danish has them (the right one first) with
 * only their words — file names, web addresses, e-mail addresses and passwords read the same in
 * every language and are left out (then the Danish card's text is kept) — and the inbox letters
 * (a sender is left out when it is a name, like "Jobcenter København").
 */
export interface SimulationTranslation {
  task: string;
  cards: readonly Partial<Card>[];
  letters?: readonly (Omit<Letter, 'from'> & { from?: string })[];
}

/** A translation of the bank into one language, by item id; self-ratings are a sentence. */
export type BankTranslation = Readonly<
  Record<string, KnowledgeTranslation | SimulationTranslation | string>
>;

/** The written order (right first) moved to the entry's order (the right one at `correct`). */
function placed<T>(written: readonly T[], correct: number): T[] {
  const [right, ...wrong] = written;
  const out = [...wrong];
  out.splice(correct, 0, right as T);
  return out;
}

function mergeCard(danish: Card, words: Partial<Card> | undefined): Card {
  const card: Card = { title: words?.title ?? danish.title };
  const meta = words?.meta ?? danish.meta;
  const body = words?.body ?? danish.body;
  return { ...card, ...(meta !== undefined && { meta }), ...(body !== undefined && { body }) };
}

/**
 * The entry with its texts in `lang`; unchanged when the translation has no text for it. A text
 * of the wrong shape is a mistake in the translation file and throws (bank.test.ts loads all).
 */
export function withTranslation(
  entry: BankEntry,
  lang: CommunityLang,
  translation: BankTranslation,
): BankEntry {
  const tr = translation[entry.id];
  if (tr === undefined) return entry;
  const wrong = (what: string) => new Error(`${lang} ${entry.id}: ${what}`);
  if (entry.type === 'self_rating') {
    if (typeof tr !== 'string') throw wrong('a self-rating is one sentence');
    return { ...entry, text: { ...entry.text, [lang]: { statement: tr } } };
  }
  if (entry.type === 'knowledge') {
    if (!Array.isArray(tr)) throw wrong('a question is [stem, right answer, wrong answers …]');
    const [stem, ...options] = tr as KnowledgeTranslation;
    if (options.length !== entry.text.da.options.length)
      throw wrong('not as many answers as in Danish');
    return {
      ...entry,
      text: { ...entry.text, [lang]: { stem, options: placed(options, entry.correct) } },
    };
  }
  if (typeof tr === 'string' || Array.isArray(tr))
    throw wrong('a practice task is { task, cards }');
  const sim = tr as SimulationTranslation;
  const da = entry.text.da;
  if (sim.cards.length !== da.cards.length) throw wrong('not as many cards as in Danish');
  // The Danish cards back in their written order, to pair with the translation's.
  const order = [entry.correct, ...da.cards.map((_, i) => i).filter((i) => i !== entry.correct)];
  const written = order.map((i, n) => mergeCard(da.cards[i]!, sim.cards[n]));
  if ((sim.letters?.length ?? 0) !== (da.letters?.length ?? 0))
    throw wrong('not as many letters as in Danish');
  const letters = sim.letters?.map((l, i) => ({ ...l, from: l.from ?? da.letters![i]!.from }));
  const text: SimulationText = {
    task: sim.task,
    cards: placed(written, entry.correct),
    ...(letters && { letters }),
  };
  return { ...entry, text: { ...entry.text, [lang]: text } };
}
