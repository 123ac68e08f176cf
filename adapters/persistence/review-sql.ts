// The few things the review sweep's plain SQL (fast-sql.ts) spells differently in SQLite and
// PostgreSQL, and reading its raw values back: SQLite returns booleans as 0/1 and dates as the
// ISO text Prisma's adapter wrote; PostgreSQL's driver would read a `timestamp` column in the
// server process's local time zone, so dates are selected as UTC (`AT TIME ZONE 'UTC'`).
import type { Provider } from './database.ts';

export type Dialect = 'sqlite' | 'postgresql';

export const dialectOf = (provider: Provider): Dialect => (provider === 'postgres' ? 'postgresql' : 'sqlite');

/**
 * `column IN (...)` with the values as ONE JSON array parameter ($n): the statement's text is the
 * same for every page, so it is prepared once, and no list of hundreds of parameters is bound.
 * PostgreSQL gets `= ANY(ARRAY(...))`, which is always looked up in the column's index: as
 * `IN (SELECT ...)` on a table without statistics yet (a new database's first season) it planned
 * a nested scan of the whole table per value, 20 s for 12,000 keys.
 */
export const inJson = (dialect: Dialect, column: string, n: number): string =>
  dialect === 'sqlite'
    ? `${column} IN (SELECT value FROM json_each($${n}))`
    : `${column} = ANY(ARRAY(SELECT json_array_elements_text(CAST($${n} AS json))))`;

/** A timestamp column as a value that reads back as the right instant (see above). */
export const utc = (dialect: Dialect, column: string, as: string): string =>
  dialect === 'sqlite' ? `${column} AS "${as}"` : `(${column} AT TIME ZONE 'UTC') AS "${as}"`;

/** A date read back: a Date (PostgreSQL), ISO text (SQLite, as Prisma writes it) or epoch milliseconds. */
export function toDate(value: unknown): Date | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value;
  if (typeof value === 'number' || typeof value === 'bigint') return new Date(Number(value));
  const text = String(value);
  // SQLite's own CURRENT_TIMESTAMP ("2026-09-01 08:05:00") has no zone and is UTC.
  return new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(text) ? text : `${text.replace(' ', 'T')}Z`);
}

export const toBool = (value: unknown): boolean => value === true || value === 1 || value === 1n || value === '1';

export const toInt = (value: unknown): number => Number(value);
