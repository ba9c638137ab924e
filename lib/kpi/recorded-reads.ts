// What a query function reads, read off the SQL it builds: the function runs once against a recorder
// (never the database) and the tables after FROM and JOIN are collected. Used for the result cache's
// ReadSets (lib/kpi/result-cache.ts) of reads that are not engine passes: drill-downs
// (lib/kpi/drill-reads.ts) and the dashboard's funnel, stage and distribution charts.
import { PgDialect } from 'drizzle-orm/pg-core';
import type { SQL } from 'drizzle-orm';
import { OWNER_NOTICE_COLUMNS, type QueryDb } from '@/db/client';
import { ENTITY_CATALOGUE, type EntityName } from '@/lib/entities/catalogue';

const dialect = new PgDialect();
const TABLE_REF = /\b(?:from|join)\s+"?([a-z_][a-z0-9_]*)"?/gi;

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

/**
 * The tables `texts` read, and of those the ones read only as the view's own records: `base`, when
 * every query has it as its one record kind (the caller says so), its rows are owned through a column
 * its change notices list (OWNER_NOTICE_COLUMNS, the catalogue's owner path), and each query names it
 * exactly once (its FROM: never joined, never in a subquery).
 */
export function readSetOfSql(texts: readonly string[], base: EntityName | null): { tables: ReadonlySet<string>; ownerScoped: ReadonlySet<string> } {
  const mentions = new Map<string, number>();
  for (const t of texts) for (const x of t.matchAll(TABLE_REF)) mentions.set(x[1].toLowerCase(), (mentions.get(x[1].toLowerCase()) ?? 0) + 1);
  const ownerScoped = new Set<string>();
  if (base) {
    const { table, ownerPath } = ENTITY_CATALOGUE[base];
    const notice = (OWNER_NOTICE_COLUMNS as Record<string, string | undefined>)[table];
    if (notice && ownerPath?.kind === 'column' && ownerPath.column === notice && mentions.get(table) === texts.length) ownerScoped.add(table);
  }
  return { tables: new Set(mentions.keys()), ownerScoped };
}
