import { describe, expect, it } from 'vitest';
import { aggregate, quarterOf, type DemandSignal } from './demand.model';

const at = new Date('2026-11-15T10:00:00Z');
const signal = (over: Partial<DemandSignal>): DemandSignal => ({
  source: 'roles',
  competence: '3.4',
  section: 'J',
  isco: '2',
  sme: true,
  at,
  weight: 1,
  ...over,
});

describe('the demand picture', () => {
  it('puts a moment in its Copenhagen quarter', () => {
    expect(quarterOf(new Date('2026-03-31T22:30:00Z'))).toBe('2026-Q2'); // 00:30 on 1 April
    expect(quarterOf(new Date('2026-12-31T12:00:00Z'))).toBe('2026-Q4');
  });

  it('sums by competence and dimension, keeping the sources apart', () => {
    const cells = aggregate(
      [
        signal({ weight: 2 }),
        signal({ weight: 3, sme: false }),
        signal({ source: 'survey' }),
        signal({ source: 'survey', competence: '1.3', sme: null }),
      ],
      'size',
    );
    expect(cells).toEqual([
      { competence: '1.3', key: '?', source: 'survey', value: 1 },
      { competence: '3.4', key: 'large', source: 'roles', value: 3 },
      { competence: '3.4', key: 'sme', source: 'roles', value: 2 },
      { competence: '3.4', key: 'sme', source: 'survey', value: 1 },
    ]);
  });
});
