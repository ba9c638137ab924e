// targets.md: "An import interrupted mid-way (process killed) leaves the database exactly as before."
// The CLI is killed (SIGKILL: no cleanup of any kind) once it has sent its first batch inside the
// transaction; the data must be as before, and the next import closes the orphaned history row.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { openDb, queryRows, type DbHandle } from '@/db/client';
import { closeInterrupted, importDirectory } from '@/lib/import';
import { writeLeadsCsv } from '@/scripts/lib/import-bench';
import { createTestDb } from '../helpers/test-db';
import { GOLDEN_DIR, fingerprint } from './helpers';

/** Starts the CLI on `file`, kills it at its first progress line; resolves with what it printed. */
function killMidway(file: string, env: NodeJS.ProcessEnv): Promise<{ signal: NodeJS.Signals | null; out: string; err: string }> {
  return new Promise((resolve, reject) => {
    // `node --import tsx`, not the tsx binary: that one runs the script in a child process, which a
    // SIGKILL of the parent would leave running.
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/import.ts', 'leads', file, '--progress'], { env });
    let out = '';
    let err = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.stdout.on('data', (d: Buffer) => { out += d; });
    child.stderr.on('data', (d: Buffer) => {
      err += d;
      if (/^progress: leads\.csv: [1-9]\d* rows read/m.test(err)) child.kill('SIGKILL');
    });
    child.on('error', reject);
    child.on('exit', (_code, signal) => { clearTimeout(timer); resolve({ signal, out, err }); });
  });
}

describe('an import killed mid-way', () => {
  it('leaves every table as it was, and the next import records it as interrupted', async () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'import-killed-'));
    const file = path.join(tmp, 'leads.csv');
    writeLeadsCsv(file, 100_000); // far more than the first batch: the kill lands mid-file
    const pg = process.env.DATABASE_URL ? await createTestDb() : null;
    const dataDir = path.join(tmp, 'pglite');
    const open = (): Promise<DbHandle> => pg ? Promise.resolve(pg) : openDb({ dataDir });
    const env: NodeJS.ProcessEnv = { ...process.env };
    delete env.DATABASE_READ_URL;
    if (pg) env.DATABASE_URL = pg.url;
    else {
      delete env.DATABASE_URL;
      env.PGLITE_DATA_DIR = dataDir;
    }
    try {
      let db = await open();
      const golden = await importDirectory(db.db, GOLDEN_DIR);
      expect(golden.ok).toBe(true);
      const before = await fingerprint(db.db);
      const [{ n: historyBefore }] = await queryRows<{ n: number }>(db.db, sql`select count(*)::int as n from imports`);
      if (!pg) await db.close(); // the CLI needs the folder

      const run = await killMidway(file, env);
      expect(run.signal, run.err).toBe('SIGKILL');
      expect(run.out).not.toMatch(/inserted/); // it never got to report a result

      db = await open(); // PGlite: recovery of a folder whose owner was killed
      const after = await fingerprint(db.db);
      for (const table of Object.keys(before)) if (table !== 'imports') expect(after[table], table).toBe(before[table]);
      const [{ n: leads }] = await queryRows<{ n: number }>(db.db, sql`select count(*)::int as n from leads where external_id like 'BL%'`);
      expect(leads).toBe(0);
      const [orphan] = await queryRows<{ id: number; state: string }>(db.db, sql`select id, state from imports order by id desc limit 1`);
      expect(orphan.state).toBe('running');

      // On Postgres the killed client's backend may still be finishing its statement (holding the
      // lock) until it notices the closed socket: retry for a few seconds.
      let closed: number[] = [];
      for (let k = 0; k < 50 && !closed.length; k++) {
        closed = await closeInterrupted(db.db);
        if (!closed.length) await new Promise((r) => setTimeout(r, 200));
      }
      expect(closed).toEqual([orphan.id]);
      const [row] = await queryRows<{ state: string; inserted: number; message: string }>(
        db.db, sql`select state, inserted, message from imports where id = ${orphan.id}`,
      );
      expect(row).toMatchObject({ state: 'failed', inserted: 0 });
      expect(row.message).toMatch(/^Interrupted: .*nothing was written\.$/);
      const [{ n: historyAfter }] = await queryRows<{ n: number }>(db.db, sql`select count(*)::int as n from imports`);
      expect(historyAfter).toBe(historyBefore + 1);
      expect(await closeInterrupted(db.db)).toEqual([]); // nothing else is left open
      if (!pg) await db.close();
    } finally {
      if (pg) await pg.close().catch(() => {});
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  }, 120_000);
});
