// [KPI][CLI] `kpis --json` prints exactly {from, to, filters, kpis} with the golden values, run as a
// child process against a database this test prepares (a temp PGlite folder, or a fresh Postgres
// database when DATABASE_URL is set).
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { openDb, queryRows } from '@/db/client';
import { KPI_KEYS } from '@/lib/kpi';
import { createTestDb, type TestDb } from '@/tests/helpers/test-db';
import { expectClose, goldenCases, importGolden } from './golden-data';

const run = promisify(execFile);
let env: NodeJS.ProcessEnv;
let pg: TestDb | undefined;
let dataDir: string | undefined;

beforeAll(async () => {
  if (process.env.DATABASE_URL) {
    pg = await createTestDb();
    await importGolden(pg.db);
    env = { ...process.env, DATABASE_URL: pg.url };
  } else {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'crm-kpis-cli-'));
    const h = await openDb({ dataDir });
    await importGolden(h.db);
    await h.close(); // releases the folder lock for the CLI
    env = { ...process.env, PGLITE_DATA_DIR: dataDir };
    delete env.DATABASE_URL;
  }
});
afterAll(async () => {
  await pg?.close();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

const kpis = (args: string[]) => run('npx', ['tsx', 'scripts/kpis.ts', ...args], { env, cwd: process.cwd(), maxBuffer: 1 << 20 });

describe('[KPI][CLI] scripts/kpis.ts', () => {
  it('--json matches expected.json for every golden case, and prints nothing else on stdout', async () => {
    for (const c of goldenCases()) {
      const args = ['--from', c.from, '--to', c.to, ...Object.entries(c.filters).flatMap(([k, v]) => [`--${k}`, v]), '--json'];
      const { stdout } = await kpis(args);
      const out = JSON.parse(stdout) as { from: string; to: string; filters: object; kpis: Record<string, number | null> };
      expect(Object.keys(out)).toEqual(['from', 'to', 'filters', 'kpis']);
      expect([out.from, out.to, out.filters]).toEqual([c.from, c.to, c.filters]);
      expect(Object.keys(out.kpis).sort()).toEqual([...KPI_KEYS].sort());
      for (const key of KPI_KEYS) expectClose(out.kpis[key], c.kpis[key], `${c.from} ${JSON.stringify(c.filters)} ${key}`);
    }
  }, 180_000);

  it('prints a readable table without --json, and refuses bad arguments', async () => {
    const { stdout } = await kpis(['--from', '2025-01-01', '--to', '2026-01-01', '--team', 'Alpha']);
    expect(stdout).toMatch(/Won revenue\s+\$546,344\s+money\s+won_revenue/);
    expect(stdout).toMatch(/Customer satisfaction \(CSAT\)\s+75\.0%/);
    await expect(kpis(['--from', '2025-02-30', '--to', '2026-01-01'])).rejects.toMatchObject({ code: 2 });
    await expect(kpis(['--from', '2025-01-01', '--to', '2026-01-01', '--colour', 'red'])).rejects.toMatchObject({ code: 2 });
  }, 60_000);
});

/** Runs `fn` on the CLI's database (PGlite: opened and closed again, so the CLI can take the folder). */
async function onDb(fn: (db: Awaited<ReturnType<typeof openDb>>['db']) => Promise<void>): Promise<void> {
  if (pg) return fn(pg.db);
  const h = await openDb({ dataDir: dataDir!, migrate: false });
  try {
    await fn(h.db);
  } finally {
    await h.close();
  }
}

describe('[KPI][CLI] scripts/rollups.ts (npm run db:rollups)', () => {
  const rollups = (args: string[]) => run('npx', ['tsx', 'scripts/rollups.ts', ...args], { env, cwd: process.cwd(), maxBuffer: 1 << 22 });

  it('--verify names a summary row that differs from the raw rows and exits 1; --rebuild (then VACUUM) repairs it and exits 0', async () => {
    await onDb(async (db) => { await db.execute(sql`update order_months set amount = amount + 1 where day = (select min(day) from order_months)`); });
    const bad = await rollups(['--verify']).then(() => null, (e: { code: number; stdout: string }) => e);
    expect(bad?.code).toBe(1);
    expect(bad?.stdout).toMatch(/order_months\s+\d+ rows\s+[1-9]\d* differences/);
    expect(bad?.stdout).toMatch(/lead_created_days\s+\d+ rows\s+0 differences/);
    const { stdout } = await rollups(['--rebuild']);
    expect(stdout).toMatch(/Summaries rebuilt from the raw rows/);
    expect(stdout).toContain('Every summary equals its recomputation from the raw rows.');
    if (pg) {
      // The rebuild's VACUUM (ANALYZE) ran on the summaries (their pages all-visible for index-only reads).
      const [r] = await queryRows<{ n: number }>(pg.db, sql`select count(*)::int as n from pg_stat_user_tables
        where relname in ('order_months', 'touch_chain_months', 'account_touch_chain') and last_vacuum is not null and last_analyze is not null`);
      expect(r.n).toBe(3);
    }
    await expect(rollups(['--verify'])).resolves.toMatchObject({ stdout: expect.stringContaining('Every summary equals') });
  }, 120_000);
});
