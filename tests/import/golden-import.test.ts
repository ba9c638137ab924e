// The golden folder through the import core: every row lands, a second run changes nothing, an edited
// row is updated in place. Runs on PGlite, and on Postgres when DATABASE_URL is set.
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '@/db/client';
import { importDirectory, importFile } from '@/lib/import';
import { createTestDb, type TestDb } from '../helpers/test-db';
import { FILE_TABLES, GOLDEN_DIR, copyGolden, counts, csvRowCount, fingerprint } from './helpers';

describe('importing the golden folder', () => {
  let t: TestDb;
  beforeAll(async () => { t = await createTestDb(); });
  afterAll(async () => { await t?.close(); });

  it('succeeds, and every table holds exactly the rows of its CSV file', async () => {
    const result = await importDirectory(t.db, GOLDEN_DIR);
    expect(result.message).toMatch(/^Imported 10 file/);
    expect(result.ok).toBe(true);
    expect(result.committed).toBe(true);
    expect(result.files.map((f) => f.fileName)).toEqual(Object.keys(FILE_TABLES));
    for (const [file, table] of Object.entries(FILE_TABLES)) {
      const rows = csvRowCount(path.join(GOLDEN_DIR, file));
      const r = result.files.find((f) => f.fileName === file)!;
      expect(r.totalRows, file).toBe(rows);
      expect(r.inserted, file).toBe(rows);
      expect((await counts(t.db, [table]))[table], table).toBe(rows);
    }
    // The import history and the audit log record each file.
    const [{ n }] = await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from imports where state = 'succeeded'`);
    expect(n).toBe(10);
    const [{ a }] = await queryRows<{ a: number }>(t.db, sql`select count(*)::int as a from audit_log where action = 'import'`);
    expect(a).toBe(10);
  });

  it('a second import of the same folder changes nothing', async () => {
    const before = await fingerprint(t.db);
    const dataBefore = await counts(t.db, Object.values(FILE_TABLES));
    const result = await importDirectory(t.db, GOLDEN_DIR);
    expect(result.ok).toBe(true);
    for (const f of result.files) {
      expect(f.inserted, f.fileName).toBe(0);
      expect(f.updated, f.fileName).toBe(0);
      expect(f.unchanged, f.fileName).toBe(f.totalRows);
    }
    expect(await counts(t.db, Object.values(FILE_TABLES))).toEqual(dataBefore);
    const after = await fingerprint(t.db);
    for (const table of Object.values(FILE_TABLES)) expect(after[table], table).toBe(before[table]);
  });

  it('editing one row and importing again updates exactly that row', async () => {
    const dir = copyGolden();
    const file = path.join(dir, 'deals.csv');
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    expect(lines[1].startsWith('D0,Deal 0,A0,')).toBe(true);
    lines[1] = lines[1].replace('86904.99', '90000.00').replace('Deal 0', 'Deal 0 (renewed)');
    fs.writeFileSync(file, lines.join('\n'));
    const dealsBefore = (await counts(t.db, ['deals'])).deals;

    const r = await importFile(t.db, { entity: 'deals', path: file });
    expect(r.ok).toBe(true);
    expect(r.updated).toBe(1);
    expect(r.inserted).toBe(0);
    expect(r.unchanged).toBe(r.totalRows - 1);
    const [row] = await queryRows<{ name: string; amount: number }>(
      t.db, sql`select name, amount::float8 as amount from deals where external_id = 'D0'`,
    );
    expect(row).toEqual({ name: 'Deal 0 (renewed)', amount: 90000 });
    expect((await counts(t.db, ['deals'])).deals).toBe(dealsBefore);
  });
});
