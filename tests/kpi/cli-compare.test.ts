// [KPI][CLI][COMPARE] `kpis --compare-from/--compare-to`: the growth KPIs compare with the named
// period. The expected growth is summed here straight from the golden CSV rows (won deals by
// closed_at, orders by ordered_at), independent of the engine, for a month-to-date, a
// quarter-to-date, a year-to-date and a year-over-year view; the periods are the presets' own.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb } from '@/db/client';
import { comparedPeriod, presetPeriod, toDateParam, type PeriodPreset } from '@/lib/kpi';
import { createTestDb, type TestDb } from '@/tests/helpers/test-db';
import { GOLDEN_DIR, expectClose, importGolden } from './golden-data';

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
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'crm-kpis-compare-'));
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

// ---- the reference: sums over the CSV rows, as the data contract reads them -------------------------
type Row = Record<string, string>;
const csv = (name: string) => parse(fs.readFileSync(path.join(GOLDEN_DIR, name), 'utf8'), { columns: true }) as Row[];
/** A timestamp without an offset is UTC; a date alone is its midnight UTC (data-contract.md). */
const instant = (s: string) => Date.parse(s.length === 10 ? `${s}T00:00:00Z` : s.length === 19 ? `${s}Z` : s);
const day = (s: string) => Date.parse(`${s}T00:00:00Z`);
const inRange = (t: string, [from, to]: [string, string]) => t !== '' && instant(t) >= day(from) && instant(t) < day(to);

function reference() {
  const deals = csv('deals.csv');
  const orders = csv('orders.csv');
  const won = (p: [string, string]) => deals.filter((d) => d.stage.toLowerCase() === 'won' && inRange(d.closed_at, p)).reduce((s, d) => s + Number(d.amount), 0);
  const revenue = (p: [string, string]) => orders.filter((o) => inRange(o.ordered_at, p)).reduce((s, o) => s + Number(o.amount), 0);
  const growth = (cur: number, prev: number) => (prev === 0 ? null : (100 * (cur - prev)) / prev);
  return (p: [string, string], c: [string, string]) => ({
    sales_growth_rate: growth(won(p), won(c)),
    revenue_growth_rate: growth(revenue(p), revenue(c)),
    won: [won(p), won(c)],
    revenue: [revenue(p), revenue(c)],
  });
}

const CASES: { name: string; now: string; preset: PeriodPreset; year?: boolean; period: [string, string]; compare: [string, string] }[] = [
  { name: 'month to date', now: '2025-10-20T15:00:00Z', preset: 'this_month', period: ['2025-10-01', '2025-10-21'], compare: ['2025-09-01', '2025-09-21'] },
  { name: 'quarter to date', now: '2025-11-17T09:00:00Z', preset: 'this_quarter', period: ['2025-10-01', '2025-11-18'], compare: ['2025-07-01', '2025-08-18'] },
  { name: 'year to date', now: '2025-06-15T12:00:00Z', preset: 'year_to_date', period: ['2025-01-01', '2025-06-16'], compare: ['2024-01-01', '2024-06-16'] },
  { name: 'year over year (quarter to date, compare=year)', now: '2025-11-17T09:00:00Z', preset: 'this_quarter', year: true, period: ['2025-10-01', '2025-11-18'], compare: ['2024-10-01', '2024-11-18'] },
];

const kpis = (args: string[]) => run('npx', ['tsx', 'scripts/kpis.ts', ...args, '--json'], { env, cwd: process.cwd(), maxBuffer: 1 << 20 })
  .then(({ stdout }) => JSON.parse(stdout) as { from: string; to: string; filters: object; kpis: Record<string, number | null> });

describe('[KPI][CLI][COMPARE] growth KPIs against the named comparison period', () => {
  const ref = reference();

  for (const c of CASES) {
    it(c.name, async () => {
      // The app's preset gives these very periods (so the CLI checks what the dashboard shows).
      const p = comparedPeriod(presetPeriod(c.preset, new Date(c.now)), c.preset, c.year ? 'year' : 'previous');
      expect([toDateParam(p.period.from), toDateParam(p.period.to)]).toEqual(c.period);
      expect([toDateParam(p.comparison.from), toDateParam(p.comparison.to)]).toEqual(c.compare);

      const want = ref(c.period, c.compare);
      // Both periods hold data, so the growth is a real number, not a division by zero.
      expect(want.won.every((v) => v > 0) && want.revenue.every((v) => v > 0), JSON.stringify(want)).toBe(true);
      const out = await kpis(['--from', c.period[0], '--to', c.period[1], '--compare-from', c.compare[0], '--compare-to', c.compare[1]]);
      expect(Object.keys(out)).toEqual(['from', 'to', 'filters', 'kpis']);
      expectClose(out.kpis.won_revenue, want.won[0], 'won_revenue');
      expectClose(out.kpis.revenue, want.revenue[0], 'revenue');
      expectClose(out.kpis.sales_growth_rate, want.sales_growth_rate, `${c.name} sales_growth_rate`);
      expectClose(out.kpis.revenue_growth_rate, want.revenue_growth_rate, `${c.name} revenue_growth_rate`);
    }, 60_000);
  }

  it('without the flags uses the catalogue default (the same length just before), and refuses half a pair', async () => {
    const out = await kpis(['--from', '2025-10-01', '--to', '2025-10-21']);
    const want = ref(['2025-10-01', '2025-10-21'], ['2025-09-11', '2025-10-01']);
    expectClose(out.kpis.sales_growth_rate, want.sales_growth_rate, 'default sales_growth_rate');
    expectClose(out.kpis.revenue_growth_rate, want.revenue_growth_rate, 'default revenue_growth_rate');
    await expect(kpis(['--from', '2025-10-01', '--to', '2025-10-21', '--compare-from', '2025-09-01'])).rejects.toMatchObject({ code: 2 });
    await expect(kpis(['--from', '2025-10-01', '--to', '2025-10-21', '--compare-from', '2025-09-21', '--compare-to', '2025-09-01'])).rejects.toMatchObject({ code: 2 });
  }, 60_000);
});
