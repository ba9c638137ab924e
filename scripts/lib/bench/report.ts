// docs/performance.md from the benchmark runs kept in docs/bench-results.json (one entry per
// database kind and scale, the newest replacing the older), so runs at several scales add up.
import os from 'node:os';
import { readJsonFile, writeJsonFile } from '../json-file';
import type { BenchResult } from './run';

export interface BenchRun {
  id: string;
  kind: 'postgres' | 'pglite';
  scale: string;
  date: string;
  machine: string;
  database: string;
  sizes: Record<string, number>;
  periods: { year: string; month: string };
  runs: number;
  results: BenchResult[];
  /** Filled by the import benchmark (see scripts/bench.ts). */
  import?: { rows: number; rowsPerSecond: number; copyRowsPerSecond?: number; peakRssMb?: number; note?: string };
  seedSeconds?: number;
  /** Where the data came from, when not the demo seed. */
  dataNote?: string;
  /** Rows of each exact summary and the records they summarise. */
  summaryRows?: { table: string; rows: number; records: number }[];
  /** saveRecord's time (deals and tickets through the form path), with and without the summary triggers. */
  saveOverhead?: { with: { requests: number; p50: number; p95: number }; without: { requests: number; p50: number; p95: number }; note: string };
}

export function machineInfo(): string {
  const cpus = os.cpus();
  return `${cpus.length} × ${cpus[0]?.model ?? 'unknown CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB RAM, ${os.type()} ${os.release()}, Node ${process.version}`;
}

export function loadRuns(file: string): BenchRun[] {
  return readJsonFile<BenchRun[]>(file) ?? [];
}

export function saveRun(file: string, run: BenchRun): BenchRun[] {
  const order = (r: BenchRun) => `${r.kind === 'postgres' ? 0 : 1}${['small', 'medium', 'large', 'xlarge'].indexOf(r.scale)}`;
  const runs = [...loadRuns(file).filter((r) => r.id !== run.id), run].sort((a, b) => order(a).localeCompare(order(b)));
  writeJsonFile(file, runs);
  return runs;
}

const ms = (v: number) => (v >= 100 ? v.toFixed(0) : v.toFixed(1));
const GROUPS: [BenchResult['group'], string][] = [
  ['dashboard-year', 'Department dashboard, one year (all its KPIs + previous period)'],
  ['dashboard-month', 'Department dashboard, one month'],
  ['kpi-page', 'KPI page (value + previous, 12-month trend, one breakdown)'],
  ['drill-down', 'Drill-down first page (50 rows, sorted, with total)'],
];

function runSection(r: BenchRun): string {
  const lines = [`### ${r.kind} · ${r.scale} (${r.date.slice(0, 10)})`, '',
    `Machine: ${r.machine}. Database: ${r.database}. Medians of ${r.runs} runs after one warm-up.`,
    `Periods: year ${r.periods.year}, month ${r.periods.month}.`, '',
    ...(r.dataNote ? [`Data: ${r.dataNote}`, ''] : []),
    `Rows: ${Object.entries(r.sizes).map(([t, n]) => `${t} ${n.toLocaleString('en-US')}`).join(', ')}.`, ''];
  if (r.seedSeconds != null) lines.push(`Seed time: ${r.seedSeconds.toFixed(0)} s.`, '');
  for (const [group, title] of GROUPS) {
    const rows = r.results.filter((x) => x.group === group);
    if (!rows.length) continue;
    lines.push(`**${title}**`, '', '| what | engine ms | without summaries ms | hand-written SQL ms | ratio | target | verdict |', '|---|---:|---:|---:|---:|---:|---|');
    for (const x of rows) {
      const verdict = [x.targetMs == null ? '' : x.engineMs <= x.targetMs ? 'time ok' : `time over by ${ms(x.engineMs - x.targetMs)} ms`,
        x.group.startsWith('dashboard') ? (x.ratio <= 1.5 ? 'ratio ok' : 'ratio over 1.5') : '',
        x.mismatches ? `**${x.mismatches.length} value differences**` : ''].filter(Boolean).join(', ');
      lines.push(`| ${x.what} | ${ms(x.engineMs)} | ${x.rawMs == null ? '—' : ms(x.rawMs)} | ${ms(x.baselineMs)} | ${x.ratio.toFixed(2)} | ${x.targetMs ?? '—'} | ${verdict} |`);
    }
    lines.push('');
  }
  if (r.summaryRows) {
    lines.push('**Exact summaries: rows and compression**', '', '| summary | rows | records summarised | records per row |', '|---|---:|---:|---:|');
    for (const t of r.summaryRows) lines.push(`| ${t.table} | ${t.rows.toLocaleString('en-US')} | ${t.records.toLocaleString('en-US')} | ${t.rows ? (t.records / t.rows).toFixed(1) : '—'} |`);
    lines.push('');
  }
  if (r.saveOverhead) {
    const o = r.saveOverhead;
    lines.push('**Record save with and without the summary triggers (saveRecord, deals and tickets)**', '',
      '| | saves | p50 ms | p95 ms |', '|---|---:|---:|---:|',
      `| with summaries | ${o.with.requests} | ${ms(o.with.p50)} | ${ms(o.with.p95)} |`,
      `| without | ${o.without.requests} | ${ms(o.without.p50)} | ${ms(o.without.p95)} |`, '',
      `Extra time at p95: ${ms(o.with.p95 - o.without.p95)} ms (target ≤ 5 ms). ${o.note}`, '');
  }
  lines.push('**CSV import (through the CLI)**', '');
  lines.push(r.import
    ? `${r.import.rows.toLocaleString('en-US')} rows at ${Math.round(r.import.rowsPerSecond).toLocaleString('en-US')} rows/s${r.import.copyRowsPerSecond ? ` (COPY: ${Math.round(r.import.copyRowsPerSecond).toLocaleString('en-US')} rows/s)` : ''}${r.import.peakRssMb ? `, peak RSS ${r.import.peakRssMb} MB` : ''}. ${r.import.note ?? ''}`
    : 'Not measured in this run (the import section of scripts/bench.ts).');
  lines.push('');
  return lines.join('\n');
}

/**
 * Dashboard time from one scale to the next (10× the rows), for the Postgres runs kept. The target
 * (≤ 2×) is large → xlarge. A ratio of two runs on different machines, or days apart, mixes the
 * machines' speeds with the growth: said above the table, as it is.
 */
export function growthSection(runs: readonly BenchRun[]): string {
  const pg = (scale: string) => runs.find((r) => r.kind === 'postgres' && r.scale === scale);
  const out: string[] = [];
  for (const [from, to] of [['large', 'xlarge'], ['medium', 'large']] as const) {
    const a = pg(from);
    const b = pg(to);
    if (!a || !b) continue;
    const sameMachine = a.machine === b.machine;
    const hours = Math.abs(Date.parse(b.date) - Date.parse(a.date)) / 3_600_000;
    out.push(`### ${from} → ${to}${from === 'large' ? ' (target ≤ 2×)' : ''}`, '',
      `${from} measured ${a.date.slice(0, 16).replace('T', ' ')} UTC, ${to} ${b.date.slice(0, 16).replace('T', ' ')} UTC` +
      (sameMachine ? ` on the same machine${hours > 2 ? `, ${hours.toFixed(0)} hours apart (the shared machine's speed moves in between)` : ''}.`
        : `, **on different machines** (${a.machine}; ${b.machine}): the ratio mixes their speeds and is not a measure of growth until both are measured on one machine.`),
      '', `| dashboard | ${from} ms | ${to} ms | growth | ${from === 'large' ? 'target ≤ 2×' : 'for information'} |`, '|---|---:|---:|---:|---|');
    for (const x of b.results.filter((r) => r.group.startsWith('dashboard'))) {
      const m = a.results.find((r) => r.group === x.group && r.what === x.what);
      if (!m) continue;
      const g = x.engineMs / m.engineMs;
      const verdict = from !== 'large' ? '' : !sameMachine ? 'not comparable' : g <= 2 ? 'ok' : 'over';
      out.push(`| ${x.what} (${x.group.replace('dashboard-', '')}) | ${ms(m.engineMs)} | ${ms(x.engineMs)} | ${g.toFixed(2)}× | ${verdict} |`);
    }
    out.push('');
  }
  return out.length ? out.join('\n') : 'Needs Postgres runs of two scales (`npm run bench -- --scale large`, then `--scale xlarge`).\n';
}

/** `growthInTurns`: the paired growth table (scripts/lib/bench/growth.ts), rendered after the per-run one. */
export function renderPerformance(runs: BenchRun[], notes: string, growthInTurns = ''): string {
  return [
    '# Performance',
    '',
    'Written by `npm run bench` (scripts/bench.ts, scripts/lib/bench). Targets: targets.md of the project spec. The',
    '"hand-written SQL" column is the fastest SQL we could write by hand for the same numbers (scripts/lib/bench/',
    'baselines.ts and pages.ts); the bench checks it returns the same values as the engine before timing.',
    '',
    notes,
    '',
    '## Results',
    '',
    ...runs.map(runSection),
    '## Growth with the data',
    '',
    growthSection(runs),
    ...(growthInTurns ? [growthInTurns] : []),
  ].join('\n');
}
