// Bad files, each on its own: the import refuses them, names the row (header = row 1) and the column,
// and leaves every table exactly as it was. The database holds the golden data first, so references
// and updates are real.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '@/db/client';
import { importDirectory, importFile, type ImportResult } from '@/lib/import';
import { createTestDb, type TestDb } from '../helpers/test-db';
import { GOLDEN_DIR, copyGolden, fingerprint, tempFile } from './helpers';
import fs from 'node:fs';
import path from 'node:path';

const ACCOUNTS_HEADER = 'external_id,name,segment,industry,region,owner_email,customer_since,churned_at';
const DEALS_HEADER = 'external_id,name,account_external_id,owner_email,campaign_external_id,product,type,amount,stage,created_at,closed_at,contract_months';
const LEADS_HEADER = 'external_id,created_at,source,campaign_external_id,owner_email,first_contacted_at,mql_at,sql_at,converted_at,account_external_id,disqualified_at';

describe('bad input leaves the database as it was', () => {
  let t: TestDb;
  let before: Record<string, string>;

  beforeAll(async () => {
    t = await createTestDb();
    const r = await importDirectory(t.db, GOLDEN_DIR);
    if (!r.ok) throw new Error(r.message);
    before = await fingerprint(t.db);
  });
  afterAll(async () => { await t?.close(); });

  /** Imports `content` as `entity`, expects a refusal, and checks nothing but the history moved. */
  async function refused(entity: string, content: string | Buffer): Promise<ImportResult> {
    const file = tempFile(`${entity}.csv`, content);
    const r = await importFile(t.db, { entity, path: file });
    expect(r.ok).toBe(false);
    expect(r.committed).toBe(false);
    expect(r.inserted + r.updated).toBeGreaterThanOrEqual(0);
    const after = await fingerprint(t.db);
    // The failed attempt is recorded in the import history (that is its purpose); every other table,
    // the audit log included, is byte-for-byte what it was.
    for (const table of Object.keys(before)) {
      if (table !== 'imports') expect(after[table], table).toBe(before[table]);
    }
    const [h] = await queryRows<{ state: string; inserted: number; updated: number }>(
      t.db, sql`select state, inserted::int as inserted, updated::int as updated from imports order by id desc limit 1`,
    );
    expect(h.state).toBe('failed');
    expect(h.inserted + h.updated).toBe(0);
    before = after; // the history row is now part of "as it was"
    return r;
  }

  function expectError(r: ImportResult, row: number, column: string, reason: RegExp): void {
    const e = r.errors.find((x) => x.row === row && x.column === column);
    expect(e, `an error at row ${row}, column ${column}; got ${JSON.stringify(r.errors)}`).toBeDefined();
    expect(e!.message).toMatch(reason);
  }

  it('a bad date', async () => {
    const r = await refused('accounts', `${ACCOUNTS_HEADER}\nA900,Good,SMB,Tech,EMEA,,2025-01-01,\nA901,Bad,SMB,Tech,EMEA,,2025-13-45,\n`);
    expect(r.errorCount).toBe(1);
    expectError(r, 3, 'customer_since', /date/i);
  });

  it('a negative amount', async () => {
    const r = await refused('deals', `${DEALS_HEADER}\nD900,Neg,A0,,,Suite,new,-10.00,qualification,2025-08-13T14:45:18Z,,12\n`);
    expectError(r, 2, 'amount', /negative|≥ 0|>= 0|at least 0|non-negative/i);
  });

  it('an unknown enumeration value', async () => {
    const r = await refused('leads', `${LEADS_HEADER}\nL900,2025-03-04T19:59:18Z,carrier-pigeon,,,,,,,,\n`);
    expectError(r, 2, 'source', /web|expected|one of|invalid/i);
  });

  it('a duplicate external_id in one file is an error on the second row', async () => {
    const r = await refused('accounts', `${ACCOUNTS_HEADER}\nA910,First,SMB,,,,,\nA911,Other,SMB,,,,,\nA910,Again,SMB,,,,,\n`);
    expect(r.errorCount).toBe(1);
    expectError(r, 4, 'external_id', /duplicate|twice|already/i);
  });

  it('a missing required column', async () => {
    const r = await refused('leads', 'external_id,source\nL920,web\n');
    const e = r.errors.find((x) => x.column === 'created_at');
    expect(e, JSON.stringify(r.errors)).toBeDefined();
    expect(e!.row).toBe(1); // the header row is where the column is missing
    expect(e!.message).toMatch(/missing|required/i);
  });

  it('a reference to an account that does not exist', async () => {
    const r = await refused('deals', `${DEALS_HEADER}\nD930,Ghost,A0,,,Suite,new,10.00,qualification,2025-08-13T14:45:18Z,,12\nD931,Ghost,NO-SUCH-ACCOUNT,,,Suite,new,10.00,qualification,2025-08-13T14:45:18Z,,12\n`);
    expect(r.errorCount).toBe(1);
    expectError(r, 3, 'account_external_id', /NO-SUCH-ACCOUNT|not found|does not exist|unknown/i);
  });

  it('a row with too many columns', async () => {
    const r = await refused('accounts', `${ACCOUNTS_HEADER}\nA940,Fine,SMB,,,,,\nA941,Wide,SMB,,,,,,extra\n`);
    // The extra value has no header: it is named by its position.
    expect(r.errors).toEqual([{ row: 3, column: '#9', message: 'has 9 values but the header has 8 columns' }]);
  });

  it('an empty file', async () => {
    const r = await refused('accounts', '');
    expect(r.errorCount).toBeGreaterThan(0);
    expect(r.errors[0]).toMatchObject({ row: 1, column: '' }); // the whole file, no column
    expect(r.errors[0].message).toMatch(/empty|header/i);
  });

  it('a file that is not UTF-8', async () => {
    // "Müller" in Latin-1: the ü is the single byte 0xFC, never valid UTF-8.
    const latin1 = Buffer.concat([Buffer.from(`${ACCOUNTS_HEADER}\nA950,Fine,SMB,,,,,\nA951,M`), Buffer.from([0xfc]), Buffer.from('ller,SMB,,,,,\n')]);
    const r = await refused('accounts', latin1);
    const e = r.errors[0];
    expect(e.row).toBe(3);
    expect(e.column).toBe('name');
    expect(e.message).toMatch(/UTF-8/);
  });

  it('one bad file in a folder import writes nothing of any file', async () => {
    const dir = copyGolden();
    const leads = path.join(dir, 'leads.csv');
    fs.appendFileSync(leads, 'L999,not-a-date,web,,,,,,,,\n');
    const accounts = path.join(dir, 'accounts.csv');
    fs.appendFileSync(accounts, 'A999,Brand new account,SMB,,,,,\n'); // would be inserted
    const r = await importDirectory(t.db, dir);
    expect(r.ok).toBe(false);
    expect(r.committed).toBe(false);
    const bad = r.files.find((f) => f.fileName === 'leads.csv')!;
    expect(bad.errors[0]).toMatchObject({ column: 'created_at' });
    const after = await fingerprint(t.db);
    for (const table of Object.keys(before)) if (table !== 'imports') expect(after[table], table).toBe(before[table]);
    const [{ n }] = await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from accounts where external_id = 'A999'`);
    expect(n).toBe(0);
  });
});
