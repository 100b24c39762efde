// Appointments in a workshop: which times can be booked, and the calendar file. Pure.
import {
  addDays,
  closedReason,
  weekdayOf,
  type ClosedReason,
  type OpeningHours,
} from './workshops.model';

export { addDays, weekdayOf };

export interface Shift {
  start: string;
  end: string;
}

export interface Slot {
  start: string;
  end: string;
  /** eMentors on duty for the whole slot: how many citizens it can take. */
  capacity: number;
}

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
const hhmm = (m: number) =>
  `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

/** The slots of one day within its opening hours, each as wide as the eMentors covering it. */
export function slotsForDay(
  day: string,
  hours: OpeningHours,
  slotMinutes: number,
  shifts: readonly Shift[],
): Slot[] {
  // weekdayOf gives 1–7, the keys of opening hours.
  const today = hours[String(weekdayOf(day)) as keyof OpeningHours];
  if (!today) return [];
  const open = minutesOf(today[0]);
  const close = minutesOf(today[1]);
  const out: Slot[] = [];
  for (let s = open; s + slotMinutes <= close; s += slotMinutes) {
    const start = hhmm(s);
    const end = hhmm(s + slotMinutes);
    const capacity = shifts.filter(
      (sh) => minutesOf(sh.start) <= s && minutesOf(sh.end) >= s + slotMinutes,
    ).length;
    out.push({ start, end, capacity });
  }
  return out;
}

/** The UTC instant of a Danish wall-clock time (handles summer and winter time). */
export function danishTimeToUtc(day: string, time: string): Date {
  const guess = new Date(`${day}T${time}:00Z`);
  // The offset of Copenhagen at that moment, from how the instant reads there.
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Copenhagen',
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(guess);
  const get = (type: string) => parts.find((p) => p.type === type)!.value;
  const local = Date.UTC(
    Number(get('year')),
    Number(get('month')) - 1,
    Number(get('day')),
    Number(get('hour')),
    Number(get('minute')),
  );
  return new Date(guess.getTime() - (local - guess.getTime()));
}

export interface DayPlan {
  day: string;
  closed: ClosedReason | null;
  slots: (Slot & { booked: number })[];
}

/**
 * The bookable days from `from`: closed days say why; slots that have begun, or that no
 * eMentor covers, are left out;
 * `booked` counts seats already taken per "day start".
 */
export function bookingPlan(input: {
  from: string;
  days: number;
  now: Date;
  hours: OpeningHours;
  slotMinutes: number;
  openOnHolidays: boolean;
  closures: readonly { day: string; reason: string }[];
  shifts: readonly (Shift & { day: string })[];
  booked: ReadonlyMap<string, number>;
}): DayPlan[] {
  const out: DayPlan[] = [];
  for (let i = 0; i < input.days; i++) {
    const day = addDays(input.from, i);
    // Closed for the whole day? Ask at noon, when any open day is within its hours or has none.
    const noon = danishTimeToUtc(day, '12:00');
    let closed = closedReason(noon, input.hours, input.closures, input.openOnHolidays);
    if (closed?.kind === 'outside_hours') closed = null;
    const slots = closed
      ? []
      : slotsForDay(
          day,
          input.hours,
          input.slotMinutes,
          input.shifts.filter((s) => s.day === day),
        )
          .filter((s) => s.capacity > 0 && danishTimeToUtc(day, s.start) > input.now)
          .map((s) => ({ ...s, booked: input.booked.get(`${day} ${s.start}`) ?? 0 }));
    out.push({ day, closed, slots });
  }
  return out;
}

const icsDate = (d: Date) =>
  d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
/**
 * TEXT as RFC 5545 (3.3.11) escapes it: backslash, semicolon, comma, and any line break as
 * `\n` — a bare CR too, which would otherwise end the content line. Other control
 * characters have no escape and are dropped (input refuses them anyway).
 */
export const icsText = (s: string) =>
  s
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '')
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');

/** Folds a content line at 75 octets, as RFC 5545 (3.1) requires. */
function fold(line: string): string {
  const bytes = new TextEncoder().encode(line);
  if (bytes.length <= 75) return line;
  const out: string[] = [];
  let current = '';
  let size = 0;
  for (const ch of line) {
    const n = new TextEncoder().encode(ch).length;
    if (size + n > (out.length === 0 ? 75 : 74)) {
      out.push(current);
      current = '';
      size = 0;
    }
    current += ch;
    size += n;
  }
  out.push(current);
  return out.join('\r\n ');
}

export interface CalendarEvent {
  uid: string;
  sequence: number;
  cancelled: boolean;
  /** Danish wall-clock day and times (YYYY-MM-DD, HH:MM). */
  day: string;
  start: string;
  end: string;
  summary: string;
  location: string;
  description: string;
  /** A web address for the event (a video meeting). */
  url?: string;
}

/**
 * An iCalendar file (RFC 5545) with one or more events, times in UTC. The same `uid` with a
 * higher `sequence` updates an event in the calendar; a cancelled file is sent as METHOD:CANCEL
 * with STATUS:CANCELLED, so the calendar removes it. Each event gets an alarm two hours before.
 */
export function calendarIcs(c: {
  product: string;
  cancelled: boolean;
  stamp: Date;
  events: readonly CalendarEvent[];
}): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:-//Digiloft//${c.product}//DA`,
    'CALSCALE:GREGORIAN',
    `METHOD:${c.cancelled ? 'CANCEL' : 'PUBLISH'}`,
    ...c.events.flatMap((a) => [
      'BEGIN:VEVENT',
      `UID:${a.uid}`,
      `SEQUENCE:${a.sequence}`,
      `STATUS:${a.cancelled ? 'CANCELLED' : 'CONFIRMED'}`,
      `DTSTAMP:${icsDate(c.stamp)}`,
      `DTSTART:${icsDate(danishTimeToUtc(a.day, a.start))}`,
      `DTEND:${icsDate(danishTimeToUtc(a.day, a.end))}`,
      `SUMMARY:${icsText(a.summary)}`,
      `LOCATION:${icsText(a.location)}`,
      `DESCRIPTION:${icsText(a.description)}`,
      ...(a.url ? [`URL:${a.url}`] : []),
      ...(a.cancelled
        ? []
        : [
            'BEGIN:VALARM',
            'TRIGGER:-PT2H',
            'ACTION:DISPLAY',
            `DESCRIPTION:${icsText(a.summary)}`,
            'END:VALARM',
          ]),
      'END:VEVENT',
    ]),
    'END:VCALENDAR',
  ];
  return lines.map(fold).join('\r\n') + '\r\n';
}

/** An iCalendar file for one workshop appointment (see calendarIcs). */
export function appointmentIcs(a: CalendarEvent & { stamp: Date }): string {
  const { stamp, ...event } = a;
  return calendarIcs({
    product: 'Workshop appointments',
    cancelled: a.cancelled,
    stamp,
    events: [event],
  });
}
