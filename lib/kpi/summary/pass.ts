// The engine's reads of the exact summaries: the slots a summary can serve (a part that declares one,
// a period of whole UTC days, filters and breakdown the summary's keys cover) become one query per
// summary, with the same result columns as the raw pass (lib/kpi/sql/pass.ts) they replace. A period
// reads its whole UTC months from the month table and its edge days from the day table.
// Everything else reads the raw rows, as before. KPI_SUMMARIES=off (or setSummariesEnabled) turns it off.
import { sql, type SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { SUMMARY_BY_KEY, accountKeysOf, keyColumns, monthOf, type AccountKey, type ChainKey, type SummaryDef, type SummaryKey } from '@/db/schema/summary-defs';
import type { Slot } from '../sql/pass';
import { and, literalPeriod, or, type SqlPeriod } from '../sql/period-sql';
import type { RowFilters } from '@/lib/access';
import { ACCOUNT_ATTRS, SOURCES, filterUsers, rowFilterKeys, sourceFilterKeys, type SourceKey } from '../sql/sources';
import type { Dimension, FilterKey, Period } from '../types';
import type { Part, SummaryRef } from '../calc/define';
import { cumulativeAgg, cumulativeRows } from './states';

let enabled = process.env.KPI_SUMMARIES !== 'off';

/** Tests and the bench compare the engine with and without summaries. */
export function setSummariesEnabled(on: boolean): void {
  enabled = on;
}
export function summariesEnabled(): boolean {
  return enabled;
}

const DAY_MS = 86_400_000;
/** Summaries hold whole UTC days: a period with another bound reads raw rows. */
export const isWholeDays = (p: Period): boolean => p.from.getTime() % DAY_MS === 0 && p.to.getTime() % DAY_MS === 0;

const isMonthStart = (d: Date): boolean => d.getTime() === Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
/** A period of whole UTC months: it reads month rows only. */
const isWholeMonths = (p: Period): boolean => isMonthStart(p.from) && isMonthStart(p.to);

/** The account attributes the month table of a day summary is keyed by (summary-defs `accountKeys`). */
const monthAccountKeys = (def: SummaryDef): readonly AccountKey[] => accountKeysOf(SUMMARY_BY_KEY[monthOf(def.name as SummaryKey)] ?? def);

/**
 * Whether the view's filters or breakdown reach `def`'s records through an attribute of their account:
 * only month rows can serve it (when the month table is keyed by it; covers says).
 */
function needsAccountKey(def: SummaryDef, filters: RowFilters, dimension?: Dimension): boolean {
  const applies = sourceFilterKeys(SOURCES[def.source]);
  return ACCOUNT_ATTRS.some((k) => applies.includes(k) && (!!filters[k] || dimension === k));
}

/**
 * The filters (and breakdown) that reach the record kind must all be keys of the summary; the account
 * attributes are keys only for a slot that reads month rows alone (`monthsOnly`).
 */
function covers(def: SummaryDef, filters: RowFilters, dimension: Dimension | undefined, monthsOnly: boolean): boolean {
  const served = new Set<FilterKey>(['team', 'owner', ...(def.dim ? [def.dim] : []), ...(monthsOnly ? monthAccountKeys(def) : [])]);
  const applies = sourceFilterKeys(SOURCES[def.source]);
  const set = rowFilterKeys(filters);
  if (applies.some((k) => set.includes(k) && !served.has(k))) return false;
  // Accounts grouped on raw rows list every owner with an account, prospects' owners included; the
  // customer summary only knows customers' owners: its breakdowns read the raw rows. account_days holds
  // every account, so it groups as the raw rows do.
  if (def.source === 'accounts' && def.name !== 'account_days' && def.name !== 'account_months' && dimension && applies.includes(dimension)) return false;
  return !dimension || !applies.includes(dimension) || served.has(dimension);
}

export interface SummaryPass { source: SourceKey; query: SQL; grouped: boolean }

/**
 * A slot read in pieces: its whole days from a summary, its part-day edges from raw rows. Its value is
 * the sum of `pieces`, or for a mean Σ `pieces` (the sums) ÷ Σ `counts` (null when no record counts).
 */
export interface EdgeSplit { name: string; source: SourceKey; pieces: string[]; counts?: string[] }

/**
 * Whether a slot's value over a period is the sum of its values over the pieces of the period: a
 * count or a sum read from a summary as Σ measure over days (not a mean, a state at a bound, or the
 * whole table).
 */
const additive = (s: Slot): boolean => {
  const ref = s.part.summary;
  return !!ref && !ref.per && !ref.cumulative && !ref.allTime && !ref.lost && !ref.chain && (s.part.agg === 'count' || s.part.agg === 'sum');
};

/** A mean served by a summary (Σ measure ÷ Σ per): split, it is read as its sum and its count, each additive. */
const splittableMean = (s: Slot): boolean => {
  const ref = s.part.summary;
  return !!ref?.per && !ref.cumulative && !ref.allTime && !ref.lost && s.part.agg === 'avg' && !!s.part.value;
};

/**
 * The two additive parts of a mean part: the sum of its values and the count of its records with a
 * value (what avg divides by), from the summary's `measure` and `per`.
 */
function meanParts(part: Part): { sum: Part; count: Part } {
  const ref = part.summary!;
  const value = part.value!;
  return {
    sum: { ...part, agg: 'sum', summary: { table: ref.table, measure: ref.measure } },
    count: { ...part, agg: 'sum', value: (p, n) => sql`(case when ${value(p, n)} is not null then 1 else 0 end)`, summary: { table: ref.table, measure: ref.per! } },
  };
}

/**
 * A literal period that is not whole days (a goal's, which ends now) but holds at least one: its whole
 * days [ceil(from), floor(to)) and the part days before and after them.
 */
function edgePieces(js: Period): { days: Period; head: Period | null; tail: Period | null } | null {
  const from = Math.ceil(js.from.getTime() / DAY_MS) * DAY_MS;
  const to = Math.floor(js.to.getTime() / DAY_MS) * DAY_MS;
  if (!(from < to)) return null;
  return {
    days: { from: new Date(from), to: new Date(to) },
    head: js.from.getTime() < from ? { from: js.from, to: new Date(from) } : null,
    tail: to < js.to.getTime() ? { from: new Date(to), to: js.to } : null,
  };
}

const dialect = new PgDialect();

/**
 * Where a whole-day period's records are: the month rows of the whole months it holds [mFrom, mTo),
 * and the day rows of its edges [from, mFrom) and [mTo, to) (all of [from, to) when it holds no whole
 * month). In SQL, so literal periods and a series' bucket columns work alike (constants fold).
 */
function periodRows(p: SqlPeriod, js?: Period): { days: SQL; months: SQL } {
  if (js) return literalRows(js);
  const from = sql`(${p.fromTs})::date`;
  const to = sql`(${p.toTs})::date`;
  const mFrom = sql`(case when date_trunc('month', ${p.fromTs}) = ${p.fromTs} then ${from} else (date_trunc('month', ${p.fromTs}) + interval '1 month')::date end)`;
  const mTo = sql`date_trunc('month', ${p.toTs})::date`;
  const has = sql`(${mFrom} < ${mTo})`;
  const x = sql`(case when ${has} then ${mFrom} else ${to} end)`;
  const y = sql`(case when ${has} then ${mTo} else ${to} end)`;
  return {
    days: sql`((sm.day >= ${from} and sm.day < ${x}) or (sm.day >= ${y} and sm.day < ${to}))`,
    months: sql`(${has} and sm.day >= ${mFrom} and sm.day < ${mTo})`,
  };
}

/** The account month chains' summary: one grain (months), an any-owner chain beside each owner's. */
const CHAIN_SUMMARY: ChainKey = 'touch_chain_months';

const monthStart = (d: Date) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1));

/** The whole UTC months [from, to) of a period (null when it holds none) and the edges around them. */
export function monthsAndEdges(p: Period): { months: Period | null; edges: Period[] } {
  const mFrom = p.from.getTime() === monthStart(p.from).getTime() ? p.from : new Date(Date.UTC(p.from.getUTCFullYear(), p.from.getUTCMonth() + 1, 1));
  const mTo = monthStart(p.to);
  if (mFrom >= mTo) return { months: null, edges: [p] };
  return {
    months: { from: mFrom, to: mTo },
    edges: [...(p.from < mFrom ? [{ from: p.from, to: mFrom }] : []), ...(mTo < p.to ? [{ from: mTo, to: p.to }] : [])],
  };
}

/** periodRows for a literal period, split here: short SQL with plain date ranges. */
function literalRows(p: Period): { days: SQL; months: SQL } {
  const iso = (d: Date) => d.toISOString().slice(0, 10);
  const range = (r: Period) => sql`(sm.day >= ${iso(r.from)}::date and sm.day < ${iso(r.to)}::date)`;
  const { months, edges } = monthsAndEdges(p);
  return { days: or(edges.map(range)), months: months ? range(months) : sql`false` };
}

function inPeriod(p: SqlPeriod, js?: Period): SQL {
  const r = periodRows(p, js);
  return sql`((sm.src = 'd' and ${r.days}) or (sm.src = 'm' and ${r.months}))`;
}

/** Order chains: the period's orders that are their account's first (min 1) or second (min 2) in it. */
function buyersCond(ref: SummaryRef, js: Period): SQL {
  const f = sql`${js.from.toISOString().slice(0, 10)}::date`;
  const b = ref.buyers!;
  const before = (col: string) => sql`(${sql.raw(col)} is null or ${sql.raw(col)} < ${f})`;
  return sql`(sm.chain = ${b.chain} and ${b.min === 1 ? before('sm.prev_month') : sql`sm.prev_month >= ${f} and ${before('sm.prev2_month')}`})`;
}

/**
 * Account month chains: the period's chain rows of the kind that are their account's first in it
 * (previous month before F, or none). Touches: of accounts active in it (since month before T, churn
 * month none or from F on), and under an owner filter the owner's own accounts.
 */
function chainCond(ref: SummaryRef, js: Period, owned: boolean): SQL {
  const iso = (d: Date) => sql`${d.toISOString().slice(0, 10)}::date`;
  const [f, t] = [iso(js.from), iso(js.to)];
  const first = sql`sm.kind = ${ref.chain} and (sm.prev_month is null or sm.prev_month < ${f})`;
  if (ref.chain === 'upsell') return sql`(${first})`;
  return sql`(${first} and sm.since_month < ${t} and (sm.churn_month is null or sm.churn_month >= ${f})${owned ? sql` and sm.own = 1` : sql``})`;
}

/** L: the period's churns of customers who started before its first day (a month's first). */
function lostAgg(ref: SummaryRef, s: Slot): SQL {
  const f = sql`${s.js!.from.toISOString().slice(0, 10)}::date`;
  return sql`coalesce(sum(${sql.raw(`sm.${ref.lost === 'count' ? ref.measure : ref.cumulative!.minus.measure}`)}) filter (where ${inPeriod(s.period, s.js)} and sm.since_month < ${f}), 0)`;
}

function aggOf(def: SummaryDef, s: Slot, filters: RowFilters): SQL {
  const ref = s.part.summary!;
  if (ref.cumulative && ref.lost === 'minus') return sql`(${cumulativeAgg(ref, s.js!)} - ${lostAgg(ref, s)})::int`;
  if (ref.cumulative) return cumulativeAgg(ref, s.js!);
  if (ref.lost) return sql`(${lostAgg(ref, s)})::int`;
  if (ref.chain) return sql`(coalesce(sum(sm.n) filter (where ${inPeriod(s.period, s.js)} and ${chainCond(ref, s.js!, filters.ownerId != null)}), 0))::int`;
  if (ref.buyers) return sql`(coalesce(sum(sm.n) filter (where ${inPeriod(s.period, s.js)} and ${buyersCond(ref, s.js!)}), 0))::int`;
  // All time: the month rows hold every record once.
  const d = ref.allTime ? sql`sm.src = 'm'` : inPeriod(s.period, s.js);
  const m = sql.raw(`sm.${ref.measure}`);
  switch (s.part.agg) {
    case 'count': return sql`(coalesce(sum(${m}) filter (where ${d}), 0))::int`;
    case 'sum': return sql`(coalesce(sum(${m}) filter (where ${d}), 0))::float8`;
    case 'avg': return sql`(sum(${m}) filter (where ${d}) / nullif(sum(${sql.raw(`sm.${ref.per!}`)}) filter (where ${d}), 0))::float8`;
    default: throw new Error(`${def.name}: a summary cannot serve ${s.part.agg}`);
  }
}

function groupOf(def: SummaryDef, dim: Dimension): { joins: SQL[]; key: SQL; label: SQL } {
  if (dim === 'owner') return { joins: [sql`left join users gu on gu.id = sm.owner_id`], key: sql`lower(gu.email)`, label: sql`gu.name` };
  if (dim === 'team') {
    return { joins: [sql`left join users gu on gu.id = sm.owner_id`, sql`left join teams gt on gt.id = gu.team_id`], key: sql`lower(gt.name)`, label: sql`gt.name` };
  }
  const col = sql.raw((monthAccountKeys(def) as readonly string[]).includes(dim) ? `sm.${dim}` : `sm.${def.dim}`);
  return { joins: [], key: sql`lower(${col})`, label: col };
}

/** The rows of the day and the month table the slots read (index ranges on `day`). */
function windowOf(slots: Slot[]): { days: SQL; months: SQL } {
  const days = new Map<string, SQL>();
  const months = new Map<string, SQL>();
  for (const s of slots) {
    const ref = s.part.summary!;
    const p = (ref.cumulative && !ref.lost) || ref.allTime ? null : periodRows(s.period, s.js);
    const c = ref.cumulative ? cumulativeRows(s.js!) : { days: [], months: [] };
    const r = ref.allTime ? { days: [sql`false`], months: [sql`true`] } : { days: [...c.days, ...(p ? [p.days] : [])], months: [...c.months, ...(p ? [p.months] : [])] };
    for (const q of r.days) days.set(JSON.stringify(dialect.sqlToQuery(q)), q);
    for (const q of r.months) months.set(JSON.stringify(dialect.sqlToQuery(q)), q);
  }
  return { days: or([...days.values()]), months: or([...months.values()]) };
}

/**
 * Which month rows a view reads: every record counts twice in a month table, under its owner and under
 * "any owner" (owner 0; summary-defs.ts `anyOwner`). Without an owner or team filter, and not broken
 * down by owner or team, the any-owner rows alone; otherwise the owners' rows (an owner or team filter's
 * ids are users', never 0; a breakdown by owner keeps the records without one, owner null).
 */
function anyOwnerRows(filters: RowFilters, dimension?: Dimension): SQL {
  if (filterUsers(filters).length) return sql`true`;
  return dimension === 'owner' || dimension === 'team' ? sql`sm.owner_id is distinct from 0` : sql`sm.owner_id = 0`;
}

/** `source`: the record kind of the slots (a chain's summary also serves deals' parts: its upsell chain). */
function buildSummaryPass(def: SummaryDef, source: SourceKey, slots: Slot[], filters: RowFilters, dimension?: Dimension): SummaryPass {
  const conds: SQL[] = filterUsers(filters).map((users) => sql`sm.owner_id in (${users})`);
  if (def.dim && filters[def.dim]) conds.push(sql`lower(${sql.raw(`sm.${def.dim}`)}) = lower(${filters[def.dim]!})`);
  // Slots reach here with an account attribute's filter or breakdown only when they read month rows
  // alone (summaryPasses) keyed by it (covers).
  const applies = sourceFilterKeys(SOURCES[def.source]);
  const attrs = monthAccountKeys(def);
  for (const k of attrs) if (filters[k] && applies.includes(k)) conds.push(sql`lower(${sql.raw(`sm.${k}`)}) = lower(${filters[k]})`);
  // The chains hold an any-owner chain (owner 0) beside each owner's: without an owner filter, that one.
  if (def.name === CHAIN_SUMMARY && filters.ownerId == null) conds.push(sql`sm.owner_id = 0`);
  const w = windowOf(slots);
  const cols = slots.map((s) => sql`${aggOf(def, s, filters)} as ${sql.raw(s.name)}`);
  // The day table's columns; a month table keyed by account attributes has those keys too (day rows: none).
  const names = [...keyColumns(def), ...Object.keys(def.measures)].join(', ');
  const dayAttrs = attrs.map((k) => `, null::text as ${k}`).join('');
  const monthAttrs = attrs.map((k) => `, ${k}`).join('');
  // A table of one grain (months) has no day companion: its rows read as month rows.
  // A chain pass reads its slots' kinds only (the owner index leads with owner and kind).
  const kinds = [...new Set(slots.map((s) => s.part.summary!.chain).filter((k) => !!k))];
  const chainWhere = sql`${w.months} and sm.kind in (${sql.join(kinds.map((k) => sql`${k}`), sql`, `)})`;
  const grouped = !!dimension && sourceFilterKeys(SOURCES[def.source]).includes(dimension);
  const monthOwners = anyOwnerRows(filters, grouped ? dimension : undefined);
  const from = def.name === CHAIN_SUMMARY ? sql`(select 'm' as src, ${sql.raw(names)} from ${sql.raw(def.name)} sm where ${chainWhere}) sm` : sql`(select 'd' as src, ${sql.raw(names)}${sql.raw(dayAttrs)} from ${sql.raw(def.name)} sm where ${w.days}
    union all select 'm', ${sql.raw(names)}${sql.raw(monthAttrs)} from ${sql.raw(monthOf(def.name as SummaryKey))} sm where ${w.months} and ${monthOwners}) sm`;
  if (!grouped) return { source, grouped, query: sql`select ${sql.join(cols, sql`, `)} from ${from} where ${and(conds)}` };
  const g = groupOf(def, dimension!);
  return {
    source, grouped,
    query: sql`select ${g.key} as gk, min(${g.label}) as gl, ${sql.join(cols, sql`, `)}
      from ${from} ${sql.join(g.joins, sql` `)} where ${and(conds)} group by 1`,
  };
}

/**
 * The summary passes for the slots a summary can serve, and the slots left for raw passes. `wholeDays`
 * says whether a slot's period is whole UTC days (series check all their buckets at once).
 */
export function summaryPasses(bySource: Map<SourceKey, Slot[]>, filters: RowFilters, dimension?: Dimension,
  wholeDays: (s: Slot) => boolean = (s) => !!s.js && isWholeDays(s.js),
  splitEdges = false): { passes: SummaryPass[]; rest: Map<SourceKey, Slot[]>; splits: EdgeSplit[] } {
  if (!enabled) return { passes: [], rest: bySource, splits: [] };
  const byTable = new Map<string, { table: SummaryKey | ChainKey; source: SourceKey; slots: Slot[] }>();
  const rest = new Map<SourceKey, Slot[]>();
  const splits: EdgeSplit[] = [];
  // One pass per summary table and record kind (a pass's values are its record kind's).
  const toSummary = (table: SummaryKey | ChainKey, s: Slot) => {
    const source = s.part.source;
    const k = `${table}|${source}`;
    byTable.set(k, { table, source, slots: [...(byTable.get(k)?.slots ?? []), s] });
  };
  const toRaw = (source: SourceKey, s: Slot) => rest.set(source, [...(rest.get(source) ?? []), s]);
  for (const [source, slots] of bySource) {
    for (const s of slots) {
      const ref = s.part.summary;
      const def = ref ? SUMMARY_BY_KEY[ref.table] : null;
      // An account attribute's filter or breakdown: served from month rows alone (whole months, or all
      // time), never split.
      const byAccount = !!def && needsAccountKey(def, filters, dimension);
      const monthsOnly = !!ref && !ref.cumulative && (!!ref.allTime || (!!s.js && isWholeMonths(s.js)));
      const served = !!def && covers(def, filters, dimension, monthsOnly);
      // Cumulative reads (customer states) take literal periods only: series buckets read raw rows.
      // Order chains and lost customers: literal periods from the first of a month (they compare a
      // previous order's or a start's month with the period's first day).
      // Account month chains: literal periods of whole months, without a team filter or a breakdown, and
      // filters the chain serves (the part says which).
      const chainServes = !ref?.chain || (!!s.js && isWholeMonths(s.js) && filters.teamId == null && !dimension && (s.part.literalSummary?.(filters) ?? false));
      if (ref && served && chainServes && wholeDays(s) && (!ref.cumulative || s.js) && (!(ref.buyers || ref.lost) || (s.js && isMonthStart(s.js.from)))) {
        toSummary(ref.table, s);
        continue;
      }
      // A sum or count over a period with part days (a custom range's instants): whole days from the summary,
      // the part days from raw rows, added up by the engine (EdgeSplit).
      const mean = splittableMean(s);
      const pieces = splitEdges && ref && served && !byAccount && s.js && (additive(s) || mean) ? edgePieces(s.js) : null;
      if (!ref || !pieces) {
        toRaw(source, s);
        continue;
      }
      // A mean's pieces are its sum's and its count's, added up separately and divided by the engine.
      const halves = mean ? [['s', meanParts(s.part).sum], ['n', meanParts(s.part).count]] as const : [['', s.part]] as const;
      const names: Record<string, string[]> = {};
      for (const [h, part] of halves) {
        const piece = (suffix: string, p: Period): Slot => ({ ...s, part, name: `${s.name}${h}${suffix}`, js: p, period: literalPeriod(p) });
        const list = (names[h] = [`${s.name}${h}w`]);
        toSummary(ref.table, piece('w', pieces.days));
        if (pieces.head) { toRaw(source, piece('h', pieces.head)); list.push(`${s.name}${h}h`); }
        if (pieces.tail) { toRaw(source, piece('t', pieces.tail)); list.push(`${s.name}${h}t`); }
      }
      splits.push(mean ? { name: s.name, source, pieces: names.s, counts: names.n } : { name: s.name, source, pieces: names[''] });
    }
  }
  const passes = [...byTable.values()].map(({ table, source, slots }) => buildSummaryPass(SUMMARY_BY_KEY[table], source, slots, filters, dimension));
  return { passes, rest, splits };
}
