import { describe, expect, it } from 'vitest';
import { placeholders, textGaps, textsByPath } from './coverage';

describe('a language standing in for the Danish', () => {
  const danish = textsByPath({
    title: 'Tag et nummer',
    wait: 'Der er {n} foran dig.',
    name: 'MitID',
  });

  it('reads every text of a tree by its path, and both kinds of placeholder', () => {
    expect([...textsByPath({ a: { b: 'x', c: ['y'] } })]).toEqual([
      ['a.b', 'x'],
      ['a.c.0', 'y'],
    ]);
    expect(placeholders('{{day}} kl. {time}')).toEqual(['day', 'time']);
  });

  it('passes a full translation that keeps names where they may stay', () => {
    const pl = textsByPath({ title: 'Weź numerek', wait: 'Przed tobą: {n}.', name: 'MitID' });
    expect(textGaps('pl', danish, pl, new Set(['name']))).toEqual([]);
  });

  it('finds a missing text, a lost placeholder, Danish left behind and a stray text', () => {
    const pl = textsByPath({ title: 'Tag et nummer', wait: 'Przed tobą kilka osób.', extra: 'x' });
    expect(textGaps('pl', danish, pl, new Set(['name']))).toEqual([
      'pl title: still Danish',
      'pl wait: placeholders differ',
      'pl name: missing',
      'pl extra: not in Danish',
    ]);
  });
});
