// Row counts per table: what the seed reports and its tests check.
import { getTableName, sql } from 'drizzle-orm';
import { queryRows, type Db } from '@/db/client';
import { schemaTables } from './reset';

export type TableCounts = Record<string, number>;

export async function countRows(db: Pick<Db, 'execute'>): Promise<TableCounts> {
  const names = schemaTables().map(getTableName).sort();
  const query = names.map((n) => `select '${n}' as name, count(*)::int as n from "${n}"`).join(' union all ');
  const rows = await queryRows<{ name: string; n: number }>(db, sql.raw(query));
  return Object.fromEntries(names.map((n) => [n, rows.find((r) => r.name === n)?.n ?? 0]));
}
