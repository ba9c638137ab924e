// `npm run import` as an admin's script sees it: exit codes, counts, errors with row and column, and a
// clear refusal when a running server holds the embedded database's folder.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acquireFolderLock } from '@/db/folder-lock';
import { createTestDb, type TestDb } from '../helpers/test-db';
import { GOLDEN_DIR, tempFile } from './helpers';

const TSX = path.resolve('node_modules/.bin/tsx');

function runImport(args: string[], env: NodeJS.ProcessEnv) {
  const r = spawnSync(TSX, ['scripts/import.ts', ...args], { env, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('npm run import', () => {
  let t: TestDb | undefined;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    const base = { ...process.env };
    delete base.DATABASE_READ_URL;
    if (process.env.DATABASE_URL) {
      t = await createTestDb();
      env = { ...base, DATABASE_URL: t.url };
    } else {
      delete base.DATABASE_URL;
      env = { ...base, PGLITE_DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'cli-pglite-')) };
    }
  });
  afterAll(async () => { await t?.close(); });

  it('imports a folder: exit 0 and the counts of every file', () => {
    const r = runImport(['--dir', GOLDEN_DIR], env);
    expect(r.err).not.toMatch(/Error/);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^users\.csv: 8 inserted, 0 updated, 0 unchanged \(8 rows\)$/m);
    expect(r.out).toMatch(/^deals\.csv: 86 inserted, 0 updated, 0 unchanged \(86 rows\)$/m);
    // Again: nothing changes.
    const again = runImport(['--dir', GOLDEN_DIR], env);
    expect(again.code).toBe(0);
    expect(again.out).toMatch(/^deals\.csv: 0 inserted, 0 updated, 86 unchanged \(86 rows\)$/m);
  });

  it('refuses a bad file: exit 1 and every error as row and column', () => {
    const file = tempFile('accounts.csv', 'external_id,name,customer_since\nA800,Ok,2025-01-01\nA801,Bad,yesterday\nA802,,2025-01-01\n');
    const r = runImport(['accounts', file], env);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/accounts\.csv: 2 errors, nothing written/);
    expect(r.out).toMatch(/^row 3, column customer_since: .+$/m);
    expect(r.out).toMatch(/^row 4, column name: .+$/m);
  });

  it('refuses an unknown entity with the usage', () => {
    const r = runImport(['gadgets', path.join(GOLDEN_DIR, 'deals.csv')], env);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/unknown entity "gadgets"/);
    expect(r.err).toMatch(/usage:/);
  });

  it('fails clearly when another process holds the embedded database', () => {
    // This test process takes the folder's lock as the app server does when it opens PGlite
    // (db/client.ts); opening a whole PGlite only to hold it would cost seconds.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-locked-'));
    const held = acquireFolderLock(dir);
    try {
      const childEnv: NodeJS.ProcessEnv = { ...process.env, PGLITE_DATA_DIR: dir };
      delete childEnv.DATABASE_URL;
      const r = runImport(['--dir', GOLDEN_DIR], childEnv);
      expect(r.code).toBe(1);
      expect(r.err).toContain(`The embedded database in ${dir} is in use by process ${process.pid}`);
      expect(r.err).toMatch(/Stop that process first, or point this command at Postgres with DATABASE_URL/);
      expect(r.err).not.toMatch(/\n\s+at /); // a message, not a stack trace
      expect(fs.readdirSync(dir)).toEqual([]); // it did not touch the folder
    } finally {
      held.release();
    }
  });
});
