// Saved import mappings (issue 15): a mapping document (lib/import/mapping-document.ts) kept by name,
// offered again when a file with the same header row is uploaded (`headers_key`), downloadable as JSON.
import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { users } from './org';

export const importMappings = pgTable('import_mappings', {
  id: serial('id').primaryKey(),
  name: text('name').notNull(),
  /** The header row it was made for, normalised and sorted (lib/import headersKey); '' when none. */
  headersKey: text('headers_key').notNull().default(''),
  /** The whole mapping document, validated by the app before it is stored. */
  document: jsonb('document').$type<Record<string, unknown>>().notNull(),
  createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  uniqueIndex('import_mappings_name_unique').on(sql`lower(${t.name})`),
  index('import_mappings_headers_idx').on(t.headersKey),
  check('import_mappings_name_length', sql`char_length(${t.name}) between 1 and 120`),
]);
