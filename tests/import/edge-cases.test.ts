// The import's machinery at its edges: cell text that must survive the batch encoding untouched, row
// numbers with blank lines and quoted line breaks, files spanning many batches (counts, file order, a
// bad row late in the file, cancelling half-way), cells Postgres could not store, and a refused batch
// while later ones are already queued on the connection.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '@/db/client';
import { importFile, type ImportResult } from '@/lib/import';
import { ErrorLog, Rollback } from '@/lib/import/errors';
import { processFile } from '@/lib/import/process-file';
import { createTestDb, type TestDb } from '../helpers/test-db';
import { GOLDEN_DIR, fingerprint, tempFile } from './helpers';
import path from 'node:path';

const HEADER = 'external_id,name,segment,industry,region,owner_email,customer_since,churned_at';

describe('import edge cases', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
    const r = await importFile(t.db, { entity: 'users', path: path.join(GOLDEN_DIR, 'users.csv') });
    if (!r.ok) throw new Error(r.message);
  });
  afterAll(async () => { await t?.close(); });

  const accounts = (body: string, opts: { batchSize?: number; signal?: AbortSignal; onProgress?: () => void } = {}): Promise<ImportResult> =>
    importFile(t.db, { entity: 'accounts', path: tempFile('accounts.csv', `${HEADER}\n${body}`), ...opts });

  async function names(ids: string[]): Promise<Record<string, string>> {
    const rows = await queryRows<{ external_id: string; name: string }>(
      t.db, sql`select external_id, name from accounts where external_id in ${ids}`,
    );
    return Object.fromEntries(rows.map((r) => [r.external_id, r.name]));
  }

  it('stores cell text exactly: quotes, backslashes, line breaks, tabs, dollar quotes, any script', async () => {
    const expected: Record<string, string> = {
      Q1: 'He said "hi"',
      Q2: 'C:\\path\\to\\file',
      Q3: 'Line 1\nLine 2',
      Q4: 'tab\there',
      Q5: '$b$ and $b0$ end; drop table accounts; --',
      Q6: 'Zürich 東京 مرحبا 🚀',
      Q7: '{"json": [1, 2]}',
    };
    const csvCell = (s: string) => `"${s.replace(/"/g, '""')}"`;
    const r = await accounts(Object.entries(expected).map(([id, name]) => `${id},${csvCell(name)},,,,,,`).join('\n'));
    expect(r.errors).toEqual([]);
    expect(r.inserted).toBe(7);
    expect(await names(Object.keys(expected))).toEqual(expected);
  });

  it('numbers rows as a spreadsheet does: header row 1, a blank line is a row, a quoted line break is not', async () => {
    const body = 'R1,"two\nlines",,,,,,\n\nR2,Bad,,,,,2025-02-30,\nR3,Bad too,,,,,soon,\n';
    const r = await accounts(body);
    expect(r.ok).toBe(false);
    expect(r.errors.map((e) => [e.row, e.column])).toEqual([[4, 'customer_since'], [5, 'customer_since']]);
    expect(r.errors[0].message).toMatch(/not a real calendar date/);
    expect(r.totalRows).toBe(3);
  });

  it('refuses cells Postgres cannot store (a NUL character, year 0) with their row and column', async () => {
    const r = await accounts('N1,Fine,,,,,,\nN2,Bad\u0000name,,,,,,\nN3,Old,,,,,0000-01-01,\n');
    expect(r.errors).toEqual([
      { row: 3, column: 'name', message: expect.stringMatching(/NUL/) },
      { row: 4, column: 'customer_since', message: expect.stringMatching(/year 1/) },
    ]);
    expect(await names(['N1', 'N2', 'N3'])).toEqual({});
  });

  const many = (n: number, bad?: number) => Array.from({ length: n }, (_, k) =>
    `M${k},Many ${k},SMB,,,${k === bad ? 'ghost@example.com' : `user${k % 3}@example.com`},,`).join('\n');

  it('across many batches: a bad reference in a late batch writes nothing; clean, every row lands in file order', async () => {
    const before = await fingerprint(t.db);
    const bad = await accounts(many(23, 20), { batchSize: 2 });
    expect(bad.ok).toBe(false);
    expect(bad.errors).toEqual([{ row: 22, column: 'owner_email', message: expect.stringMatching(/ghost@example\.com/) }]);
    const after = await fingerprint(t.db);
    for (const table of Object.keys(before)) if (table !== 'imports') expect(after[table], table).toBe(before[table]);

    const good = await accounts(many(23), { batchSize: 2 });
    expect(good).toMatchObject({ ok: true, committed: true, totalRows: 23, inserted: 23, updated: 0, unchanged: 0 });
    const order = await queryRows<{ external_id: string }>(t.db, sql`select external_id from accounts where external_id like 'M%' order by id`);
    expect(order.map((o) => o.external_id)).toEqual(Array.from({ length: 23 }, (_, k) => `M${k}`));
    const again = await accounts(many(23), { batchSize: 5 });
    expect(again).toMatchObject({ ok: true, inserted: 0, updated: 0, unchanged: 23 });
  });

  it('cancelling half-way writes nothing', async () => {
    const before = await fingerprint(t.db);
    const ac = new AbortController();
    let calls = 0;
    const r = await accounts(many(40).replace(/^M/gm, 'X'), { batchSize: 4, signal: ac.signal, onProgress: () => { if (++calls === 3) ac.abort(); } });
    expect(calls).toBeGreaterThanOrEqual(3);
    expect(r).toMatchObject({ ok: false, committed: false });
    expect(r.message).toMatch(/cancelled/);
    const after = await fingerprint(t.db);
    for (const table of Object.keys(before)) if (table !== 'imports') expect(after[table], table).toBe(before[table]);
  });

  it('a batch the database refuses is reported once, and nothing is sent after the refusal is known', async () => {
    // A stand-in connection: the first statement breaks a constraint, the ones pipelined after it then
    // meet an aborted transaction (25P02), as on Postgres.
    let calls = 0;
    const tx = {
      execute: async () => {
        const first = ++calls === 1;
        if (!first) await new Promise((r) => setTimeout(r, 5));
        throw Object.assign(new Error(first ? 'new row violates check constraint' : 'current transaction is aborted'), { code: first ? '23514' : '25P02' });
      },
    };
    const errors = new ErrorLog();
    const body = `external_id,created_at,source\n${Array.from({ length: 1200 }, (_, k) => `P${k},2025-01-01,web`).join('\n')}\n`;
    async function* source() { yield new TextEncoder().encode(body); }
    await expect(processFile(tx as never, { entity: 'leads', source: source(), bytesTotal: null, batchSize: 2, previewRows: 0, errors }))
      .rejects.toBeInstanceOf(Rollback);
    expect(errors.list).toEqual([{ row: 2, column: '', message: 'the database refused rows 2-3: new row violates check constraint' }]);
    // 600 batches in the file: the writer stops at the first refusal (the staging table's creation and
    // the first batch or two are on the wire by then).
    expect(calls).toBeLessThanOrEqual(4);
  });
});
