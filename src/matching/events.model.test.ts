import { describe, expect, it } from 'vitest';
import {
  candidateHandle,
  scheduleInputOf,
  slotTimes,
  unmetReasons,
  type EventParties,
} from './events.model';
import { wishWeight } from './matching.constants';
import { schedule, violations } from './scheduler/schedule.model';

describe('slotTimes', () => {
  it('lays out 8 × 15 minutes with a 10-minute break after every 4', () => {
    const t = slotTimes({
      startsAt: '09:00',
      slotMinutes: 15,
      slotCount: 8,
      breakEvery: 4,
      breakMinutes: 10,
    });
    expect(t[0]).toEqual({ start: '09:00', end: '09:15' });
    expect(t[3]).toEqual({ start: '09:45', end: '10:00' });
    expect(t[4]).toEqual({ start: '10:10', end: '10:25' });
    expect(t[7]).toEqual({ start: '10:55', end: '11:10' });
  });
});

describe('wishWeight', () => {
  it('weighs the first wish most, adds the company acceptance, and a decline rules it out', () => {
    expect(wishWeight(1, null)).toBe(10);
    expect(wishWeight(2, 'accept')).toBe(11);
    expect(wishWeight(8, null)).toBe(2);
    expect(wishWeight(null, 'accept')).toBe(3);
    expect(wishWeight(null, null)).toBe(0);
    expect(wishWeight(1, 'decline')).toBe(0);
  });
});

const parties: EventParties = {
  slotCount: 3,
  maxMeetings: 2,
  companies: [
    { id: 'A', tables: 1, unavailable: [] },
    { id: 'B', tables: 1, unavailable: [2] },
  ],
  candidates: [
    { citizenId: 'p1', unavailable: [] },
    { citizenId: 'p2', unavailable: [0, 1] },
    { citizenId: 'p3', unavailable: [] },
    { citizenId: 'p4', unavailable: [] },
  ],
  wishes: [
    {
      citizenId: 'p1',
      eventCompanyId: 'A',
      rank: 1,
      companyAnswer: null,
      rule: null,
      pinSlot: null,
    },
    {
      citizenId: 'p1',
      eventCompanyId: 'B',
      rank: 2,
      companyAnswer: 'accept',
      rule: null,
      pinSlot: null,
    },
    {
      citizenId: 'p2',
      eventCompanyId: 'B',
      rank: 1,
      companyAnswer: null,
      rule: null,
      pinSlot: null,
    },
    {
      citizenId: 'p3',
      eventCompanyId: 'A',
      rank: 1,
      companyAnswer: 'decline',
      rule: null,
      pinSlot: null,
    },
    {
      citizenId: 'p4',
      eventCompanyId: 'B',
      rank: null,
      companyAnswer: 'accept',
      rule: 'forbid',
      pinSlot: null,
    },
  ],
};

describe('scheduleInputOf and unmetReasons', () => {
  it('turns wishes into weighted pairs, leaves out declines, and forbids what the consultant forbade', () => {
    const input = scheduleInputOf(parties);
    expect(input.preferences).toEqual([
      { company: 'A', candidate: 'p1', weight: 10 },
      { company: 'B', candidate: 'p1', weight: 11 },
      { company: 'B', candidate: 'p2', weight: 10 },
    ]);
    expect(input.forbidden).toEqual([{ company: 'B', candidate: 'p4' }]);
    expect(input.unavailable).toContainEqual({ company: 'B', slot: 2 });
    expect(input.candidates[0]).toEqual({ id: 'p1', maxMeetings: 2 });
  });

  it('says why each candidate without a meeting got none', async () => {
    const input = scheduleInputOf(parties);
    const r = await schedule(input);
    expect(violations(input, r.meetings)).toEqual([]);
    const why = unmetReasons(parties, r);
    expect(why.get('p1')).toBeUndefined();
    expect(why.get('p2')).toBe('unavailable'); // free only in slot 2, when B is away
    expect(why.get('p3')).toBe('all_declined');
    expect(why.get('p4')).toBe('no_wishes');
  });

  it('on the day keeps held meetings fixed and schedules nobody in past slots', async () => {
    const day: EventParties = {
      ...parties,
      candidates: parties.candidates.filter((c) => c.citizenId !== 'p2'),
      fixed: [{ eventCompanyId: 'A', citizenId: 'p1', slot: 0 }],
      pastSlots: 1,
    };
    const input = scheduleInputOf(day);
    expect(input.pinned).toContainEqual({ company: 'A', candidate: 'p1', slot: 0 });
    const r = await schedule(input);
    expect(violations(input, r.meetings)).toEqual([]);
    expect(r.meetings).toContainEqual({ company: 'A', candidate: 'p1', slot: 0, table: 0 });
    expect(r.meetings.filter((m) => m.slot === 0)).toHaveLength(1);
  });
});

describe('candidateHandle', () => {
  it('is stable within an event, short, and different across people and events', () => {
    const [e1, e2] = [
      'e0000000-0000-4000-8000-000000000001',
      'e0000000-0000-4000-8000-000000000002',
    ];
    const p = '6f1c2a3b-0000-4000-8000-000000000001';
    const a = candidateHandle(e1, p);
    expect(a).toMatch(/^K-[A-Z2-9]{5}$/);
    expect(candidateHandle(e1, p)).toBe(a);
    expect(candidateHandle(e1, '7f1c2a3b-0000-4000-8000-000000000001')).not.toBe(a);
    expect(candidateHandle(e2, p)).not.toBe(a);
  });
});
