// What the areas report for the taskforce's follow-up of the strategy: small, import-free rows
// (days as YYYY-MM-DD) the taskforce area turns into indicators and the citizen journey. An
// area reports what happened in its own data; who is at which site, and what counts toward
// which recommendation, is the taskforce's to decide.

/** The day something first happened to a citizen (e.g. first workshop visit). */
export interface CitizenDay {
  citizenId: string;
  on: string;
}

/** A count of something in one month (YYYY-MM) at one site (null: not tied to a site). */
export interface MonthCount {
  month: string;
  siteId: string | null;
  n: number;
}
