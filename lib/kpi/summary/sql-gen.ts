// The SQL that keeps the summary tables exact, generated from ./tables.ts: the trigger functions of
// migration 0005 (a test checks the migration holds exactly this text), the rebuild and the verify.
// Invariant: each summary row = the contributions of the raw rows *as the database is now*. A statement
// on a record table subtracts its old rows' contributions and adds its new rows' (transition tables,
// one grouped upsert per key); a statement that changes whose records they are (an account's owner for
// its orders) moves them. A survey response's owner is a derived column of its own (DERIVED below), so
// a ticket's or account's owner change reaches its summaries as an update of the responses.
import { ACCOUNT_KEYS, SUMMARIES, SUMMARY_TABLES, accountKeysOf, keyColumns, accountJoin, type SummaryDef } from '@/db/schema/summary-defs';
import { chainDims, touchChainRebuild, touchChainTriggerSql } from './touch-chain';

interface Rows {
  /** The relation the records are read from: the table, or a transition table. */
  rel: string;
  sign: 1 | -1;
  /** Replaces the owner rule (moves: the owner before or after the change). */
  owner?: string;
  /** Replaces further keys' SQL (moves: the account's segment or region before or after the change). */
  keys?: Record<string, string>;
  join?: string;
  where?: string;
}

function ownerOf(def: SummaryDef): { expr: string; join: string } {
  const a = def.alias;
  switch (def.owner.kind) {
    case 'column': return { expr: `${a}.${def.owner.col}`, join: '' };
    case 'account': return { expr: 'own_a.owner_id', join: `left join accounts own_a on own_a.id = ${a}.account_id` };
    case 'none': return { expr: 'null::int', join: '' };
  }
}

const measureNames = (def: SummaryDef) => Object.keys(def.measures);
const castOf = (def: SummaryDef, m: string) => (def.measures[m].count ? 'int' : 'numeric');

/** The rows' contributions, grouped by key (each measure times `sign`). */
export function contributions(def: SummaryDef, r: Rows): string {
  const a = def.alias;
  const own = ownerOf(def);
  const time = def.time.includes('.') ? def.time : `${a}.${def.time}`;
  // A date is its own day; a timestamp's day is its UTC date. Months truncate a timestamp without time zone.
  const utc = def.date ? `${time}::timestamp` : `(${time} at time zone 'UTC')`;
  const day = def.grain === 'day' ? `${utc}::date` : `date_trunc('${def.grain}', ${utc})::date`;
  // With anyOwner, each record counts twice: under its owner, and under owner 0 ("any owner").
  const owner = def.anyOwner ? `(case when any_o.is_any then 0 else ${r.owner ?? own.expr} end)` : r.owner ?? own.expr;
  const keys = [`${day} as day`, `${owner} as owner_id`, ...(def.dim ? [`${a}.${def.dim} as ${def.dim}`] : []),
    ...Object.entries(def.keys ?? {}).map(([k, spec]) => `${r.keys?.[k] ?? spec.sql} as ${k}`)];
  const sums = measureNames(def).map((m) => `${r.sign === 1 ? '' : '-'}sum(${def.measures[m].sql})::${castOf(def, m)} as ${m}`);
  const groups = keys.map((_, i) => i + 1).join(', ');
  const where = [`${time} is not null`, ...(r.where ? [r.where] : [])].join(' and ');
  // A move reads its account keys from the changed accounts (mv), not from the account as it is now.
  const seg = accountKeysOf(def).some((k) => r.keys?.[k]) ? null : accountJoin(def);
  const any = def.anyOwner ? ' cross join lateral (values (false), (true)) any_o(is_any)' : '';
  return `select ${[...keys, ...sums].join(', ')} from ${r.rel} ${a}${def.events ? ` ${def.events}` : ''}${any} ${r.join ?? own.join}${seg ? ` ${seg}` : ''} where ${where} group by ${groups}`;
}

/** PL/pgSQL: adds the contributions to the summary, one upsert per key, and drops rows left with no records. */
function apply(def: SummaryDef, parts: Rows[], ctes = ''): string {
  const keys = keyColumns(def);
  const ms = measureNames(def);
  const groups = keys.map((_, i) => i + 1).join(', ');
  // Rows left at n = 0 are deleted by their day, owner and dimension; with further keys, every row at 0
  // of the day and owner (any row at 0 holds no record: n counts them).
  const dim = def.dim && !def.keys ? def.dim : null;
  const zk = dim ? ', k_' : '';
  return `with ${ctes}up as (
    insert into ${def.name} as x (${[...keys, ...ms].join(', ')})
    select ${keys.join(', ')}, ${ms.map((m) => `sum(${m})::${castOf(def, m)}`).join(', ')}
    from (${parts.map((p) => contributions(def, p)).join('\n      union all ')}) c
    group by ${groups} having ${ms.map((m) => `sum(${m}) <> 0`).join(' or ')}
    order by ${groups}
    on conflict (${keys.join(', ')}) do update set ${ms.map((m) => `${m} = x.${m} + excluded.${m}`).join(', ')}
    returning ${keys.map((k) => `x.${k}`).join(', ')}, x.n)
  select array_agg(day), array_agg(owner_id)${dim ? `, array_agg(${dim})` : ''} into d_, o_${zk} from up where n = 0;
  if d_ is not null then
    delete from ${def.name} x using unnest(d_, o_${zk}) z(day, owner_id${dim ? ', k' : ''})
      where x.day = z.day and x.owner_id is not distinct from z.owner_id${dim ? ` and x.${dim} is not distinct from z.k` : ''} and x.n = 0;
  end if;`;
}

const fn = (name: string, body: string[]) => `CREATE OR REPLACE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE d_ date[]; o_ int[]; k_ text[];
BEGIN
  ${body.join('\n  ')}
  RETURN NULL;
END;
$$;`;

const defsOf = (table: string) => SUMMARIES.filter((d) => d.table === table);
const RECORD_TABLES = [...new Set(SUMMARIES.map((d) => d.table))];

/**
 * What an account's change moves: the contributions of its orders (owned through it) from its old owner
 * to its new, and of its records in the month tables keyed by its attributes (segment, region) from
 * their old values to their new. `mv(id, old_owner, new_owner, old_segment, new_segment, old_region,
 * new_region)` is the changed accounts.
 */
const ACCOUNT_MOVES = SUMMARIES.filter((d) => d.table !== 'accounts' && (d.owner.kind === 'account' || accountJoin(d)))
  .map((def) => ({ def, owner: def.owner.kind === 'account', attrs: accountKeysOf(def) }));

function moveBlocks(mv: string): string[] {
  return ACCOUNT_MOVES.map(({ def, owner, attrs }) => {
    // Only the accounts whose change reaches this summary (an owner change leaves a ticket's segment be).
    const changed = attrs.map((k) => `mv.old_${k} is distinct from mv.new_${k}`);
    const where = owner && attrs.length ? undefined : owner ? 'mv.old_owner is distinct from mv.new_owner' : changed.join(' or ');
    const side = (sign: 1 | -1, age: 'old' | 'new'): Rows => ({
      rel: def.table, sign, where: where && attrs.length > 1 ? `(${where})` : where,
      join: `join mv on mv.id = ${def.alias}.account_id${owner ? '' : ` ${ownerOf(def).join}`}`,
      ...(owner ? { owner: `mv.${age}_owner` } : {}),
      ...(attrs.length ? { keys: Object.fromEntries(attrs.map((k) => [k, `mv.${age}_${k}`])) } : {}),
    });
    return apply(def, [side(-1, 'old'), side(1, 'new')], `mv as (${mv}), `);
  });
}

/** The changed accounts' attribute columns of `mv`, old and new (`o`, `n`: their rows' aliases or null). */
const moveAttrs = (o: string, n: string | null) =>
  ACCOUNT_KEYS.map((k) => `${o}.${k} as old_${k}, ${n ? `${n}.${k}` : 'null::text'} as new_${k}`).join(', ');

/**
 * Columns the database derives from other rows, so that a summary can count a record from its own row:
 * `target`'s `columns`, recomputed by `compute` for the target rows a write to one of `sources` touched
 * (through the source's `link`, its column naming them). Statement triggers on each source update only
 * the rows whose columns change, and only when some do: that UPDATE fires the target's triggers, and the
 * summaries follow its transition tables like any other write (when target = source, the triggers run
 * once more and find nothing left to fix).
 */
export interface DerivedColumns {
  name: string;
  target: string;
  sources: DerivedSource[];
  columns: { name: string; type: string }[];
  /**
   * SELECT id, v1, v2, … for the target rows a write to `touched.source` touched (`touched.rel`: a
   * relation of its link values), or for all (null).
   */
  compute: (touched: { source: string; rel: string } | null) => string;
}

export interface DerivedSource {
  table: string;
  link: string;
  /** The writes that can change the columns (a parent's inserts and deletes cannot: its children follow through their own FK). */
  kinds: readonly ('ins' | 'upd' | 'del')[];
  /** Of an update, only the rows where one of these columns changed are touched (none given: every row); `link` is then `id`. */
  changed?: readonly string[];
}

/**
 * The order chain's columns over orders aliased `o` (prev_month, prev2_month, cprev_month as v1–v3) and
 * the WINDOW clause they need. The bulk seed computes them the same way as it inserts orders.
 */
export function chainColumnsSql(o = 'o'): { columns: string; window: string } {
  const lag = (n: number, w: string) => `date_trunc('month', (lag(${o}.ordered_at${n > 1 ? `, ${n}` : ''}) over ${w}) at time zone 'UTC')::date`;
  return {
    columns: `${lag(1, 'wa')} as v1, ${lag(2, 'wa')} as v2, case when ${o}.cost is not null then ${lag(1, 'wc')} end as v3`,
    window: `window wa as (partition by ${o}.account_id order by ${o}.ordered_at, ${o}.id), wc as (partition by ${o}.account_id, (${o}.cost is not null) order by ${o}.ordered_at, ${o}.id)`,
  };
}
const CHAIN = chainColumnsSql();

export const DERIVED: DerivedColumns[] = [
  {
    // Order chains (ORDER_CHAIN in db/schema/summary-defs.ts): the months of the account's previous two
    // orders and of its previous costed order, by ordered_at then id.
    name: 'order_chain', target: 'orders', sources: [{ table: 'orders', link: 'account_id', kinds: ['ins', 'upd', 'del'] }],
    columns: [{ name: 'prev_month', type: 'date' }, { name: 'prev2_month', type: 'date' }, { name: 'cprev_month', type: 'date' }],
    compute: (touched) => `select o.id, ${CHAIN.columns} from orders o${touched ? ` where o.account_id in (${touched.rel})` : ''} ${CHAIN.window}`,
  },
  {
    // The account's converting lead (lib/kpi/calc/customers.ts convertingLead): the earliest converted
    // lead naming it, by converted_at then id; its creation time and source.
    name: 'converting_lead', target: 'accounts', sources: [{ table: 'leads', link: 'account_id', kinds: ['ins', 'upd', 'del'] }],
    columns: [{ name: 'converting_lead_created_at', type: 'timestamptz' }, { name: 'converting_lead_source', type: 'text' }],
    // The earliest converted lead of each account, by one sort of the converted leads (all accounts:
    // the rebuild) or of the touched accounts' (through leads_account_idx).
    compute: (touched) => `select a.id, cl.created_at as v1, cl.source as v2
      from accounts a left join (select distinct on (l.account_id) l.account_id, l.created_at, l.source from leads l
        where l.converted_at is not null${touched ? ` and l.account_id in (${touched.rel})` : ''}
        order by l.account_id, l.converted_at, l.id) cl on cl.account_id = a.id${touched ? ` where a.id in (${touched.rel})` : ''}`,
  },
  {
    // A survey response's owner (product.md, "Roles"; lib/entities/catalogue.ts): its ticket's assignee
    // when it has a ticket (even an unassigned one), else its account's owner. As a column, a response
    // is scoped, grouped and summarised like a deal (an index on it, no probe of two tables per row), and
    // its change notices name owners. Changed by the response's own ticket or account, a ticket's
    // assignee, an account's owner; a deleted ticket or account sets the response's link to null,
    // which is an update of the response.
    name: 'survey_owner', target: 'survey_responses',
    sources: [
      { table: 'survey_responses', link: 'id', kinds: ['ins', 'upd'], changed: ['ticket_id', 'account_id'] },
      { table: 'tickets', link: 'id', kinds: ['upd'], changed: ['assignee_id'] },
      { table: 'accounts', link: 'id', kinds: ['upd'], changed: ['owner_id'] },
    ],
    columns: [{ name: 'owner_id', type: 'int' }],
    compute: (touched) => {
      const where = !touched ? '' : ` where ${{ survey_responses: 's.id', tickets: 's.ticket_id', accounts: 's.account_id' }[touched.source]} in (${touched.rel})`;
      return `select s.id, (case when s.ticket_id is not null then st.assignee_id else sa.owner_id end) as v1
      from survey_responses s left join tickets st on st.id = s.ticket_id left join accounts sa on sa.id = s.account_id${where}`;
    },
  },
  {
    // The touch chain's account columns (./touch-chain.ts): the UTC months of the account's
    // customer_since and churned_at, and whether the row's owner owns the account (a member's engaged
    // customers are their own accounts touched by their own records). An account's change of them
    // updates its chain rows, and that update moves their contributions to touch_chain_months.
    name: 'touch_chain_dims', target: 'account_touch_chain',
    sources: [{ table: 'accounts', link: 'id', kinds: ['upd'], changed: ['customer_since', 'churned_at', 'owner_id'] }],
    columns: [{ name: 'since_month', type: 'date' }, { name: 'churn_month', type: 'date' }, { name: 'own', type: 'int' }],
    compute: (touched) => `select c.id, ${chainDims('c').map((x, i) => `${x} as v${i + 1}`).join(', ')}
      from account_touch_chain c join accounts a on a.id = c.account_id${touched ? ` where c.account_id in (${touched.rel})` : ''}`,
  },
];

const stored = (d: DerivedColumns) => `(${d.columns.map((c) => `t.${c.name}`).join(', ')})`;
const computed = (d: DerivedColumns) => `(${d.columns.map((_, i) => `c.v${i + 1}`).join(', ')})`;

/** The trigger function's name: `crm_<name>_<kind>` for the first source, `crm_<name>_<source>_<kind>` for further ones. */
const derivedFnName = (d: DerivedColumns, src: DerivedSource, kind: string) =>
  `crm_${d.name}${src === d.sources[0] ? '' : `_${src.table}`}_${kind}`;

function derivedFix(d: DerivedColumns, src: DerivedSource, kind: 'ins' | 'upd' | 'del'): string {
  const transitions = kind === 'ins' ? ['new_rows'] : kind === 'del' ? ['old_rows'] : ['old_rows', 'new_rows'];
  const touched = kind === 'upd' && src.changed
    ? `select nr.id from new_rows nr join old_rows orr on orr.id = nr.id where ${src.changed.map((c) => `nr.${c} is distinct from orr.${c}`).join(' or ')}`
    : transitions.map((t) => `select ${src.link} from ${t}`).join(' union ');
  const vars = d.columns.map((c, i) => `v${i + 1}_ ${c.type}[]`).join('; ');
  return `CREATE OR REPLACE FUNCTION ${derivedFnName(d, src, kind)}() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE ids int[]; ${vars};
BEGIN
  select array_agg(c.id), ${d.columns.map((_, i) => `array_agg(c.v${i + 1})`).join(', ')} into ids, ${d.columns.map((_, i) => `v${i + 1}_`).join(', ')}
  from (${d.compute({ source: src.table, rel: touched })}) c
    join ${d.target} t on t.id = c.id where ${stored(d)} is distinct from ${computed(d)};
  if ids is not null then
    update ${d.target} t set ${d.columns.map((c, i) => `${c.name} = z.v${i + 1}`).join(', ')}
      from unnest(ids, ${d.columns.map((_, i) => `v${i + 1}_`).join(', ')}) z(id, ${d.columns.map((_, i) => `v${i + 1}`).join(', ')}) where t.id = z.id;
  end if;
  RETURN NULL;
END;
$$;`;
}

/** Every row's derived columns recomputed (the rebuild; writes only the rows that differ). */
const derivedRebuild = (d: DerivedColumns) => `UPDATE ${d.target} t SET ${d.columns.map((c, i) => `${c.name} = c.v${i + 1}`).join(', ')}
    FROM (${d.compute(null)}) c WHERE t.id = c.id AND ${stored(d)} IS DISTINCT FROM ${computed(d)};`;

/** The rows whose stored derived columns differ from a recomputation over the raw rows (verify). */
export const derivedDifferencesSql = (d: DerivedColumns) => `select t.id, ${d.columns.map((c) => `t.${c.name}`).join(', ')}, ${d.columns.map((_, i) => `c.v${i + 1}`).join(', ')}
  from (${d.compute(null)}) c join ${d.target} t on t.id = c.id
  where ${stored(d)} is distinct from ${computed(d)} order by t.id limit 1000`;

/** Every function and trigger of the summaries, as migration SQL (statements split by breakpoints). */
export function triggerSql(): string[] {
  const out: string[] = [];
  for (const table of RECORD_TABLES) {
    const defs = defsOf(table);
    const f = `crm_summary_${table}`;
    out.push(fn(`${f}_ins`, defs.map((d) => apply(d, [{ rel: 'new_rows', sign: 1 }]))));
    out.push(fn(`${f}_upd`, defs.map((d) => apply(d, [{ rel: 'old_rows', sign: -1 }, { rel: 'new_rows', sign: 1 }]))));
    out.push(fn(`${f}_del`, defs.map((d) => apply(d, [{ rel: 'old_rows', sign: -1 }]))));
    // A table fed by other record tables too is recomputed (what they fed stays); the others are emptied.
    out.push(`CREATE OR REPLACE FUNCTION ${f}_trunc() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  ${defs.map((d) => (tableOf(d.name).defs.length > 1 ? rebuildTable(d.name) : `DELETE FROM ${d.name};`)).join(' ')}
  RETURN NULL;
END;
$$;`);
    out.push(`CREATE TRIGGER ${table}_summary_ins AFTER INSERT ON ${table} REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ${f}_ins();`);
    out.push(`CREATE TRIGGER ${table}_summary_upd AFTER UPDATE ON ${table} REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ${f}_upd();`);
    out.push(`CREATE TRIGGER ${table}_summary_del AFTER DELETE ON ${table} REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION ${f}_del();`);
    out.push(`CREATE TRIGGER ${table}_summary_trunc AFTER TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION ${f}_trunc();`);
  }
  {
    // An account's owner, segment or region change (named for the owner, its first use).
    const f = 'crm_summary_accounts_owner';
    out.push(fn(`${f}_upd`, moveBlocks(`select nr.id, orr.owner_id as old_owner, nr.owner_id as new_owner, ${moveAttrs('orr', 'nr')}
      from new_rows nr join old_rows orr on orr.id = nr.id where nr.owner_id is distinct from orr.owner_id${ACCOUNT_KEYS.map((k) => ` or nr.${k} is distinct from orr.${k}`).join('')}`)));
    // Before a delete: the records' contributions go to "no owner" and "no segment" (region), as the account's
    // lookup will give once it is gone (orders are then deleted by the cascade; deals, tickets and
    // responses lose their account through SET NULL, and their own triggers see that).
    out.push(fn(`${f}_del`, moveBlocks(`select OLD.id as id, OLD.owner_id as old_owner, null::int as new_owner, ${moveAttrs('OLD', null)}`))
      .replace('RETURN NULL;', 'RETURN OLD;'));
    out.push(`CREATE TRIGGER accounts_summary_owner_upd AFTER UPDATE ON accounts REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ${f}_upd();`);
    out.push(`CREATE TRIGGER accounts_summary_owner_del BEFORE DELETE ON accounts FOR EACH ROW EXECUTE FUNCTION ${f}_del();`);
  }
  for (const d of DERIVED) {
    for (const src of d.sources) {
      for (const kind of src.kinds) {
        out.push(derivedFix(d, src, kind));
        const ev = { ins: 'INSERT', upd: 'UPDATE', del: 'DELETE' }[kind];
        const refs = kind === 'ins' ? 'NEW TABLE AS new_rows' : kind === 'del' ? 'OLD TABLE AS old_rows' : 'OLD TABLE AS old_rows NEW TABLE AS new_rows';
        out.push(`CREATE TRIGGER ${src.table}_${d.name}_${kind} AFTER ${ev} ON ${src.table} REFERENCING ${refs} FOR EACH STATEMENT EXECUTE FUNCTION ${derivedFnName(d, src, kind)}();`);
      }
    }
  }
  // The derived columns alone: the bulk seed runs it while the record tables' triggers are off (its
  // UPDATE of every row would otherwise feed them transition tables of millions of rows).
  out.push(`CREATE OR REPLACE FUNCTION crm_derived_rebuild() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  ${DERIVED.map(derivedRebuild).join('\n  ')}
END;
$$;`);
  out.push(...touchChainTriggerSql());
  // The touch chain follows account_touch_years and its summary follows the chain: both are rebuilt
  // in that order here, with the triggers that would follow them row by row off meanwhile (rebuilding
  // the touches would otherwise recompute every account's chain through transition tables).
  const chained = ['account_touch_years', 'account_touch_chain'];
  out.push(`CREATE OR REPLACE FUNCTION crm_summary_rebuild() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  ${chained.map((t) => `ALTER TABLE ${t} DISABLE TRIGGER USER;`).join(' ')}
  PERFORM crm_derived_rebuild();
  ${SUMMARY_TABLES.map((t) => (t.name === 'touch_chain_months' ? `${touchChainRebuild()}\n  ${rebuildTable(t.name)}` : rebuildTable(t.name))).join('\n  ')}
  ${chained.map((t) => `ALTER TABLE ${t} ENABLE TRIGGER USER;`).join(' ')}
END;
$$;`);
  out.push('SELECT crm_summary_rebuild();');
  return out;
}

const tableOf = (name: SummaryDef['name']) => SUMMARY_TABLES.find((t) => t.name === name)!;

/**
 * The summary as recomputed from the raw rows (same columns and order as the table): one def's
 * contributions, or for a table fed by several record tables their sum per key.
 */
export function expectedSql(name: SummaryDef['name']): string {
  const { defs } = tableOf(name);
  if (defs.length === 1) return contributions(defs[0], { rel: defs[0].table, sign: 1 });
  const d = defs[0];
  const keys = keyColumns(d);
  return `select ${keys.join(', ')}, ${measureNames(d).map((m) => `sum(${m})::${castOf(d, m)} as ${m}`).join(', ')}
    from (${defs.map((x) => contributions(x, { rel: x.table, sign: 1 })).join('\n      union all ')}) c group by ${keys.map((_, i) => i + 1).join(', ')}`;
}

/** SQL that empties a summary table and fills it again from the raw rows. */
function rebuildTable(name: SummaryDef['name']): string {
  const { defs } = tableOf(name);
  const def = defs[0];
  const cols = summaryColumns(def).join(', ');
  if (!(def.grain === 'month' && def.anyOwner && defs.length === 1)) return `DELETE FROM ${name};
  INSERT INTO ${name} (${cols}) ${expectedSql(name)};`;
  // A month table's any-owner rows are the sums of its owners' rows: built from them, not by reading
  // every record twice (the xlarge seed's rebuild reads 10M orders; verify recomputes both from the records).
  // Column by column, as summaryColumns lists them: owner 0, the other keys as they are, measures summed.
  const ms = measureNames(def);
  const anyOwner = summaryColumns(def).map((c) => (c === 'owner_id' ? '0' : ms.includes(c) ? `sum(${c})::${castOf(def, c)}` : c));
  const groupBy = keyColumns(def).filter((k) => k !== 'owner_id');
  return `DELETE FROM ${name};
  INSERT INTO ${name} (${cols}) ${contributions({ ...def, anyOwner: false }, { rel: def.table, sign: 1 })};
  INSERT INTO ${name} (${cols}) select ${anyOwner.join(', ')} from ${name} group by ${groupBy.join(', ')};`;
}

/** The columns of a summary, keys first. */
export function summaryColumns(def: SummaryDef): string[] {
  return [...keyColumns(def), ...measureNames(def)];
}

/** Rows in the table but not in the recomputation, and the reverse (EXCEPT ALL treats nulls as equal). */
export function differencesSql(def: SummaryDef): string {
  const cols = summaryColumns(def).join(', ');
  const expected = expectedSql(def.name);
  return `(select 'summary' as side, ${cols} from ${def.name} except all select 'summary', ${cols} from (${expected}) e)
    union all (select 'raw rows', ${cols} from (${expected}) e except all select 'raw rows', ${cols} from ${def.name})
    order by 2, 3 limit 1000`;
}
