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
  /** Rows not written: row number and the reference columns that named nothing. */
  badRefs: { n: number; columns: string[] }[];
}

const statements = new Map<string, { head: string; tail: string; target: Target; columns: string[] }>();

/** Stands for the history id in a cached statement with change capture (replaced per batch). */
const IMPORT_ID = '/*import_id*/0';

/**
 * The change capture for undo (db/schema/import-changes.ts), as CTEs of the batch's one statement:
 * `up` returns each written record's new image; `pre` reads the updated records by id as they were
 * before (every CTE sees the statement's snapshot, not `up`'s writes), so inserts cost no lookup;
 * `cap` stores both. No extra round trip per batch.
 */
function captureSql(table: string): { returning: string; cap: string } {
  return {
    returning: `, t.id, to_jsonb(t) - 'password_hash' as img`,
    cap: `,\npre as (select t.id, to_jsonb(t) - 'password_hash' as img from ${q(table)} t where t.id in (select up.id from up where not up.ins)),
cap as (insert into import_changes (import_id, tbl, record_id, op, before, after)
  select ${IMPORT_ID}, '${table}', up.id, case when up.ins then 'insert' else 'update' end, pre.img, up.img
  from up left join pre on pre.id = up.id)`,
  };
}

function statementFor(entity: EntityName, capture = false) {
  const cacheKey = `${entity}${capture ? ':capture' : ''}`;
  const cached = statements.get(cacheKey);
  if (cached) return cached;
  const t = targetOf(entity);
  // Short keys (c0, c1, ...) in the JSON, renamed to the contract columns in `i`: with empty cells left
  // out (encodeRows), a batch is well under half the bytes to build, send and parse.
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
  const head = `with i as (select ${renamed} from json_to_recordset(`;
  const c = capture ? captureSql(t.table) : { returning: '', cap: '' };
  const tail = `::json) as x(${recordType})),
r as (select i.*${refIds} from i ${joins}),
up as (
  insert into ${q(t.table)} as t (${dbCols.map(q).join(', ')})
  select ${selectCols.join(', ')} from r where not (${anyBad}) order by r.n -- ids follow file order
  on conflict (${q(t.key)}) do update set ${sets.join(', ')}
  where (${updatable.map((c) => `t.${q(c)}`).join(', ')}) is distinct from (${updatable.map((c) => `excluded.${q(c)}`).join(', ')})
  returning (xmax = 0) as ins${c.returning}
)${c.cap}
select 0 as n, '' as bad, (select count(*) from up where ins)::int as ins, (select count(*) from up where not ins)::int as upd
union all
select r.n, concat_ws(',', ${badTerms.length ? badTerms.map((b) => `case when ${b.cond} then '${b.column}' end`).join(', ') : "''"}), 0, 0
from r where ${anyBad}`;
  const s = { head, tail, target: t, columns: t.inputs.map((col) => col.column) };
  statements.set(cacheKey, s);
  return s;
}

/**
 * Rows are contract-column objects (validated) plus `n`, the file row number. With `importId` (a
 * committing import's history id) every record written is captured in import_changes for undo.
 */
export async function upsertBatch(tx: Tx, entity: EntityName, rows: Record<string, unknown>[], importId: number | null = null): Promise<BatchResult> {
  if (entity === 'users') await createTeams(tx, rows, importId);
  const { head, tail, columns } = statementFor(entity, importId !== null);
  const text = importId === null ? tail : tail.replace(IMPORT_ID, String(Math.trunc(importId)));
  const result = await queryRows<{ n: number; bad: string; ins: number; upd: number }>(
    tx, sql.raw(`${head}${dollarQuote(encodeRows(columns, rows))}${text}`),
  );
  const out: BatchResult = { inserted: 0, updated: 0, badRefs: [] };
  for (const r of result) {
    if (r.n === 0) {
      out.inserted = r.ins;
      out.updated = r.upd;
    } else out.badRefs.push({ n: r.n, columns: r.bad.split(',').filter(Boolean) });
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
async function createTeams(tx: Tx, rows: Record<string, unknown>[], importId: number | null): Promise<void> {
  const names = [...new Set(rows.map((r) => r.team).filter((t): t is string => typeof t === 'string'))];
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
