// Change capture for undoing an import (issue 15 item 8), written by the import's upsert in the same
// statement as the records (lib/import/upsert.ts), so it commits or rolls back with the data.
//
// - `import_changes`: one row per record an import UPDATED (and, for imports made before
//   import_inserts existed, per record it inserted). `after` is the record as the import left it: a
//   later edit is any difference from it. `before` is the record before the update, which undo puts
//   back. Images are `to_jsonb(row)` less `password_hash` (never copied here; an import never writes it).
// - `import_inserts`: the records an import INSERTED, one row per upsert statement: their ids and keys,
//   and the transaction id (`xmin`) they were written with. Undo deletes them; a record whose `xmin`
//   is no longer that id was written again since (any UPDATE makes a new row version with the writer's
//   transaction id), so no image is needed to see a later edit. Images of every inserted row made a
//   1,000,000-row import take 30 s instead of 16 s in Postgres (2026-12-03, docs/performance.md).
import { sql } from 'drizzle-orm';
import { bigint, bigserial, check, index, integer, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import { imports } from './app';

export const IMPORT_CHANGE_OPS = ['insert', 'update'] as const;

export const importChanges = pgTable('import_changes', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  importId: integer('import_id').notNull().references(() => imports.id, { onDelete: 'cascade' }),
  /** The table written (an entity's table, or teams/users created along the way). */
  tbl: text('tbl').notNull(),
  recordId: integer('record_id').notNull(),
  op: text('op').notNull(),
  before: jsonb('before'),
  after: jsonb('after').notNull(),
}, (t) => [
  index('import_changes_import_idx').on(t.importId, t.tbl),
  check('import_changes_op_check', sql`${t.op} in ('insert', 'update')`),
]);

export const importInserts = pgTable('import_inserts', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  importId: integer('import_id').notNull().references(() => imports.id, { onDelete: 'cascade' }),
  tbl: text('tbl').notNull(),
  /** The 32-bit transaction id the rows were inserted with (their `xmin`), as a number. */
  rowXmin: bigint('row_xmin', { mode: 'number' }).notNull(),
  ids: integer('ids').array().notNull(),
  /** The records' keys (external_id, or e-mail for users), in the order of `ids`: a deleted record is still named. */
  keys: text('keys').array().notNull(),
}, (t) => [
  index('import_inserts_import_idx').on(t.importId, t.tbl),
  check('import_inserts_same_length', sql`cardinality(${t.ids}) = cardinality(${t.keys})`),
]);
