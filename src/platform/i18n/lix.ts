// LIX (Björnsson's läsbarhetsindex), the readability measure Danish plain-language guidance uses:
// words per sentence plus the share of long words (more than six letters) in per cent.
// Below 25 is very easy, 25–34 easy, 35–44 medium; citizen texts aim for at most 35. It means
// something over running text only: a label of one long word ("Fornavn") scores 101 by
// construction, so measure a page's texts together, or texts of some length.

/** Placeholders (`{name}`, `{{count}}`) and markup are not words the reader reads. */
function plain(text: string): string {
  return text
    .replace(/\{\{?[^}]*\}?\}/g, ' x ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/https?:\/\/\S+/g, ' ');
}

export function lixParts(text: string): { words: number; sentences: number; long: number } {
  const t = plain(text);
  const words = t.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? [];
  // A sentence ends at . ! ? : or a line break; the last one may end without either.
  const ends = (t.match(/[.!?:]+(?=\s|$)|\n+/g) ?? []).length;
  const sentences = Math.max(1, ends + (/[.!?:]\s*$/.test(t) ? 0 : 1));
  const long = words.filter((w) => w.replace(/[^\p{L}]/gu, '').length > 6).length;
  return { words: words.length, sentences, long };
}

export function lix(text: string): number {
  const { words, sentences, long } = lixParts(text);
  if (words === 0) return 0;
  return words / sentences + (100 * long) / words;
}
