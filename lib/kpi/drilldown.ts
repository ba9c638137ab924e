// The records behind a KPI: exactly the rows its aggregate reads, built from the same condition
// functions (lib/kpi/calc), restricted to what the viewer may open, sorted and paginated in SQL.
// A ratio lists two sets, its numerator's records (the default: what makes the number) and its
// denominator's, each with its count, the numerator's rows first; a mean's `value` is each record's
// contribution (their sum ÷ the count is the number).
import { sql, type SQL } from 'drizzle-orm';
import { queryRows } from '@/db/client';
import { CALCS } from './calc';
import { computeParts } from './engine';
import type { DrillCheck, DrillDef, Part } from './calc/define';
import type { QueryDb } from '@/db/client';
import { previousPeriod, trailingTwelveMonths } from './periods';
import { getKpi, type KpiKey } from './registry';
import type { KpiUnit } from './types';
import { assertAuthorized, filtersWithinReadScope, visibleRecords, type AuthorizedView, type RowFilters, type SessionUser } from '@/lib/access';
import { COMMON_COLUMNS, DRILL_COLUMNS, type DrillColumnDef, type DrillColumnType } from './sql/drill-columns';
import { nestedFilters } from './sql/pass';
import { and, literalPeriod, type PeriodSet } from './sql/period-sql';
import { SOURCES, filterConditions, type SourceKey } from './sql/sources';
import type { DrillEntity, Period } from './types';

export interface DrillQuery {
  from: Date;
  to: Date;
  /** 1-based. */
  page?: number;
  pageSize?: number;
  sort?: string;
  dir?: 'asc' | 'desc';
  /** The comparison period (growth KPIs list its records too), as the engine takes it. Default: the previous period. */
  compare?: Period;
  /** A ratio's records: its numerator's (the default) or its denominator's. Ignored for other KPIs. */
  set?: DrillSet;
}

export type DrillSet = 'numerator' | 'denominator';

export interface DrillColumn { key: string; label: string; type: DrillColumnType }

/** A record: `entity` and `id` name its page (/records/<entity>/<id>; expenses and users have none). */
export interface DrillRow {
  id: number;
  entity: DrillEntity;
  /** False when the row is listed through another record the viewer may open (its own page is not theirs). */
  openable?: boolean | null;
  [column: string]: string | number | boolean | null | undefined;
}

export interface DrillResult {
  rows: DrillRow[];
  total: number;
  columns: DrillColumn[];
  entity: DrillEntity | 'mixed' | null;
  check: DrillCheck | null;
  page: number;
  pageSize: number;
  sort: string;
  dir: 'asc' | 'desc';
  /** Ratios: the set listed and both sets' counts (numerator first); null for other KPIs. */
  set: DrillSet | null;
  sets: { numerator: number; denominator: number } | null;
}

export const MAX_PAGE_SIZE = 500;

/** The periods a drill-down's conditions read: growth KPIs list the comparison period's records too. */
function periodSet(p: Period, compare?: Period): PeriodSet {
  return { cur: literalPeriod(p), prev: literalPeriod(compare ?? previousPeriod(p.from, p.to)), t12: literalPeriod(trailingTwelveMonths(p.to)) };
}

interface Extra { key: string; label: string; type: DrillColumnType; expr: SQL }

/** A sum's or mean's values are money when the KPI is (a mean of amounts, a sum of revenue). */
function extras(def: DrillDef, ps: PeriodSet, filters: RowFilters, unit: KpiUnit | null = null): Extra[] {
  const n = nestedFilters(filters);
  const out: Extra[] = [];
  const valueType: DrillColumnType = unit === 'money' && (def.check === 'sum' || def.check === 'mean' || def.check === 'custom') ? 'money' : 'number';
  if (def.period) out.push({ key: 'period', label: 'Period', type: 'text', expr: def.period(ps, n) });
  if (def.denominator) out.push({ key: 'in_denominator', label: 'In denominator', type: 'boolean', expr: sql`coalesce((${def.denominator(ps, n)}), false)` });
  if (def.numerator) out.push({ key: 'in_numerator', label: 'In numerator', type: 'boolean', expr: sql`coalesce((${def.numerator(ps, n)}), false)` });
  if (def.value) out.push({ key: 'value', label: def.valueLabel ?? 'Value', type: valueType, expr: sql`(${def.value(ps, n)})::float8` });
  if (def.weight) out.push({ key: 'weight', label: def.weightLabel ?? 'Weight', type: 'number', expr: sql`(${def.weight(ps, n)})::float8` });
  return out;
}

/** Whether the KPI's records come in a numerator and a denominator set (a ratio of counts). */
const hasSets = (def: DrillDef) => def.check === 'ratio' && def.numerator != null;

/** The rows of a kind the viewer may open; trusted tooling's views (no viewer) read every row. */
const readable = (key: SourceKey, viewer: SessionUser | null): SQL => (viewer ? visibleRecords(key, viewer, 'read') : sql`true`);

/**
 * The rows of the drill-down. `viewer` is null when the view's filters already keep only records the
 * viewer may open (lib/access filtersWithinReadScope) and they apply to this kind: its own condition
 * is then the read scope's, over fewer users.
 */
function whereOf(def: DrillDef, ps: PeriodSet, filters: RowFilters, viewer: SessionUser | null, set: DrillSet | null = null): SQL {
  const src = SOURCES[def.source];
  const n = nestedFilters(filters);
  const own = readable(src.key, viewer);
  const scope = !viewer ? sql`true` : def.scopeVia ? sql`(${own} or ${def.scopeVia.cond(ps, n, readable(def.scopeVia.source, viewer))})` : own;
  const conds = [...(def.ownFilters ? [] : filterConditions(src, filters)), scope, def.where(ps, n)];
  if (set === 'numerator' && def.numerator) conds.push(sql`coalesce((${def.numerator(ps, n)}), false)`);
  if (set === 'denominator' && def.denominator) conds.push(sql`coalesce((${def.denominator(ps, n)}), false)`);
  return and(conds);
}

/**
 * The columns shown: the kind's columns with the KPI's value in place of the column it repeats (a
 * won-revenue drill-down has one "Amount", not two) and its type (money when the base was), then
 * the other extras. Booleans that every row of the set shares are left out.
 */
function drillColumns(cols: DrillColumnDef[], ext: Extra[], set: DrillSet | null): { base: DrillColumnDef[]; ext: Extra[]; order: string[] } {
  const dropped = new Map<string, DrillColumnDef>();
  for (const e of ext) {
    const twin = cols.find((c) => c.label === e.label);
    if ((e.key === 'value' || e.key === 'weight') && twin) dropped.set(e.key, twin);
  }
  const keptExt = ext.filter((e) => !(set === 'numerator' && e.key === 'in_numerator'))
    .map((e) => (dropped.get(e.key)?.type === 'money' ? { ...e, type: 'money' as const } : e));
  const base = cols.filter((c) => ![...dropped.values()].includes(c));
  const order = cols.flatMap((c) => {
    const replacing = [...dropped.entries()].find(([, twin]) => twin === c);
    return replacing ? [replacing[0]] : [c.key];
  });
  for (const e of keptExt) if (!order.includes(e.key)) order.push(e.key);
  return { base, ext: keptExt, order };
}

// Postgres' default null order (last ascending, first descending) is the one a btree index serves
// both ways, so sorting by an indexed time column reads only the first page.
const direction = (dir: 'asc' | 'desc') => sql.raw(dir === 'asc' ? 'asc' : 'desc');

/**
 * One page of the records behind `key` over [from, to) for the view: its filters, limited to the
 * records its viewer may open. Ratios list the set `q.set` (numerator by default) and carry `in_numerator` (and
 * `in_denominator` when not every listed row is in it); means and sums `value` (each record's
 * contribution), ratios of sums `value` and `weight`, growth rates `period` ('current' | 'previous').
 */
export async function kpiDrilldown(db: QueryDb, view: AuthorizedView, key: KpiKey, q: DrillQuery, o: { plainSql?: boolean } = {}): Promise<DrillResult> {
  assertAuthorized(view);
  const { viewer: who, rows: filters } = view;
  const narrowed = filtersWithinReadScope(view);
  // The viewer whose read scope a kind's rows must also pass: none when the view's filters imply it.
  const scopeOf = (def: DrillDef): SessionUser | null => (narrowed && !def.ownFilters && SOURCES[def.source].owner ? null : who);
  if (!(q.from < q.to)) throw new RangeError('The period must end after it starts');
  const drill = CALCS[key].drill;
  const page = Math.max(1, Math.floor(q.page ?? 1));
  const pageSize = Math.min(MAX_PAGE_SIZE, Math.max(1, Math.floor(q.pageSize ?? 50)));
  const first = Array.isArray(drill) ? drill[0] : drill;
  const dir = (q.dir ?? first?.defaultDir) === 'asc' ? 'asc' : 'desc';
  const base = { page, pageSize, dir, set: null, sets: null } as const;
  if (!drill) return { ...base, rows: [], total: 0, columns: [], entity: null, check: null, sort: q.sort ?? '' };
  const ps = periodSet({ from: q.from, to: q.to }, q.compare);
  const offset = (page - 1) * pageSize;
  if (Array.isArray(drill)) {
    // Each kind's count from the card's own parts when the lists are exactly the card's records (as below).
    const parts = drill.map((d) => (!o.plainSql && scopeOf(d) === null && !d.scopeVia && !d.ownFilters && d.counts && 'total' in d.counts ? d.counts.total : null));
    const counted = parts.every((x): x is Part => x !== null)
      ? () => computeParts(db, view, parts as Part[], { from: q.from, to: q.to }).then((ns) => ns.reduce<number>((a, n) => a + (n ?? 0), 0))
      : null;
    return drillUnion(db, drill, ps, filters, scopeOf, { ...base, offset, sort: q.sort }, counted);
  }

  const src = SOURCES[drill.source];
  const set: DrillSet | null = hasSets(drill) ? q.set ?? 'numerator' : null;
  const shown = drillColumns(DRILL_COLUMNS[drill.source], extras(drill, ps, filters, getKpi(key).unit), set);
  const sortable = new Map<string, SQL>([...shown.base.map((c) => [c.key, c.sort] as const), ...shown.ext.map((e) => [e.key, e.expr] as const)]);
  // A ratio's denominator opens with its numerator's records first (the numerator's own set is the
  // default tab); other lists keep the kind's order, newest first, which an index serves page by page.
  const preferred = set === 'denominator' ? 'in_numerator' : drill.defaultSort;
  const fallback = sortable.has(preferred) ? preferred : sortable.has(drill.defaultSort) ? drill.defaultSort : shown.order[0];
  const sort = q.sort && sortable.has(q.sort) ? q.sort : fallback;
  // Ties (every numerator row, equal values) keep the kind's own order, newest first.
  const then = sort !== drill.defaultSort && sortable.has(drill.defaultSort) ? sql`, ${sortable.get(drill.defaultSort)!} desc` : sql``;
  const where = whereOf(drill, ps, filters, scopeOf(drill), set);
  const id = sql.raw(`${src.alias}.id`);
  // A row listed through another kind of record (scopeVia) has no record page the viewer may open.
  const openable = drill.scopeVia ? [sql`coalesce((${readable(src.key, who)}), false) as openable`] : [];
  const select = [
    sql`${id} as id`, sql`${src.entity} as entity`, ...openable,
    ...shown.base.map((c) => sql`${c.out} as ${sql.identifier(c.key)}`),
    ...shown.ext.map((e) => sql`${e.expr} as ${sql.identifier(e.key)}`),
  ];
  // A ratio's listed set is one of the two its set counts count (the same rows: whereOf with the set's
  // condition), so its total is that count, not a second scan of the period's records. When the list is
  // exactly the card's records (no read-scope condition beyond the view's filters), the counts are the
  // card's own parts, read as the card reads them: from the exact summaries, which equal a count of the
  // listed rows (tests/kpi/reconcile.test.ts) at a fraction of a year's scan under load. `plainSql`
  // builds the plain forms (raw counts, one list query) for lib/kpi/drill-reads.ts: the tables a count
  // of the rows reads, each named once, so a kind read only as the view's own records stays owner-scoped.
  const counts = !o.plainSql && scopeOf(drill) === null && !drill.scopeVia && !drill.ownFilters ? drill.counts : undefined;
  const keyExpr = sortable.get(drill.defaultSort);
  const listed = !o.plainSql && set === 'denominator' && sort === 'in_numerator' && keyExpr
    // Numerator rows first, each group newest first: two index-ordered top-N reads merged, not a sort of
    // the whole set (a rep's year of closed deals at large: 110–310 ms, most of the denominator tab).
    ? (() => {
      const inNum = sortable.get('in_numerator')!;
      const branch = (cond: SQL) => sql`(select ${sql.join(select, sql`, `)}, ${keyExpr} as __k, ${id} as __id from ${src.from}
        where ${where} and ${cond} order by ${keyExpr} desc, ${id} ${direction(dir)} limit ${pageSize + offset})`;
      return queryRows<DrillRow & { __k?: unknown; __id?: unknown }>(db, sql`select * from (${branch(inNum)} union all ${branch(sql`not ${inNum}`)}) x
        order by x.in_numerator ${direction(dir)}, x.__k desc, x.__id ${direction(dir)} limit ${pageSize} offset ${offset}`)
        .then((rs) => rs.map(({ __k: _k, __id: _i, ...r }) => r as DrillRow));
    })()
    : queryRows<DrillRow>(db, sql`select ${sql.join(select, sql`, `)} from ${src.from} where ${where}
      order by ${sortable.get(sort)!} ${direction(dir)}${then}, ${id} ${direction(dir)}
      limit ${pageSize} offset ${offset}`);
  const [rows, total, sets] = await Promise.all([
    listed,
    set ? null
      : counts && 'total' in counts ? computeParts(db, view, [counts.total], { from: q.from, to: q.to }).then(([n]) => n ?? 0)
        : queryRows<{ total: number }>(db, sql`select count(*)::int as total from ${src.from} where ${where}`).then(([r]) => r.total),
    !set ? Promise.resolve(null)
      : counts && 'numerator' in counts
        ? computeParts(db, view, [counts.numerator, counts.denominator], { from: q.from, to: q.to }).then(([a, b]) => ({ numerator: a ?? 0, denominator: b ?? 0 }))
        : setCounts(db, drill, ps, filters, scopeOf(drill)),
  ]);
  const byKey = new Map<string, DrillColumn>([...shown.base, ...shown.ext].map(({ key: k, label, type }) => [k, { key: k, label, type }]));
  return {
    ...base, set, sets, sort, rows, total: total ?? sets![set!], entity: getKpi(key).drillEntity, check: drill.check,
    columns: shown.order.map((k) => byKey.get(k)!),
  };
}

/** Both sets' counts of a ratio, in one pass: the numbers its two tabs show. */
async function setCounts(db: QueryDb, def: DrillDef, ps: PeriodSet, filters: RowFilters, viewer: SessionUser | null): Promise<{ numerator: number; denominator: number }> {
  const src = SOURCES[def.source];
  const n = nestedFilters(filters);
  const num = sql`coalesce((${def.numerator!(ps, n)}), false)`;
  const den = def.denominator ? sql`coalesce((${def.denominator(ps, n)}), false)` : sql`true`;
  const [r] = await queryRows<{ numerator: number; denominator: number }>(db, sql`select count(*) filter (where ${num})::int as numerator,
    count(*) filter (where ${den})::int as denominator from ${src.from} where ${whereOf(def, ps, filters, viewer)}`);
  return r;
}

/** Several record kinds in one list, with the columns they share. */
async function drillUnion(db: QueryDb, defs: DrillDef[], ps: PeriodSet, filters: RowFilters, scopeOf: (def: DrillDef) => SessionUser | null,
  o: { page: number; pageSize: number; dir: 'asc' | 'desc'; offset: number; sort?: string; set: null; sets: null },
  counted: (() => Promise<number>) | null): Promise<DrillResult> {
  const columns: DrillColumn[] = [
    { key: 'entity', label: 'Record kind', type: 'text' }, { key: 'external_id', label: 'External id', type: 'text' },
    { key: 'name', label: 'Name', type: 'text' }, { key: 'owner', label: 'Owner', type: 'text' },
    { key: 'value', label: defs[0].valueLabel ?? 'Value', type: 'number' }, { key: 'weight', label: defs[0].weightLabel ?? 'Weight', type: 'number' },
  ];
  const sort = o.sort && columns.some((c) => c.key === o.sort) ? o.sort : defs[0].defaultSort;
  // The owner's name is looked up for the page's rows only (joined for every row when the list is sorted
  // by it): a data completeness list holds every account, lead and deal, and a lookup per row, all sorted
  // with their names, took 15 s at large under load (0.5 s now, quiet).
  const ownerName = (id: SQL) => sql`(select xu.name from users xu where xu.id = ${id})`;
  const byOwner = sort === 'owner';
  const parts = defs.map((def) => {
    const src = SOURCES[def.source];
    const c = COMMON_COLUMNS[def.source];
    const ext = extras(def, ps, filters);
    const pick = (k: string) => ext.find((e) => e.key === k)?.expr ?? sql`null::float8`;
    const owner = sql.raw(c.owner);
    return sql`select ${sql.raw(`${src.alias}.id`)} as id, ${src.entity}::text as entity, ${sql.raw(c.external_id)}::text as external_id,
      ${sql.raw(c.name)}::text as name, ${byOwner ? sql`ou.name` : sql`null::text`} as owner, ${owner} as owner_id,
      ${pick('value')} as value, ${pick('weight')} as weight
      from ${src.from} ${byOwner ? sql`left join users ou on ou.id = ${owner}` : sql``} where ${whereOf(def, ps, filters, scopeOf(def))}`;
  });
  const union = sql.join(parts, sql` union all `);
  const order = sql`order by ${sql.identifier(sort)} ${direction(o.dir)}, entity, id ${direction(o.dir)}`;
  // The page is among each kind's first rows in the same order (the kind is constant within one): a
  // top-N of each kind, then of their union, rather than one sort of every record in scope (a member's
  // 182,469 at large).
  const firstOf = (part: SQL) => sql`(select * from (${part}) k order by ${sql.identifier(sort)} ${direction(o.dir)}, id ${direction(o.dir)} limit ${o.pageSize + o.offset})`;
  const [rows, [{ total }]] = await Promise.all([
    queryRows<DrillRow>(db, sql`select x.id, x.entity, x.external_id, x.name, ${byOwner ? sql`x.owner` : ownerName(sql`x.owner_id`)} as owner, x.value, x.weight
      from (select * from (${sql.join(parts.map(firstOf), sql` union all `)}) u ${order} limit ${o.pageSize} offset ${o.offset}) x ${order}`),
    counted ? counted().then((total) => [{ total }]) : queryRows<{ total: number }>(db, sql`select count(*)::int as total from (${union}) x`),
  ]);
  return { page: o.page, pageSize: o.pageSize, dir: o.dir, sort, rows, total, columns, entity: 'mixed', check: defs[0].check, set: null, sets: null };
}
