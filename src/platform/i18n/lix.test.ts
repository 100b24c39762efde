import { describe, expect, it } from 'vitest';
import { lix, lixParts } from './lix';

describe('LIX', () => {
  it('counts words per sentence and the share of words over six letters', () => {
    // 7 words, 2 sentences, no word over six letters: 3.5.
    expect(lix('Katten sidder på måtten. Den er glad.')).toBeCloseTo(3.5);
    // 6 words, 1 sentence, 3 long (Jobcentret, spørgsmål, hurtigt): 6 + 50.
    expect(lix('Jobcentret svarer på dine spørgsmål hurtigt')).toBeCloseTo(56);
  });

  it('reads placeholders and markup as no words and a line break as a sentence end', () => {
    expect(lixParts('Hej {name}, du har {{count}} tider').words).toBe(6);
    expect(lixParts('Første linje\nAnden linje').sentences).toBe(2);
    expect(lix('')).toBe(0);
  });
});
