// Undo an import (issue 15 item 8): the records a committed import inserted are deleted and the ones
// it updated get back their values from before it, from the change capture its batches wrote
// (import_changes), in ONE transaction with an audit row; refused, with nothing changed, when a later
// change touched one of its records (lib/import/undo-checks.ts names each). Files imported together
// (one run, one transaction) are undone together. Summary tables follow by their own triggers.
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '@/db/client';
import { DERIVED_COLUMNS } from '@/db/schema/crm';
import { writeAudit } from '@/lib/audit';
import { kpiDataChanged } from '@/lib/kpi/result-cache';
import {
  changedRecords, insertedSql, laterReferences, lockRecords, tooOldToCheck, MAX_BLOCKERS, runIds, UNDO_TABLES, type RunIds, type Tx, type UndoBlocker, type UndoTable,
} from './undo-checks';

export type { UndoBlocker } from './undo-checks';

export type UndoResult =
  | { ok: true; message: string; deleted: number; restored: number; importIds: number[] }
  | { ok: false; message: string; blockers: UndoBlocker[] };

const q = (id: string) => `"${id}"`;
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Columns restored from the `before` image: all but the id, secrets, generated and derived columns. */
async function restorable(tx: Tx, table: UndoTable): Promise<string[]> {
  const rows = await queryRows<{ name: string }>(tx, sql`select attname as name from pg_attribute
    where attrelid = ${table}::regclass and attnum > 0 and not attisdropped and attgenerated = ''
      and attname not in ('id', 'password_hash', 'session_version') order by attnum`);
  const derived = DERIVED_COLUMNS[table] ?? [];
  return rows.map((r) => r.name).filter((c) => !derived.includes(c));
}

/** Puts back the values the run replaced (its first image of each record it did not insert). */
async function restoreUpdated(tx: Tx, run: RunIds, table: UndoTable): Promise<number> {
  const sets = (await restorable(tx, table)).map((c) => `${q(c)} = p.${q(c)}`);
  if (table === 'users') {
    // Not the old session_version: a role or activity change back ends sessions, never revives them.
    sets.push('session_version = t.session_version + case when t.role is distinct from p.role or t.active is distinct from p.active then 1 else 0 end');
  }
  const rows = await queryRows<{ id: number }>(tx, sql.raw(`update ${q(table)} t set ${sets.join(', ')}
    from (select distinct on (record_id) * from import_changes
      where import_id in (${run.sql}) and tbl = '${table}' order by record_id, id) ic,
      jsonb_populate_record(null::${q(table)}, ic.before) p
    where ic.op = 'update' and t.id = ic.record_id
    returning t.id`));
  return rows.length;
}

async function deleteInserted(tx: Tx, run: RunIds, table: UndoTable): Promise<number> {
  const rows = await queryRows<{ n: number }>(tx, sql.raw(`with d as (delete from ${q(table)} where id in
    (select id from ${insertedSql(run, table)} ins) returning 1) select count(*)::int as n from d`));
  return rows[0].n;
}

async function findBlockers(tx: Tx, run: RunIds, tables: UndoTable[]): Promise<UndoBlocker[]> {
  const out: UndoBlocker[] = [];
  for (const t of tables) out.push(...await changedRecords(tx, run, t, MAX_BLOCKERS - out.length));
  for (const t of tables) out.push(...await laterReferences(tx, run, t, MAX_BLOCKERS - out.length));
  return out;
}

interface ImportRow { id: number; entity: string; state: string; inserted: number; updated: number; file_name: string }

/** The history rows of the run `importId` belongs to, locked (a second undo waits, then sees 'undone'). */
async function lockRun(tx: Tx, importId: number): Promise<ImportRow[]> {
  return queryRows<ImportRow>(tx, sql`select id, entity, state, inserted, updated, file_name from imports
    where coalesce(run_id, id) = (select coalesce(run_id, id) from imports where id = ${importId})
    order by id for update`);
}

function refusal(message: string): UndoResult {
  return { ok: false, message, blockers: [] };
}

async function undoRun(tx: Tx & Pick<Db, 'insert'>, importId: number, actor: { id: number }): Promise<UndoResult> {
  const rows = await lockRun(tx, importId);
  if (!rows.length) return refusal(`No import #${importId}.`);
  const notDone = rows.find((r) => r.state !== 'succeeded');
  if (notDone) return refusal(`Import #${notDone.id} (${notDone.file_name}) is ${notDone.state}: only a succeeded import can be undone.`);
  const run = runIds(rows.map((r) => r.id));
  const written = await queryRows<{ tbl: UndoTable }>(tx, sql.raw(`select tbl from import_changes where import_id in (${run.sql})
    union select tbl from import_inserts where import_id in (${run.sql})`));
  if (!written.length && rows.some((r) => r.inserted + r.updated > 0)) {
    return refusal(`Import #${importId} was made before imports recorded their changes: it cannot be undone.`);
  }
  const tables = UNDO_TABLES.filter((t) => written.some((w) => w.tbl === t));
  if (await tooOldToCheck(tx, run)) {
    return refusal(`Import #${importId} is too old to undo: its records can no longer be checked for later changes.`);
  }
  for (const t of tables) await lockRecords(tx, run, t);
  const blockers = await findBlockers(tx, run, tables);
  if (blockers.length) {
    const first = blockers.length >= MAX_BLOCKERS ? ` (the first ${MAX_BLOCKERS})` : '';
    return { ok: false, blockers, message: `Not undone: ${plural(blockers.length, 'record')}${first} changed after the import. Nothing was changed.` };
  }
  let restored = 0;
  let deleted = 0;
  // Updates first (a restored reference stops pointing at an inserted record), then deletes from the
  // last table in dependency order to the first (activities … accounts, users, teams).
  for (const t of tables) restored += await restoreUpdated(tx, run, t);
  for (const t of [...tables].reverse()) deleted += await deleteInserted(tx, run, t);
  const files = rows.length > 1 ? ` (${plural(rows.length, 'file')} imported together)` : '';
  const message = `Undone${files}: ${plural(deleted, 'inserted record')} deleted, ${plural(restored, 'updated record')} restored.`;
  await tx.execute(sql`update imports set state = 'undone', message = ${message} where id in ${run.ids}`);
  await tx.execute(sql.raw(`delete from import_changes where import_id in (${run.sql})`));
  await tx.execute(sql.raw(`delete from import_inserts where import_id in (${run.sql})`));
  for (const r of rows) {
    await writeAudit(tx, {
      userId: actor.id, action: 'import_undo', entity: r.entity, entityId: r.id,
      before: { fileName: r.file_name, inserted: r.inserted, updated: r.updated }, after: { deleted, restored, run: run.ids },
    });
  }
  return { ok: true, message, deleted, restored, importIds: run.ids };
}

/** Reverts import `importId` and the files imported with it, for `actor` (the caller checks the permission). */
export async function undoImport(db: Db, actor: { id: number }, importId: number): Promise<UndoResult> {
  const result = await db.transaction((tx) => undoRun(tx, importId, actor));
  if (result.ok) kpiDataChanged();
  return result;
}
