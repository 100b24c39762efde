import { describe, expect, it } from 'vitest';
import {
  DEFAULT_OPENING_HOURS,
  closedReason,
  nextOpening,
  danishDay,
  learnedServiceMinutes,
  placeOf,
  publicHoliday,
  validOpeningHours,
  type QueueSnapshot,
} from './workshops.model';

describe('opening days', () => {
  it('knows Danish public holidays (no Store Bededag since 2024)', () => {
    expect(publicHoliday('2026-12-25')).toBe('Juledag');
    expect(publicHoliday('2026-05-14')).toBe('Kristi Himmelfartsdag');
    expect(publicHoliday('2026-05-01')).toBeNull();
    expect(publicHoliday('2023-05-05')).toBe('Store Bededag');
    expect(publicHoliday('2026-05-01')).toBeNull();
  });

  it('uses Danish time for the day and the hours', () => {
    // 23:30 UTC on 24 December is 00:30 on Christmas Day in Copenhagen.
    expect(danishDay(new Date('2026-12-24T23:30:00Z'))).toBe('2026-12-25');
    // Thursday 26 November 2026, 08:30 UTC = 09:30 Danish time: open.
    expect(closedReason(new Date('2026-11-26T08:30:00Z'), DEFAULT_OPENING_HOURS, [])).toBeNull();
    // 07:30 UTC = 08:30: before opening.
    expect(closedReason(new Date('2026-11-26T07:30:00Z'), DEFAULT_OPENING_HOURS, [])).toEqual({
      kind: 'outside_hours',
      hours: ['09:00', '17:00'],
    });
  });

  it('is closed on holidays, on closure days and at weekends', () => {
    expect(closedReason(new Date('2026-12-25T10:00:00Z'), DEFAULT_OPENING_HOURS, [])).toEqual({
      kind: 'holiday',
      name: 'Juledag',
    });
    expect(
      closedReason(new Date('2026-11-26T10:00:00Z'), DEFAULT_OPENING_HOURS, [
        { day: '2026-11-26', reason: 'Personalemøde' },
      ]),
    ).toEqual({ kind: 'closure', reason: 'Personalemøde' });
    expect(closedReason(new Date('2026-11-28T10:00:00Z'), DEFAULT_OPENING_HOURS, [])).toEqual({
      kind: 'no_hours',
    });
  });

  it('keeps open on holidays when the municipality chooses to, and may close at midnight', () => {
    const allDay = { '5': ['00:00', '24:00'] as [string, string] };
    expect(closedReason(new Date('2026-12-25T22:59:00Z'), allDay, [], true)).toBeNull();
    expect(closedReason(new Date('2026-12-25T22:59:00Z'), allDay, [])).toMatchObject({
      kind: 'holiday',
    });
    expect(validOpeningHours(allDay)).toBe(true);
  });

  it('checks opening hours', () => {
    expect(validOpeningHours(DEFAULT_OPENING_HOURS)).toBe(true);
    expect(validOpeningHours({ '1': ['15:00', '09:00'] })).toBe(false);
    expect(validOpeningHours({ '1': ['9', '15:00'] })).toBe(false);
  });
});

describe('a place in the queue', () => {
  const snap: QueueSnapshot = {
    siteId: 's',
    waiting: [7, 9, 10, 12],
    called: [],
    inService: 2,
    capacity: 4,
    serviceMinutes: 15,
    helpers: 2,
  };

  it('counts people ahead and expected wait across the eMentors helping', () => {
    expect(placeOf(snap, 7)).toEqual({ position: 1, waitInside: true, expectedMinutes: 0 });
    expect(placeOf(snap, 10)).toEqual({ position: 3, waitInside: false, expectedMinutes: 15 });
    expect(placeOf(snap, 12).expectedMinutes).toBe(23);
  });

  it('asks those beyond the room’s capacity to wait outside', () => {
    expect(placeOf(snap, 9).waitInside).toBe(true);
    expect(placeOf(snap, 10).waitInside).toBe(false);
    expect(placeOf({ ...snap, inService: 0 }, 12).waitInside).toBe(true);
  });

  it('a ticket no longer waiting has no place', () => {
    expect(placeOf(snap, 8).position).toBe(0);
  });

  it('learns the length of a help session from recent visits', () => {
    expect(learnedServiceMinutes([10, 30], 15)).toBe(15);
    expect(learnedServiceMinutes([10, 30, 20], 15)).toBe(20);
    expect(learnedServiceMinutes([10, 30, 20, 40], 15)).toBe(25);
  });
});

describe('when a workshop is next open', () => {
  // Copenhagen is UTC+1 in winter: 09:00 UTC is 10:00 there.
  it('is open now, or later today, or on the next day with hours', () => {
    // Monday 7 December 2026.
    expect(nextOpening(new Date('2026-12-07T09:00:00Z'), DEFAULT_OPENING_HOURS, [])).toEqual({
      day: '2026-12-07',
      from: '09:00',
      to: '15:00',
      now: true,
      today: true,
    });
    expect(nextOpening(new Date('2026-12-07T06:00:00Z'), DEFAULT_OPENING_HOURS, [])).toMatchObject({
      day: '2026-12-07',
      now: false,
      today: true,
    });
    // After closing time (15:00): Tuesday.
    expect(nextOpening(new Date('2026-12-07T14:30:00Z'), DEFAULT_OPENING_HOURS, [])).toMatchObject({
      day: '2026-12-08',
      now: false,
      today: false,
    });
    // Friday after 13:00: the weekend has no hours, so Monday.
    expect(nextOpening(new Date('2026-12-11T13:00:00Z'), DEFAULT_OPENING_HOURS, [])).toMatchObject({
      day: '2026-12-14',
      from: '09:00',
    });
  });

  it('skips holidays and closure days', () => {
    // Christmas Eve evening: Christmas Day and Boxing Day are holidays, then the weekend.
    expect(nextOpening(new Date('2026-12-24T18:00:00Z'), DEFAULT_OPENING_HOURS, [])).toMatchObject({
      day: '2026-12-28',
    });
    expect(
      nextOpening(new Date('2026-12-24T18:00:00Z'), DEFAULT_OPENING_HOURS, [], true),
    ).toMatchObject({ day: '2026-12-25' });
    expect(
      nextOpening(new Date('2026-12-07T14:30:00Z'), DEFAULT_OPENING_HOURS, [
        { day: '2026-12-08', reason: 'Personalemøde' },
      ]),
    ).toMatchObject({ day: '2026-12-09' });
  });

  it('is null when the workshop has no hours in the next two weeks', () => {
    expect(nextOpening(new Date('2026-12-07T09:00:00Z'), {}, [])).toBeNull();
  });
});
