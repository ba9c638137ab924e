// A period as SQL expressions, so the same KPI conditions run with literal bounds (dashboards,
// drill-downs) or with a bucket table's columns (time series, one lateral subquery per bucket).
import { sql, type SQL } from 'drizzle-orm';
import type { Period } from '../types';

export interface SqlPeriod {
  /** timestamptz bounds, for timestamptz columns. */
  from: SQL;
  to: SQL;
  /** UTC `timestamp` bounds, for `date` columns (a date counts as its midnight UTC; no session zone involved). */
  fromTs: SQL;
  toTs: SQL;
  /** The bounds themselves, when literal (a series' bucket columns have none). */
  js?: Period;
}

/** The three periods a KPI may refer to, relative to the period it is computed for. */
export interface PeriodSet {
  cur: SqlPeriod;
  prev: SqlPeriod;
  t12: SqlPeriod;
}
export type PeriodShift = keyof PeriodSet;

function naive(d: Date): string {
  return d.toISOString().replace('T', ' ').replace('Z', '');
}

export function literalPeriod(p: Period): SqlPeriod {
  return {
    from: sql`${p.from.toISOString()}::timestamptz`,
    to: sql`${p.to.toISOString()}::timestamptz`,
    fromTs: sql`${naive(p.from)}::timestamp`,
    toTs: sql`${naive(p.to)}::timestamp`,
    js: p,
  };
}

/** Bounds read from columns `<alias>.<prefix>f` / `<alias>.<prefix>t` (timestamptz) of a bucket table. */
export function columnPeriod(alias: string, prefix: string): SqlPeriod {
  const f = sql.raw(`${alias}.${prefix}f`);
  const t = sql.raw(`${alias}.${prefix}t`);
  return { from: f, to: t, fromTs: sql`(${f} at time zone 'UTC')`, toTs: sql`(${t} at time zone 'UTC')` };
}

/** `col` (timestamptz) in [from, to). */
export function inP(col: SQL, p: SqlPeriod): SQL {
  return sql`(${col} >= ${p.from} and ${col} < ${p.to})`;
}

/** `col` (date) in [from, to), the date counting as its midnight UTC. */
export function inPDate(col: SQL, p: SqlPeriod): SQL {
  return sql`(${col} >= ${p.fromTs} and ${col} < ${p.toTs})`;
}

/** A date column as the timestamptz of its midnight UTC (for durations). */
export function dateAsTs(col: SQL): SQL {
  return sql`(${col}::timestamp at time zone 'UTC')`;
}

export function and(parts: SQL[]): SQL {
  if (parts.length === 0) return sql`true`;
  return sql`(${sql.join(parts, sql` and `)})`;
}

export function or(parts: SQL[]): SQL {
  if (parts.length === 0) return sql`false`;
  return sql`(${sql.join(parts, sql` or `)})`;
}

/** Seconds between two timestamptz expressions, as float8. */
export function seconds(later: SQL, earlier: SQL): SQL {
  // date_part, not extract: extract returns numeric, and building a numeric per row cost ~30 % of a
  // year's ticket pass; date_part computes the same seconds as float8 directly.
  return sql`date_part('epoch', ${later} - ${earlier})`;
}
