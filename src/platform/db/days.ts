import { sql, type AnyColumn, type SQL } from 'drizzle-orm';

/** The Copenhagen calendar day of a timestamp, as YYYY-MM-DD text: `copenhagenDay` in SQL. */
export const copenhagenDaySql = (at: AnyColumn | SQL) =>
  sql<string>`to_char(${at} at time zone 'Europe/Copenhagen', 'YYYY-MM-DD')`;
