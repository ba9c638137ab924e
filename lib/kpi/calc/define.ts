// How a KPI is computed, in terms the engine can run in one pass per table: "parts" (aggregates over
// a set of records of one kind, in a period) and a formula over them. The drill-down of a KPI is
// built from the very same condition functions, so the number and its records cannot drift apart.
import { sql, type SQL } from 'drizzle-orm';
import type { SourceKey } from '../sql/sources';
import { inP, inPDate, type PeriodSet, type PeriodShift, type SqlPeriod } from '../sql/period-sql';
import type { KpiValue } from '../types';
import type { ChainKey, SummaryKey } from '@/db/schema/summary-defs';
import type { RowFilters } from '@/lib/access';

/**
 * Filter conditions for a record kind queried inside another one's condition (e.g. an account's orders).
 * The engine's passes attach the view's `filters` too: a condition that reads a summary instead of raw
 * rows (customer engagement) needs to know which filters it must serve. Drill-downs leave them off.
 */
export type Nested = ((source: SourceKey) => SQL) & { filters?: RowFilters };

/** A condition implies `col` in [from, to): the pass merges such ranges into one index-friendly range. */
export interface RangeMeta { col: string; date: boolean }

/**
 * A condition or value over one record of a source, in period `p`. The engine always passes `nested`;
 * conditions that look into other record kinds use it (conditions composed of others may omit it).
 */
export interface Cond {
  (p: SqlPeriod, nested?: Nested): SQL;
  range?: RangeMeta;
}

/** `col` (a timestamptz, or with `date` a date column) in [from, to). */
export function timeIn(col: string, date = false): Cond {
  const c: Cond = (p) => (date ? inPDate(sql.raw(col), p) : inP(sql.raw(col), p));
  c.range = { col, date };
  return c;
}

/**
 * `cheap and costly`, evaluating `costly` (a subquery) only where `cheap` is true: a plain AND also
 * evaluates it where `cheap` is null (e.g. prospects' empty customer_since).
 */
export function guard(cheap: SQL, costly: SQL): SQL {
  return sql`(case when ${cheap} then ${costly} else false end)`;
}

/** `cond`, declared to imply the time range of `range` (so the pass can restrict rows by it). */
export function within(range: Cond, cond: Cond): Cond {
  const c: Cond = (p, n) => cond(p, n);
  c.range = range.range;
  return c;
}

export type AggKind = 'count' | 'sum' | 'avg' | 'countDistinct' | 'accountsWithMin';

/**
 * The exact summary that serves a part (lib/kpi/summary, db/schema/summary-defs.ts): the summary's
 * `measure` summed over the period's days (a count or a sum), divided by `per` for a mean. Declared only
 * where the measure is the part's very aggregate over the part's very records; a part without one reads
 * the raw rows, and `rawBecause` says why.
 */
export interface SummaryRef {
  table: SummaryKey | ChainKey;
  measure: string;
  per?: string;
  /**
   * A count of states, not of the period's events (customers, from `customer_days`): Σ `measure` over the
   * days before the period's `before` bound minus Σ `minus.measure` over the days before its bound
   * (customers at `from`: starts before `from` − churns before `from`).
   */
  cumulative?: { before: 'from' | 'to'; minus: { measure: string; before: 'from' | 'to' } };
  /** Every record the summary holds, whatever the period (data completeness): the whole month table. */
  allTime?: boolean;
  /**
   * Distinct accounts with at least `min` (1 or 2) orders of the `chain` in the period, from the order
   * chain summary (db/schema/summary-defs.ts, ORDER_CHAIN): Σ n of the period's orders whose previous
   * order is before the period (min 1) or whose previous is in it and the one before is not (min 2).
   * Periods starting on the first of a month only.
   */
  buyers?: { chain: 'all' | 'costed'; min: 1 | 2 };
  /**
   * Customers lost in the period (L: customers at `from` who churned in it), from `customer_days`: Σ
   * `measure` (churns) in the period of customers who started before `from`. With `cumulative`, that
   * count minus L (customers at `from` still customers at `to`). Periods starting on the first of a month only.
   */
  lost?: 'count' | 'minus';
  /**
   * Distinct accounts from an account month chain (`touch_chain_months`; summary-defs.ts TOUCH_CHAIN):
   * Σ n of the period's chain rows whose previous month is before it. 'touch': active customers with
   * an order, ticket or response (customer engagement's numerator; an owner's view: their own
   * accounts). 'upsell': accounts with a won upsell or cross-sell deal (under its own owner). Periods of
   * whole UTC months, without a team filter or a breakdown (an account with events under two owners of
   * a team counts once: the chains are per owner), and filters the part's `literalSummary` allows.
   */
  chain?: 'touch' | 'upsell';
}

export interface Part {
  source: SourceKey;
  agg: AggKind;
  /** The records aggregated. */
  where: Cond;
  /** sum/avg: the summed value; countDistinct: the counted expression. */
  value?: Cond;
  /** accountsWithMin: accounts with at least this many of the records (orders only). */
  min?: number;
  /** A cheap, index-friendly superset of `where`, used to restrict the pass (defaults to `where`). */
  window?: Cond;
  summary?: SummaryRef;
  /** Why no summary serves this part (the docs' list of raw-row KPIs comes from these). */
  rawBecause?: string;
  /**
   * The part's condition reads a summary itself when its period is literal and `filters` allow
   * (customer engagement's account touches): a series then computes its buckets one by one through the
   * engine rather than in one lateral pass over raw rows (lib/kpi/series.ts).
   */
  literalSummary?: (filters: RowFilters) => boolean;
}

export type Get = (part: Part, shift?: PeriodShift) => KpiValue;

/** How a KPI helper's parts are read: a summary, or the raw rows for the reason given (a string). */
export type ReadFrom<S> = S | string;

/** The part's `summary` or `rawBecause` from `read` (a string is the reason raw rows are read). */
function readOf<S>(read: ReadFrom<S>, ref: (s: S) => SummaryRef): Pick<Part, 'summary' | 'rawBecause'> {
  return typeof read === 'string' ? { rawBecause: read } : { summary: ref(read) };
}

/** How the drill-down rows recompute the value (tests and the UI's "how is this computed"). */
export type DrillCheck = 'count' | 'sum' | 'mean' | 'ratio' | 'ratioOfSums' | 'custom';

export type DrillCond = (ps: PeriodSet, nested: Nested) => SQL;

export interface DrillDef {
  source: SourceKey;
  /** The records listed: the denominator's records for a ratio, the averaged ones for a mean. */
  where: DrillCond;
  /** Ratios: whether the record is in the numerator (column `in_numerator`). */
  numerator?: DrillCond;
  /**
   * Ratios whose numerator is not a subset of the denominator (upsell rate under an owner filter):
   * whether the record is in the denominator (column `in_denominator`); `where` then lists both.
   */
  denominator?: DrillCond;
  /** `where` applies the filters itself (through `nested`), e.g. different ones to different rows. */
  ownFilters?: boolean;
  /**
   * Rows the viewer may see through another kind of record: a row is listed when it is in the
   * viewer's scope or when `cond` holds with `scoped`, the viewer's scope over `source` (e.g. an
   * account in the upsell numerator because of a deal the viewer owns, though someone else owns the
   * account: the card counts it, so the drill-down must list it).
   */
  scopeVia?: { source: SourceKey; cond: (ps: PeriodSet, nested: Nested, scoped: SQL) => SQL };
  /** Means and sums: the record's value (column `value`); ratio of sums: the numerator amount. */
  value?: DrillCond;
  valueLabel?: string;
  /** Ratio of sums: the denominator amount (column `weight`). */
  weight?: DrillCond;
  weightLabel?: string;
  /** Growth KPIs list both periods: column `period` is 'current' or 'previous'. */
  period?: DrillCond;
  check: DrillCheck;
  /** Column the first page is sorted by (descending, unless `defaultDir` says otherwise). */
  defaultSort: string;
  /**
   * The first page's direction when the viewer has not picked one: descending (newest, largest first)
   * by default; data completeness lists its least complete records first, the ones to fix.
   */
  defaultDir?: 'asc' | 'desc';
  /**
   * The KPI's own parts that count exactly the listed records (`where` under the view's filters):
   * `total` for a list, `numerator` and `denominator` for a ratio's two sets. The drill-down reads its
   * counts through them (the cards' summaries) when no read-scope condition narrows the list further.
   */
  counts?: { total: Part } | { numerator: Part; denominator: Part };
}

export interface KpiCalc {
  parts: { part: Part; shift: PeriodShift }[];
  compute: (get: Get) => KpiValue;
  /** A union of record kinds (data completeness) lists several; null when no records make the number. */
  drill: DrillDef | DrillDef[] | null;
  /** The part counting the records behind the value, for a breakdown's record counts. */
  countPart?: Part;
  /** Record kinds looked up inside the parts' conditions that take the filters too. */
  nested?: SourceKey[];
}

export const cur = (part: Part) => ({ part, shift: 'cur' as const });

export function div(n: KpiValue, d: KpiValue): KpiValue {
  return n == null || d == null || d === 0 ? null : n / d;
}
export function pct(n: KpiValue, d: KpiValue): KpiValue {
  const r = div(n, d);
  return r == null ? null : 100 * r;
}

const onCur = (c: Cond): DrillCond => (ps, n) => c(ps.cur, n);
/** Drill-downs open on their newest records: the time column is indexed, so the first page is cheap. */
const newestFirst = (c: Cond) => c.range?.col.split('.')[1] ?? 'value';

/** count(records) */
export function countKpi(source: SourceKey, where: Cond, sort: string, read: ReadFrom<SummaryRef>, window?: Cond): KpiCalc {
  const count: Part = { source, agg: 'count', where, window, ...readOf(read, (s) => s) };
  return { parts: [cur(count)], compute: (g) => g(count), countPart: count,
    drill: { source, where: onCur(where), check: 'count', defaultSort: sort, counts: { total: count } } };
}

/** A sum or mean's summary: the summed measure and the measure counting the records. */
export interface SummaryOf {
  table: SummaryKey;
  sum: string;
  count: string;
  /**
   * A state at the period's end rather than the period's events (the open pipeline): Σ `sum`/`count`
   * over the days before `to` minus Σ these over the days before `to`.
   */
  minus?: { sum: string; count: string };
}

const atEnd = (minus?: string): Pick<SummaryRef, 'cumulative'> =>
  (minus ? { cumulative: { before: 'to', minus: { measure: minus, before: 'to' } } } : {});

/** sum(value) over records. */
export function sumKpi(source: SourceKey, where: Cond, value: Cond, valueLabel: string, read: ReadFrom<SummaryOf>, window?: Cond): KpiCalc {
  const total: Part = { source, agg: 'sum', where, value, window, ...readOf(read, (s) => ({ table: s.table, measure: s.sum, ...atEnd(s.minus?.sum) })) };
  const count: Part = { source, agg: 'count', where, window, ...readOf(read, (s) => ({ table: s.table, measure: s.count, ...atEnd(s.minus?.count) })) };
  return { parts: [cur(total), cur(count)], compute: (g) => g(total), countPart: count,
    drill: { source, where: onCur(where), value: onCur(value), valueLabel, check: 'sum', defaultSort: newestFirst(where), counts: { total: count } } };
}

/** mean(value) over records; `where` must include "value is known". */
export function meanKpi(source: SourceKey, where: Cond, value: Cond, valueLabel: string, read: ReadFrom<SummaryOf>, window?: Cond): KpiCalc {
  const mean: Part = { source, agg: 'avg', where, value, window, ...readOf(read, (s) => ({ table: s.table, measure: s.sum, per: s.count })) };
  const count: Part = { source, agg: 'count', where, window, ...readOf(read, (s) => ({ table: s.table, measure: s.count })) };
  return { parts: [cur(mean), cur(count)], compute: (g) => (g(count) ? g(mean) : null), countPart: count,
    drill: { source, where: onCur(where), value: onCur(value), valueLabel, check: 'mean', defaultSort: newestFirst(where), counts: { total: count } } };
}

/** 100 × count(population ∧ numerator) ÷ count(population). */
export function ratioKpi(source: SourceKey, population: Cond, numerator: Cond, sort: string,
  read: ReadFrom<{ table: SummaryKey; num: string | SummaryRef; den: string | SummaryRef }>, window?: Cond): KpiCalc {
  // A measure's name, or a whole reference (customer states: cumulative counts, lost customers).
  const ref = (table: SummaryKey, m: string | SummaryRef): SummaryRef => (typeof m === 'string' ? { table, measure: m } : m);
  const den: Part = { source, agg: 'count', where: population, window, ...readOf(read, (s) => ref(s.table, s.den)) };
  const num: Part = { source, agg: 'count', where: (p, n) => guard(population(p, n), numerator(p, n)), window: window ?? population,
    ...readOf(read, (s) => ref(s.table, s.num)) };
  return { parts: [cur(num), cur(den)], compute: (g) => pct(g(num), g(den)), countPart: den,
    drill: { source, where: onCur(population), numerator: onCur(numerator), check: 'ratio', defaultSort: sort, counts: { numerator: num, denominator: den } } };
}

/** 100 × Σ numerator ÷ Σ denominator over records. */
export function ratioOfSumsKpi(source: SourceKey, where: Cond, num: Cond, numLabel: string, den: Cond, denLabel: string, rawBecause: string): KpiCalc {
  const n: Part = { source, agg: 'sum', where, value: num, rawBecause };
  const d: Part = { source, agg: 'sum', where, value: den, rawBecause };
  const count: Part = { source, agg: 'count', where, rawBecause };
  return { parts: [cur(n), cur(d), cur(count)], compute: (g) => pct(g(n), g(d)), countPart: count,
    drill: { source, where: onCur(where), value: onCur(num), valueLabel: numLabel, weight: onCur(den), weightLabel: denLabel,
      check: 'ratioOfSums', defaultSort: 'value' } };
}

/**
 * (x(P) − x(C)) ÷ x(C), for a sum KPI, where C is the view's comparison period (the 'prev' shift: the
 * engine's `compare`, by default the catalogue's previous period); the drill-down lists both periods' records.
 */
export function growthKpi(base: KpiCalc): KpiCalc {
  const total = base.parts[0].part;
  const count = base.countPart!;
  const drill = base.drill as DrillDef;
  return {
    parts: [cur(total), { part: total, shift: 'prev' }, cur(count)],
    compute: (g) => pct(g(total) == null || g(total, 'prev') == null ? null : g(total)! - g(total, 'prev')!, g(total, 'prev')),
    countPart: count,
    drill: {
      // Both periods' records: no one part counts them.
      ...drill, check: 'custom', counts: undefined,
      where: (ps, n) => sql`(${total.where(ps.cur, n)} or ${total.where(ps.prev, n)})`,
      value: (ps, n) => total.value!(ps.cur, n),
      period: (ps, n) => sql`case when ${total.where(ps.cur, n)} then 'current' else 'previous' end`,
    },
  };
}
