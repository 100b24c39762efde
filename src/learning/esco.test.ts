import { describe, expect, it } from 'vitest';
import { esco } from './esco';

describe('searching ESCO occupations', () => {
  it('finds English labels, and Danish job words through their English ones', () => {
    expect(esco().search('software developer', 1)[0]!.label).toBe('software developer');
    const labels = (q: string) =>
      esco()
        .search(q, 20)
        .map((o) => o.label);
    expect(labels('udvikler')).toContain('software developer');
    // Plural and definite forms begin with the word.
    expect(labels('udviklere')).toEqual(labels('udvikler'));
    expect(labels('lagerarbejder')).toContain('warehouse worker');
    expect(labels('it-supporter')).toContain('ICT help desk agent');
    expect(labels('kontorassistent')).toContain('office clerk');
    expect(esco().search('zzzqqq')).toEqual([]);
  });
});
