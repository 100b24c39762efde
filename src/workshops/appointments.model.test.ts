import { describe, expect, it } from 'vitest';
import {
  addDays,
  appointmentIcs,
  bookingPlan,
  danishTimeToUtc,
  slotsForDay,
  weekdayOf,
} from './appointments.model';
import { DEFAULT_OPENING_HOURS } from './workshops.model';

describe('slots', () => {
  it('divides the opening hours and counts the eMentors covering each slot', () => {
    // Thursday: 09:00–17:00.
    expect(weekdayOf('2026-11-26')).toBe(4);
    const slots = slotsForDay('2026-11-26', DEFAULT_OPENING_HOURS, 60, [
      { start: '09:00', end: '17:00' },
      { start: '10:00', end: '12:00' },
    ]);
    expect(slots).toHaveLength(8);
    expect(slots[0]).toEqual({ start: '09:00', end: '10:00', capacity: 1 });
    expect(slots[1]!.capacity).toBe(2);
    expect(slots[3]).toEqual({ start: '12:00', end: '13:00', capacity: 1 });
    expect(slotsForDay('2026-11-28', DEFAULT_OPENING_HOURS, 60, [])).toEqual([]);
  });

  it('converts Danish wall-clock time to UTC in winter and summer', () => {
    expect(danishTimeToUtc('2026-11-26', '09:00').toISOString()).toBe('2026-11-26T08:00:00.000Z');
    expect(danishTimeToUtc('2026-06-15', '09:00').toISOString()).toBe('2026-06-15T07:00:00.000Z');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });

  it('plans bookable days: closed days say why, begun slots are gone, taken seats counted', () => {
    const plan = bookingPlan({
      from: '2026-12-24',
      days: 3,
      now: new Date('2026-12-24T10:30:00Z'), // 11:30 in Copenhagen
      hours: DEFAULT_OPENING_HOURS,
      slotMinutes: 60,
      openOnHolidays: false,
      closures: [],
      shifts: [{ day: '2026-12-24', start: '09:00', end: '15:00' }],
      booked: new Map([['2026-12-24 12:00', 1]]),
    });
    expect(plan.map((d) => d.day)).toEqual(['2026-12-24', '2026-12-25', '2026-12-26']);
    expect(plan[0]!.closed).toBeNull();
    expect(plan[0]!.slots.map((s) => s.start)).toEqual(['12:00', '13:00', '14:00']);
    expect(plan[0]!.slots[0]).toMatchObject({ capacity: 1, booked: 1 });
    expect(plan[1]!.closed).toEqual({ kind: 'holiday', name: 'Juledag' });
    expect(plan[1]!.slots).toEqual([]);
  });
});

describe('calendar file', () => {
  const ics = appointmentIcs({
    uid: 'a1@digiloft.test',
    sequence: 0,
    cancelled: false,
    day: '2026-11-26',
    start: '10:00',
    end: '10:30',
    summary: 'Digitalt værksted: MitID',
    location: 'Jobcenter København, Gammel Køge Landevej 3, 2500 Valby',
    description: 'Husk din telefon. Ændr eller aflys: https://example.dk/vaerksted/aftale',
    stamp: new Date('2026-11-20T08:00:00Z'),
  });

  it('is RFC 5545: CRLF lines of at most 75 octets, UTC times, escaped text', () => {
    expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    for (const line of ics.split('\r\n'))
      expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    expect(ics).toContain('DTSTART:20261126T090000Z');
    expect(ics).toContain('DTEND:20261126T093000Z');
    expect(ics.replace(/\r\n /g, '')).toContain(
      'LOCATION:Jobcenter København\\, Gammel Køge Landevej 3\\, 2500 Valby',
    );
  });

  it('cannot be broken out of: a bare CR or LF in a name becomes an escaped \\n', () => {
    const evil = appointmentIcs({
      uid: 'a2@digiloft.test',
      sequence: 0,
      cancelled: false,
      day: '2026-11-26',
      start: '10:00',
      end: '10:30',
      summary: 'Kantine\rATTENDEE:mailto:x@evil.example\nORGANIZER:y\r\nZ',
      location: 'Sted\u0000',
      description: 'ok',
      stamp: new Date('2026-11-20T08:00:00Z'),
    });
    const lines = evil.split('\r\n');
    // Every CR is part of a CRLF line end, and no injected property starts a line.
    expect(evil.replace(/\r\n/g, '')).not.toMatch(/[\r\n\u0000]/);
    expect(lines.some((l) => l.startsWith('ATTENDEE') || l.startsWith('ORGANIZER'))).toBe(false);
    expect(evil.replace(/\r\n /g, '')).toContain(
      'SUMMARY:Kantine\\nATTENDEE:mailto:x@evil.example\\nORGANIZER:y\\nZ',
    );
  });
});
