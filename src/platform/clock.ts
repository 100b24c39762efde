/**
 * The one clock. Every timestamp the app stores or compares against comes from here — never
 * from the database server's `now()` — so a test that moves the clock (vitest's fake timers
 * fake `Date`, which this reads) moves it for the data too, and an app server and a
 * PostgreSQL server whose clocks differ still agree on what happened when. ESLint keeps
 * `new Date()`, `Date.now()` and SQL `now()` out of server code elsewhere; durations that
 * are not timestamps use `performance.now()`.
 */
export const clock = {
  now(): Date {
    return new Date();
  },
  /** Milliseconds since the epoch on the same clock. */
  ms(): number {
    return Date.now();
  },
};

/** The calendar day (YYYY-MM-DD) an instant falls on in Copenhagen, where every site is. */
export const copenhagenDay = (at: Date) =>
  at.toLocaleDateString('sv-SE', { timeZone: 'Europe/Copenhagen' });
