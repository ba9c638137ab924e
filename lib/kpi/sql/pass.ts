// One pass over one table: every aggregate the request needs from it ("slots": a part in a period),
// as `agg(...) FILTER (WHERE ...)` columns of a single SELECT. Orders are aggregated per account
// first when a part counts accounts by their number of orders (repeat purchases).
import { sql, type SQL } from 'drizzle-orm';
import type { Nested, Part } from '../calc/define';
import type { RowFilters } from '@/lib/access';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { Period } from '../types';
import { and, inP, inPDate, literalPeriod, or, type SqlPeriod } from './period-sql';
import { SOURCES, filterConditions, type GroupExpr, type SourceDef, type SourceKey } from './sources';

export interface Slot {
  /** Column name of the result (m0, m1, ...). */
  name: string;
  part: Part;
  period: SqlPeriod;
  /** The period's dates when literal (lets the pass merge time ranges). */
  js?: Period;
}

const dialect = new PgDialect();
const sqlKey = (q: SQL) => JSON.stringify(dialect.sqlToQuery(q));

/**
 * Which rows the pass reads: the union of the slots' windows. Windows that are time ranges on the same
 * column merge when they overlap or touch (one index range scan, e.g. this period and the previous one
 * together); ranges apart stay apart (a period's part-day edges read from raw rows: two small ranges,
 * not the whole period between them).
 */
function windowOf(slots: Slot[], n: Nested): SQL {
  const ranges = new Map<string, { date: boolean; spans: { from: Date; to: Date }[] }>();
  const others = new Map<string, SQL>();
  for (const s of slots) {
    const w = s.part.window ?? s.part.where;
    if (w.range && s.js) {
      const r = ranges.get(w.range.col) ?? { date: w.range.date, spans: [] };
      r.spans.push({ from: s.js.from, to: s.js.to });
      ranges.set(w.range.col, r);
    } else {
      const q = w(s.period, n);
      others.set(sqlKey(q), q);
    }
  }
  const conds = [...others.values()];
  for (const [col, r] of ranges) {
    const merged: { from: Date; to: Date }[] = [];
    for (const span of [...r.spans].sort((a, b) => a.from.getTime() - b.from.getTime())) {
      const last = merged[merged.length - 1];
      if (last && span.from <= last.to) { if (span.to > last.to) last.to = span.to; } else merged.push({ ...span });
    }
    for (const m of merged) {
      const p = literalPeriod(m);
      conds.push(r.date ? inPDate(sql.raw(col), p) : inP(sql.raw(col), p));
    }
  }
  return or(conds);
}

/**
 * One pass per time column a source's slots read (this period and the previous one share it), and
 * the per-account aggregates apart: each pass then evaluates only its own FILTERs over only its rows
 * (e.g. the deals closed in the period, and the open pipeline, are two small passes, not one big one).
 */
export function splitPasses(src: SourceDef, slots: Slot[]): Slot[][] {
  const groups = new Map<string, Slot[]>();
  for (const s of slots) {
    const w = s.part.window ?? s.part.where;
    const key = `${s.part.agg === 'accountsWithMin' ? 'account' : 'flat'}|${src.readWhole ? '' : w.range?.col ?? ''}`;
    groups.set(key, [...(groups.get(key) ?? []), s]);
  }
  return [...groups.values()];
}

/** The nested filters of a view; with `summaries`, carrying the filters (the engine's passes: Nested). */
export function nestedFilters(filters: RowFilters, summaries = false): Nested {
  const n: Nested = (key: SourceKey) => and(filterConditions(SOURCES[key], filters));
  if (summaries) n.filters = filters;
  return n;
}

/** The value of an aggregate over no records: 0 for counts and sums, null for means. */
export function emptyValue(part: Part): number | null {
  return part.agg === 'avg' ? null : 0;
}

const needsAccountLevel = (slots: Slot[]) => slots.some((s) => s.part.agg === 'accountsWithMin');

function flatAgg(s: Slot, n: Nested): SQL {
  const w = s.part.where(s.period, n);
  const v = s.part.value?.(s.period, n);
  switch (s.part.agg) {
    case 'count': return sql`(count(*) filter (where ${w}))::int`;
    case 'sum': return sql`(coalesce(sum(${v}) filter (where ${w}), 0))::float8`;
    case 'avg': return sql`(avg(${v}) filter (where ${w}))::float8`;
    case 'countDistinct': return sql`(count(distinct ${v}) filter (where ${w}))::int`;
    case 'accountsWithMin': throw new Error('accountsWithMin needs the account-level pass');
  }
}

/** Inner (per account) and outer columns of the account-level pass. */
function accountLevelAgg(s: Slot, n: Nested): { inner: SQL[]; outer: SQL } {
  const w = s.part.where(s.period, n);
  const v = s.part.value?.(s.period, n);
  const c = sql.raw(`c_${s.name}`);
  const sum = sql.raw(`s_${s.name}`);
  const cnt = sql.raw(`n_${s.name}`);
  switch (s.part.agg) {
    case 'count': return { inner: [sql`count(*) filter (where ${w}) as ${c}`], outer: sql`(coalesce(sum(${c}), 0))::int` };
    case 'sum': return { inner: [sql`sum(${v}) filter (where ${w}) as ${sum}`], outer: sql`(coalesce(sum(${sum}), 0))::float8` };
    case 'avg': return {
      inner: [sql`sum(${v}) filter (where ${w}) as ${sum}`, sql`count(${v}) filter (where ${w}) as ${cnt}`],
      outer: sql`(sum(${sum}) / nullif(sum(${cnt}), 0))::float8`,
    };
    case 'countDistinct':
    case 'accountsWithMin':
      return { inner: [sql`count(*) filter (where ${w}) as ${c}`], outer: sql`(count(*) filter (where ${c} >= ${sql.raw(String(s.part.min ?? 1))}))::int` };
  }
}

/**
 * The SELECT for `slots` (all of one source). With `group`, one row per group value (columns `gk`,
 * `gl`); else one row. The WHERE keeps only rows some slot can use, so indexes on the period columns apply.
 */
export function buildPass(src: SourceDef, slots: Slot[], filters: RowFilters, extraConds: SQL[] = [], group?: GroupExpr): SQL {
  const n = nestedFilters(filters, true);
  const where = and([...filterConditions(src, filters), ...extraConds, ...(src.readWhole ? [] : [windowOf(slots, n)])]);
  if (!needsAccountLevel(slots)) {
    const cols = slots.map((s) => sql`${flatAgg(s, n)} as ${sql.raw(s.name)}`);
    if (group) {
      return sql`select ${group.key} as gk, min(${group.label}) as gl, ${sql.join(cols, sql`, `)}
        from ${src.from} ${sql.join(group.joins, sql` `)} where ${where} group by 1`;
    }
    return sql`select ${sql.join(cols, sql`, `)} from ${src.from} where ${where}`;
  }
  if (!src.account) throw new Error(`${src.key}: account-level aggregates need an account`);
  // Rows outside every slot's set add nothing to any account: leave them out before grouping.
  const sets = new Map<string, SQL>();
  for (const s of slots) {
    const q = s.part.where(s.period, n);
    sets.set(sqlKey(q), q);
  }
  const levelWhere = and([where, or([...sets.values()])]);
  const aggs = slots.map((s) => ({ s, ...accountLevelAgg(s, n) }));
  const inner = aggs.flatMap((a) => a.inner);
  const outer = aggs.map((a) => sql`${a.outer} as ${sql.raw(a.s.name)}`);
  if (group) {
    return sql`select gk, min(gl) as gl, ${sql.join(outer, sql`, `)} from (
      select ${src.account} as k, ${group.key} as gk, min(${group.label}) as gl, ${sql.join(inner, sql`, `)}
      from ${src.from} ${sql.join(group.joins, sql` `)} where ${levelWhere} group by 1, 2) x group by gk`;
  }
  return sql`select ${sql.join(outer, sql`, `)} from (
    select ${src.account} as k, ${sql.join(inner, sql`, `)} from ${src.from} where ${levelWhere} group by 1) x`;
}
