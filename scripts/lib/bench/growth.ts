// Growth of dashboard time from large to xlarge (targets.md: ≤ 2×), timed as a ratio should be on a
// shared machine: both databases open at once, each view timed on one scale then the other, in turns,
// in the same minute. Two separate `npm run bench` runs (one per scale, half an hour or more apart)
// divide two medians of 5–25 ms views taken under different machine load: on 2026-12-03 they put
// sales' year at 2.94× (8.2 ms at 11:54, 24.1 ms at 12:36) while the same view timed right after on
// both databases took 12.1–19.7 ms at large and 16.4–19.1 ms at xlarge.
//   npm run bench -- --growth   (the bench databases of large and xlarge, seeded beforehand)
import { trustedView } from '@/lib/access';
import type { QueryDb } from '@/db/client';
import { DEPARTMENTS, type Department } from '@/db/schema/enums';
import { computeKpisWithPrevious } from '@/lib/kpi/engine';
import { DASHBOARDS } from '@/lib/kpi/registry';
import { readJsonFile, writeJsonFile } from '../json-file';
import { benchPeriods, median } from './run';

export type GrowthGroup = 'dashboard-year' | 'dashboard-month';

export interface PairedGrowthRow {
  what: Department;
  group: GrowthGroup;
  fromMs: number;
  toMs: number;
}

export interface PairedGrowth {
  date: string;
  machine: string;
  from: string;
  to: string;
  /** Timed runs of each view on each scale (after one warm-up each). */
  runs: number;
  rows: PairedGrowthRow[];
}

/**
 * Medians of `a` and `b`, timed in turns after one warm-up each: A B, then B A, … so neither always
 * runs second (the one after may find the machine's caches in the other's favour).
 */
export async function pairedMedians(
  a: () => Promise<unknown>, b: () => Promise<unknown>, runs: number, now: () => number = () => performance.now(),
): Promise<[number, number]> {
  await a();
  await b();
  const ta: number[] = [];
  const tb: number[] = [];
  for (let i = 0; i < runs; i++) {
    const order: [() => Promise<unknown>, number[]][] = i % 2 === 0 ? [[a, ta], [b, tb]] : [[b, tb], [a, ta]];
    for (const [fn, out] of order) {
      const t = now();
      await fn();
      out.push(now() - t);
    }
  }
  return [median(ta), median(tb)];
}

/** Every department dashboard, a year and a month (each database's own bench periods), on both. */
export async function measurePairedGrowth(
  from: QueryDb, to: QueryDb, opts: { runs: number; log?: (s: string) => void },
): Promise<PairedGrowthRow[]> {
  const [pa, pb] = await Promise.all([benchPeriods(from), benchPeriods(to)]);
  const [va, vb] = await Promise.all([trustedView(from), trustedView(to)]);
  const rows: PairedGrowthRow[] = [];
  for (const dept of DEPARTMENTS) {
    const keys = DASHBOARDS[dept];
    for (const [group, which] of [['dashboard-year', 'year'], ['dashboard-month', 'month']] as const) {
      const [fromMs, toMs] = await pairedMedians(
        () => computeKpisWithPrevious(from, va, { ...pa[which], keys }),
        () => computeKpisWithPrevious(to, vb, { ...pb[which], keys }),
        opts.runs,
      );
      rows.push({ what: dept, group, fromMs, toMs });
      opts.log?.(`growth ${group} ${dept}: ${fromMs.toFixed(1)} → ${toMs.toFixed(1)} ms (${(toMs / fromMs).toFixed(2)}×)`);
    }
  }
  return rows;
}

export const loadPairedGrowth = (file: string) => readJsonFile<PairedGrowth>(file);

export const savePairedGrowth = (file: string, g: PairedGrowth) => writeJsonFile(file, g);

const fmt = (v: number) => (v >= 100 ? v.toFixed(0) : v.toFixed(1));

/** The "timed in turns" table of docs/performance.md's growth section. */
export function pairedGrowthSection(g: PairedGrowth | null): string {
  if (!g) return '';
  const over = g.rows.filter((r) => r.toMs / r.fromMs > 2);
  return [
    `### ${g.from} → ${g.to}, timed in turns (target ≤ 2×)`, '',
    `Measured ${g.date.slice(0, 16).replace('T', ' ')} UTC with \`npm run bench -- --growth\` on ${g.machine}: both databases open, each`,
    `dashboard timed on ${g.from}, then on ${g.to}, in turns (medians of ${g.runs} runs each after one warm-up), so the two medians share`,
    `the machine's load. ${over.length ? `**${over.length} of ${g.rows.length} over 2×.**` : `**All ${g.rows.length} within 2×.**`}`, '',
    `| dashboard | ${g.from} ms | ${g.to} ms | growth | target ≤ 2× |`, '|---|---:|---:|---:|---|',
    ...g.rows.map((r) => {
      const x = r.toMs / r.fromMs;
      return `| ${r.what} (${r.group.replace('dashboard-', '')}) | ${fmt(r.fromMs)} | ${fmt(r.toMs)} | ${x.toFixed(2)}× | ${x <= 2 ? 'ok' : 'over'} |`;
    }),
    '',
  ].join('\n');
}
