import { describe, expect, it } from 'vitest';
import { competencesOf, esco, levelFor, requirementsOf, type EscoOccupation } from './esco';
import {
  computeGaps,
  suggest,
  type OfferCandidate,
  type PlanContext,
  type TestedLevels,
} from './plan.model';

const occupation = (label: string): EscoOccupation => {
  const o = esco().search(label, 1)[0];
  if (!o || o.label !== label) throw new Error(`no ESCO occupation ${label}`);
  return o;
};
const need = (o: EscoOccupation, competence: string) =>
  requirementsOf(o).find((r) => r.competence === competence);

const tested = (
  areas: Record<string, number | null>,
  triageGroup = 'building_blocks',
): TestedLevels => ({
  areas,
  overall: 3,
  triageGroup,
});

const offer = (over: Partial<OfferCandidate> & { id: string }): OfferCandidate => ({
  name: over.id,
  methods: ['classroom'],
  hoursPerWeek: 6,
  weeks: 12,
  lifts: [],
  prerequisites: [],
  seatsLeft: 5,
  ...over,
});

const context = (
  o: EscoOccupation,
  t: TestedLevels | null,
  over: Partial<PlanContext> = {},
): PlanContext => ({
  gaps: computeGaps(requirementsOf(o), t),
  tested: t,
  educationLevel: null,
  digitallyVulnerable: false,
  visitSuggestions: [],
  ...over,
});

describe('ESCO occupations in DigComp terms', () => {
  it('reads the whole ESCO v1.1.1 occupation list and finds occupations by their labels', () => {
    expect(esco().size).toBe(3007);
    expect(esco().search('software developer', 3)[0]!.label).toBe('software developer');
    // Other labels count too, after the preferred ones.
    expect(
      esco()
        .search('help desk', 5)
        .map((o) => o.label),
    ).toContain('ICT help desk agent');
    expect(esco().search('   ')).toEqual([]);
  });

  it('maps ESCO skills to DigComp competences: its own DigComp concepts, skill groups, ICT fields', () => {
    const dev = occupation('software developer');
    const debug = dev.skills.find((s) => s.label === 'debug software')!;
    expect(competencesOf(debug)).toContain('3.4');
    expect(
      competencesOf({
        id: 'x',
        label: 'solve technical problems',
        reuseLevel: 'cross-sector',
        groups: [],
      }),
    ).toEqual(['5.1']);
    expect(
      competencesOf({ id: 'x', label: 'radar', reuseLevel: 'sector-specific', groups: ['S8.1'] }),
    ).toEqual(['5.2']);
  });

  it('asks more of tertiary jobs and specific skills, up to the test’s level 6', () => {
    expect(levelFor('2512', 'cross-sector')).toBe(4);
    expect(levelFor('2512', 'occupation-specific')).toBe(6);
    expect(levelFor('4110', 'sector-specific')).toBe(4);
    expect(levelFor('9412', 'cross-sector')).toBe(2);
  });

  it('gives every job the self-service basics, and real jobs their digital skills', () => {
    const porter = requirementsOf(occupation('kitchen porter'));
    expect(porter.map((r) => [r.competence, r.level, r.basic])).toEqual([
      ['1.1', 3, true],
      ['2.1', 3, true],
      ['2.3', 3, true],
      ['4.2', 3, true],
    ]);
    const dev = occupation('software developer');
    expect(need(dev, '3.4')).toMatchObject({ level: 5, basic: false });
    expect(need(dev, '3.4')!.skills).toContain('computer programming');
    const helpdesk = occupation('ICT help desk agent');
    expect(need(helpdesk, '5.1')!.skills).toEqual(
      expect.arrayContaining(['solve ICT system problems', 'provide ICT support']),
    );
  });
});

describe('gaps', () => {
  it('are what the job needs above the tested level of the competence’s area, largest first', () => {
    const gaps = computeGaps(
      requirementsOf(occupation('software developer')),
      tested({ '1': 4, '2': 2, '3': 3, '4': 4, '5': null }),
    );
    expect(gaps[0]).toMatchObject({ competence: '3.4', required: 5, tested: 3, gap: 2 });
    // Area 5 was not tested: the overall level stands in.
    expect(gaps[1]).toMatchObject({ competence: '5.2', required: 5, tested: 3, gap: 2 });
    expect(gaps.find((g) => g.competence === '3.4')).toMatchObject({
      required: 5,
      tested: 3,
      gap: 2,
    });
    expect(gaps.find((g) => g.competence === '2.3')).toMatchObject({
      required: 3,
      tested: 2,
      gap: 1,
      basic: true,
    });
    expect(gaps.find((g) => g.competence === '4.2')).toMatchObject({ gap: 0 });
    // Ties: the basics first.
    const ones = gaps.filter((g) => g.gap === 1);
    expect(ones[0]!.basic).toBe(true);
  });

  it('are the whole requirement before any test', () => {
    const gaps = computeGaps(requirementsOf(occupation('receptionist')), null);
    expect(gaps.every((g) => g.tested === null && g.gap === g.required)).toBe(true);
  });
});

describe('suggestions', () => {
  const dev = occupation('software developer');

  it('start with the test when there is none, and explain why', () => {
    const s = suggest(
      context(dev, null),
      [offer({ id: 'python', lifts: [{ competence: '3.4', level: 5 }] })],
      [],
    );
    expect(s[0]).toMatchObject({ kind: 'test', reasons: [{ code: 'no_test' }] });
    expect(s[1]).toMatchObject({
      kind: 'offer',
      refId: 'python',
      reasons: [{ code: 'covers_gap', competence: '3.4', from: null, to: 5 }],
    });
  });

  it('put workshop help first when the basics are missing', () => {
    const s = suggest(
      context(dev, tested({ '1': 2, '2': 2, '3': 3, '4': 3, '5': 3 }, 'foundation')),
      [],
      [],
    );
    expect(s[0]).toMatchObject({ kind: 'workshop', covers: ['1.1', '2.1', '2.3'] });
    expect(s[0]!.reasons).toEqual([{ code: 'basics_gap', competences: ['1.1', '2.1', '2.3'] }]);
  });

  it('leave out offers that close no gap, and never count levels above the job’s need', () => {
    const t = tested({ '1': 5, '2': 5, '3': 4, '4': 5, '5': 5 });
    const s = suggest(
      context(dev, t),
      [
        offer({ id: 'excel', lifts: [{ competence: '1.3', level: 4 }] }), // already 5
        offer({ id: 'code', lifts: [{ competence: '3.4', level: 6 }] }),
      ],
      [],
    );
    expect(s.map((x) => x.refId)).toEqual(['code']);
    expect(s[0]!.score).toBe(1);
    expect(s[0]!.reasons[0]).toEqual({ code: 'covers_gap', competence: '3.4', from: 4, to: 5 });
  });

  it('prefer workplace learning and short intensive courses, by the strategy’s weights', () => {
    const t = tested({ '1': 4, '2': 4, '3': 3, '4': 4, '5': 4 });
    const lifts = [{ competence: '3.4', level: 5 }];
    const s = suggest(
      context(dev, t),
      [
        offer({ id: 'classroom', lifts }),
        offer({ id: 'workplace', lifts, methods: ['workplace'] }),
        offer({ id: 'bootcamp', lifts, hoursPerWeek: 30, weeks: 6, methods: ['workplace'] }),
      ],
      [],
    );
    expect(s.map((x) => [x.refId, x.score])).toEqual([
      ['bootcamp', 2.88],
      ['workplace', 2.5],
      ['classroom', 2],
    ]);
    expect(s[0]!.reasons.map((r) => r.code)).toEqual([
      'covers_gap',
      'workplace_based',
      'short_intensive',
    ]);
  });

  it('weigh down a missing prerequisite and a full course, and say so', () => {
    const t = tested({ '1': 2, '2': 4, '3': 3, '4': 4, '5': 4 });
    const s = suggest(
      context(dev, t),
      [
        offer({ id: 'full', lifts: [{ competence: '3.4', level: 5 }], seatsLeft: 0 }),
        offer({
          id: 'advanced',
          lifts: [{ competence: '3.4', level: 5 }],
          prerequisites: [{ competence: '1.3', level: 3 }],
        }),
      ],
      [],
    );
    const byId = Object.fromEntries(s.map((x) => [x.refId, x]));
    expect(byId.full!.reasons).toContainEqual({ code: 'waitlist' });
    expect(byId.full!.score).toBe(1.6);
    expect(byId.advanced!.reasons).toContainEqual({
      code: 'lacks_prerequisite',
      competence: '1.3',
      level: 3,
    });
    expect(byId.advanced!.score).toBe(0.6);
  });

  it('follow an eMentor’s course suggestion and offer reading and writing to those who need it', () => {
    const porter = occupation('kitchen porter');
    const t = tested({ '1': 2, '2': 2, '3': 1, '4': 2, '5': 1 }, 'foundation');
    const lifts = [{ competence: '2.3', level: 3 }];
    const ctx = context(porter, t, { educationLevel: 'primary', visitSuggestions: ['2.3'] });
    const s = suggest(
      ctx,
      [
        offer({ id: 'borger', lifts, methods: ['reading_writing', 'classroom'] }),
        offer({ id: 'plain', lifts }),
      ],
      [],
    );
    const offers = s.filter((x) => x.kind === 'offer');
    expect(offers.map((x) => x.refId)).toEqual(['borger', 'plain']);
    expect(offers[0]!.reasons.map((r) => r.code)).toEqual([
      'covers_gap',
      'reading_writing',
      'ementor_suggested',
    ]);
  });

  it('suggest an eligible pilot for the job skills still missing, and none once they are there', () => {
    const pilot = { id: 'azure', name: 'Azure', methods: ['e_learning', 'internship'] as const };
    const gapsLeft = suggest(
      context(dev, tested({ '1': 4, '2': 4, '3': 3, '4': 4, '5': 4 })),
      [],
      [{ ...pilot, methods: [...pilot.methods] }],
    );
    expect(gapsLeft[0]).toMatchObject({
      kind: 'pilot',
      refId: 'azure',
      reasons: [{ code: 'pilot_eligible' }, { code: 'workplace_based' }],
    });
    const none = suggest(
      context(dev, tested({ '1': 6, '2': 6, '3': 6, '4': 6, '5': 6 })),
      [],
      [{ ...pilot, methods: [...pilot.methods] }],
    );
    expect(none).toEqual([]);
  });
});
