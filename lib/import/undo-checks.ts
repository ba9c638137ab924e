// What blocks undoing an import: a record it wrote that changed since (its current image differs from
// the `after` image captured by the import, or it was deleted), and rows written later that refer to a
// record the import inserted (deleting it would cascade to them or set their reference to null).
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '@/db/client';
import { ENTITIES, ENTITY_NAMES, type EntityName } from '@/lib/validation';

export type Tx = Pick<Db, 'execute'>;

/** Tables an import writes, in dependency order (teams and users are created along the way). */
export const UNDO_TABLES = ['teams', ...ENTITY_NAMES] as const;
export type UndoTable = (typeof UNDO_TABLES)[number];

/** The history ids of one run (files imported in one transaction), as a SQL list of integers. */
export interface RunIds { ids: number[]; sql: string }

export function runIds(ids: number[]): RunIds {
  const clean = [...new Set(ids.map((id) => Math.trunc(Number(id))))].filter((id) => Number.isSafeInteger(id) && id > 0);
  if (!clean.length) throw new Error('no import ids');
  return { ids: clean.sort((a, b) => a - b), sql: clean.join(', ') };
}

/** A row that stops an undo: which record, and what changed. */
export interface UndoBlocker {
  entity: string;
  /** The record's key (external_id; e-mail for users; name for teams). */
  externalId: string;
  change: string;
}

/** At most this many blockers are listed (the first ones are enough to act on). */
export const MAX_BLOCKERS = 50;

const q = (id: string) => `"${id}"`;

export function keyOf(table: UndoTable): string {
  return table === 'teams' ? 'name' : ENTITIES[table as EntityName].key;
}

type Json = Record<string, unknown>;
const json = (v: Json | string | null): Json | null => (typeof v === 'string' ? (JSON.parse(v) as Json) : v);

function show(v: unknown): string {
  if (v === null || v === undefined) return 'empty';
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  return s.length > 40 ? `${s.slice(0, 39)}…` : s;
}

/** "stage: won → lost, amount: 100 → 120" (updated_at named only when nothing else differs). */
export function describeChange(after: Json, now: Json): string {
  const keys = [...new Set([...Object.keys(after), ...Object.keys(now)])]
    .filter((k) => JSON.stringify(after[k] ?? null) !== JSON.stringify(now[k] ?? null));
  const shown = keys.filter((k) => k !== 'updated_at');
  if (!shown.length) return keys.length ? 'saved again since the import (updated_at)' : 'changed since the import';
  return `changed since the import: ${shown.map((k) => `${k}: ${show(after[k])} → ${show(now[k])}`).join(', ')}`;
}

/**
 * The records the run inserted into `table`, as a SQL subquery of (id, key, xmin): from import_inserts
 * (xmin: the transaction id they were written with), and from the per-record rows of import_changes
 * that imports made before import_inserts existed (xmin null: their `after` image is compared instead).
 */
export function insertedSql(run: RunIds, table: UndoTable): string {
  return `(select x.id, x.key, ii.row_xmin as xmin, ii.id as seq from import_inserts ii cross join lateral unnest(ii.ids, ii.keys) as x(id, key)
      where ii.import_id in (${run.sql}) and ii.tbl = '${table}'
    union all
    select record_id, after->>'${keyOf(table)}', null::bigint, id from import_changes
      where import_id in (${run.sql}) and tbl = '${table}' and op = 'insert')`;
}

/** The ids of the records the run inserted into `tbl` (any table: none for one an import never writes). */
function insertedIdsSql(run: RunIds, tbl: string): string {
  return (UNDO_TABLES as readonly string[]).includes(tbl)
    ? `(select id from ${insertedSql(run, tbl as UndoTable)} s)`
    : '(select null::int as id where false)';
}

/** Locks the import's records (a concurrent edit waits for the undo, or the undo for it). */
export async function lockRecords(tx: Tx, run: RunIds, table: UndoTable): Promise<void> {
  await tx.execute(sql.raw(`select 1 from ${q(table)} t where t.id in
    (select record_id from import_changes where import_id in (${run.sql}) and tbl = '${table}'
     union all select id from ${insertedIdsSql(run, table)} ins) for update`));
}

/** Records of `table` the run wrote that are no longer as it left them (its last image of each). */
export async function changedRecords(tx: Tx, run: RunIds, table: UndoTable, limit: number): Promise<UndoBlocker[]> {
  if (limit <= 0) return [];
  const rows = await queryRows<{ key: string; after: Json | string; now: Json | string | null }>(tx, sql.raw(`
    select ic.after->>'${keyOf(table)}' as key, ic.after, to_jsonb(t) - 'password_hash' as now
    from (select distinct on (record_id) * from import_changes
      where import_id in (${run.sql}) and tbl = '${table}' order by record_id, id desc) ic
    left join ${q(table)} t on t.id = ic.record_id
    where t.id is null or to_jsonb(t) - 'password_hash' is distinct from ic.after
    order by ic.id limit ${limit}`));
  const out = rows.map((r) => {
    const now = json(r.now);
    return { entity: table, externalId: r.key, change: now ? describeChange(json(r.after)!, now) : 'deleted since the import' };
  });
  if (out.length >= limit) return out;
  // Inserted with their xmin recorded: any later write (an UPDATE makes a new row version stamped with
  // its own transaction's id) or a delete. No image to tell what changed: when it was saved is shown.
  const later = await queryRows<{ key: string; gone: boolean; saved: string | null }>(tx, sql.raw(`
    select ins.key, t.id is null as gone, to_char(t.updated_at at time zone 'UTC', 'YYYY-MM-DD HH24:MI "UTC"') as saved
    from ${insertedSql(run, table)} ins
    left join ${q(table)} t on t.id = ins.id
    where ins.xmin is not null and (t.id is null or t.xmin::text::bigint <> ins.xmin)
      and not exists (select 1 from import_changes u where u.import_id in (${run.sql}) and u.tbl = '${table}' and u.record_id = ins.id)
    order by ins.seq, ins.id limit ${limit - out.length}`));
  for (const r of later) {
    out.push({ entity: table, externalId: r.key, change: r.gone ? 'deleted since the import' : `changed since the import (last saved ${r.saved})` });
  }
  return out;
}

/**
 * True when a record the run inserted was stamped more than a billion transactions ago: transaction ids
 * are 32-bit and wrap around, so its xmin could no longer tell a later write apart.
 */
export async function tooOldToCheck(tx: Tx, run: RunIds): Promise<boolean> {
  const [r] = await queryRows<{ old: boolean }>(tx, sql.raw(`select exists (select 1 from import_inserts
    where import_id in (${run.sql}) and age(row_xmin::text::xid) > 1000000000) as old`));
  return r.old;
}

/** Single-column foreign keys that point at `table`: (referencing table, column). */
async function referencesTo(tx: Tx, table: string): Promise<{ tbl: string; col: string }[]> {
  return queryRows(tx, sql`select cl.relname as tbl, a.attname as col
    from pg_constraint c
    join pg_class cl on cl.oid = c.conrelid
    join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
    where c.contype = 'f' and c.confrelid = ${table}::regclass and cardinality(c.conkey) = 1
    order by 1, 2`);
}

/** Rows not inserted by this import that refer to a record it inserted into `table`. */
export async function laterReferences(tx: Tx, run: RunIds, table: UndoTable, limit: number): Promise<UndoBlocker[]> {
  const out: UndoBlocker[] = [];
  for (const ref of await referencesTo(tx, table)) {
    if (out.length >= limit || ref.tbl === 'import_changes') continue;
    const rows = await queryRows<{ key: string; by: string }>(tx, sql.raw(`
      select ic.key,
        coalesce(to_jsonb(r)->>'external_id', to_jsonb(r)->>'email', to_jsonb(r)->>'name', to_jsonb(r)->>'id') as by
      from ${q(ref.tbl)} r
      join ${insertedSql(run, table)} ic on ic.id = r.${q(ref.col)}
      where not exists (select 1 from ${insertedIdsSql(run, ref.tbl)} x where x.id = (to_jsonb(r)->>'id')::int)
      order by 1 limit ${limit - out.length}`));
    for (const r of rows) out.push({ entity: table, externalId: r.key, change: `${ref.tbl} ${r.by} (not from this import) refers to it (${ref.col})` });
  }
  return out;
}
