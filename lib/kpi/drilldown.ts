// The records behind a KPI: exactly the rows its aggregate reads, built from the same condition
// functions (lib/kpi/calc), restricted to what the viewer may open, sorted and paginated in SQL.
import { sql, type SQL } from 'drizzle-orm';
import { queryRows } from '@/db/client';
import type { SessionUser } from '@/lib/auth/permissions';
import { CALCS } from './calc';
import type { DrillCheck, DrillDef } from './calc/define';
import type { QueryDb } from './engine';
import { shiftPeriod } from './engine';
import { cleanFilters } from './filters';
import { getKpi, type KpiKey } from './registry';
import { scopeCondition } from './scope';
import { COMMON_COLUMNS, DRILL_COLUMNS, type DrillColumnType } from './sql/drill-columns';
import { nestedFilters } from './sql/pass';
import { and, literalPeriod, type PeriodSet } from './sql/period-sql';
import { SOURCES, filterConditions } from './sql/sources';
import type { DrillEntity, KpiFilters, Period } from './types';

export interface DrillQuery {
  from: Date;
  to: Date;
  filters?: KpiFilters;
  viewer: SessionUser;
  /** 1-based. */
  page?: number;
  pageSize?: number;
  sort?: string;
  dir?: 'asc' | 'desc';
}

export interface DrillColumn { key: string; label: string; type: DrillColumnType }

/** A record: `entity` and `id` name its page (/records/<entity>/<id>; expenses and users have none). */
export interface DrillRow {
  id: number;
  entity: DrillEntity;
  [column: string]: string | number | boolean | null;
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
}

export const MAX_PAGE_SIZE = 500;

function periodSet(p: Period): PeriodSet {
  return { cur: literalPeriod(p), prev: literalPeriod(shiftPeriod(p, 'prev')), t12: literalPeriod(shiftPeriod(p, 't12')) };
}

interface Extra { key: string; label: string; type: DrillColumnType; expr: SQL }

function extras(def: DrillDef, ps: PeriodSet, filters: KpiFilters): Extra[] {
  const n = nestedFilters(filters);
  const out: Extra[] = [];
  if (def.period) out.push({ key: 'period', label: 'Period', type: 'text', expr: def.period(ps, n) });
  if (def.denominator) out.push({ key: 'in_denominator', label: 'In denominator', type: 'boolean', expr: sql`coalesce((${def.denominator(ps, n)}), false)` });
  if (def.numerator) out.push({ key: 'in_numerator', label: 'In numerator', type: 'boolean', expr: sql`coalesce((${def.numerator(ps, n)}), false)` });
  if (def.value) out.push({ key: 'value', label: def.valueLabel ?? 'Value', type: 'number', expr: sql`(${def.value(ps, n)})::float8` });
  if (def.weight) out.push({ key: 'weight', label: def.weightLabel ?? 'Weight', type: 'number', expr: sql`(${def.weight(ps, n)})::float8` });
  return out;
}

function whereOf(def: DrillDef, ps: PeriodSet, filters: KpiFilters, viewer: SessionUser): SQL {
  const src = SOURCES[def.source];
  return and([...(def.ownFilters ? [] : filterConditions(src, filters)), scopeCondition(src, viewer), def.where(ps, nestedFilters(filters))]);
}

// Postgres' default null order (last ascending, first descending) is the one a btree index serves
// both ways, so sorting by an indexed time column reads only the first page.
const direction = (dir: 'asc' | 'desc') => sql.raw(dir === 'asc' ? 'asc' : 'desc');

/**
 * One page of the records behind `key` over [from, to) under `filters`, limited to the viewer's
 * records. Ratios carry `in_numerator` (and `in_denominator` when not every row is in it), means and sums `value`, ratios of sums `value` and `weight`,
 * growth rates `period` ('current' | 'previous').
 */
export async function kpiDrilldown(db: QueryDb, key: KpiKey, q: DrillQuery): Promise<DrillResult> {
  if (!(q.from < q.to)) throw new RangeError('The period must end after it starts');
  const drill = CALCS[key].drill;
  const page = Math.max(1, Math.floor(q.page ?? 1));
  const pageSize = Math.min(MAX_PAGE_SIZE, Math.max(1, Math.floor(q.pageSize ?? 50)));
  const dir = q.dir === 'asc' ? 'asc' : 'desc';
  const base = { page, pageSize, dir } as const;
  if (!drill) return { ...base, rows: [], total: 0, columns: [], entity: null, check: null, sort: q.sort ?? '' };
  const filters = cleanFilters(q.filters ?? {});
  const ps = periodSet({ from: q.from, to: q.to });
  const offset = (page - 1) * pageSize;
  if (Array.isArray(drill)) return drillUnion(db, drill, ps, filters, q.viewer, { ...base, offset, sort: q.sort });

  const src = SOURCES[drill.source];
  const cols = DRILL_COLUMNS[drill.source];
  const ext = extras(drill, ps, filters);
  const sortable = new Map<string, SQL>([...cols.map((c) => [c.key, c.sort] as const), ...ext.map((e) => [e.key, e.expr] as const)]);
  const sort = q.sort && sortable.has(q.sort) ? q.sort : sortable.has(drill.defaultSort) ? drill.defaultSort : cols[0].key;
  const where = whereOf(drill, ps, filters, q.viewer);
  const id = sql.raw(`${src.alias}.id`);
  const select = [
    sql`${id} as id`, sql`${src.entity} as entity`,
    ...cols.map((c) => sql`${c.out} as ${sql.identifier(c.key)}`),
    ...ext.map((e) => sql`${e.expr} as ${sql.identifier(e.key)}`),
  ];
  const [rows, [{ total }]] = await Promise.all([
    queryRows<DrillRow>(db, sql`select ${sql.join(select, sql`, `)} from ${src.from} where ${where}
      order by ${sortable.get(sort)!} ${direction(dir)}, ${id} ${direction(dir)}
      limit ${pageSize} offset ${offset}`),
    queryRows<{ total: number }>(db, sql`select count(*)::int as total from ${src.from} where ${where}`),
  ]);
  return {
    ...base, sort, rows, total, entity: getKpi(key).drillEntity, check: drill.check,
    columns: [...cols.map(({ key: k, label, type }) => ({ key: k, label, type })), ...ext.map(({ key: k, label, type }) => ({ key: k, label, type }))],
  };
}

/** Several record kinds in one list, with the columns they share. */
async function drillUnion(db: QueryDb, defs: DrillDef[], ps: PeriodSet, filters: KpiFilters, viewer: SessionUser,
  o: { page: number; pageSize: number; dir: 'asc' | 'desc'; offset: number; sort?: string }): Promise<DrillResult> {
  const parts = defs.map((def) => {
    const src = SOURCES[def.source];
    const c = COMMON_COLUMNS[def.source];
    const ext = extras(def, ps, filters);
    const pick = (k: string) => ext.find((e) => e.key === k)?.expr ?? sql`null::float8`;
    return sql`select ${sql.raw(`${src.alias}.id`)} as id, ${src.entity}::text as entity, ${sql.raw(c.external_id)}::text as external_id,
      ${sql.raw(c.name)}::text as name, (select xu.email from users xu where xu.id = ${sql.raw(c.owner)}) as owner,
      ${pick('value')} as value, ${pick('weight')} as weight
      from ${src.from} where ${whereOf(def, ps, filters, viewer)}`;
  });
  const union = sql.join(parts, sql` union all `);
  const columns: DrillColumn[] = [
    { key: 'entity', label: 'Record kind', type: 'text' }, { key: 'external_id', label: 'External id', type: 'text' },
    { key: 'name', label: 'Name', type: 'text' }, { key: 'owner', label: 'Owner', type: 'text' },
    { key: 'value', label: defs[0].valueLabel ?? 'Value', type: 'number' }, { key: 'weight', label: defs[0].weightLabel ?? 'Weight', type: 'number' },
  ];
  const sort = o.sort && columns.some((c) => c.key === o.sort) ? o.sort : defs[0].defaultSort;
  const [rows, [{ total }]] = await Promise.all([
    queryRows<DrillRow>(db, sql`select * from (${union}) x order by ${sql.identifier(sort)} ${direction(o.dir)},
      entity, id ${direction(o.dir)} limit ${o.pageSize} offset ${o.offset}`),
    queryRows<{ total: number }>(db, sql`select count(*)::int as total from (${union}) x`),
  ]);
  return { page: o.page, pageSize: o.pageSize, dir: o.dir, sort, rows, total, columns, entity: 'mixed', check: defs[0].check };
}
