// Orders: invoices of customers while they are customers, about monthly, at a twelfth of their annual
// contract value, with a cost of goods on most of them.
import { businessHoursSql } from './calendar';
import { exec, externalIdSql, type SeedContext } from './context';
import { pick } from './sql-rand';
import { chainColumnsSql } from '@/lib/kpi/summary/sql-gen';

/**
 * SQL: `source` (a temp table with id and an integer `weight`) with a column `n` that spreads exactly
 * `total` rows over its rows in proportion to weight (floors of cumulative shares, so they sum to total).
 */
export function apportionSql(source: string, total: number): string {
  return `(
    select s.*, (${total}::bigint * cum / tot - ${total}::bigint * (cum - weight) / tot)::int as n
    from (
      select w.*, (sum(weight) over (order by id))::bigint as cum, (sum(weight) over ())::bigint as tot from ${source} w
    ) s
  )`;
}

export async function insertOrders(ctx: SeedContext): Promise<void> {
  const { rand: r, targets } = ctx;
  const k = '(a.id::bigint * 100000 + j)';
  // The order chain's derived columns computed as the rows are made (the same SQL as its triggers'):
  // the seed's triggers are off, and an UPDATE of every order afterwards would rewrite the table.
  const chain = chainColumnsSql('g');
  await exec(ctx, `
    insert into orders (id, external_id, account_id, ordered_at, amount, cost, product, prev_month, prev2_month, cprev_month)
    select g.id, g.external_id, g.account_id, g.ordered_at, g.amount, g.cost, g.product, ${chain.columns}
    from (
    select row_number() over (order by ordered_at, k) as id, ${externalIdSql('ORD', 'row_number() over (order by ordered_at, k)', 7)} as external_id,
      account_id, ordered_at, amount,
      case when ${r.u('k', 401)} < 0.08 then null else round(amount * (0.25 + 0.3 * ${r.u('k', 402)})::numeric, 2) end as cost,
      product
    from (
      select ${k} as k, a.id as account_id,
        least(a.hi, greatest(a.lo, ${businessHoursSql(`(a.lo + ${r.u(k, 403)} * (a.hi - a.lo))`, r.u(k, 404), r.u(k, 405))})) as ordered_at,
        round((a.acv / 12.0 * ${r.lognormal(k, 406, 1, 0.3)})::numeric, 2) as amount,
        case when ${r.u(k, 407)} < 0.85 then a.product else ${pick(r.u(k, 408), ['Analytics', 'Support Plus', 'Services'])} end as product
      from ${apportionSql('(select *, days as weight from demo_active)', targets.orders)} a
      cross join lateral generate_series(1, a.n) as j
    ) o) g
    ${chain.window}`);
}
