import { describe, expect, it } from 'vitest';
import { findControlCharacter } from './text-guard';

describe('findControlCharacter', () => {
  it('finds the field holding a control character, however deep', () => {
    expect(findControlCharacter({ a: 'ok', b: { c: ['x', 'y\u0000'] } })).toBe('b.c.1');
    expect(findControlCharacter('\u001b[2J')).toBe('(text)');
    expect(findControlCharacter({ 'key\u0000': 'v' })).toBe('key\u0000');
    expect(findControlCharacter({ name: 'Kantine\rSUMMARY:x' })).toBe('name');
    expect(findControlCharacter({ s: 'lone \ud800 surrogate' })).toBe('s');
    expect(findControlCharacter({ s: '\u007f' })).toBe('s');
  });

  it('lets ordinary text through: tabs, newlines, CRLF, Danish and emoji', () => {
    expect(
      findControlCharacter({
        note: 'Linje 1\r\nLinje 2\n\tindrykket',
        name: 'Søren Ærø-Åsen',
        emoji: 'tak 👍',
        n: 5,
        none: null,
      }),
    ).toBeNull();
  });
});
