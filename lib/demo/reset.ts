// Emptying the database: truncate every table of the schema (before a seed), or drop everything the
// migrations created (db:reset).
import { getTableColumns, getTableName, is, sql } from 'drizzle-orm';
import { PgTable } from 'drizzle-orm/pg-core';
import * as schema from '@/db/schema';
import { queryRows, type Db } from '@/db/client';

type Executor = Pick<Db, 'execute'>;

/** Every table of the schema, by name. */
export function schemaTables(): PgTable[] {
  return (Object.values(schema) as unknown[]).filter((v): v is PgTable => is(v, PgTable));
}

/** Empties every table and restarts their ids, in one statement (all-or-nothing, fast at any size). */
export async function truncateAll(db: Executor): Promise<void> {
  const names = schemaTables().map((t) => `"${getTableName(t)}"`).join(', ');
  await db.execute(sql.raw(`truncate table ${names} restart identity cascade`));
}

/** After inserts with explicit ids: moves each serial past the largest id, so the app's inserts work. */
export async function resetSequences(db: Executor): Promise<void> {
  for (const t of schemaTables()) {
    if (!('id' in getTableColumns(t))) continue;
    const name = getTableName(t);
    await db.execute(sql.raw(
      `select setval(pg_get_serial_sequence('"${name}"', 'id'), coalesce(max(id), 0) + 1, false) from "${name}"`));
  }
}

/** Drops every table of the public schema and drizzle's migration journal (Postgres). */
export async function dropAllTables(db: Executor): Promise<string[]> {
  const rows = await queryRows<{ name: string }>(db, sql`select tablename as name from pg_tables where schemaname = 'public' order by 1`);
  if (rows.length) await db.execute(sql.raw(`drop table ${rows.map((r) => `public."${r.name}"`).join(', ')} cascade`));
  await db.execute(sql`drop schema if exists drizzle cascade`);
  return rows.map((r) => r.name);
}
