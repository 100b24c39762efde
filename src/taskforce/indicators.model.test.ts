import { describe, expect, it } from 'vitest';
import { shownCells, shownCount, shownShare } from './disclosure.model';
import {
  breakdowns,
  computeIndicators,
  countByDay,
  countByMonth,
  medianOfBands,
  monthsOf,
  type FollowUpFacts,
  type Period,
} from './indicators.model';
import { journey, journeyPeople, pathOf } from './journey.model';

const A = 'site-a';
const B = 'site-b';
const PERIOD = { from: '2020-01-01', to: '2020-03-31' };

/** n citizens at a site, registered on a day, with ids prefix-0 … prefix-(n-1). */
function people(prefix: string, n: number, siteId: string | null, registeredOn: string) {
  return Array.from({ length: n }, (_, i) => ({
    id: `${prefix}-${i}`,
    siteId,
    registeredOn,
    flaggedOn: null as string | null,
    academic: false,
  }));
}

function empty(): FollowUpFacts {
  return {
    citizens: [],
    offers: [],
    tests: [],
    enrolments: [],
    visits: [],
    firstVisits: [],
    demand: [],
    smeContacts: [],
    smePlacements: [],
    pilots: [],
    participations: [],
    meetings: [],
    jobs: [],
  };
}

/**
 * By hand: site A has 10 new citizens in January and 10 in February, site B 6 in January; one
 * citizen in 2019 (outside the period). Of A's January people 8 were offered the test and 5
 * took it (3 foundation, 2 no_need); of B's, 6 offered and 6 tested (all building_blocks).
 * Courses: A's January people took 10 places — 4 on a workplace offer (short: 6 weeks × 20 h;
 * 3 completed, 1 dropped out) and 6 in the classroom (12 weeks); B's took 5 places online.
 * A pilot with workplace learning took 5 of A's February people. Visits at A: 30 in January,
 * 24 resolved; waits: 10 in band 0 (0–4 min), 10 in band 2 (10–14), 10 in band 5 (25–29).
 */
function fixture(): FollowUpFacts {
  const f = empty();
  const aJan = people('aj', 10, A, '2020-01-15');
  const aFeb = people('af', 10, A, '2020-02-10');
  const bJan = people('bj', 6, B, '2020-01-20');
  const old = people('old', 1, A, '2019-12-01');
  f.citizens = [...aJan, ...aFeb, ...bJan, ...old];
  f.offers = [
    ...aJan.slice(0, 8).map((c) => ({ citizenId: c.id, on: '2020-01-16' })),
    ...bJan.map((c) => ({ citizenId: c.id, on: '2020-01-21' })),
  ];
  f.tests = [
    ...aJan
      .slice(0, 3)
      .map((c) => ({ citizenId: c.id, on: '2020-01-17', triageGroup: 'foundation' as const })),
    ...aJan
      .slice(3, 5)
      .map((c) => ({ citizenId: c.id, on: '2020-01-17', triageGroup: 'no_need' as const })),
    ...bJan.map((c) => ({
      citizenId: c.id,
      on: '2020-01-22',
      triageGroup: 'building_blocks' as const,
    })),
  ];
  const statuses = ['completed', 'completed', 'completed', 'dropped_out'] as const;
  f.enrolments = [
    ...aJan.slice(0, 4).map((c, i) => ({
      citizenId: c.id,
      on: '2020-02-01',
      status: statuses[i]!,
      methods: ['workplace', 'practice_based'] as const,
      weeks: 6,
      hoursPerWeek: 20,
    })),
    ...aJan.slice(4, 10).map((c) => ({
      citizenId: c.id,
      on: '2020-02-01',
      status: 'enrolled' as const,
      methods: ['classroom'] as const,
      weeks: 12,
      hoursPerWeek: 10,
    })),
    ...bJan.slice(0, 5).map((c) => ({
      citizenId: c.id,
      on: '2020-02-03',
      status: 'enrolled' as const,
      methods: ['e_learning'] as const,
      weeks: 12,
      hoursPerWeek: 5,
    })),
  ];
  f.pilots = [
    { id: 'p1', status: 'running', startsOn: '2020-03-02', learningMethods: ['workplace'] },
    { id: 'p0', status: 'closed', startsOn: '2019-06-03', learningMethods: ['classroom'] },
  ];
  f.participations = aFeb
    .slice(0, 5)
    .map((c) => ({ citizenId: c.id, pilotId: 'p1', on: '2020-03-02' }));
  f.visits = [
    { month: '2020-01', siteId: A, resolved: true, waitBand: 0, n: 10 },
    { month: '2020-01', siteId: A, resolved: true, waitBand: 2, n: 10 },
    { month: '2020-01', siteId: A, resolved: true, waitBand: 5, n: 4 },
    { month: '2020-01', siteId: A, resolved: false, waitBand: 5, n: 6 },
  ];
  f.demand = [
    { measure: 'survey_invited', month: '2020-02', n: 20 },
    { measure: 'survey_answered', month: '2020-02', n: 9 },
    { measure: 'companies_with_demand', month: '2020-01', n: 5 },
    { measure: 'companies_with_demand', month: '2020-03', n: 7 },
  ];
  return f;
}

const indicatorsOf = (f: FollowUpFacts, scope: ReadonlySet<string> | null, period: Period) =>
  computeIndicators(countByMonth(f, scope, period), f.pilots, scope, period);

const byId = (rows: ReturnType<typeof computeIndicators>) =>
  Object.fromEntries(rows.map((r) => [r.id, r]));

describe('indicators', () => {
  it('for the municipality, match the hand count', () => {
    const r = byId(indicatorsOf(fixture(), null, PERIOD));
    expect(r.new_citizens!.value).toBe(26); // 10 + 10 + 6; the 2019 one is outside
    expect(r.offered_share!.value).toBeCloseTo(14 / 26);
    expect(r.tested_share!.value).toBeCloseTo(11 / 26);
    // 10 + 5 course places and 5 pilot places; 4 + 5 at a workplace.
    expect(r.workplace_share!.value).toBeCloseTo(9 / 20);
    expect(r.workplace_share!.part).toBe(9);
    expect(r.methods_in_use!.value).toBe(4); // workplace, practice_based, classroom, e_learning
    // 4 of 20 places were short: a part of four is hidden.
    expect(r.short_share!.suppressed).toBe(true);
    // 3 of 4 short places completed: the part would be 3, so the share is hidden.
    expect(r.short_completion!.value).toBeNull();
    expect(r.short_completion!.suppressed).toBe(true);
    expect(r.workshop_visits!.value).toBe(30);
    expect(r.resolved_share!.value).toBeCloseTo(24 / 30);
    // 30 waits: the 15th falls in band 2 (10–14 min) after 10 below it: 10 + 5 × 5/10.
    expect(r.median_wait!.value).toBeCloseTo(12.5);
    expect(r.survey_response!.value).toBeCloseTo(9 / 20);
    expect(r.companies_with_demand!.value).toBe(12);
    expect(r.pilots_started!.value).toBe(1);
    // Today's status: one running, one closed (pilots are not people: nothing hidden).
    expect(r.pilots_running!.value).toBe(1);
    expect(r.pilots_closed!.value).toBe(1);
    expect(r.median_wait!.onTarget).toBe(true); // 12.5 ≤ 15
    expect(r.tested_share!.onTarget).toBe(false); // 0.42 < 0.5
  });

  it('per month: the trend adds up to the period, and running totals for known companies', () => {
    const r = byId(indicatorsOf(fixture(), null, PERIOD));
    expect(r.new_citizens!.trend.map((t) => t.value)).toEqual([16, 10, 0]);
    expect(r.companies_with_demand!.trend.map((t) => t.value)).toEqual([5, 5, 12]);
    expect(r.pilots_running!.trend).toEqual([]);
  });

  it('for one site count only its people and visits, and leave out what is the municipality’s', () => {
    const r = byId(indicatorsOf(fixture(), new Set([B]), PERIOD));
    expect(r.new_citizens!.value).toBe(6);
    expect(r.offered_share!.value).toBe(1);
    expect(r.workshop_visits!.value).toBe(0);
    expect(r.median_wait!.value).toBeNull();
    expect(r.survey_response!.value).toBeNull();
    expect(r.pilots_started!.value).toBeNull();
    const a = byId(indicatorsOf(fixture(), new Set([A]), PERIOD));
    expect(a.new_citizens!.value).toBe(20);
    expect(a.workshop_visits!.value).toBe(30);
  });

  it('breaks down methods and triage groups with small cells hidden', () => {
    const b = breakdowns(countByMonth(fixture(), null, PERIOD), PERIOD);
    const method = Object.fromEntries(b.methods.map((m) => [m.key, m]));
    expect(method.classroom!.n).toBe(6);
    expect(method.workplace!.n).toBe(9);
    expect(method.practice_based!.suppressed).toBe(true); // 4
    // The only small cell: the next smallest (5) goes too, or the total would give it away.
    expect(method.e_learning!.suppressed).toBe(true);
    const triage = Object.fromEntries(b.triage.map((m) => [m.key, m]));
    expect(triage.building_blocks!.n).toBe(6);
    // foundation 3 and no_need 2 both hidden.
    expect(triage.foundation!.suppressed && triage.no_need!.suppressed).toBe(true);
  });

  it('are kept per day and site: what has no site (demand, pilots) never counts at a site', () => {
    const rows = countByDay(fixture());
    const at = (site: string | null, day: string, key: string) =>
      rows.find((r) => r.siteId === site && r.day === day && r.key === key)?.n;
    expect(at(A, '2020-01-15', 'new')).toBe(10);
    expect(at(A, '2020-01-15', 'triage:foundation')).toBe(3);
    expect(at(B, '2020-02-03', 'method:e_learning')).toBe(5);
    expect(at(A, '2020-01-01', 'visits')).toBe(30); // a month's visits fall on its first day
    expect(at(null, '2020-02-01', 'survey_invited')).toBe(20);
    expect(at(null, '2020-03-02', 'pilots_started')).toBe(1);
    // One row per site, day and measure.
    const keys = rows.map((r) => `${r.siteId}|${r.day}|${r.key}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('never count a place or a test of someone who is not the municipality’s citizen', () => {
    const f = fixture();
    f.enrolments.push({
      citizenId: 'elsewhere',
      on: '2020-02-01',
      status: 'completed',
      methods: ['workplace'],
      weeks: 6,
      hoursPerWeek: 20,
    });
    f.participations.push({ citizenId: 'elsewhere', pilotId: 'p1', on: '2020-03-02' });
    f.smeContacts.push({ citizenId: 'elsewhere', on: '2020-02-02' });
    expect(indicatorsOf(f, null, PERIOD)).toEqual(indicatorsOf(fixture(), null, PERIOD));
  });

  it('months run over the turn of a year', () => {
    expect(monthsOf({ from: '2020-11-15', to: '2021-02-01' })).toEqual([
      '2020-11',
      '2020-12',
      '2021-01',
      '2021-02',
    ]);
  });

  it('take the median of five-minute bands within the band, and 120 for two hours or more', () => {
    expect(medianOfBands(new Map([['wait:24', 5]])).value).toBe(120);
    expect(medianOfBands(new Map([['wait:1', 4]])).value).toBeCloseTo(7.5);
    expect(medianOfBands(new Map()).value).toBeNull();
  });
});

describe('disclosure control', () => {
  it('hides counts of one to four, never zero or five', () => {
    expect([0, 1, 4, 5].map((n) => shownCount(n).n)).toEqual([0, null, null, 5]);
  });
  it('hides a share resting on a small part or whole', () => {
    expect(shownShare(3, 100).suppressed).toBe(true);
    expect(shownShare(5, 100).value).toBe(0.05);
    expect(shownShare(0, 4).suppressed).toBe(true);
    expect(shownShare(0, 0)).toEqual({ value: null, suppressed: false });
  });
  it('hides a second cell when only one is small, so the total does not give it away', () => {
    const cells = shownCells([
      { key: 'a', n: 3 },
      { key: 'b', n: 7 },
      { key: 'c', n: 20 },
    ]);
    expect(cells.map((c) => c.n)).toEqual([null, null, 20]);
    expect(
      shownCells([
        { key: 'a', n: 6 },
        { key: 'b', n: 0 },
      ]).map((c) => c.n),
    ).toEqual([6, 0]);
  });
});

describe('the citizen journey', () => {
  function journeyFixture(): FollowUpFacts {
    const f = empty();
    // 12 flagged in January at A; all visit a workshop; 6 then go on a course; 5 of those
    // meet a company and get a job. 3 more at B are spotted by the test only.
    f.citizens = [...people('j', 12, A, '2020-01-02'), ...people('k', 3, B, '2020-01-02')].map(
      (c) => ({ ...c, flaggedOn: c.id.startsWith('j') ? '2020-01-05' : null }),
    );
    f.tests = people('k', 3, B, '').map((c) => ({
      citizenId: c.id,
      on: '2020-01-10',
      triageGroup: 'foundation' as const,
    }));
    f.firstVisits = people('j', 12, A, '').map((c) => ({ citizenId: c.id, on: '2020-01-15' }));
    f.enrolments = people('j', 6, A, '').map((c) => ({
      citizenId: c.id,
      on: '2020-02-14',
      status: 'completed' as const,
      methods: ['classroom'] as const,
      weeks: 4,
      hoursPerWeek: 20,
    }));
    f.meetings = people('j', 5, A, '').map((c) => ({ citizenId: c.id, on: '2020-04-01' }));
    f.jobs = people('j', 5, A, '').map((c) => ({ citizenId: c.id, on: '2020-05-01' }));
    return f;
  }

  it('orders each person’s stages by day', () => {
    expect(pathOf({ job: '2020-05-01', spotted: '2020-01-01', tested: '2020-01-01' })).toEqual([
      'spotted',
      'tested',
      'job',
    ]);
  });

  it('counts the funnel, the flows, the medians and where people stop, with small counts hidden', () => {
    const j = journey(journeyPeople(journeyFixture()), null, PERIOD, 'all');
    const all = j.groups[0]!;
    expect(all.people.n).toBe(15);
    const funnel = Object.fromEntries(all.funnel.map((s) => [s.stage, s.n]));
    expect(funnel).toMatchObject({ spotted: 15, workshop: 12, course: 6, company: 5, job: 5 });
    expect(all.funnel.find((s) => s.stage === 'tested')!.suppressed).toBe(true); // 3
    expect(funnel.pilot).toBe(0);
    const stops = Object.fromEntries(all.stops.map((s) => [s.stage, s.n]));
    expect(stops.workshop).toBe(6); // visited, no course
    expect(stops.course).toBeNull(); // 1 stopped after the course: hidden
    const link = (from: string, to: string) =>
      j.links.find((l) => l.from === from && l.to === to)?.n;
    expect(link('spotted', 'workshop')).toBe(12);
    expect(link('workshop', 'course')).toBe(6);
    expect(link('workshop', 'end')).toBe(6);
    expect(link('spotted', 'tested')).toBeUndefined(); // 3: hidden from the flow
    expect(j.hiddenFlow).toBe(true);
    const med = j.medians.find((m) => m.from === 'spotted' && m.to === 'workshop')!;
    expect(med.days).toBe(10);
    expect(j.medians.find((m) => m.from === 'workshop' && m.to === 'course')!.days).toBe(30);
  });

  it('compares cohorts by triage group and keeps another site out of scope', () => {
    const people = journeyPeople(journeyFixture());
    const byTriage = journey(people, null, PERIOD, 'triage');
    expect(byTriage.groups.map((g) => [g.key, g.people.n])).toEqual([
      ['foundation', null],
      ['untested', 12],
    ]);
    const onlyA = journey(people, new Set([A]), PERIOD, 'all');
    expect(onlyA.groups[0]!.people.n).toBe(12);
  });
});

describe('a journey that began before the citizen was spotted', () => {
  it('still starts at spotted, and has no negative waiting time', () => {
    expect(pathOf({ spotted: '2020-03-01', course: '2020-01-01', job: '2020-05-01' })).toEqual([
      'spotted',
      'course',
      'job',
    ]);
  });
});
