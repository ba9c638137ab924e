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

/** Locks the import's records (a concurrent edit waits for the undo, or the undo for it). */
export async function lockRecords(tx: Tx, run: RunIds, table: UndoTable): Promise<void> {
  await tx.execute(sql.raw(`select 1 from ${q(table)} t where t.id in
    (select record_id from import_changes where import_id in (${run.sql}) and tbl = '${table}') for update`));
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
  return rows.map((r) => {
    const now = json(r.now);
    return { entity: table, externalId: r.key, change: now ? describeChange(json(r.after)!, now) : 'deleted since the import' };
  });
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
      select ic.after->>'${keyOf(table)}' as key,
        coalesce(to_jsonb(r)->>'external_id', to_jsonb(r)->>'email', to_jsonb(r)->>'name', to_jsonb(r)->>'id') as by
      from ${q(ref.tbl)} r
      join import_changes ic on ic.import_id in (${run.sql}) and ic.tbl = '${table}' and ic.op = 'insert' and ic.record_id = r.${q(ref.col)}
      where not exists (select 1 from import_changes x
        where x.import_id in (${run.sql}) and x.tbl = '${ref.tbl}' and x.op = 'insert' and x.record_id = (to_jsonb(r)->>'id')::int)
      order by 1 limit ${limit - out.length}`));
    for (const r of rows) out.push({ entity: table, externalId: r.key, change: `${ref.tbl} ${r.by} (not from this import) refers to it (${ref.col})` });
  }
  return out;
}
