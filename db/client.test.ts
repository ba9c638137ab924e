import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { queryRows, openDb } from './client';
import { acquireFolderLock, DatabaseLockedError } from './folder-lock';
import { createTestDb, type TestDb } from '@/tests/helpers/test-db';

describe('database client', () => {
  let t: TestDb;
  beforeAll(async () => { t = await createTestDb(); });
  afterAll(async () => { await t.close(); });

  it('migrates every table and runs in UTC', async () => {
    const rows = await queryRows<{ n: number; tz: string }>(t.db, sql`
      select count(*)::int as n, current_setting('TimeZone') as tz from information_schema.tables
      where table_schema = 'public' and table_name in ('users','teams','accounts','leads','deals','orders','campaigns',
        'tickets','survey_responses','expenses','activities','goals','imports','audit_log')`);
    expect(rows[0]).toEqual({ n: 14, tz: 'UTC' });
  });

  it('re-running migrations is a no-op', async () => {
    const { runMigrations } = await import('./client');
    await runMigrations(t);
    const rows = await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from accounts`);
    expect(rows[0].n).toBe(0);
  });

  it('enforces the contract in check constraints', async () => {
    await expect(t.db.execute(sql`insert into expenses (external_id, incurred_on, category, amount) values ('x', '2025-01-01', 'marketing', -1)`)).rejects.toThrow();
    await expect(t.db.execute(sql`insert into deals (external_id, name, amount, stage, created_at) values ('d', 'D', 1, 'won', now())`)).rejects.toThrow();
  });
});

describe('PGlite folder lock', () => {
  it('refuses a second holder while the first is alive, with a clear message', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crm-lock-'));
    const lock = acquireFolderLock(dir);
    // Pretend another live process (our parent) holds it.
    fs.writeFileSync(lock.path, String(process.ppid));
    expect(() => acquireFolderLock(dir)).toThrow(DatabaseLockedError);
    expect(() => acquireFolderLock(dir)).toThrow(/in use by process/);
    fs.writeFileSync(lock.path, '999999999'); // a dead process: stale lock is taken over
    const again = acquireFolderLock(dir);
    again.release();
    expect(fs.existsSync(lock.path)).toBe(false);
  });

  it('opens a PGlite folder, persists, and reopens after close', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crm-pglite-'));
    const a = await openDb({ dataDir: dir });
    await a.db.execute(sql`insert into teams (name) values ('Persist')`);
    await a.close();
    const b = await openDb({ dataDir: dir });
    const rows = await queryRows<{ name: string }>(b.db, sql`select name from teams`);
    await b.close();
    expect(rows.map((r) => r.name)).toEqual(['Persist']);
  });
});
