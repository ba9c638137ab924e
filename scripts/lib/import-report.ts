// The "CSV import" section of docs/performance.md, from the last import benchmark (kept in
// docs/bench-import.json so a KPI-only bench run re-renders it unchanged).
import fs from 'node:fs';
import type { ImportBenchReport, ImportMeasurement } from './import-bench';

/** targets.md: "CSV import through the CLI on Postgres ≥ 50k rows/s", "1M-row file: peak RSS ≤ 300 MB, flat". */
const TARGET_ROWS_PER_SECOND = 50_000;
const TARGET_RSS_MB = 300;

export function loadImportReport(file: string): ImportBenchReport | null {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as ImportBenchReport;
  } catch {
    return null;
  }
}

export function saveImportReport(file: string, report: ImportBenchReport): void {
  fs.writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
}

const n = (v: number) => Math.round(v).toLocaleString('en-US');
const s = (v: number) => (v >= 10 ? v.toFixed(0) : v.toFixed(1));

const HOW = `How it works and what bounds it (lib/import):

- **Streaming, constant memory.** The file is read in 256 KB chunks, decoded (strict UTF-8) and parsed
  by csv-parse as a stream; rows are validated by the entity's zod schema and written in batches of
  5,000, two batches in flight. Nothing proportional to the file is held except the duplicate-key
  check (a packed hash set of the \`external_id\`s seen, about 24 bytes per row, so a million rows add
  roughly 25-40 MB); errors are capped in detail (counted beyond).
- **One statement per batch.** A batch is one compact JSON literal (short keys, empty cells omitted)
  expanded by \`json_to_recordset\`, references resolved by joins, and \`INSERT … ON CONFLICT DO UPDATE …
  WHERE (…) IS DISTINCT FROM (…)\`, so inserted / updated / unchanged are exact and a re-import writes
  nothing. All batches of all files share one transaction: any error and nothing is written.
- **Why not COPY speed: Postgres sets the pace.** COPY only loads; the import also upserts (the JSON
  expansion, the reference joins, the conflict check) and the summary triggers maintain the lead
  tables in the same statements. A CPU profile of a 300,000-row import (2026-12-01, quiet machine)
  has the CLI idle 67 % of the time, waiting for Postgres; its parsing and validation are about a
  third of the wall time and overlap the database's work (two batches in flight). The same file: 26.3k
  rows/s with every trigger, 39.4k with the leads' triggers off (the summaries cost about a third),
  26.3k with only migration 0010's owner notices off (nothing measurable). A million rows go slower
  than 300,000 (17.5k rows/s): the indexes and the summary rows grow with the table.
- **History.** Before batches went out as statement text with two in flight (and the parse loop
  yielded to I/O), Postgres idled between batches: 22,500 rows/s at a million rows, peak RSS 253 MB
  (before the summaries). With the summary triggers (issue 14) a million rows went from 26.6k to
  12.5–15k rows/s on a busy machine and 17.5k on a quiet one (this table).
- **PGlite** runs Postgres compiled to WebAssembly inside the Node process: one thread does both
  sides, and the WebAssembly instance alone takes about 450 MB of RSS (the figure for 1,000 rows).`;

function verdicts(r: ImportBenchReport): string[] {
  const pg = r.results.filter((x) => x.db === 'postgres').sort((a, b) => a.rows - b.rows);
  if (!pg.length) return [];
  const big = pg[pg.length - 1];
  const out: string[] = [];
  const speed = big.rowsPerSecond >= TARGET_ROWS_PER_SECOND
    ? 'met'
    : `missed by ${n(TARGET_ROWS_PER_SECOND - big.rowsPerSecond)} rows/s (${Math.round((100 * big.rowsPerSecond) / TARGET_ROWS_PER_SECOND)}% of the target)`;
  out.push(`- Speed on Postgres, ${n(big.rows)} rows: ${n(big.rowsPerSecond)} rows/s against the target of ≥ ${n(TARGET_ROWS_PER_SECOND)}: **${speed}**.` +
    (big.copyRowsPerSecond ? ` COPY of the same file: ${n(big.copyRowsPerSecond)} rows/s (the import takes ${(big.copyRowsPerSecond / big.rowsPerSecond).toFixed(1)}× as long).` : ''));
  if (big.peakRssMb !== null) {
    const mid = pg.find((x) => x.rows === big.rows / 10);
    const growth = mid?.peakRssMb != null ? ` (${n(mid.rows)} rows: ${mid.peakRssMb} MB, so ${big.peakRssMb - mid.peakRssMb} MB more for ${n(big.rows - mid.rows)} more rows)` : '';
    out.push(`- Memory on Postgres, ${n(big.rows)} rows: peak RSS ${big.peakRssMb} MB against ≤ ${TARGET_RSS_MB} MB: **${big.peakRssMb <= TARGET_RSS_MB ? 'met' : 'missed'}**${growth}.`);
  }
  const lite = r.results.filter((x) => x.db === 'pglite').sort((a, b) => a.rows - b.rows);
  if (lite.length > 1 && lite[0].peakRssMb !== null && lite[lite.length - 1].peakRssMb !== null) {
    out.push(`- PGlite (reported beside): ${n(lite[lite.length - 1].rowsPerSecond)} rows/s at ${n(lite[lite.length - 1].rows)} rows; peak RSS ${lite.map((x) => `${x.peakRssMb} MB at ${n(x.rows)}`).join(', ')}: flat above the WebAssembly instance, and over the 300 MB bar because of it.`);
  }
  return out;
}

function row(x: ImportMeasurement): string {
  return `| ${x.db === 'postgres' ? 'Postgres' : 'PGlite'} | ${n(x.rows)} | ${x.runs} | ${s(x.wallSeconds)} | ${s(x.importSeconds)} | ${n(x.rowsPerSecond)} | ${x.copyRowsPerSecond ? n(x.copyRowsPerSecond) : '—'} | ${x.peakRssMb ?? '—'} |`;
}

export function renderImportSection(r: ImportBenchReport | null): string {
  if (!r) return '## CSV import\n\nNot measured yet: `npm run bench -- --import-only`.\n';
  const results = [...r.results].sort((a, b) => (a.db === b.db ? a.rows - b.rows : a.db === 'postgres' ? -1 : 1));
  return [
    '## CSV import',
    '',
    `Measured ${r.date.slice(0, 10)} with \`${r.command}\` (scripts/lib/import-bench.ts). Machine: ${r.machine}. Database: ${r.postgres || 'Postgres'} (local, default settings) and PGlite.`,
    '',
    'Each run imports a generated leads file (`npx tsx scripts/gen-csv.ts <rows> leads.csv`: six columns, no references) the',
    'way `/usr/bin/time -v npm run import -- leads leads.csv` does, into a fresh, migrated database. "import s" is the CLI\'s own',
    'figure (file opened to commit) and gives rows/s; "wall s" adds starting Node and opening the database. Peak RSS is',
    'the CLI process\'s maximum resident set size; times are medians of the runs. The machine is shared with other',
    'builds and tests, so single runs vary by ±20%.',
    '',
    '| database | rows | runs | wall s | import s | rows/s | COPY rows/s | peak RSS MB |',
    '|---|---:|---:|---:|---:|---:|---:|---:|',
    ...results.map(row),
    '',
    ...verdicts(r),
    '',
    HOW,
    '',
  ].join('\n');
}
