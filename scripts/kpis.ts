// Every KPI for a period and filters, from the command line (thin: the work is in lib/kpi).
//   npm run --silent kpis -- --from 2025-01-01 --to 2026-01-01 [--compare-from D --compare-to D]
//     [--team T] [--owner EMAIL] [--segment S] [--region R] [--industry I] [--product P] [--source S]
//     [--channel C] [--json]
// `to` and `--compare-to` are exclusive. The comparison period (kpi-catalog.md, Conventions) is what
// the growth KPIs compare with; without it, the catalogue's previous period. With --json, stdout is exactly {"from","to","filters","kpis":{key: number|null}};
// logs go to stderr. `npm run` prints its own header on stdout unless given --silent, so scripts
// that parse the JSON run `npm run --silent kpis -- ...` or `npx tsx scripts/kpis.ts ...`.
// Database: DATABASE_URL, else the embedded PGlite in PGLITE_DATA_DIR (default .data/pglite).
import { trustedView } from '@/lib/access';
import { parseArgs } from 'node:util';
import { closeDb, getDb, getDbKind } from '@/db/client';
import { computeKpis, formatKpiValue, KPIS, kpiFiltersSchema, parseDateParam, type KpiFilters } from '@/lib/kpi';
import { FILTER_KEYS } from '@/lib/kpi/types';

const USAGE = `usage: npm run --silent kpis -- --from YYYY-MM-DD --to YYYY-MM-DD
  [--compare-from YYYY-MM-DD --compare-to YYYY-MM-DD] [--team T] [--owner EMAIL]
  [--segment S] [--region R] [--industry I] [--product P] [--source S] [--channel C] [--json]
  (--to and --compare-to are exclusive: periods are [from, to) in UTC; growth KPIs compare with
  [compare-from, compare-to), by default the catalogue's previous period)`;

function fail(message: string): never {
  process.stderr.write(`${message}\n${USAGE}\n`);
  process.exit(2);
}

async function main(): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        from: { type: 'string' }, to: { type: 'string' }, 'compare-from': { type: 'string' }, 'compare-to': { type: 'string' }, json: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h' },
        ...Object.fromEntries(FILTER_KEYS.map((k) => [k, { type: 'string' as const }])),
      },
      strict: true,
    }));
  } catch (err) {
    fail((err as Error).message);
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const from = values.from ? parseDateParam(values.from as string) : null;
  const to = values.to ? parseDateParam(values.to as string) : null;
  if (!from || !to) fail('--from and --to are required dates');
  if (from >= to) fail('--to must be after --from');
  const cf = values['compare-from'] as string | undefined;
  const ct = values['compare-to'] as string | undefined;
  if ((cf == null) !== (ct == null)) fail('--compare-from and --compare-to go together');
  let compare: { from: Date; to: Date } | undefined;
  if (cf != null && ct != null) {
    const [a, b] = [parseDateParam(cf), parseDateParam(ct)];
    if (!a || !b) fail('--compare-from and --compare-to must be dates');
    if (a >= b) fail('--compare-to must be after --compare-from');
    compare = { from: a, to: b };
  }
  const raw = values as Record<string, string | boolean | undefined>;
  const parsed = kpiFiltersSchema.safeParse(Object.fromEntries(FILTER_KEYS.map((k) => [k, raw[k]])));
  if (!parsed.success) fail(parsed.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('\n'));
  const filters: KpiFilters = Object.fromEntries(Object.entries(parsed.data).filter(([, v]) => v !== undefined));

  process.stderr.write(`kpis: ${getDbKind()} database, [${values.from}, ${values.to})${compare ? ` compared with [${cf}, ${ct})` : ''}${Object.keys(filters).length ? ` ${JSON.stringify(filters)}` : ''}\n`);
  const db = await getDb();
  const started = performance.now();
  const kpis = await computeKpis(db, await trustedView(db, filters), { from, to, compare });
  process.stderr.write(`kpis: computed ${KPIS.length} KPIs in ${Math.round(performance.now() - started)} ms\n`);

  if (values.json) {
    process.stdout.write(`${JSON.stringify({ from: values.from, to: values.to, filters, kpis })}\n`);
    return;
  }
  const rows = KPIS.map((k) => [k.name, formatKpiValue(kpis[k.key], k.unit), k.unit, k.key]);
  const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i].length)));
  let category = '';
  for (const [i, r] of rows.entries()) {
    if (KPIS[i].category !== category) {
      category = KPIS[i].category;
      process.stdout.write(`\n${category.toUpperCase()}\n`);
    }
    process.stdout.write(`  ${r[0].padEnd(widths[0])}  ${r[1].padStart(widths[1])}  ${r[2].padEnd(widths[2])}  ${r[3]}\n`);
  }
}

main()
  .catch((err: unknown) => {
    process.stderr.write(`kpis: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  })
  .finally(() => closeDb());
