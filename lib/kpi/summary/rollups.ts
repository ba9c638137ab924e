// Rebuild and verify the exact summaries (npm run db:rollups). Rebuild: every summary recomputed from
// the raw rows, with writes to the record tables blocked meanwhile (SHARE locks), in one transaction.
// Verify: each summary compared row by row with its recomputation; every difference is reported.
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '@/db/client';
import { SUMMARIES, keyColumns, type SummaryDef } from '@/db/schema/summary-defs';

import { CHAIN_DIFFERENCES_SQL, differencesSql, summaryColumns } from './sql-gen';

/** A summary table, or the orders' chain columns the order chain summary is counted from. */
type SummaryKey = SummaryDef['name'] | typeof CHAIN_COLUMNS;
const CHAIN_COLUMNS = 'orders (chain columns)';

type Exec = Pick<Db, 'execute'>;

const RECORD_TABLES = [...new Set(SUMMARIES.map((d) => d.table)), 'accounts'];

export async function rebuildSummaries(db: Pick<Db, 'transaction'>): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql.raw(`lock table ${RECORD_TABLES.join(', ')} in share mode`));
    await tx.execute(sql`select crm_summary_rebuild()`);
  });
}

export interface SummaryDifference {
  table: SummaryKey;
  /** 'summary': a row only the summary has (or with other values); 'raw rows': only the recomputation. */
  side: 'summary' | 'raw rows';
  row: Record<string, unknown>;
}

export interface VerifyReport {
  tables: { table: SummaryKey; rows: number; differences: number }[];
  differences: SummaryDifference[];
}

/** Every difference between the summaries and the raw rows (at most 1,000 listed per table). */
export async function verifySummaries(db: Exec): Promise<VerifyReport> {
  const report: VerifyReport = { tables: [], differences: [] };
  for (const def of SUMMARIES) {
    const diffs = await queryRows<Record<string, unknown> & { side: 'summary' | 'raw rows' }>(db, sql.raw(differencesSql(def)));
    const [{ n }] = await queryRows<{ n: number }>(db, sql.raw(`select count(*)::int as n from ${def.name}`));
    report.tables.push({ table: def.name, rows: n, differences: diffs.length });
    for (const { side, ...row } of diffs) report.differences.push({ table: def.name, side, row });
  }
  // The orders' derived chain columns against a recomputation over the orders (window functions).
  const chain = await queryRows<Record<string, unknown>>(db, sql.raw(CHAIN_DIFFERENCES_SQL));
  const [{ n }] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from orders`);
  report.tables.push({ table: CHAIN_COLUMNS, rows: n, differences: chain.length });
  for (const row of chain) report.differences.push({ table: CHAIN_COLUMNS, side: 'summary', row });
  return report;
}

/** A difference as one line: table, side and the row's key and measures. */
export function describeDifference(d: SummaryDifference): string {
  if (d.table === CHAIN_COLUMNS) {
    const r = d.row;
    return `${CHAIN_COLUMNS} order ${String(r.id)}: stored ${String(r.prev_month)}, ${String(r.prev2_month)}, ${String(r.cprev_month)}; raw rows give ${String(r.p1)}, ${String(r.p2)}, ${String(r.cp)}`;
  }
  const def = SUMMARIES.find((s) => s.name === d.table)!;
  const keys = keyColumns(def).map((k) => `${k}=${String(d.row[k])}`).join(' ');
  const ms = summaryColumns(def).filter((c) => !keyColumns(def).includes(c)).map((m) => `${m}=${String(d.row[m])}`).join(' ');
  return `${d.table} [${keys}] only in ${d.side}: ${ms}`;
}
