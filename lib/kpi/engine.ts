// The KPI engine's aggregate side: values for a period, with its comparison period, and broken down by
// a dimension (time series: ./series.ts). Every request is a few queries: one pass per table involved,
// for the AuthorizedView it is given (lib/access).
import { PgDialect } from 'drizzle-orm/pg-core';
import { queryRows, type QueryDb } from '@/db/client';
import { readSetOfSql } from './recorded-reads';
import type { ReadSet } from './result-cache';
import { CALCS } from './calc';
import { cur, type Get, type Part } from './calc/define';
import { previousPeriod, trailingTwelveMonths } from './periods';
import { getKpi, type KpiKey, KPI_KEYS } from './registry';
import { literalPeriod, type PeriodShift } from './sql/period-sql';
import { buildPass, emptyValue, splitPasses, type Slot } from './sql/pass';
import { SOURCES, groupExpr, type SourceKey } from './sql/sources';
import type { Dimension, KpiValue, Period } from './types';
import { authorizedRows, type AuthorizedView, type RowFilters } from '@/lib/access';
import { summaryPasses } from './summary/pass';

export type KpiValues<K extends KpiKey = KpiKey> = Record<K, KpiValue>;

export interface KpiQuery<K extends KpiKey = KpiKey> {
  from: Date;
  to: Date;
  /** Default: every KPI. */
  keys?: readonly K[];
  /**
   * The comparison period (kpi-catalog.md, Conventions): every previous value and growth KPI uses it.
   * Default: the catalogue's previous period.
   */
  compare?: Period;
  /** The comparison period's own comparison (the previous value of a growth KPI). Default: its previous period. */
  compareOfCompare?: Period;
}

/** A period and the period its growth KPIs compare with. */
interface Frame { cur: Period; prev: Period }

const frameOf = (cur: Period, prev?: Period): Frame => ({ cur, prev: prev ?? previousPeriod(cur.from, cur.to) });

const partIds = new WeakMap<Part, number>();
let nextPartId = 0;
export function partId(part: Part): number {
  let id = partIds.get(part);
  if (id === undefined) partIds.set(part, (id = nextPartId++));
  return id;
}

function shiftPeriod(f: Frame, shift: PeriodShift): Period {
  if (shift === 'prev') return f.prev;
  if (shift === 't12') return trailingTwelveMonths(f.cur.to);
  return f.cur;
}

export function checkPeriod(p: Period): void {
  if (!(p.from instanceof Date) || !(p.to instanceof Date) || Number.isNaN(p.from.getTime()) || Number.isNaN(p.to.getTime())) {
    throw new RangeError('Invalid period');
  }
  if (p.from >= p.to) throw new RangeError('The period must end after it starts');
}

const slotKey = (part: Part, p: Period) => `${partId(part)}|${p.from.getTime()}|${p.to.getTime()}`;

interface PassResult {
  /** Group key ('' when ungrouped) -> slot name -> value. */
  rows: Map<string | null, Record<string, KpiValue>>;
  labels: Map<string | null, string | null>;
  grouped: boolean;
}

/** The slots of `keys` over `periods`, deduplicated (won revenue and sales growth share a sum). */
function planSlots(keys: readonly KpiKey[], frames: Frame[]) {
  return planParts(keys.flatMap((key) => CALCS[key].parts), frames);
}

/** The slots of parts (each in its shift of each frame), deduplicated. */
function planParts(refs: readonly { part: Part; shift: PeriodShift }[], frames: Frame[]) {
  const byKey = new Map<string, Slot & { source: SourceKey }>();
  for (const p of frames) {
    for (const ref of refs) {
      const period = shiftPeriod(p, ref.shift);
      const k = slotKey(ref.part, period);
      if (!byKey.has(k)) byKey.set(k, { name: `m${byKey.size}`, part: ref.part, period: literalPeriod(period), js: period, source: ref.part.source });
    }
  }
  const bySource = new Map<SourceKey, Slot[]>();
  for (const s of byKey.values()) bySource.set(s.source, [...(bySource.get(s.source) ?? []), s]);
  return { byKey, bySource };
}

async function runPasses(db: QueryDb, bySource: Map<SourceKey, Slot[]>, filters: RowFilters, dimension?: Dimension) {
  const results = new Map<SourceKey, PassResult>();
  // The slots an exact summary serves read it (lib/kpi/summary/pass.ts); the others read raw rows.
  const summary = summaryPasses(bySource, filters, dimension, undefined, true);
  const raw = [...summary.rest].flatMap(([source, slots]) => splitPasses(SOURCES[source], slots).map((list) => {
    const group = dimension ? groupExpr(SOURCES[source], dimension) ?? undefined : undefined;
    return { source, grouped: !!group, query: buildPass(SOURCES[source], list, filters, [], group) };
  }));
  await Promise.all([...summary.passes, ...raw].map(async ({ source, grouped, query }) => {
    const rows = await queryRows<Record<string, KpiValue> & { gk?: string | null; gl?: string | null }>(db, query);
    let res = results.get(source);
    if (!res) results.set(source, (res = { rows: new Map(), labels: new Map(), grouped }));
    for (const r of rows) {
      const gk = grouped ? (r.gk ?? null) : '';
      res.rows.set(gk, { ...res.rows.get(gk), ...r });
      if (grouped && !res.labels.get(gk)) res.labels.set(gk, r.gl ?? null);
    }
  }));
  // A slot read in pieces (whole days from a summary, part days from raw rows) is their sum; a mean's,
  // the sum of its sums over the sum of its counts.
  const total = (row: Record<string, KpiValue>, names: string[]) => {
    const values = names.map((p) => row[p]).filter((v) => v != null);
    return values.length === 0 ? null : values.reduce((a, v) => a + Number(v), 0);
  };
  for (const split of summary.splits) {
    for (const row of results.get(split.source)?.rows.values() ?? []) {
      if (!split.counts) row[split.name] = total(row, split.pieces);
      else {
        const n = total(row, split.counts);
        row[split.name] = n ? total(row, split.pieces)! / n : null;
      }
    }
  }
  return results;
}

function getter(results: Map<SourceKey, PassResult>, byKey: Map<string, Slot>, period: Frame, group: string | null | undefined): Get {
  return (part, shift = 'cur') => {
    const slot = byKey.get(slotKey(part, shiftPeriod(period, shift)))!;
    const res = results.get(part.source)!;
    const row = res.rows.get(res.grouped ? (group ?? null) : '');
    if (!row) return emptyValue(part);
    const v = row[slot.name];
    return v == null ? null : Number(v);
  };
}

function computeAll<K extends KpiKey>(keys: readonly K[], get: Get): KpiValues<K> {
  const out = {} as KpiValues<K>;
  for (const key of keys) {
    const v = CALCS[key].compute(get);
    out[key] = v == null || !Number.isFinite(v) ? null : v;
  }
  return out;
}

const dialect = new PgDialect();
const readSetMemo = new Map<string, { tables: ReadonlySet<string>; ownerScoped: ReadonlySet<string> }>();

/**
 * What a cached result of `keys` for `view` (and grouped by `dimension`) depends on
 * (lib/kpi/result-cache.ts): the tables the engine's SQL reads under filters of these kinds, read off
 * the very SQL the engine builds, so it cannot miss a table a condition looks into (filter values and
 * periods do not change it); which of them it reads only as the view's own records; and the view's
 * owner and team. A table is read only as the view's own records when it is the base table of every
 * pass that names it (never joined, never in a subquery), its rows are owned through a column of their
 * own (the entity catalogue's owner path), and its change notices list that column's owners
 * (OWNER_NOTICE_COLUMNS; lib/kpi/recorded-reads.ts readSetOfSql). Then the view's rows of it are exactly
 * those whose owner is in the view, so a change to rows of other owners cannot alter the result.
 * Without a view: every owner's records (tooling and tests).
 */
export function kpiReadSet(keys: readonly KpiKey[], view?: AuthorizedView, dimension?: Dimension): ReadSet {
  const rows = view?.rows ?? {};
  const { tables, ownerScoped } = readSetOf(keys, rows, dimension);
  return { tables, ownerScoped, rows: { ownerId: rows.ownerId, teamId: rows.teamId } };
}

/** kpiReadSet for parts read by computeParts (the dashboard's charts): the tables their raw passes read. */
export function partsReadSet(name: string, parts: readonly Part[], view: AuthorizedView): ReadSet {
  const rows = view.rows;
  const { tables, ownerScoped } = readSetOf([], rows, undefined, { name, parts });
  return { tables, ownerScoped, rows: { ownerId: rows.ownerId, teamId: rows.teamId } };
}

function readSetOf(keys: readonly KpiKey[], clean: RowFilters, dimension?: Dimension, named?: { name: string; parts: readonly Part[] }) {
  const memo = `${named ? `parts:${named.name}` : [...keys].sort().join(',')}|${Object.keys(clean).sort().join(',')}|${dimension ?? ''}`;
  let set = readSetMemo.get(memo);
  if (!set) {
    const p = { from: new Date(Date.UTC(2020, 0, 1)), to: new Date(Date.UTC(2020, 1, 1)) };
    // The raw passes' SQL, never the summaries': a summary changes exactly when the rows it sums do, and
    // the change notices name the record tables.
    const { bySource } = named ? planParts(named.parts.map((part) => cur(part)), [frameOf(p)]) : planSlots(keys, [frameOf(p)]);
    set = readSetOfSql([...bySource].map(([source, slots]) => {
      const src = SOURCES[source];
      const group = dimension ? groupExpr(src, dimension) ?? undefined : undefined;
      return { sql: dialect.sqlToQuery(buildPass(src, slots, clean, [], group)).sql, base: source };
    }));
    if (readSetMemo.size > 2000) readSetMemo.clear();
    readSetMemo.set(memo, set);
  }
  return set;
}

/** KPI values over [from, to) for the view (lib/access: what the viewer may see). */
export async function computeKpis<K extends KpiKey = KpiKey>(db: QueryDb, view: AuthorizedView, q: KpiQuery<K>): Promise<KpiValues<K>> {
  const period = frameOf({ from: q.from, to: q.to }, q.compare);
  checkPeriod(period.cur);
  checkPeriod(period.prev);
  const keys = (q.keys ?? KPI_KEYS) as readonly K[];
  const filters = authorizedRows(view);
  const { byKey, bySource } = planSlots(keys, [period]);
  const results = await runPasses(db, bySource, filters);
  return computeAll(keys, getter(results, byKey, period, undefined));
}

/**
 * The values of `parts` over `period` for the view, read exactly as the cards read them (the summaries
 * wherever they serve the part, raw rows otherwise): a drill-down's counts (DrillDef.counts).
 */
export async function computeParts(db: QueryDb, view: AuthorizedView, parts: readonly Part[], period: Period): Promise<KpiValue[]> {
  checkPeriod(period);
  const frame = frameOf(period);
  const { byKey, bySource } = planParts(parts.map((part) => cur(part)), [frame]);
  const get = getter(await runPasses(db, bySource, authorizedRows(view)), byKey, frame, undefined);
  return parts.map((part) => get(part));
}

/** Values for the period and for its comparison period (cards' change), in the same passes. */
export async function computeKpisWithPrevious<K extends KpiKey = KpiKey>(db: QueryDb, view: AuthorizedView, q: KpiQuery<K>):
  Promise<{ current: KpiValues<K>; previous: KpiValues<K>; previousPeriod: Period }> {
  const period = frameOf({ from: q.from, to: q.to }, q.compare);
  const prev = frameOf(period.prev, q.compareOfCompare);
  for (const p of [period.cur, prev.cur, prev.prev]) checkPeriod(p);
  const keys = (q.keys ?? KPI_KEYS) as readonly K[];
  const filters = authorizedRows(view);
  const { byKey, bySource } = planSlots(keys, [period, prev]);
  const results = await runPasses(db, bySource, filters);
  return {
    current: computeAll(keys, getter(results, byKey, period, undefined)),
    previous: computeAll(keys, getter(results, byKey, prev, undefined)),
    previousPeriod: prev.cur,
  };
}

export interface BreakdownRow {
  /** The group's value, usable as the filter value (null: records without one). */
  key: string | null;
  label: string;
  value: KpiValue;
  /** Records behind the value in this group, when the KPI counts records. */
  count?: number;
}

/** The KPI per value of `dimension`: each row equals the KPI under that extra filter. */
export async function kpiBreakdown(db: QueryDb, view: AuthorizedView, key: KpiKey, q: { from: Date; to: Date; dimension: Dimension; compare?: Period }): Promise<BreakdownRow[]> {
  const period = frameOf({ from: q.from, to: q.to }, q.compare);
  checkPeriod(period.cur);
  if (!getKpi(key).breakdowns.includes(q.dimension)) throw new RangeError(`${key} cannot be broken down by ${q.dimension}`);
  const filters = authorizedRows(view);
  const { byKey, bySource } = planSlots([key], [period]);
  const countPart = CALCS[key].countPart;
  const results = await runPasses(db, bySource, filters, q.dimension);
  const groups = new Map<string | null, string | null>();
  for (const res of results.values()) if (res.grouped) for (const [g, label] of res.labels) if (!groups.has(g)) groups.set(g, label);
  const rows: BreakdownRow[] = [...groups].map(([g, label]) => {
    const get = getter(results, byKey, period, g);
    const value = computeAll([key], get)[key];
    const row: BreakdownRow = { key: g, label: label ?? '(none)', value };
    if (countPart && results.get(countPart.source)?.grouped) row.count = get(countPart) ?? 0;
    return row;
  });
  return rows.sort((a, b) => (b.value ?? -Infinity) - (a.value ?? -Infinity) || a.label.localeCompare(b.label));
}
