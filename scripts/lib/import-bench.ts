// The import benchmark: generated leads files through the real CLI (`scripts/import.ts`: streaming
// parse, zod per row, batched upsert in one transaction) into fresh, migrated databases, Postgres and
// PGlite, with the CLI's peak RSS (/usr/bin/time); on Postgres against COPY of the very same file,
// the fastest way Postgres can load it. Rendered as the "CSV import" section of docs/performance.md.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import postgres from 'postgres';
import { openDb } from '@/db/client';
import { DAY_MS } from '@/lib/clock';
import { machineInfo } from './bench/report';

const SOURCES = ['web', 'email', 'social', 'paid', 'referral', 'event', 'outbound', 'other'];
const TSX = path.resolve('node_modules/.bin/tsx');
const TIME = '/usr/bin/time';

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
      const mql = i % 4 === 0 ? new Date(created + DAY_MS * (1 + (i % 9))).toISOString() : '';
      const sqlAt = mql && i % 8 === 0 ? new Date(created + DAY_MS * (10 + (i % 9))).toISOString() : '';
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

async function withFreshPglite<T>(fn: (dir: string) => Promise<T>): Promise<T> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-import-pglite-'));
  try {
    const h = await openDb({ dataDir: dir }); // initdb + migrate, outside the timing
    await h.close();
    return await fn(dir);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

interface CliRun { wallSeconds: number; importSeconds: number; peakRssMb: number | null }

/** One CLI import; `importSeconds` is the CLI's own figure (file opened to commit), wall adds start-up. */
function runCli(file: string, env: NodeJS.ProcessEnv): CliRun {
  const timed = fs.existsSync(TIME);
  const started = performance.now();
  const r = timed
    ? spawnSync(TIME, ['-f', 'maxrss=%M', TSX, 'scripts/import.ts', 'leads', file], { env, encoding: 'utf8' })
    : spawnSync(TSX, ['scripts/import.ts', 'leads', file], { env, encoding: 'utf8' });
  const wallSeconds = (performance.now() - started) / 1000;
  if (r.status !== 0) throw new Error(`import failed: ${r.stdout}${r.stderr}`);
  const done = /^Done: \d+ rows in ([\d.]+) s/m.exec(r.stdout);
  const kb = /maxrss=(\d+)/.exec(r.stderr ?? '');
  return { wallSeconds, importSeconds: done ? Number(done[1]) : wallSeconds, peakRssMb: kb ? Math.round(Number(kb[1]) / 1024) : null };
}

async function copySeconds(url: string, file: string): Promise<number> {
  const c = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const started = performance.now();
    const sink = await c`copy leads (external_id, created_at, source, first_contacted_at, mql_at, sql_at) from stdin with (format csv, header true)`.writable();
    await pipeline(fs.createReadStream(file), sink);
    return (performance.now() - started) / 1000;
  } finally {
    await c.end();
  }
}

export interface ImportMeasurement {
  db: 'postgres' | 'pglite';
  rows: number;
  runs: number;
  wallSeconds: number;
  importSeconds: number;
  /** Over `importSeconds`. */
  rowsPerSecond: number;
  /** Highest of the runs. */
  peakRssMb: number | null;
  copyRowsPerSecond?: number;
}

export interface ImportBenchReport { date: string; machine: string; postgres: string; command: string; results: ImportMeasurement[] }

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function benchImport(serverUrl: string, opts: {
  sizes: number[]; runs: number; pglite: boolean; command: string; log: (s: string) => void;
}): Promise<ImportBenchReport> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-import-'));
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.DATABASE_READ_URL;
  const results: ImportMeasurement[] = [];
  let version = '';
  try {
    for (const rows of opts.sizes) {
      const file = path.join(tmp, `leads-${rows}.csv`);
      writeLeadsCsv(file, rows);
      // A million rows takes long enough that its run-to-run spread is small: fewer runs.
      const runs = rows >= 500_000 ? Math.min(opts.runs, 2) : opts.runs;
      const pg: CliRun[] = [];
      const copy: number[] = [];
      for (let k = 0; k < runs; k++) {
        pg.push(await withFreshDatabase(serverUrl, async (url) => runCli(file, { ...env, DATABASE_URL: url })));
        copy.push(await withFreshDatabase(serverUrl, async (url) => {
          if (!version) version = await serverVersion(url);
          return copySeconds(url, file);
        }));
        opts.log(`import: ${rows} rows on Postgres in ${pg[k].importSeconds.toFixed(1)} s (COPY ${copy[k].toFixed(1)} s)`);
      }
      results.push(summarize('postgres', rows, pg, rows / median(copy)));
      if (!opts.pglite) continue;
      const lite: CliRun[] = [];
      for (let k = 0; k < runs; k++) {
        const liteEnv = { ...env };
        delete liteEnv.DATABASE_URL;
        lite.push(await withFreshPglite(async (dir) => runCli(file, { ...liteEnv, PGLITE_DATA_DIR: dir })));
        opts.log(`import: ${rows} rows on PGlite in ${lite[k].importSeconds.toFixed(1)} s`);
      }
      results.push(summarize('pglite', rows, lite));
      fs.rmSync(file, { force: true });
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  return { date: new Date().toISOString(), machine: machineInfo(), postgres: version, command: opts.command, results };
}

async function serverVersion(url: string): Promise<string> {
  const c = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const [r] = await c`select current_setting('server_version') as v`;
    return `PostgreSQL ${String(r.v)}`;
  } finally {
    await c.end();
  }
}

function summarize(db: ImportMeasurement['db'], rows: number, runs: CliRun[], copyRowsPerSecond?: number): ImportMeasurement {
  const importSeconds = median(runs.map((r) => r.importSeconds));
  const rss = runs.map((r) => r.peakRssMb).filter((x): x is number => x !== null);
  return {
    db, rows, runs: runs.length, wallSeconds: median(runs.map((r) => r.wallSeconds)), importSeconds,
    rowsPerSecond: rows / importSeconds, peakRssMb: rss.length ? Math.max(...rss) : null, copyRowsPerSecond,
  };
}
