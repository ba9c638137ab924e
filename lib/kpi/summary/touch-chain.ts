// The touch chain's rows (db/schema/summary-defs.ts TOUCH_CHAIN, table account_touch_chain): an
// account's touched months under an owner (0: any owner), each with the previous one. They follow
// account_touch_years, itself kept by the orders', tickets' and responses' triggers: a statement that
// makes an account's month touched or untouched (its row's month count leaves or reaches 0) recomputes
// that account's chain under that owner and writes only the rows that differ. Those writes fire the
// chain table's own summary triggers (sql-gen.ts), which keep `touch_chain_months`. The account's
// customer months and ownership are derived columns (sql-gen.ts DERIVED, `touch_chain_dims`).
const MONTHS = Array.from({ length: 12 }, (_, i) => `y.m${i + 1}`).join(', ');

/**
 * The chain as account_touch_years gives it: account_id, owner_id, month, prev_month. For the pairs of
 * relation `pairs` (columns a, o: account and owner) or every account. The pairs read each year's row
 * through the table's key (day, owner_id, account_id): one probe per pair and year.
 */
export function chainSql(pairs?: string): string {
  const from = pairs
    ? `(select distinct a, o from ${pairs}) z
      cross join (select generate_series(min(day), max(day), interval '1 year')::date as d from account_touch_years) yr
      join account_touch_years y on y.day = yr.d and y.owner_id = z.o and y.account_id = z.a`
    : 'account_touch_years y';
  // Touches without an owner (an unassigned ticket's) are in the any-owner chain; no view reads an
  // owner-less one.
  const where = pairs ? '' : '\n    where y.owner_id is not null';
  return `select y.account_id, y.owner_id, ms.month, lag(ms.month) over (partition by y.account_id, y.owner_id order by ms.month) as prev_month
    from ${from}
    cross join lateral (select (y.day + make_interval(months => m - 1))::date as month from generate_series(1, 12) m
      where (array[${MONTHS}])[m] > 0) ms${where}`;
}

/** The derived columns of a chain row `c` (account_id, owner_id) of account `a`: since month, churn month, own. */
export const chainDims = (c: string, a = 'a'): string[] => [
  `date_trunc('month', ${a}.customer_since::timestamp)::date`,
  `date_trunc('month', ${a}.churned_at::timestamp)::date`,
  `(case when ${c}.owner_id <> 0 and ${c}.owner_id = ${a}.owner_id then 1 else 0 end)`,
];

const COLUMNS = 'account_id, owner_id, month, prev_month, since_month, churn_month, own';

/** INSERT of chain rows `w` (chainSql) with their accounts' derived columns, in key order. */
const insertRows = (w: string, where = '') => `insert into account_touch_chain (${COLUMNS})
    select w.account_id, w.owner_id, w.month, w.prev_month, ${chainDims('w').join(', ')}
    from (${w}) w left join accounts a on a.id = w.account_id${where}
    order by 1, 2, 3`;

/** The trigger functions and triggers (migration SQL, part of sql-gen.ts triggerSql). */
export function touchChainTriggerSql(): string[] {
  const want = chainSql('unnest(accs, owners) p(a, o)');
  const sync = `CREATE OR REPLACE FUNCTION crm_touch_chain_sync(accs int[], owners int[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  -- One writer at a time per account: a chain read from a snapshot without another transaction's
  -- touches of the same account (another year's row, not locked by this one) would keep a stale
  -- previous month. Once the lock is held, the other's touches are committed and the statements
  -- below (each its own snapshot) see them. In account order: no deadlock between two syncs.
  PERFORM pg_advisory_xact_lock(1414480712, a) FROM (select distinct a from unnest(accs) a order by a) x;
  DELETE FROM account_touch_chain c USING (select distinct a, o from unnest(accs, owners) p(a, o)) z
    WHERE c.account_id = z.a AND c.owner_id = z.o
      AND NOT EXISTS (select 1 from (${want}) w
        where w.account_id = c.account_id and w.owner_id = c.owner_id and w.month = c.month and w.prev_month is not distinct from c.prev_month);
  ${insertRows(want, `
    where not exists (select 1 from account_touch_chain c where c.account_id = w.account_id and c.owner_id = w.owner_id and c.month = w.month)`)};
END;
$$;`;
  const fnOf = (kind: 'ins' | 'upd' | 'del', pairs: string) => `CREATE OR REPLACE FUNCTION crm_touch_chain_${kind}() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE a_ int[]; o_ int[];
BEGIN
  select array_agg(account_id), array_agg(owner_id) into a_, o_ from (${pairs}) x;
  if a_ is not null then
    PERFORM crm_touch_chain_sync(a_, o_);
  end if;
  RETURN NULL;
END;
$$;`;
  const touched = (r: string, i: number) => `(${r}.m${i + 1} > 0)`;
  const changed = Array.from({ length: 12 }, (_, i) => `${touched('nr', i)} <> ${touched('orr', i)}`).join(' or ');
  const out = [
    sync,
    fnOf('ins', 'select distinct account_id, owner_id from new_rows where owner_id is not null'),
    fnOf('upd', `select distinct nr.account_id, nr.owner_id from new_rows nr join old_rows orr
      on orr.day = nr.day and orr.owner_id = nr.owner_id and orr.account_id = nr.account_id where nr.owner_id is not null and (${changed})`),
    fnOf('del', 'select distinct account_id, owner_id from old_rows where owner_id is not null'),
  ];
  for (const [kind, ev, refs] of [['ins', 'INSERT', 'NEW TABLE AS new_rows'], ['upd', 'UPDATE', 'OLD TABLE AS old_rows NEW TABLE AS new_rows'], ['del', 'DELETE', 'OLD TABLE AS old_rows']] as const) {
    out.push(`CREATE TRIGGER account_touch_years_chain_${kind} AFTER ${ev} ON account_touch_years REFERENCING ${refs} FOR EACH STATEMENT EXECUTE FUNCTION crm_touch_chain_${kind}();`);
  }
  return out;
}

/** The chain rebuilt from account_touch_years (its triggers and the chain table's are off meanwhile). */
export const touchChainRebuild = (): string => `DELETE FROM account_touch_chain;
  ${insertRows(chainSql())};`;

/** The chain rows the table has and the recomputation lacks, and the reverse (verify). */
export const touchChainDifferencesSql = (): string => {
  const cols = 'account_id, owner_id, month, prev_month';
  return `(select 'summary' as side, ${cols} from account_touch_chain except all select 'summary', ${cols} from (${chainSql()}) e)
    union all (select 'raw rows', ${cols} from (${chainSql()}) e except all select 'raw rows', ${cols} from account_touch_chain)
    order by 2, 3, 4 limit 1000`;
};
