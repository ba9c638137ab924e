// The import benchmark: N generated leads through the real CLI (`scripts/import.ts`, streaming parse,
// zod per row, batched upsert in one transaction) into a fresh database, against COPY of the very same
// file into another fresh database: the fastest way Postgres can load it. Peak RSS from /usr/bin/time.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import postgres from 'postgres';
import { openDb } from '@/db/client';

const SOURCES = ['web', 'email', 'social', 'paid', 'referral', 'event', 'outbound', 'other'];

/** Writes `rows` valid leads (no references, so nothing else must exist) to a CSV file. */
export function writeLeadsCsv(file: string, rows: number): void {
  const fd = fs.openSync(file, 'w');
  try {
    fs.writeSync(fd, 'external_id,created_at,source,first_contacted_at,mql_at,sql_at\n');
    const start = Date.UTC(2025, 0, 1);
    let chunk = '';
    for (let i = 0; i < rows; i++) {
      const created = start + (i * 7919 % (365 * 86_400)) * 1000;
      const contacted = i % 3 === 0 ? '' : new Date(created + 3_600_000 * (1 + (i % 48))).toISOString();
      const mql = i % 4 === 0 ? new Date(created + 86_400_000 * (1 + (i % 9))).toISOString() : '';
      const sqlAt = mql && i % 8 === 0 ? new Date(created + 86_400_000 * (10 + (i % 9))).toISOString() : '';
      chunk += `BL${i},${new Date(created).toISOString()},${SOURCES[i % SOURCES.length]},${contacted},${mql},${sqlAt}\n`;
      if (chunk.length > 1 << 20) { fs.writeSync(fd, chunk); chunk = ''; }
    }
    fs.writeSync(fd, chunk);
  } finally {
    fs.closeSync(fd);
  }
}

async function withFreshDatabase<T>(serverUrl: string, fn: (url: string) => Promise<T>): Promise<T> {
  const name = `crm_bench_import_${process.pid}_${Date.now()}`;
  const adminUrl = new URL(serverUrl);
  adminUrl.pathname = '/postgres';
  const admin = postgres(adminUrl.toString(), { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  const u = new URL(serverUrl);
  u.pathname = `/${name}`;
  try {
    const h = await openDb({ url: u.toString(), max: 1 }); // migrate
    await h.close();
    return await fn(u.toString());
  } finally {
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.end();
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export interface ImportBench { rows: number; rowsPerSecond: number; copyRowsPerSecond: number; peakRssMb: number; note: string }

export async function benchImportSpeed(serverUrl: string, opts: { rows: number; runs: number; log: (s: string) => void }): Promise<ImportBench> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-import-'));
  const file = path.join(dir, 'leads.csv');
  writeLeadsCsv(file, opts.rows);
  const cliSeconds: number[] = [];
  const copySeconds: number[] = [];
  let peakKb = 0;
  try {
    for (let k = 0; k < opts.runs; k++) {
      await withFreshDatabase(serverUrl, async (url) => {
        const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: url };
        delete env.DATABASE_READ_URL;
        const started = performance.now();
        const r = spawnSync('/usr/bin/time', ['-f', 'maxrss=%M', path.resolve('node_modules/.bin/tsx'), 'scripts/import.ts', 'leads', file], { env, encoding: 'utf8' });
        const seconds = (performance.now() - started) / 1000;
        if (r.status !== 0) throw new Error(`import failed: ${r.stdout}${r.stderr}`);
        cliSeconds.push(seconds);
        peakKb = Math.max(peakKb, Number(/maxrss=(\d+)/.exec(r.stderr)?.[1] ?? 0));
        opts.log(`import: ${opts.rows} rows through the CLI in ${seconds.toFixed(1)} s`);
      });
      await withFreshDatabase(serverUrl, async (url) => {
        const c = postgres(url, { max: 1, onnotice: () => {} });
        try {
          const started = performance.now();
          const sink = await c`copy leads (external_id, created_at, source, first_contacted_at, mql_at, sql_at) from stdin with (format csv, header true)`.writable();
          await pipeline(fs.createReadStream(file), sink);
          copySeconds.push((performance.now() - started) / 1000);
        } finally {
          await c.end();
        }
      });
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const cli = median(cliSeconds);
  const copy = median(copySeconds);
  return {
    rows: opts.rows,
    rowsPerSecond: opts.rows / cli,
    copyRowsPerSecond: opts.rows / copy,
    peakRssMb: Math.round(peakKb / 1024),
    note: `Median of ${opts.runs} runs, each into a fresh database; the CLI time includes starting Node and migrating, the COPY time only the load. Ratio CLI ÷ COPY: ${(cli / copy).toFixed(1)}×.`,
  };
}
