// Change capture for undoing an import (issue 15 item 8): one row per record an import inserted or
// updated, written by the import's batch upsert in the same statement (lib/import/upsert.ts), so it
// commits or rolls back with the data. `after` is the record as the import left it: a later edit is
// any difference from it. `before` is the record before an update (null for an insert). Images are
// `to_jsonb(row)` less `password_hash` (never copied here; an import never writes it).
import { sql } from 'drizzle-orm';
import { bigserial, check, index, integer, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
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
