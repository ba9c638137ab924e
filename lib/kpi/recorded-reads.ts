// What a query function reads, read off the SQL it builds: the function runs once against a recorder
// (never the database) and the tables after FROM and JOIN are collected. Used for the result cache's
// ReadSets (lib/kpi/result-cache.ts) of reads that are not engine passes: drill-downs
// (lib/kpi/drill-reads.ts) and the dashboard's funnel, stage and distribution charts; engine passes
// give their SQL text directly (lib/kpi/engine.ts kpiReadSet).
import { PgDialect } from 'drizzle-orm/pg-core';
import type { SQL } from 'drizzle-orm';
import { OWNER_NOTICE_COLUMNS, type QueryDb } from '@/db/client';
import { ENTITY_CATALOGUE, type EntityName } from '@/lib/entities/catalogue';
import { SUMMARIES } from '@/db/schema/summary-defs';

const dialect = new PgDialect();
const TABLE_REF = /\b(?:from|join)\s+"?([a-z_][a-z0-9_]*)"?/gi;

/**
 * A summary table read by a raw pass's condition (customer engagement's account touches) stands for the
 * record tables it sums: their change notices are what a cached result must hear (a summary changes in
 * the same transaction as its records). An account's owner feeds the summaries owned through it.
 */
const SUMMARY_SOURCES = new Map<string, string[]>();
for (const d of SUMMARIES) {
  const tables = SUMMARY_SOURCES.get(d.name) ?? [];
  for (const t of [d.table, ...(d.owner.kind === 'account' ? ['accounts'] : [])]) if (!tables.includes(t)) tables.push(t);
  SUMMARY_SOURCES.set(d.name, tables);
}

/** The SQL texts `run` sends, with a recorder for a database whose every query answers `row`. */
export async function recordSql(run: (db: QueryDb) => Promise<unknown>, row: Record<string, unknown> = {}): Promise<string[]> {
  const texts: string[] = [];
  const recorder = {
    execute: async (query: SQL) => {
      texts.push(dialect.sqlToQuery(query).sql);
      return [row];
    },
  } as unknown as QueryDb;
  await run(recorder);
  return texts;
}

/** A query's SQL and the record kind it reads as its base (its FROM, filtered by the view), if any. */
export interface ReadQuery { sql: string; base: EntityName | null }

/**
 * The tables `queries` read, and of those the ones read only as the view's own records: a table that
 * is the base of at least one query and named exactly once in each such query and in no other (never
 * joined, never in a subquery), whose rows are owned through a column its change notices list
 * (OWNER_NOTICE_COLUMNS, the catalogue's owner path). Used for engine passes (lib/kpi/engine.ts),
 * drill-downs and charts alike.
 */
export function readSetOfSql(queries: readonly ReadQuery[]): { tables: ReadonlySet<string>; ownerScoped: ReadonlySet<string> } {
  const mentions = new Map<string, number>();
  const bases = new Map<string, number>();
  for (const q of queries) {
    for (const x of q.sql.matchAll(TABLE_REF)) {
      const name = x[1].toLowerCase();
      for (const t of SUMMARY_SOURCES.get(name) ?? [name]) mentions.set(t, (mentions.get(t) ?? 0) + 1);
    }
    if (!q.base) continue;
    const { table, ownerPath } = ENTITY_CATALOGUE[q.base];
    const notice = (OWNER_NOTICE_COLUMNS as Record<string, string | undefined>)[table];
    if (notice && ownerPath?.kind === 'column' && ownerPath.column === notice) bases.set(table, (bases.get(table) ?? 0) + 1);
  }
  const ownerScoped = new Set([...bases].filter(([t, n]) => mentions.get(t) === n).map(([t]) => t));
  return { tables: new Set(mentions.keys()), ownerScoped };
}
