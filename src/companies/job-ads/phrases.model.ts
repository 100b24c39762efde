// Phrases seen as spans in training: the dictionary baseline, and the half of the shipped tagger
// that finds the phrases it has seen exactly.
import { spansOf } from './corpus';

/** The baseline: tag every occurrence of a phrase seen as a span in training (longest first). */
export function dictionaryTagger(
  kind: string,
  train: readonly { tokens: readonly string[]; tags: readonly string[] }[],
): (tokens: readonly string[]) => string[] {
  const phrases = new Set<string>();
  let longest = 1;
  for (const s of train)
    for (const span of spansOf(s.tags)) {
      phrases.add(s.tokens.slice(span.start, span.end).join(' ').toLowerCase());
      longest = Math.max(longest, span.end - span.start);
    }
  return (tokens) => {
    const lowered = tokens.map((t) => t.toLowerCase());
    const out = tokens.map(() => 'O');
    for (let i = 0; i < tokens.length;) {
      let matched = 0;
      for (let n = Math.min(longest, tokens.length - i); n >= 1; n--)
        if (phrases.has(lowered.slice(i, i + n).join(' '))) {
          matched = n;
          break;
        }
      if (matched === 0) {
        i++;
        continue;
      }
      out[i] = `B-${kind}`;
      for (let j = 1; j < matched; j++) out[i + j] = `I-${kind}`;
      i += matched;
    }
    return out;
  };
}

/** Model spans added to the phrase matches where they do not overlap one (the better of both). */
export function mergeTags(kind: string, dictionary: string[], model: readonly string[]): string[] {
  const out = [...dictionary];
  for (const span of spansOf(model)) {
    if (out.slice(span.start, span.end).some((t) => t !== 'O')) continue;
    out[span.start] = `B-${kind}`;
    for (let j = span.start + 1; j < span.end; j++) out[j] = `I-${kind}`;
  }
  return out;
}
