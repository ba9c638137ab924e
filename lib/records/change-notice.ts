// What a record save tells this process's KPI result cache right after it commits, as the database's
// notice will (migration 0010): the table, and for the tables whose notices list owners, the owners of
// the row before and after the save with their teams. The cache then drops only the views those owners
// are in (lib/kpi/result-cache.ts), and the page a form redirects to already shows the change.
import { getTableColumns, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { OWNER_NOTICE_COLUMNS, queryRows, type QueryDb } from '@/db/client';
import { surveyResponses } from '@/db/schema';
import type { DataChange } from '@/lib/kpi/result-cache';

/** The change of `row` (before and after; drizzle rows, property names) of `table`, owners read in `tx`. */
export async function recordChange(
  tx: QueryDb, tableName: string, table: PgTable, rows: readonly (Record<string, unknown> | undefined)[],
): Promise<DataChange> {
  const column = (OWNER_NOTICE_COLUMNS as Record<string, string | undefined>)[tableName];
  if (!column) return { table: tableName };
  const key = Object.entries(getTableColumns(table)).find(([, c]) => c.name === column)?.[0];
  if (!key) return { table: tableName };
  const ids = [...new Set(rows.map((r) => r?.[key]).filter((v): v is number => typeof v === 'number'))];
  const owners = new Map<number, number | null>();
  if (ids.length > 0) {
    const found = await queryRows<{ id: number; team_id: number | null }>(tx, sql`
      select id, team_id from users where id in (${sql.join(ids.map((id) => sql`${id}::int`), sql`, `)})`);
    // Every owner is listed, found or not (a user deleted meanwhile: no team), as the trigger's left join does.
    for (const id of ids) owners.set(id, found.find((u) => u.id === id)?.team_id ?? null);
  }
  return { table: tableName, owners };
}

/** The owner columns (drizzle property names) of the parents a survey response's derived owner follows. */
const SURVEY_OWNER_PARENTS: Record<string, string> = { tickets: 'assigneeId', accounts: 'ownerId' };

/**
 * What a save changed through columns the database derives from it (lib/kpi/summary/sql-gen.ts, DERIVED),
 * which its own change does not name: a ticket's assignee or an account's owner is its survey responses'
 * owner, so those move from the old owner to the new; a lead may be its account's converting lead.
 */
export async function derivedChanges(
  tx: QueryDb, tableName: string, before: Record<string, unknown> | undefined, after: Record<string, unknown> | undefined,
): Promise<DataChange[]> {
  const out: DataChange[] = [];
  const ownerKey = SURVEY_OWNER_PARENTS[tableName];
  if (ownerKey && before && after && before[ownerKey] !== after[ownerKey]) {
    out.push(await recordChange(tx, 'survey_responses', surveyResponses, [{ ownerId: before[ownerKey] }, { ownerId: after[ownerKey] }]));
  }
  if (tableName === 'leads' && (before?.accountId != null || after?.accountId != null)) out.push({ table: 'accounts' });
  return out;
}
