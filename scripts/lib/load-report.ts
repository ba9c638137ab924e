// The report of `npm run bench:load`: one run per (scale, instances, writes per second, pace), kept in
// docs/bench-load.json and rendered into the "Dashboard under load" section of docs/performance.md
// beside targets.md's targets (medium ≥ 40 pages/s, large ≥ 30 pages/s, p95 ≤ 1 s, 0 errors, one
// instance, 2 writes a second).
import { summarize, type LatencySummary, type Sample } from './load-test';
import type { WriteStats } from './load-writer';

export interface LoadReport {
  date: string;
  /** The commit the server was built from (`+dirty`: with uncommitted changes in the working tree). */
  commit: string;
  machine: string;
  database: string;
  scale: string;
  /** Distinct seeded users signed in, one virtual user each, by role. */
  users: number;
  roles: Record<string, number>;
  seconds: number;
  /** How many server processes (`next start`) shared the users. */
  instances: number;
  /** /proc/loadavg's 1-minute average before and after the measured window (other work on the machine). */
  loadAvg: { before: number | null; after: number | null };
  /** CPU the server processes got during the measured window, in cores (1 = one core all the time). */
  serverCpuShare?: number | null;
  /** CPU this database's backends (the servers' connections, the writer's) got during the window, in cores. */
  dbCpuShare?: number | null;
  /** Records saved a second through the app's write path during the run (0: read-only load). */
  writesPerSecond: number;
  writes: WriteStats | null;
  /**
   * Pages a second the users together were paced at (lib/load-test.ts runLoad), or null/absent: none,
   * each user opening the next page as soon as the last arrived.
   */
  pace?: number | null;
  /** Pages finished per second over the whole run. */
  throughput: number;
  overall: LatencySummary;
  byGroup: (LatencySummary & { name: string })[];
  /** The pages with the highest median (at least 3 requests), to say where the time went. */
  slowest?: (LatencySummary & { path: string })[];
  /** Error reasons and how often each happened (empty when there were none). */
  errorKinds: Record<string, number>;
  /** Peak resident memory of the Next.js servers together during the run, when it could be read. */
  serverPeakRssMb: number | null;
  command: string;
}

/** targets.md "Under load": pages a second by scale; p95 and errors are the same for every scale. */
export const LOAD_TARGETS: Record<string, number> = { medium: 40, large: 30 };
export const P95_TARGET_MS = 1000;

export function buildReport(
  samples: readonly Sample[],
  meta: Omit<LoadReport, 'throughput' | 'overall' | 'byGroup' | 'slowest' | 'errorKinds'>,
): LoadReport {
  const errorKinds: Record<string, number> = {};
  for (const s of samples) if (s.error) errorKinds[s.error] = (errorKinds[s.error] ?? 0) + 1;
  const groups = [...new Set(samples.map((s) => s.group))].sort();
  return {
    ...meta,
    throughput: samples.length / meta.seconds,
    overall: summarize(samples),
    byGroup: groups.map((name) => ({ name, ...summarize(samples.filter((s) => s.group === name)) })),
    slowest: [...new Set(samples.map((s) => s.path))].map((path) => ({ path, ...summarize(samples.filter((s) => s.path === path)) }))
      .filter((p) => p.requests >= 3).sort((a, b) => b.p50 - a.p50).slice(0, 5),
    errorKinds,
  };
}

const ms = (v: number) => (Number.isNaN(v) ? '–' : v >= 100 ? v.toFixed(0) : v.toFixed(1));
/** CPU milliseconds a page took from `cores` of CPU over the run. */
const perPage = (cores: number, r: LoadReport) => (r.throughput > 0 ? ((cores * 1000) / r.throughput).toFixed(0) : '–');
const cores = (v: number | null | undefined) => (v == null ? '?' : v.toFixed(2));
const load = (v: number | null) => (v == null ? '?' : v.toFixed(1));

/** What missed the targets, by how much (empty: all met). */
export function misses(r: LoadReport): string[] {
  const out: string[] = [];
  const pagesTarget = LOAD_TARGETS[r.scale];
  if (pagesTarget != null && r.throughput < pagesTarget) out.push(`${r.throughput.toFixed(1)} pages/s is ${(pagesTarget - r.throughput).toFixed(1)} short of ${pagesTarget} (${((1 - r.throughput / pagesTarget) * 100).toFixed(0)} %)`);
  if (r.overall.p95 > P95_TARGET_MS) out.push(`p95 ${ms(r.overall.p95)} ms is ${ms(r.overall.p95 - P95_TARGET_MS)} ms over 1 s (${(r.overall.p95 / P95_TARGET_MS).toFixed(2)}×)`);
  if (r.overall.errors > 0) out.push(`${r.overall.errors} errors, not 0`);
  if (r.writesPerSecond && r.writes && r.writes.achievedPerSecond < r.writesPerSecond * 0.95) out.push(`writes ${r.writes.achievedPerSecond.toFixed(2)}/s of ${r.writesPerSecond}/s asked`);
  return out;
}

function writesLine(r: LoadReport): string {
  const w = r.writes;
  if (!w) return 'No writes during the run.';
  return `Writes: ${w.saved} saved (${w.created} created) in ${r.seconds} s = **${w.achievedPerSecond.toFixed(2)}/s** of ${w.requestedPerSecond}/s asked, ` +
    `${w.failed} failed, ${w.skipped} ticks skipped${w.refusedOwner ? `, ${w.refusedOwner} updates refused to the owner (a reference out of their scope) and saved by an admin` : ''}; save latency (saveRecord) p50 ${ms(w.latency.p50)} ms, p95 ${ms(w.latency.p95)} ms, max ${ms(w.latency.max)} ms.` +
    (w.failed ? ` Failures: ${Object.entries(w.failures).map(([k, n]) => `${k} × ${n}`).join('; ')}.` : '');
}

/** One run's paragraph and table. */
export function renderLoadRun(r: LoadReport): string {
  const missed = misses(r);
  const procs = r.instances === 1 ? 'one server process' : `${r.instances} server processes`;
  const roles = Object.entries(r.roles).map(([k, n]) => `${n} ${k}s`).join(', ');
  const lines = [
    `### ${r.scale}, ${r.writesPerSecond ? `${r.writesPerSecond} writes/s` : 'no writes'}, ${procs}${r.pace ? `, paced at ${r.pace} pages/s` : ''}`,
    '',
    ...(r.pace ? [`Paced: each user opened a page every ${(r.users / r.pace).toFixed(2)} s (the ${r.users} users together ${r.pace} pages a second, their starts spread evenly), never two at a time: the p95 is the wait at that rate, not behind every other user's page.`, ''] : []),
    `Measured ${r.date.slice(0, 16).replace('T', ' ')} UTC at commit \`${r.commit}\` with \`${r.command}\` on ${r.machine}; ${r.database}. ` +
      `Load average (1 min) ${load(r.loadAvg.before)} before, ${load(r.loadAvg.after)} after: other work shared the 2 cores, so the figures are noisy` +
      `${r.serverCpuShare != null ? `; the server got ${r.serverCpuShare.toFixed(2)} of a core (${perPage(r.serverCpuShare, r)} ms of server CPU a page)` : ''}` +
      `${r.dbCpuShare != null ? `, PostgreSQL ${r.dbCpuShare.toFixed(2)} for this database (${perPage(r.dbCpuShare, r)} ms a page)` : ''}.`,
    '',
    `**${r.users} users (${roles}) for ${r.seconds} s: ${r.throughput.toFixed(1)} pages/s, p95 ${ms(r.overall.p95)} ms, p50 ${ms(r.overall.p50)} ms, ${r.overall.errors} errors — ` +
      `${missed.length ? `target missed: ${missed.join('; ')}` : 'target met'}.** ` +
      `${r.overall.requests.toLocaleString('en-US')} pages; p99 ${ms(r.overall.p99)} ms, max ${ms(r.overall.max)} ms` +
      `${r.serverPeakRssMb != null ? `; peak RSS ${r.serverPeakRssMb.toFixed(0)} MB` : ''}.`,
    '',
    writesLine(r),
    '',
    '| pages | requests | errors | p50 ms | p95 ms | p99 ms | max ms |',
    '|---|---:|---:|---:|---:|---:|---:|',
    ...r.byGroup.map((t) => `| ${t.name} | ${t.requests} | ${t.errors} | ${ms(t.p50)} | ${ms(t.p95)} | ${ms(t.p99)} | ${ms(t.max)} |`),
    '',
  ];
  if (r.slowest?.length) lines.push(`Slowest pages by median: ${r.slowest.map((p) => `\`${p.path}\` ${ms(p.p50)} ms (${p.requests})`).join(', ')}.`, '');
  const kinds = Object.entries(r.errorKinds);
  if (kinds.length) lines.push(`Errors: ${kinds.map(([k, n]) => `${k} × ${n}`).join('; ')}.`, '');
  return lines.join('\n');
}

/** The summary table: each run's figures beside the targets. */
function summaryTable(runs: readonly LoadReport[]): string[] {
  return [
    '| scale | writes/s asked (achieved) | users | paced at (pages/s) | pages/s (target) | p95 ms (≤ 1,000) | p50 ms | errors (0) | save p50 / p95 ms | load avg | CPU cores: server / db | commit |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|',
    ...runs.map((r) => `| ${r.scale}${r.instances > 1 ? ` × ${r.instances} instances` : ''} | ${r.writesPerSecond}${r.writes ? ` (${r.writes.achievedPerSecond.toFixed(2)})` : ''} | ${r.users} | ${r.pace ?? '– (no think time)'} | ` +
      `${r.throughput.toFixed(1)} (≥ ${LOAD_TARGETS[r.scale] ?? '–'}) | ${ms(r.overall.p95)} | ${ms(r.overall.p50)} | ${r.overall.errors} | ` +
      `${r.writes ? `${ms(r.writes.latency.p50)} / ${ms(r.writes.latency.p95)}` : '–'} | ${load(r.loadAvg.before)} → ${load(r.loadAvg.after)} | ${cores(r.serverCpuShare)} / ${cores(r.dbCpuShare)} | \`${r.commit}\` |`),
    '',
  ];
}

/** Scales from small to large (an unknown one last). */
const scaleRank = (scale: string) => { const i = ['small', 'medium', 'large', 'xlarge'].indexOf(scale); return i < 0 ? 99 : i; };

/** The "Dashboard under load" section of docs/performance.md: the targets, every run measured, then the notes. */
export function renderLoadSection(runs: readonly LoadReport[], notes: string): string {
  const heading = '## Dashboard under load';
  const target = 'Target (targets.md "Under load"): every active seeded user signed in as themselves, on their own default ' +
    'dashboard and KPI pages in a closed loop, while 2 records a second (a deal and a ticket, alternately) are saved ' +
    'through the app\'s write path; one server process: **medium ≥ 40 pages/s, large ≥ 30 pages/s, p95 ≤ 1 s, 0 errors**.';
  if (!runs.length) return `${heading}\n\n${target}\n\nNot measured yet: \`npm run bench:load\`.\n`;
  const sorted = [...runs].sort((a, b) => scaleRank(a.scale) - scaleRank(b.scale) || a.instances - b.instances || a.writesPerSecond - b.writesPerSecond || (a.pace ?? 0) - (b.pace ?? 0));
  const lines = [heading, '', target, '', ...summaryTable(sorted)];
  for (const r of sorted) lines.push(renderLoadRun(r));
  if (notes.trim()) lines.push(notes.trim(), '');
  return lines.join('\n');
}
