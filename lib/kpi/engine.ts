// The KPI engine's aggregate side: values for a period, with its comparison period, and broken down by
// a dimension (time series: ./series.ts). Every request is a few queries: one pass per table involved,
// for the AuthorizedView it is given (lib/access).
import { PgDialect } from 'drizzle-orm/pg-core';
import { OWNER_NOTICE_COLUMNS, queryRows, type QueryDb } from '@/db/client';
import { ENTITY_CATALOGUE } from '@/lib/entities/catalogue';
import type { ReadSet } from './result-cache';
import { CALCS } from './calc';
import type { Get, Part } from './calc/define';
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
  const byKey = new Map<string, Slot & { source: SourceKey }>();
  for (const p of frames) {
    for (const key of keys) {
      for (const ref of CALCS[key].parts) {
        const period = shiftPeriod(p, ref.shift);
        const k = slotKey(ref.part, period);
        if (!byKey.has(k)) byKey.set(k, { name: `m${byKey.size}`, part: ref.part, period: literalPeriod(period), js: period, source: ref.part.source });
      }
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
  // A slot read in pieces (whole days from a summary, part days from raw rows) is their sum.
  for (const split of summary.splits) {
    for (const row of results.get(split.source)?.rows.values() ?? []) {
      const values = split.pieces.map((p) => row[p]).filter((v) => v != null);
      row[split.name] = values.length === 0 ? null : values.reduce((a, v) => a + Number(v), 0);
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
const TABLE_REF = /\b(?:from|join)\s+"?([a-z_][a-z0-9_]*)"?/gi;

/**
 * The tables the engine's SQL reads for `keys` under filters of these kinds (and grouped by `dimension`):
 * what a cached result of them depends on (lib/kpi/result-cache.ts). Read off the very SQL the engine
 * builds, so it cannot miss a table a condition looks into; filter values and periods do not change it.
 */
export function kpiReadTables(keys: readonly KpiKey[], view?: AuthorizedView, dimension?: Dimension): ReadonlySet<string> {
  return readSetOf(keys, view?.rows ?? {}, dimension).tables;
}

/**
 * kpiReadTables, plus which of the tables a result reads only as the view's own records, and the view's
 * owner and team: what the result cache needs to keep a rep's view when another rep's deal changes.
 * A table is read only as the view's own records when it is the base table of every pass that names it
 * (never joined, never in a subquery), its rows are owned through a column of their own (the entity
 * catalogue's owner path), and its change notices list that column's owners (OWNER_NOTICE_COLUMNS).
 * Then the view's rows of it are exactly those whose owner is in the view, so a change to rows of other
 * owners cannot alter the result.
 */
export function kpiReadSet(keys: readonly KpiKey[], view: AuthorizedView, dimension?: Dimension): ReadSet {
  const rows = view.rows;
  const { tables, ownerScoped } = readSetOf(keys, rows, dimension);
  return { tables, ownerScoped, rows: { ownerId: rows.ownerId, teamId: rows.teamId } };
}

function readSetOf(keys: readonly KpiKey[], clean: RowFilters, dimension?: Dimension) {
  const memo = `${[...keys].sort().join(',')}|${Object.keys(clean).sort().join(',')}|${dimension ?? ''}`;
  let set = readSetMemo.get(memo);
  if (!set) {
    const p = { from: new Date(Date.UTC(2020, 0, 1)), to: new Date(Date.UTC(2020, 1, 1)) };
    const { bySource } = planSlots(keys, [frameOf(p)]);
    const mentions = new Map<string, number>();
    const bases = new Map<string, number>();
    for (const [source, slots] of bySource) {
      const src = SOURCES[source];
      const group = dimension ? groupExpr(src, dimension) ?? undefined : undefined;
      const text = dialect.sqlToQuery(buildPass(src, slots, clean, [], group)).sql;
      for (const m of text.matchAll(TABLE_REF)) mentions.set(m[1].toLowerCase(), (mentions.get(m[1].toLowerCase()) ?? 0) + 1);
      const { table, ownerPath } = ENTITY_CATALOGUE[source];
      const notice = (OWNER_NOTICE_COLUMNS as Record<string, string | undefined>)[table];
      if (notice && ownerPath?.kind === 'column' && ownerPath.column === notice) bases.set(table, (bases.get(table) ?? 0) + 1);
    }
    const ownerScoped = new Set([...bases].filter(([t, n]) => mentions.get(t) === n).map(([t]) => t));
    set = { tables: new Set(mentions.keys()), ownerScoped };
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
