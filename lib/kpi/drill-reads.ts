// What a drill-down page depends on, so the KPI page's records can be shared through the result cache
// (lib/dashboard/cached-queries.ts) like its numbers: the tables its SQL reads, read off the very SQL
// kpiDrilldown builds (run once against a recorder, never the database), the tables it reads only as
// the view's own records, and whose records it may list (the viewer's read scope is in the cache key:
// two viewers with the same filters may open different records).
import { PgDialect } from 'drizzle-orm/pg-core';
import type { SQL } from 'drizzle-orm';
import { OWNER_NOTICE_COLUMNS, type QueryDb } from '@/db/client';
import { filtersWithinReadScope, recordScope, type AuthorizedView } from '@/lib/access';
import { ENTITY_CATALOGUE } from '@/lib/entities/catalogue';
import { CALCS } from './calc';
import { kpiDrilldown, type DrillQuery } from './drilldown';
import type { KpiKey } from './registry';
import type { ReadSet } from './result-cache';

const dialect = new PgDialect();
const TABLE_REF = /\b(?:from|join)\s+"?([a-z_][a-z0-9_]*)"?/gi;
const memo = new Map<string, Promise<{ tables: ReadonlySet<string>; ownerScoped: ReadonlySet<string> }>>();

/** Whose records a drill-down of `view` may list: part of its cache key. */
export function drillScopeKey(view: AuthorizedView): string {
  return view.viewer ? JSON.stringify(recordScope(view.viewer, 'read')) : 'trusted';
}

/** The SQL texts kpiDrilldown runs for this view, key and query, recorded without a database. */
async function drillSqlTexts(view: AuthorizedView, key: KpiKey, q: DrillQuery): Promise<string[]> {
  const texts: string[] = [];
  const recorder = {
    execute: async (query: SQL) => {
      texts.push(dialect.sqlToQuery(query).sql);
      return [{ total: 0, numerator: 0, denominator: 0 }];
    },
  } as unknown as QueryDb;
  await kpiDrilldown(recorder, view, key, q);
  return texts;
}

/**
 * The drill-down's ReadSet. A table counts as read only as the view's own records when it is the
 * drill-down's one record kind (not a list of several kinds), the view's filters apply to it as
 * usual (not a definition's own), no other kind's scope lists records through it, its rows are
 * owned through a column that its change notices list, and it is named exactly once in each query
 * (its FROM): its rows in the list and the counts are then exactly those the view's owners own.
 */
export async function drillReadSet(view: AuthorizedView, key: KpiKey, q: DrillQuery): Promise<ReadSet> {
  const rows = view.rows;
  const m = `${key}|${Object.keys(rows).sort().join(',')}|${drillScopeKey(view)}|${filtersWithinReadScope(view)}|${q.set ?? ''}|${q.sort ?? ''}`;
  let got = memo.get(m);
  if (!got) {
    got = drillSqlTexts(view, key, q).then((texts) => {
      const mentions = new Map<string, number>();
      for (const t of texts) for (const x of t.matchAll(TABLE_REF)) mentions.set(x[1].toLowerCase(), (mentions.get(x[1].toLowerCase()) ?? 0) + 1);
      const ownerScoped = new Set<string>();
      const drill = CALCS[key].drill;
      if (drill && !Array.isArray(drill) && !drill.ownFilters && !drill.scopeVia) {
        const { table, ownerPath } = ENTITY_CATALOGUE[drill.source];
        const notice = (OWNER_NOTICE_COLUMNS as Record<string, string | undefined>)[table];
        if (notice && ownerPath?.kind === 'column' && ownerPath.column === notice && mentions.get(table) === texts.length) ownerScoped.add(table);
      }
      return { tables: new Set(mentions.keys()), ownerScoped };
    });
    if (memo.size > 2000) memo.clear();
    memo.set(m, got);
  }
  const { tables, ownerScoped } = await got;
  return { tables, ownerScoped, rows: { ownerId: rows.ownerId, teamId: rows.teamId } };
}
