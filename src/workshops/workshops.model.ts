// Digital workshops: opening days, the drop-in queue's order and waits, what a visit may hold.
// Pure: no I/O; the clock comes in as an argument.
import Holidays from 'date-holidays';

export * from './workshops.constants';

/** Opening hours per ISO weekday (1 = Monday … 7 = Sunday), "HH:MM" in Danish time. */
export type OpeningHours = Partial<
  Record<'1' | '2' | '3' | '4' | '5' | '6' | '7', [string, string]>
>;

export const DEFAULT_OPENING_HOURS: OpeningHours = {
  '1': ['09:00', '15:00'],
  '2': ['09:00', '15:00'],
  '3': ['09:00', '15:00'],
  '4': ['09:00', '17:00'],
  '5': ['09:00', '13:00'],
};
export const DEFAULT_CAPACITY = 12;
export const DEFAULT_SERVICE_MINUTES = 15;
export const DEFAULT_SLOT_MINUTES = 30;

const ZONE = 'Europe/Copenhagen';
const dayFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});
const timeFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: ZONE,
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});
const weekdayFormat = new Intl.DateTimeFormat('en-US', { timeZone: ZONE, weekday: 'short' });
const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** The Danish wall-clock time ("HH:MM") of an instant. */
export function timeOfDay(at: Date): string {
  return timeFormat.format(at);
}

/** The Danish calendar day (YYYY-MM-DD) of an instant. */
export function danishDay(at: Date): string {
  return dayFormat.format(at);
}

const holidays = new Holidays('DK');

/** The public holiday on a Danish calendar day, or null. */
export function publicHoliday(day: string): string | null {
  const found = holidays.isHoliday(new Date(`${day}T12:00:00`));
  const hit = Array.isArray(found) ? found.find((h) => h.type === 'public') : undefined;
  return hit ? hit.name : null;
}

export type ClosedReason =
  | { kind: 'holiday'; name: string }
  | { kind: 'closure'; reason: string }
  | { kind: 'no_hours' }
  | { kind: 'outside_hours'; hours: [string, string] };

/** Why the workshop is closed at this instant, or null when it is open. */
export function closedReason(
  at: Date,
  hours: OpeningHours,
  closures: readonly { day: string; reason: string }[],
  openOnHolidays = false,
): ClosedReason | null {
  const day = danishDay(at);
  const holiday = openOnHolidays ? null : publicHoliday(day);
  if (holiday) return { kind: 'holiday', name: holiday };
  const closure = closures.find((c) => c.day === day);
  if (closure) return { kind: 'closure', reason: closure.reason };
  // Intl's weekday names map to 1–7, the keys of opening hours.
  const weekday = String(WEEKDAYS.indexOf(weekdayFormat.format(at)) + 1) as keyof OpeningHours;
  const today = hours[weekday];
  if (!today) return { kind: 'no_hours' };
  const now = timeFormat.format(at);
  if (now < today[0] || now >= today[1]) return { kind: 'outside_hours', hours: today };
  return null;
}

export interface NextOpening {
  /** The Danish calendar day (YYYY-MM-DD) and its hours. */
  day: string;
  from: string;
  to: string;
  /** Open at this very moment; open (or opening) today. */
  now: boolean;
  today: boolean;
}

/**
 * When the workshop is next open, from `at` and up to `withinDays` days ahead: today if it is
 * open now or opens later today, else the first day with hours that is neither a holiday nor a
 * closure. Null if none in that time.
 */
export function nextOpening(
  at: Date,
  hours: OpeningHours,
  closures: readonly { day: string; reason: string }[],
  openOnHolidays = false,
  withinDays = 14,
): NextOpening | null {
  const today = danishDay(at);
  const time = timeFormat.format(at);
  for (let n = 0; n <= withinDays; n++) {
    const day = addDays(today, n);
    if (!openOnHolidays && publicHoliday(day)) continue;
    if (closures.some((c) => c.day === day)) continue;
    const h = hours[String(weekdayOf(day)) as keyof OpeningHours];
    if (!h) continue;
    if (n === 0 && time >= h[1]) continue;
    return { day, from: h[0], to: h[1], now: n === 0 && time >= h[0], today: n === 0 };
  }
  return null;
}

/** The ISO weekday (1 = Monday) of a calendar day. */
export function weekdayOf(day: string): number {
  const d = new Date(`${day}T12:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
}

/** The calendar day `n` days after `day` (YYYY-MM-DD). */
export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** "HH:MM" from 00:00; a day may close at 24:00 (open until midnight). */
export const TIME_PATTERN = /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/;

export function validOpeningHours(hours: OpeningHours): boolean {
  return Object.values(hours).every(
    (h) => h && TIME_PATTERN.test(h[0]) && TIME_PATTERN.test(h[1]) && h[0] < h[1],
  );
}

export * from './queue.model';

/**
 * How much anyone may write without logging in. A person checks in once or twice; the tablet
 * by the door is one source for many people, so the per-source limit leaves room for a busy
 * hour there. The per-workshop limits sit far above a real day and stop a flood from many
 * addresses filling the queue or the calendar.
 */
export const PUBLIC_WRITE_LIMITS = {
  checkInPerSource: { max: 20, windowSeconds: 300 },
  checkInPerWorkshop: { max: 150, windowSeconds: 3600 },
  bookingPerSource: { max: 8, windowSeconds: 3600 },
  bookingPerWorkshop: { max: 100, windowSeconds: 3600 },
} as const;
