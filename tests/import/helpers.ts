// Helpers for the import tests: CSV row counts, a fingerprint of every table (to prove a refused
// import left the database exactly as it was), and temp folders with edited copies of the golden files.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '@/db/client';
import { GOLDEN_DIR } from '../helpers/fixtures';

export { GOLDEN_DIR };

/** CSV file -> table it fills. */
export const FILE_TABLES: Record<string, string> = {
  'users.csv': 'users',
  'accounts.csv': 'accounts',
  'campaigns.csv': 'campaigns',
  'leads.csv': 'leads',
  'deals.csv': 'deals',
  'orders.csv': 'orders',
  'tickets.csv': 'tickets',
  'survey_responses.csv': 'survey_responses',
  'expenses.csv': 'expenses',
  'activities.csv': 'activities',
};

/** The tables the import writes, plus its bookkeeping. */
export const ALL_TABLES = [...Object.values(FILE_TABLES), 'teams', 'imports', 'audit_log'];

/** Data rows of a CSV file (parsed, so quoted newlines count once). */
export function csvRowCount(file: string): number {
  const rows = parse(fs.readFileSync(file), { columns: true, skip_empty_lines: true }) as unknown[];
  return rows.length;
}

export async function tableCount(db: Db, table: string): Promise<number> {
  const [{ n }] = await queryRows<{ n: number }>(db, sql.raw(`select count(*)::int as n from "${table}"`));
  return n;
}

export async function counts(db: Db, tables = ALL_TABLES): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of tables) out[t] = await tableCount(db, t);
  return out;
}

/** Every table of the app's schema (not just the ones the import writes: it must touch no other). */
export async function allTables(db: Db): Promise<string[]> {
  const rows = await queryRows<{ t: string }>(db, sql`select table_name::text as t from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`);
  return rows.map((r) => r.t);
}

/** md5 of every row of every table, in a stable order: equal fingerprints = identical contents. */
export async function fingerprint(db: Db): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const tables = await allTables(db);
  for (const t of ALL_TABLES) if (!tables.includes(t)) throw new Error(`table ${t} is missing`);
  for (const t of tables) {
    const [{ h }] = await queryRows<{ h: string | null }>(
      db,
      sql.raw(`select md5(coalesce(string_agg(x::text, '|' order by x::text), '')) as h from "${t}" x`),
    );
    out[t] = h ?? '';
  }
  return out;
}

/** A temp copy of the golden folder (only the CSV files), to edit. */
export function copyGolden(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'golden-'));
  for (const f of Object.keys(FILE_TABLES)) fs.copyFileSync(path.join(GOLDEN_DIR, f), path.join(dir, f));
  return dir;
}

/** Writes `content` (text or bytes) to a temp file named `name` and returns its path. */
export function tempFile(name: string, content: string | Buffer): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'import-'));
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
}
