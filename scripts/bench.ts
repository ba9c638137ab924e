// The benchmark (targets: targets.md of the project spec), written to docs/performance.md.
//   npm run bench -- [--scale small|medium|large|xlarge] [--url postgres://…/crm_bench] [--runs 7] [--fresh]
//                    [--only sales,success] [--pglite-dir DIR --pglite-scale small] [--no-write] [--data-note "…"]
//                    [--import-rows 1000,100000,1000000] [--no-import] [--import-only] [--no-import-pglite]
//                    [--render-only] (docs/performance.md again from docs/bench-*.json, nothing measured)
//                    [--save-seconds 20] [--no-save] (record saves timed with and without the summary triggers)
//                    [--growth] (large → xlarge, each dashboard timed on both bench databases in turns; --runs)
// Seeds the scale into a fresh database with the demo seed (`npm run db:seed -- --scale …`), or reuses
// the database when it already holds data. Thin: the work is in scripts/lib/bench.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { openDb, queryRows, type DbHandle } from '@/db/client';
import type { Department } from '@/db/schema/enums';
import { loadPairedGrowth, measurePairedGrowth, pairedGrowthSection, savePairedGrowth } from './lib/bench/growth';
import { PERFORMANCE_NOTES } from './lib/bench/notes';
import { loadRuns, machineInfo, renderPerformance, saveRun, type BenchRun } from './lib/bench/report';
import { runKpiBench, tableSizes } from './lib/bench/run';
import { benchDatabaseUrl, benchScale, ensureDatabase, ensureSeeded } from './lib/bench-db';
import { toDateParam } from '@/lib/kpi/periods';
import { benchImport as runImportBench } from './lib/import-bench';
import { keepHandWritten } from './lib/doc-sections';
import { setSummaryTriggers, summaryRowCounts } from './lib/bench/summaries';
import { startWriter } from './lib/load-writer';
import { loadImportReport, renderImportSection, saveImportReport } from './lib/import-report';

const RESULTS = path.join(process.cwd(), 'docs', 'bench-results.json');
const IMPORT_RESULTS = path.join(process.cwd(), 'docs', 'bench-import.json');
const DOC = path.join(process.cwd(), 'docs', 'performance.md');
const GROWTH_RESULTS = path.join(process.cwd(), 'docs', 'bench-growth.json');
const log = (s: string) => process.stderr.write(`bench: ${s}\n`);

const { values: args } = parseArgs({
  options: {
    scale: { type: 'string', default: 'large' }, url: { type: 'string' }, runs: { type: 'string', default: '7' },
    fresh: { type: 'boolean', default: false }, only: { type: 'string' }, 'pglite-dir': { type: 'string' },
    'no-write': { type: 'boolean', default: false }, 'data-note': { type: 'string' },
    'pglite-scale': { type: 'string', default: 'small' },
    'import-rows': { type: 'string', default: '1000,100000,1000000' }, 'no-import': { type: 'boolean', default: false },
    'import-only': { type: 'boolean', default: false }, 'no-import-pglite': { type: 'boolean', default: false },
    'render-only': { type: 'boolean', default: false },
    'save-seconds': { type: 'string', default: '20' }, 'no-save': { type: 'boolean', default: false },
    growth: { type: 'boolean', default: false },
  },
});
const scale = benchScale(args.scale!, 'bench');
const pgliteScale = benchScale(args['pglite-scale']!, 'bench', 'pglite-scale');
const runs = Math.max(1, Number(args.runs));
const url = args.url ?? benchDatabaseUrl(scale);

// ==== IMPORT SPEED — owned by the import helper ===================================================
// Generated leads files through the CLI on Postgres (against COPY of the same rows) and PGlite, with
// the CLI's peak RSS (scripts/lib/import-bench.ts); the "CSV import" section of docs/performance.md
// (scripts/lib/import-report.ts). --import-rows 1000,100000,1000000, --no-import, --import-only
// (skip the KPI runs), --no-import-pglite. The results are kept in docs/bench-import.json.
async function benchImport(): Promise<void> {
  const sizes = args['import-rows']!.split(',').map((x) => Number(x.replace(/_/g, ''))).filter((x) => x > 0);
  const command = `npm run bench -- ${process.argv.slice(2).join(' ')}`.trim();
  const report = await runImportBench(url, { sizes, runs: Math.min(runs, 3), pglite: !args['no-import-pglite'], command, log });
  if (!args['no-write']) saveImportReport(IMPORT_RESULTS, report);
  else process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
}

/** The one-line import summary of a run, from the import section's largest figure for its database. */
function importSummary(kind: BenchRun['kind']): BenchRun['import'] {
  const pg = loadImportReport(IMPORT_RESULTS)?.results.filter((r) => r.db === kind).sort((a, b) => b.rows - a.rows)[0];
  return pg && { rows: pg.rows, rowsPerSecond: pg.rowsPerSecond, copyRowsPerSecond: pg.copyRowsPerSecond, peakRssMb: pg.peakRssMb ?? undefined, note: 'Details: CSV import, below.' };
}

function writeDoc(all: BenchRun[]): void {
  const old = fs.existsSync(DOC) ? fs.readFileSync(DOC, 'utf8') : null;
  fs.writeFileSync(DOC, keepHandWritten(old, `${renderPerformance(all, PERFORMANCE_NOTES, pairedGrowthSection(loadPairedGrowth(GROWTH_RESULTS)))}\n${renderImportSection(loadImportReport(IMPORT_RESULTS))}`));
  log(`wrote ${path.relative(process.cwd(), DOC)}`);
}
/** docs/performance.md again from the kept results, nothing measured. */
const rewriteDoc = () => writeDoc(loadRuns(RESULTS).map((r) => ({ ...r, import: importSummary(r.kind) })));
// ==== END IMPORT SPEED ============================================================================

async function benchOne(kind: BenchRun['kind'], handle: DbHandle, database: string, seedSeconds?: number, runScale = scale): Promise<BenchRun> {
  const sizes = await tableSizes(handle.db);
  log(`${kind}: ${Object.entries(sizes).map(([t, n]) => `${t}=${n}`).join(' ')}`);
  const only = args.only ? (args.only.split(',') as Department[]) : undefined;
  const { results, periods } = await runKpiBench(handle.db, { runs, log, only });
  const fmt = (p: { from: Date; to: Date }) => `[${toDateParam(p.from)}, ${toDateParam(p.to)})`;
  return {
    id: `${kind}-${runScale}`, kind, scale: runScale, date: new Date().toISOString(), machine: machineInfo(), database, sizes,
    periods: { year: fmt(periods.year), month: fmt(periods.month) }, runs, results,
    import: importSummary(kind), seedSeconds, dataNote: args['data-note'],
  };
}

/**
 * A record save's extra time for the summaries: the load test's writer (deals and tickets through the
 * form path, 10 saves a second) with the summary triggers on, then off, then on again (the summaries
 * are rebuilt, so the database stays exact). Steady state, as a running app's saves are: each phase
 * starts with WARM_UP_SECONDS of saves that are not counted. A connection's first call of a trigger
 * function compiles it (PL/pgSQL keeps the plans per connection): 12.5 ms for the deals' summary
 * trigger, 6.4 for the tickets' (EXPLAIN ANALYZE, large, 2026-12-02), once per pool connection in its
 * 30–60 minute life (postgres.js's max_lifetime), and the first saves also read the pages they touch
 * into memory. Without the warm-up those first saves were the p95 of the "with" phase, measured first:
 * three 15-second rounds of the writer on one pool at large gave p95 25.2, 16.8 and 12.6 ms.
 */
const WARM_UP_SECONDS = 10;

async function saveOverhead(handle: DbHandle): Promise<BenchRun['saveOverhead']> {
  const seconds = Math.max(5, Number(args['save-seconds']));
  const measure = async () => {
    const warm = startWriter(handle.db, 10, log);
    await new Promise((r) => setTimeout(r, WARM_UP_SECONDS * 1000));
    await warm.stop();
    const w = startWriter(handle.db, 10, log);
    await new Promise((r) => setTimeout(r, seconds * 1000));
    const s = await w.stop();
    log(`saves: ${s.saved} saved, ${s.failed} failed, p50 ${s.latency.p50.toFixed(1)} ms, p95 ${s.latency.p95.toFixed(1)} ms`);
    return { requests: s.latency.requests, p50: s.latency.p50, p95: s.latency.p95 };
  };
  const withOn = await measure();
  await setSummaryTriggers(handle.db, false);
  let without;
  try {
    without = await measure();
  } finally {
    await setSummaryTriggers(handle.db, true);
  }
  return { with: withOn, without, note: `${seconds} s each at 10 saves/s after ${WARM_UP_SECONDS} s of saves not counted (the connections' trigger plans compiled), one after the other on the shared 2-core machine.` };
}

/** --growth: large → xlarge timed in turns on both bench databases (scripts/lib/bench/growth.ts). */
async function benchGrowth(): Promise<void> {
  const [a, b] = await Promise.all([openDb({ url: benchDatabaseUrl('large'), max: 10 }), openDb({ url: benchDatabaseUrl('xlarge'), max: 10 })]);
  try {
    for (const [h, s] of [[a, 'large'], [b, 'xlarge']] as const) {
      if ((await tableSizes(h.db)).accounts === 0) throw new Error(`the ${s} bench database is empty: run npm run bench -- --scale ${s} first`);
    }
    const rows = await measurePairedGrowth(a.db, b.db, { runs, log });
    const g = { date: new Date().toISOString(), machine: machineInfo(), from: 'large', to: 'xlarge', runs, rows };
    if (args['no-write']) process.stdout.write(`${JSON.stringify(g, null, 2)}\n`);
    else savePairedGrowth(GROWTH_RESULTS, g);
  } finally {
    await Promise.all([a.close(), b.close()]);
  }
}

async function main(): Promise<void> {
  if (args.growth) {
    await benchGrowth();
    if (!args['no-write']) rewriteDoc();
    return;
  }
  if (args['import-only'] || args['render-only']) {
    if (!args['render-only']) await benchImport();
    if (!args['no-write']) rewriteDoc();
    return;
  }
  if (!args['no-import']) await benchImport();
  const collected: BenchRun[] = [];
  await ensureDatabase(url, args.fresh!, log);
  const pg = await openDb({ url, max: 10 });
  try {
    const seedSeconds = await ensureSeeded(pg, scale, { ...process.env, DATABASE_URL: url }, log);
    const [v] = await queryRows<{ v: string }>(pg.db, sql`select current_setting('server_version') as v`);
    const run = await benchOne('postgres', pg, `PostgreSQL ${v.v} (postgres.js, pool of 10, jit off)`, seedSeconds);
    run.summaryRows = await summaryRowCounts(pg.db);
    if (!args['no-save']) run.saveOverhead = await saveOverhead(pg);
    collected.push(run);
  } finally {
    await pg.close();
  }
  if (args['pglite-dir']) {
    const lite = await openDb({ dataDir: path.resolve(args['pglite-dir']) });
    try {
      // The PGlite folder is prepared beforehand (PGLITE_DATA_DIR=DIR npm run db:seed -- --scale small).
      collected.push(await benchOne('pglite', lite, 'PGlite (embedded, one connection)', undefined, pgliteScale));
    } finally {
      await lite.close();
    }
  }
  if (args['no-write']) {
    process.stdout.write(`${JSON.stringify(collected, null, 2)}\n`);
    return;
  }
  let all = loadRuns(RESULTS);
  for (const r of collected) all = saveRun(RESULTS, r);
  writeDoc(all);
}

main().catch((err: unknown) => {
  log(err instanceof Error ? err.message : String(err));
  process.exitCode = 1;
});
