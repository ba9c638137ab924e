// The batch upsert of one entity: rows go to Postgres as ONE json parameter, references are resolved
// by joins in SQL, rows whose references name nothing are reported (not written), and
// `ON CONFLICT ... DO UPDATE ... WHERE (cols) IS DISTINCT FROM (excluded cols)` leaves unchanged
// records untouched, so inserted / updated / unchanged are exact and a re-import rewrites nothing.
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '@/db/client';
import { ENTITY_CATALOGUE } from '@/lib/entities/catalogue';
import { dbColumnOf } from '@/lib/entities/columns';
import { ENTITIES, type ColumnSpec, type EntityName } from '@/lib/validation';

type Tx = Pick<Db, 'execute'>;

interface Ref {
  column: string; // contract column, e.g. owner_email
  fk: string; // db column, e.g. owner_id
  table: string;
  on: (alias: string, input: string) => string; // join condition
  /** Unknown values are errors (all but users.team, whose teams are created first). */
  mustExist: boolean;
  describe: (value: string) => string;
}

interface Target {
  table: string;
  key: 'external_id' | 'email';
  inputs: { column: string; pgType: string }[];
  plain: string[]; // contract columns stored as-is (same name in the table)
  refs: Ref[];
}

const PG_TYPES: Record<ColumnSpec['type'], string> = {
  text: 'text', email: 'text', reference: 'text', enum: 'text', date: 'date', datetime: 'timestamptz',
  money: 'numeric', number: 'numeric', integer: 'int', boolean: 'boolean',
};

const q = (id: string) => `"${id}"`;

function refFor(c: ColumnSpec): Ref {
  const fk = dbColumnOf(c.name);
  if (c.references === 'users') {
    return {
      column: c.name, fk, table: 'users', mustExist: true,
      on: (a, i) => `${a}.email = ${i}.${q(c.name)}`,
      describe: (v) => `names no user of the app (${v}): import users.csv first or fix the e-mail`,
    };
  }
  const entity = c.references as EntityName;
  return {
    column: c.name, fk, table: entity, mustExist: true,
    on: (a, i) => `${a}.external_id = ${i}.${q(c.name)}`,
    describe: (v) => `names no ${ENTITY_CATALOGUE[entity].singular.toLowerCase()} with external_id "${v}" (not in the database nor earlier in this import)`,
  };
}

function targetOf(entity: EntityName): Target {
  const def = ENTITIES[entity];
  const refs: Ref[] = [];
  const plain: string[] = [];
  for (const c of def.columns) {
    if (c.type === 'reference') refs.push(refFor(c));
    else if (entity === 'users' && c.name === 'team') {
      refs.push({
        column: 'team', fk: 'team_id', table: 'teams', mustExist: false,
        on: (a, i) => `lower(${a}.name) = lower(${i}.team)`, describe: (v) => v,
      });
    } else plain.push(c.name);
  }
  return {
    table: entity, key: def.key, refs, plain,
    inputs: def.columns.map((c) => ({ column: c.name, pgType: PG_TYPES[c.type] })),
  };
}

export interface BatchResult {
  inserted: number;
  updated: number;
  /** Rows not written: row number, the reference columns that named nothing, and their values. */
  badRefs: { n: number; columns: string[]; values: Record<string, unknown> }[];
}

interface Statements {
  target: Target;
  columns: string[];
  /** Creates the transaction's staging table of the entity (a temporary table, dropped at commit). */
  create: string;
  /** `${stageHead}<json literal>${stageTail}` appends one batch of rows to the staging table. */
  stageHead: string;
  stageTail: string;
  /** Writes every staged row (one statement), reports counts and bad references, empties the stage. */
  upsert: string;
  empty: string;
}

const statements = new Map<string, Statements>();

/** Stands for the history id in a cached statement with change capture (replaced per import). */
const IMPORT_ID = '/*import_id*/0';

/**
 * The change capture for undo (db/schema/import-changes.ts), as CTEs of the upsert statement: `up`
 * returns each written record's id, key and row version; `new_ids` stores the inserted ones as id and
 * key arrays with their transaction id (no image: a later write changes the row's xmin); `pre` reads the
 * updated records by id as they were before (every CTE sees the statement's snapshot, not `up`'s
 * writes) and `cap` stores both images of each. No extra round trip.
 */
function captureSql(t: Target): { returning: string; cap: string } {
  return {
    returning: `, t.id, t.xmin::text::bigint as x, t.${q(t.key)}::text as k, case when xmax <> 0 then to_jsonb(t) - 'password_hash' end as img`,
    cap: `,\nnew_ids as (insert into import_inserts (import_id, tbl, row_xmin, ids, keys)
  select ${IMPORT_ID}, '${t.table}', up.x, array_agg(up.id order by up.id), array_agg(up.k order by up.id) from up where up.ins group by up.x),
pre as (select t.id, to_jsonb(t) - 'password_hash' as img from ${q(t.table)} t where t.id in (select up.id from up where not up.ins)),
cap as (insert into import_changes (import_id, tbl, record_id, op, before, after)
  select ${IMPORT_ID}, '${t.table}', up.id, 'update', pre.img, up.img from up join pre on pre.id = up.id where not up.ins)`,
  };
}

/** The staging table's name: one per entity and transaction (temporary, so private to the connection). */
const stageOf = (entity: EntityName) => q(`import_stage_${entity}`);

function statementFor(entity: EntityName, capture = false): Statements {
  const cacheKey = `${entity}${capture ? ':capture' : ''}`;
  const cached = statements.get(cacheKey);
  if (cached) return cached;
  const t = targetOf(entity);
  const stage = stageOf(entity);
  // Short keys (c0, c1, ...) in the JSON and the staging table, renamed to the contract columns in `i`:
  // with empty cells left out (encodeRows), a batch is well under half the bytes to build, send and parse.
  const stageCols = ['n', ...t.inputs.map((_, k) => `c${k}`)];
  const recordType = ['"n" int', ...t.inputs.map((c, k) => `c${k} ${c.pgType}`)].join(', ');
  const renamed = ['x.n', ...t.inputs.map((c, k) => `x.c${k} as ${q(c.column)}`)].join(', ');
  const joins = t.refs.map((r, k) => `left join ${q(r.table)} j${k} on ${r.on(`j${k}`, 'i')}`).join(' ');
  const refIds = t.refs.map((r, k) => `, j${k}.id as ${q(`j${k}`)}`).join('');
  const badTerms = t.refs
    .map((r, k) => ({ r, k }))
    .filter(({ r }) => r.mustExist)
    .map(({ r, k }) => ({ column: r.column, cond: `(r.${q(r.column)} is not null and r.${q(`j${k}`)} is null)` }));
  const anyBad = badTerms.length ? badTerms.map((b) => b.cond).join(' or ') : 'false';
  const dbCols = [...t.plain, ...t.refs.map((r) => r.fk)];
  const selectCols = [...t.plain.map(q), ...t.refs.map((_, k) => q(`j${k}`))];
  const updatable = dbCols.filter((c) => c !== t.key);
  const sets = updatable.map((c) => `${q(c)} = excluded.${q(c)}`);
  if (entity === 'users') {
    // A role change or a deactivation ends the user's existing sessions (as in the admin UI).
    sets.push(`session_version = t.session_version + case when t.role is distinct from excluded.role
      or t.active is distinct from excluded.active then 1 else 0 end`);
  }
  sets.push('updated_at = now()');
  const c = capture ? captureSql(t) : { returning: '', cap: '' };
  const badValues = badTerms.length ? `json_build_object(${badTerms.map((b) => `'${b.column}', r.${q(b.column)}`).join(', ')})` : `'{}'::json`;
  const upsert = `with i as (select ${renamed} from ${stage} x),
r as (select i.*${refIds} from i ${joins}),
up as (
  insert into ${q(t.table)} as t (${dbCols.map(q).join(', ')})
  select ${selectCols.join(', ')} from r where not (${anyBad}) order by r.n -- ids follow file order
  on conflict (${q(t.key)}) do update set ${sets.join(', ')}
  where (${updatable.map((col) => `t.${q(col)}`).join(', ')}) is distinct from (${updatable.map((col) => `excluded.${q(col)}`).join(', ')})
  returning (xmax = 0) as ins${c.returning}
)${c.cap}
select 0 as n, '' as bad, null::json as vals, (select count(*) from up where ins)::int as ins, (select count(*) from up where not ins)::int as upd
union all
select r.n, concat_ws(',', ${badTerms.length ? badTerms.map((b) => `case when ${b.cond} then '${b.column}' end`).join(', ') : "''"}), ${badValues}, 0, 0
from r where ${anyBad}`;
  const s: Statements = {
    target: t,
    columns: t.inputs.map((col) => col.column),
    create: `create temp table if not exists ${stage} (${recordType}) on commit drop`,
    stageHead: `insert into ${stage} (${stageCols.join(', ')}) select * from json_to_recordset(`,
    stageTail: `::json) as x(${recordType})`,
    upsert,
    empty: `truncate ${stage}`,
  };
  statements.set(cacheKey, s);
  return s;
}

/**
 * Stages rows (contract-column objects, validated, plus `n`, the file row number) for the next
 * `upsertStaged`. Cheap for Postgres (a temporary table: no index, no trigger, no WAL), so the costly
 * write happens once per many batches: statement-level summary triggers then see 100,000 rows at a
 * time, not 5,000 (batch-writer.ts CHUNK_ROWS).
 */
export function stageBatch(tx: Tx, entity: EntityName, rows: Record<string, unknown>[], importId: number | null, first: boolean): Promise<void> {
  const s = statementFor(entity);
  // Every statement is sent now, in order, without waiting for a reply: the caller queues the write
  // of the stage right behind them. Not an async function: its suspended frame would keep `rows`
  // alive until the reply, and a million-row import spent a third of its time collecting them.
  const sent: Promise<unknown>[] = [];
  if (first) sent.push(tx.execute(sql.raw(s.create)));
  if (entity === 'users') sent.push(createTeams(tx, teamNames(rows), importId));
  sent.push(tx.execute(sql.raw(`${s.stageHead}${dollarQuote(encodeRows(s.columns, rows))}${s.stageTail}`)));
  return Promise.all(sent).then(() => {});
}

/**
 * Writes the staged rows and empties the stage. With `importId` (a committing import's history id)
 * every record written is captured for undo (import_inserts, import_changes).
 */
export async function upsertStaged(tx: Tx, entity: EntityName, importId: number | null = null): Promise<BatchResult> {
  const s = statementFor(entity, importId !== null);
  const text = importId === null ? s.upsert : s.upsert.replaceAll(IMPORT_ID, String(Math.trunc(importId)));
  const [result] = await Promise.all([
    queryRows<{ n: number; bad: string; vals: Record<string, unknown> | string | null; ins: number; upd: number }>(tx, sql.raw(text)),
    tx.execute(sql.raw(s.empty)),
  ]);
  const out: BatchResult = { inserted: 0, updated: 0, badRefs: [] };
  for (const r of result) {
    if (r.n === 0) {
      out.inserted = r.ins;
      out.updated = r.upd;
    } else {
      const values = typeof r.vals === 'string' ? JSON.parse(r.vals) as Record<string, unknown> : r.vals ?? {};
      out.badRefs.push({ n: r.n, columns: r.bad.split(',').filter(Boolean), values });
    }
  }
  out.badRefs.sort((a, b) => a.n - b.n);
  return out;
}

/**
 * The batch goes in the statement's text as a dollar-quoted literal, not as a bound parameter: drizzle
 * sends `execute` unprepared, so postgres.js first asks the server to describe a statement with
 * parameters (a round trip per batch) and never pipelines it. Without parameters the next batch is
 * queued on the connection while the server works on this one (+45% rows/s on a million rows). The tag
 * never occurs in the text, so nothing in a cell can end the literal.
 */
function dollarQuote(text: string): string {
  let tag = '$b$';
  for (let k = 0; text.includes(tag); k++) tag = `$b${k}$`;
  return `${tag}${text}${tag}`;
}

/** Strings JSON must escape: quote, backslash, control characters. */
const NEEDS_ESCAPE = /["\\\u0000-\u001f]/;

/**
 * The batch as the JSON `json_to_recordset` reads: `{"n":2,"c0":"L1","c1":"2025-01-01T00:00:00.000Z"}`,
 * key `c<k>` for `columns[k]`, nulls left out (a missing key reads as null). Built as one string (no
 * objects for JSON.stringify, which also escapes every plain string): this runs for every row of a
 * million-row file.
 */
export function encodeRows(columns: string[], rows: Record<string, unknown>[]): string {
  const keys = columns.map((_, k) => `,"c${k}":`);
  let s = '[';
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    s += `${r ? ',' : ''}{"n":${Number(row.n)}`;
    for (let k = 0; k < columns.length; k++) {
      const v = row[columns[k]];
      if (v === null || v === undefined) continue;
      s += keys[k];
      if (typeof v === 'string') s += NEEDS_ESCAPE.test(v) ? JSON.stringify(v) : `"${v}"`;
      else if (v instanceof Date) s += `"${v.toISOString()}"`;
      else s += JSON.stringify(v);
    }
    s += '}';
  }
  return `${s}]`;
}

/** users.csv names teams; a new name creates the team (matching ignores case). */
function teamNames(rows: Record<string, unknown>[]): string[] {
  return [...new Set(rows.map((r) => r.team).filter((t): t is string => typeof t === 'string'))];
}

async function createTeams(tx: Tx, names: string[], importId: number | null): Promise<void> {
  if (!names.length) return;
  await tx.execute(sql`with c as (insert into teams (name)
    select distinct on (lower(name)) name from json_array_elements_text(${JSON.stringify(names)}::json) as x(name)
    on conflict ((lower(name))) do nothing returning teams.*)
    insert into import_changes (import_id, tbl, record_id, op, after)
    select ${importId}::int, 'teams', c.id, 'insert', to_jsonb(c) from c where ${importId}::int is not null`);
}

/** The message for an unknown reference in `column` with `value`. */
export function describeBadRef(entity: EntityName, column: string, value: unknown): string {
  const ref = statementFor(entity).target.refs.find((r) => r.column === column);
  return ref ? ref.describe(String(value)) : 'names nothing';
}

/** Stored records (as JSON, secrets removed) by key, for the dry-run preview. */
export async function loadStored(tx: Tx, entity: EntityName, keys: string[]): Promise<Map<string, Record<string, unknown>>> {
  const key = ENTITIES[entity].key;
  if (!keys.length) return new Map();
  const rows = await queryRows<{ k: string; v: Record<string, unknown> | string }>(tx, sql`
    select t.${sql.raw(q(key))} as k, to_jsonb(t) - 'password_hash' - 'updated_at' as v
    from ${sql.raw(q(entity))} t
    where t.${sql.raw(q(key))} in (select json_array_elements_text(${JSON.stringify(keys)}::json))`);
  return new Map(rows.map((r) => [r.k, typeof r.v === 'string' ? JSON.parse(r.v) : r.v]));
}
