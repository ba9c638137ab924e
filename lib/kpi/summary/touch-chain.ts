// The account month chains (db/schema/summary-defs.ts TOUCH_CHAIN, table account_touch_chain): for each
// kind, an account's months with an event under an owner (0: any owner), each with the previous one.
// - 'touch': months with an order, a ticket or a survey response (customer engagement), read from
//   account_touch_years, itself kept by the orders', tickets' and responses' triggers;
// - 'upsell': months with a won upsell or cross-sell deal closed (the upsell rate's numerator), under
//   the deal's own owner, read from the deals.
// A statement that gives an (account, owner) pair a month or takes its last event of a month away
// recomputes that pair's chain and writes only the rows that differ. Those writes fire the chain
// table's own summary triggers (sql-gen.ts), which keep `touch_chain_months`. The account's customer
// months and ownership (touch rows only) are derived columns (sql-gen.ts DERIVED, `touch_chain_dims`).
const MONTHS = Array.from({ length: 12 }, (_, i) => `y.m${i + 1}`).join(', ');

export type ChainKind = 'touch' | 'upsell';

/** A won upsell or cross-sell deal with an account and a closing time (aliased `r`): sales.ts's numerator's deals. */
const upsellDeal = (r: string) => `${r}.stage = 'won' and ${r}.type in ('upsell', 'cross_sell') and ${r}.account_id is not null and ${r}.closed_at is not null`;

interface ChainSource {
  kind: ChainKind;
  /** Advisory lock class (with the account id as key): one writer per account and kind. */
  lock: number;
  /**
   * SELECT account_id, owner_id, month: the pair's months with an event (one row each), for the pairs
   * of relation `z` (columns a, o), or every pair (no `z`).
   */
  months: (z?: string) => string;
  /** The table whose statement triggers find the pairs a write changes, and how per kind of write. */
  table: string;
  pairs: Record<'ins' | 'upd' | 'del', string>;
  /** A TRUNCATE of `table` empties the chain (account_touch_years is never truncated: its rows are deleted). */
  truncates?: boolean;
}

const TOUCH: ChainSource = {
  kind: 'touch', lock: 1414480712, table: 'account_touch_years',
  // The year rows of the pairs through the table's key (day, owner_id, account_id): one probe per pair and year.
  // Touches without an owner (an unassigned ticket's) are in the any-owner chain; no view reads an owner-less one.
  months: (z) => `select y.account_id, y.owner_id, (y.day + make_interval(months => m - 1))::date as month
    from ${z ? `${z}
      cross join (select generate_series(min(day), max(day), interval '1 year')::date as d from account_touch_years) yr
      join account_touch_years y on y.day = yr.d and y.owner_id = z.o and y.account_id = z.a` : 'account_touch_years y'}
    cross join generate_series(1, 12) m
    where (array[${MONTHS}])[m] > 0${z ? '' : ' and y.owner_id is not null'}`,
  pairs: {
    ins: 'select distinct account_id, owner_id from new_rows where owner_id is not null',
    upd: `select distinct nr.account_id, nr.owner_id from new_rows nr join old_rows orr
      on orr.day = nr.day and orr.owner_id = nr.owner_id and orr.account_id = nr.account_id
      where nr.owner_id is not null and (${Array.from({ length: 12 }, (_, i) => `(nr.m${i + 1} > 0) <> (orr.m${i + 1} > 0)`).join(' or ')})`,
    del: 'select distinct account_id, owner_id from old_rows where owner_id is not null',
  },
};

/** A deal's pairs: its own owner's and the any-owner chain of its account. */
const dealPairs = (rows: string) => `select distinct x.account_id, o.owner_id from (${rows}) x
      cross join lateral (values (x.owner_id), (0)) o(owner_id) where o.owner_id is not null`;
const dealMonth = (r: string) => `date_trunc('month', ${r}.closed_at at time zone 'UTC')::date`;
const dealKey = (r: string) => `(${r}.stage, ${r}.type, ${r}.account_id, ${r}.owner_id, ${dealMonth(r)})`;

const UPSELL: ChainSource = {
  kind: 'upsell', lock: 1414480713, table: 'deals', truncates: true,
  // The pairs' accounts' deals through deals_account_idx; every pair's through a scan (the rebuild).
  months: (z) => `select d.account_id, o.owner_id, ${dealMonth('d')} as month
    from deals d cross join lateral (values (d.owner_id), (0)) o(owner_id)
    ${z ? `join ${z} on z.a = d.account_id and z.o = o.owner_id` : ''}
    where ${upsellDeal('d')} and o.owner_id is not null
    group by 1, 2, 3`,
  pairs: {
    ins: dealPairs(`select r.account_id, r.owner_id from new_rows r where ${upsellDeal('r')}`),
    // A deal whose stage, type, account, owner or closing month changed, as it was and as it is.
    upd: dealPairs(`select r.account_id, r.owner_id from old_rows r join new_rows n on n.id = r.id where ${upsellDeal('r')} and ${dealKey('r')} is distinct from ${dealKey('n')}
      union all select r.account_id, r.owner_id from new_rows r join old_rows p on p.id = r.id where ${upsellDeal('r')} and ${dealKey('r')} is distinct from ${dealKey('p')}`),
    del: dealPairs(`select r.account_id, r.owner_id from old_rows r where ${upsellDeal('r')}`),
  },
};

export const CHAINS: ChainSource[] = [TOUCH, UPSELL];

/** The chain rows `src` gives (kind, account_id, owner_id, month, prev_month), for the pairs of `z` or all. */
export function chainSql(src: ChainSource, z?: string): string {
  return `select '${src.kind}'::text as kind, c.account_id, c.owner_id, c.month,
      lag(c.month) over (partition by c.account_id, c.owner_id order by c.month) as prev_month
    from (${src.months(z)}) c`;
}

/**
 * The derived columns of a chain row `c` (kind, account_id, owner_id) of account `a`: since month,
 * churn month, own. Touch rows only (engagement counts active customers, and an owner's own accounts);
 * upsell rows count whatever the account's dates and owner.
 */
export const chainDims = (c: string, a = 'a'): string[] => [
  `(case when ${c}.kind = 'touch' then date_trunc('month', ${a}.customer_since::timestamp)::date end)`,
  `(case when ${c}.kind = 'touch' then date_trunc('month', ${a}.churned_at::timestamp)::date end)`,
  `(case when ${c}.kind = 'touch' and ${c}.owner_id <> 0 and ${c}.owner_id = ${a}.owner_id then 1 else 0 end)`,
];

const COLUMNS = 'kind, account_id, owner_id, month, prev_month, since_month, churn_month, own';

/** INSERT of chain rows `w` (chainSql) with their accounts' derived columns, in key order. */
const insertRows = (w: string, where = '') => `insert into account_touch_chain (${COLUMNS})
    select w.kind, w.account_id, w.owner_id, w.month, w.prev_month, ${chainDims('w').join(', ')}
    from (${w}) w left join accounts a on a.id = w.account_id${where}
    order by 1, 2, 3, 4`;

/** The trigger functions and triggers (migration SQL, part of sql-gen.ts triggerSql). */
export function touchChainTriggerSql(): string[] {
  const out: string[] = [];
  for (const src of CHAINS) {
    const z = '(select distinct a, o from unnest(accs, owners) p(a, o)) z';
    const want = chainSql(src, z);
    out.push(`CREATE OR REPLACE FUNCTION crm_${src.kind}_chain_sync(accs int[], owners int[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  -- One writer at a time per account: a chain read from a snapshot without another transaction's
  -- events of the same account (rows this one does not lock) would keep a stale previous month.
  -- Once the lock is held, the other's events are committed and the statements below (each its own
  -- snapshot) see them. In account order: no deadlock between two syncs.
  PERFORM pg_advisory_xact_lock(${src.lock}, a) FROM (select distinct a from unnest(accs) a order by a) x;
  DELETE FROM account_touch_chain c USING ${z}
    WHERE c.kind = '${src.kind}' AND c.account_id = z.a AND c.owner_id = z.o
      AND NOT EXISTS (select 1 from (${want}) w
        where w.account_id = c.account_id and w.owner_id = c.owner_id and w.month = c.month and w.prev_month is not distinct from c.prev_month);
  ${insertRows(want, `
    where not exists (select 1 from account_touch_chain c where c.kind = w.kind and c.account_id = w.account_id and c.owner_id = w.owner_id and c.month = w.month)`)};
END;
$$;`);
    for (const [kind, ev, refs] of [['ins', 'INSERT', 'NEW TABLE AS new_rows'], ['upd', 'UPDATE', 'OLD TABLE AS old_rows NEW TABLE AS new_rows'], ['del', 'DELETE', 'OLD TABLE AS old_rows']] as const) {
      out.push(`CREATE OR REPLACE FUNCTION crm_${src.kind}_chain_${kind}() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE a_ int[]; o_ int[];
BEGIN
  select array_agg(account_id), array_agg(owner_id) into a_, o_ from (${src.pairs[kind]}) x;
  if a_ is not null then
    PERFORM crm_${src.kind}_chain_sync(a_, o_);
  end if;
  RETURN NULL;
END;
$$;`);
      out.push(`CREATE TRIGGER ${src.table}_${src.kind}_chain_${kind} AFTER ${ev} ON ${src.table} REFERENCING ${refs} FOR EACH STATEMENT EXECUTE FUNCTION crm_${src.kind}_chain_${kind}();`);
    }
    if (src.truncates) {
      out.push(`CREATE OR REPLACE FUNCTION crm_${src.kind}_chain_trunc() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM account_touch_chain WHERE kind = '${src.kind}';
  RETURN NULL;
END;
$$;`);
      out.push(`CREATE TRIGGER ${src.table}_${src.kind}_chain_trunc AFTER TRUNCATE ON ${src.table} FOR EACH STATEMENT EXECUTE FUNCTION crm_${src.kind}_chain_trunc();`);
    }
  }
  return out;
}

/** The chains rebuilt (account_touch_years first: the touch chain reads it; the chain table's triggers are off meanwhile). */
export const touchChainRebuild = (): string => `DELETE FROM account_touch_chain;
  ${CHAINS.map((src) => `${insertRows(chainSql(src))};`).join('\n  ')}`;

/** The chain rows the table has and the recomputation lacks, and the reverse (verify). */
export const touchChainDifferencesSql = (): string => {
  const cols = 'kind, account_id, owner_id, month, prev_month';
  const all = CHAINS.map((src) => chainSql(src)).join('\n    union all ');
  return `(select 'summary' as side, ${cols} from account_touch_chain except all select 'summary', ${cols} from (${all}) e)
    union all (select 'raw rows', ${cols} from (${all}) e except all select 'raw rows', ${cols} from account_touch_chain)
    order by 2, 3, 4, 5 limit 1000`;
};
