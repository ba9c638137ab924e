// Rebuild and verify the exact summaries (npm run db:rollups). Rebuild: every summary recomputed from
// the raw rows, with writes to the record tables blocked meanwhile (SHARE locks), in one transaction.
// Verify: each summary compared row by row with its recomputation; every difference is reported.
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '@/db/client';
import { SUMMARIES, SUMMARY_TABLES, keyColumns, type SummaryDef } from '@/db/schema/summary-defs';

import { DERIVED, derivedDifferencesSql, differencesSql, summaryColumns, type DerivedColumns } from './sql-gen';
import { touchChainDifferencesSql } from './touch-chain';

/** A summary table, or the derived columns some summaries are counted from ("orders (order_chain)"). */
type SummaryKey = SummaryDef['name'] | `${string} (${string})` | typeof CHAIN;
/** The touch chain's rows, checked against account_touch_years (whose own check is against the raw rows). */
const CHAIN = 'account_touch_chain';
const derivedLabel = (d: DerivedColumns): SummaryKey => `${d.target} (${d.name})`;

type Exec = Pick<Db, 'execute'>;

const RECORD_TABLES = [...new Set(SUMMARIES.map((d) => d.table)), 'accounts'];

export async function rebuildSummaries(db: Pick<Db, 'transaction'>): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql.raw(`lock table ${RECORD_TABLES.join(', ')} in share mode`));
    await tx.execute(sql`select crm_summary_rebuild()`);
  });
}

/**
 * After a rebuild: VACUUM (ANALYZE) of every summary table and the chain rows. A rebuild writes each
 * row anew, so until (auto)vacuum has passed no page is all-visible and the index-only reads the engine
 * relies on fetch every row from the heap (an owner's chain read at large: 400 ms against 1 ms), and the
 * planner's statistics describe the old rows. VACUUM cannot run in a transaction: after the rebuild's.
 */
export async function vacuumSummaries(db: Exec): Promise<void> {
  await db.execute(sql.raw(`vacuum (analyze) ${[...SUMMARY_TABLES.map((t) => t.name), CHAIN].join(', ')}`));
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
  for (const { defs: [def] } of SUMMARY_TABLES) {
    const diffs = await queryRows<Record<string, unknown> & { side: 'summary' | 'raw rows' }>(db, sql.raw(differencesSql(def)));
    const [{ n }] = await queryRows<{ n: number }>(db, sql.raw(`select count(*)::int as n from ${def.name}`));
    report.tables.push({ table: def.name, rows: n, differences: diffs.length });
    for (const { side, ...row } of diffs) report.differences.push({ table: def.name, side, row });
  }
  {
    const diffs = await queryRows<Record<string, unknown> & { side: 'summary' | 'raw rows' }>(db, sql.raw(touchChainDifferencesSql()));
    const [{ n }] = await queryRows<{ n: number }>(db, sql.raw(`select count(*)::int as n from ${CHAIN}`));
    report.tables.push({ table: CHAIN, rows: n, differences: diffs.length });
    for (const { side, ...row } of diffs) report.differences.push({ table: CHAIN, side, row });
  }
  // The derived columns against a recomputation over the raw rows.
  for (const d of DERIVED) {
    const rows = await queryRows<Record<string, unknown>>(db, sql.raw(derivedDifferencesSql(d)));
    const [{ n }] = await queryRows<{ n: number }>(db, sql.raw(`select count(*)::int as n from ${d.target}`));
    report.tables.push({ table: derivedLabel(d), rows: n, differences: rows.length });
    for (const row of rows) report.differences.push({ table: derivedLabel(d), side: 'summary', row });
  }
  return report;
}

/** A difference as one line: table, side and the row's key and measures. */
export function describeDifference(d: SummaryDifference): string {
  const derived = DERIVED.find((x) => derivedLabel(x) === d.table);
  if (derived) {
    const v = (k: string) => String(d.row[k]);
    return `${d.table} id ${v('id')}: stored ${derived.columns.map((c) => v(c.name)).join(', ')}; raw rows give ${derived.columns.map((_, i) => v(`v${i + 1}`)).join(', ')}`;
  }
  if (d.table === CHAIN) {
    const v = (k: string) => String(d.row[k]);
    return `${CHAIN} [kind=${v('kind')} account_id=${v('account_id')} owner_id=${v('owner_id')} month=${v('month')}] only in ${d.side}: prev_month=${v('prev_month')}`;
  }
  const def = SUMMARIES.find((s) => s.name === d.table)!;
  const keys = keyColumns(def).map((k) => `${k}=${String(d.row[k])}`).join(' ');
  const ms = summaryColumns(def).filter((c) => !keyColumns(def).includes(c)).map((m) => `${m}=${String(d.row[m])}`).join(' ');
  return `${d.table} [${keys}] only in ${d.side}: ${ms}`;
}
