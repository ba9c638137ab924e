// [KPI][CLI] `kpis --json` prints exactly {from, to, filters, kpis} with the golden values, run as a
// child process against a database this test prepares (a temp PGlite folder, or a fresh Postgres
// database when DATABASE_URL is set).
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb } from '@/db/client';
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
