// What a drill-down page depends on, so the KPI page's records can be shared through the result cache
// (lib/dashboard/cached-queries.ts) like its numbers: the tables its SQL reads, read off the very SQL
// kpiDrilldown builds (lib/kpi/recorded-reads.ts), the tables it reads only as the view's own records,
// and whose records it may list (the viewer's read scope is in the cache key: two viewers with the
// same filters may open different records).
import { filtersWithinReadScope, recordScope, type AuthorizedView } from '@/lib/access';
import { CALCS } from './calc';
import { kpiDrilldown, type DrillQuery } from './drilldown';
import { readSetOfSql, recordSql } from './recorded-reads';
import type { KpiKey } from './registry';
import type { ReadSet } from './result-cache';

const memo = new Map<string, Promise<{ tables: ReadonlySet<string>; ownerScoped: ReadonlySet<string> }>>();

/** Whose records a drill-down of `view` may list: part of its cache key. */
export function drillScopeKey(view: AuthorizedView): string {
  return view.viewer ? JSON.stringify(recordScope(view.viewer, 'read')) : 'trusted';
}

/**
 * The drill-down's ReadSet. Its one record kind (not a list of several kinds) may be read only as the
 * view's own records when the view's filters apply to it as usual (not a definition's own) and no other
 * kind's scope lists records through it (readSetOfSql checks the rest: every query has it as its base).
 */
export async function drillReadSet(view: AuthorizedView, key: KpiKey, q: DrillQuery): Promise<ReadSet> {
  const rows = view.rows;
  const m = `${key}|${Object.keys(rows).sort().join(',')}|${drillScopeKey(view)}|${filtersWithinReadScope(view)}|${q.set ?? ''}|${q.sort ?? ''}`;
  let got = memo.get(m);
  if (!got) {
    const drill = CALCS[key].drill;
    const base = drill && !Array.isArray(drill) && !drill.ownFilters && !drill.scopeVia ? drill.source : null;
    got = recordSql((db) => kpiDrilldown(db, view, key, q, { plainSql: true }), { total: 0, numerator: 0, denominator: 0 }).then((texts) => readSetOfSql(texts.map((sql) => ({ sql, base }))));
    if (memo.size > 2000) memo.clear();
    memo.set(m, got);
  }
  const { tables, ownerScoped } = await got;
  return { tables, ownerScoped, rows: { ownerId: rows.ownerId, teamId: rows.teamId } };
}
