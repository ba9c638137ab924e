// Text length limits of data-contract.md ("Text lengths"). One list: the database's CHECK constraints
// and the zod field parsers (lib/validation/fields.ts) both read it, so a form, an import and a raw
// SQL insert refuse the same values.
//
// CHECK (char_length(col) <= n), not varchar(n): adding a check only scans a table (no rewrite, no
// index rebuild on a million-row table), the constraint's name says which column refused a value
// (varchar's error names only the type), and a limit changes later by swapping one constraint.
// char_length counts characters, as the contract and zod's `.length` of a JS string (UTF-16 units,
// which is why the zod side counts code points: see fields.ts) do.
import { sql, type AnyColumn } from 'drizzle-orm';
import { check } from 'drizzle-orm/pg-core';

/** E-mail addresses (RFC 5321's practical maximum). */
export const MAX_EMAIL = 254;
/** external_id, names, titles, subjects and every other short text. */
export const MAX_SHORT_TEXT = 200;
/** Descriptions and other free text. */
export const MAX_LONG_TEXT = 5_000;

/** `check (char_length(col) <= n)`, named `<table>_<column>_length`; null passes. */
export function maxChars(name: string, column: AnyColumn, n: number) {
  return check(name, sql`char_length(${column}) <= ${sql.raw(String(n))}`);
}
