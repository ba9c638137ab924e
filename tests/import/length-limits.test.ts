// Text lengths of data-contract.md on import: the import refuses an over-long cell as an error of that
// row and column (the form uses the same zod field, the database the same limits as CHECKs) and writes
// nothing; values at the limit pass, counted in characters as Postgres counts them (an emoji is one).
// Also the ticket `subject` column: imported, stored and updated by a re-import.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '@/db/client';
import { importFile, type ImportResult } from '@/lib/import';
import { createTestDb, type TestDb } from '../helpers/test-db';
import { tempFile } from './helpers';

let t: TestDb;
beforeAll(async () => { t = await createTestDb(); });
afterAll(async () => { await t?.close(); });

const run = (entity: string, content: string) => importFile(t.db, { entity, path: tempFile(`${entity}.csv`, content) });
const count = async (table: string) => (await queryRows<{ n: number }>(t.db, sql.raw(`select count(*)::int as n from ${table}`)))[0].n;
const errorAt = (r: ImportResult, row: number, column: string) => r.errors.find((e) => e.row === row && e.column === column);

describe('[IMPORT] text length limits', () => {
  it('refuses a 1 MB cell with its row and column, and writes nothing', async () => {
    const huge = 'x'.repeat(1024 * 1024);
    const r = await run('accounts', `external_id,name\nA-1,Fine Ltd\nA-2,${huge}\nA-3,Also fine\n`);
    expect(r.ok).toBe(false);
    expect(r.committed).toBe(false);
    expect(r.errorCount).toBe(1);
    expect(errorAt(r, 3, 'name')?.message).toBe('must be at most 200 characters (it has 1,048,576)');
    expect(await count('accounts')).toBe(0);
  });

  it('e-mails 254, external ids 200, descriptions 5,000: one over is an error of that row and column', async () => {
    const users = await run('users', `email,name,role\n${'u'.repeat(250)}@x.io,Long Mail,member\n`);
    expect(errorAt(users, 2, 'email')?.message).toMatch(/^must be at most 254 characters/);
    const accounts = await run('accounts', `external_id,name\n${'K'.repeat(201)},Acme\n`);
    expect(errorAt(accounts, 2, 'external_id')?.message).toBe('must be at most 200 characters (it has 201)');
    const expenses = await run('expenses', `external_id,incurred_on,category,amount,description\nE-1,2026-01-05,other,10,${'d'.repeat(5_001)}\n`);
    expect(errorAt(expenses, 2, 'description')?.message).toBe('must be at most 5,000 characters (it has 5,001)');
    const tickets = await run('tickets', `external_id,created_at,subject\nT-1,2026-01-05,${'s'.repeat(201)}\n`);
    expect(errorAt(tickets, 2, 'subject')?.message).toBe('must be at most 200 characters (it has 201)');
    expect([await count('users'), await count('accounts'), await count('expenses'), await count('tickets')]).toEqual([0, 0, 0, 0]);
  });

  it('values at the limit are stored whole, an emoji counting as one character as in Postgres', async () => {
    const emoji = '😀'.repeat(200); // 400 UTF-16 units, 200 characters
    const r = await run('accounts', `external_id,name,region\n${'K'.repeat(200)},${'N'.repeat(200)},${emoji}\n`);
    expect(r.errors).toEqual([]);
    expect(r.ok).toBe(true);
    const [a] = await queryRows<{ name: number; region: number }>(t.db, sql`select char_length(name) as name, char_length(region) as region from accounts`);
    expect(a).toEqual({ name: 200, region: 200 });
    const over = await run('accounts', `external_id,name\nA-9,${'😀'.repeat(201)}\n`);
    expect(errorAt(over, 2, 'name')?.message).toBe('must be at most 200 characters (it has 201)');
  });
});

describe('[IMPORT] ticket subject', () => {
  it('stores the subject of tickets.csv and a re-import updates it', async () => {
    const first = await run('tickets', 'external_id,created_at,subject,priority\nT-10,2026-02-01T09:00:00Z,Cannot log in after password reset,high\nT-11,2026-02-02,,low\n');
    expect(first.ok).toBe(true);
    expect(first.inserted).toBe(2);
    const stored = () => queryRows<{ external_id: string; subject: string | null }>(t.db, sql`select external_id, subject from tickets where external_id like 'T-1_' order by external_id`);
    expect(await stored()).toEqual([
      { external_id: 'T-10', subject: 'Cannot log in after password reset' },
      { external_id: 'T-11', subject: null },
    ]);
    const again = await run('tickets', 'external_id,created_at,Subject\nT-10,2026-02-01T09:00:00Z,Cannot log in on the mobile app\n');
    expect(again.ok).toBe(true);
    expect(again.updated).toBe(1);
    expect((await stored())[0].subject).toBe('Cannot log in on the mobile app');
  });
});
