// Reading records for their pages, always within the viewer's scope (the KPI drill-down's rule, so a
// number's records and the record pages agree). A record out of scope is "not found", not "forbidden":
// its existence is not disclosed. Record pages use the read scope (a member also opens their team's
// records, read-only: `writable` says whether the viewer may edit); lists are the viewer's working
// lists and use the write scope (a member's own records).
import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type QueryDb } from '@/db/client';
import { visibleRecords, type RecordAccess, type SessionUser } from '@/lib/access';
import { recordSql, kindHasOwner } from './record-sql';
import { ENTITY_DEFS, listColumnSql, type RecordEntity } from './entities';

export type RecordRow = Record<string, string | number | boolean | null>;

export const LIST_PAGE_SIZE = 50;

function base(entity: RecordEntity, viewer: SessionUser, access: RecordAccess = 'read') {
  const def = ENTITY_DEFS[entity];
  const src = recordSql(entity);
  return { def, src, alias: sql.raw(src.alias), scope: visibleRecords(src.kind, viewer, access) };
}

/** One page of records the viewer may open, newest first, optionally searched. */
type SortDir = 'asc' | 'desc';

/** The list's sort: one of its listed columns (else the kind's time column), newest/largest first by default. */
function listSort(entity: RecordEntity, sort?: string, dir?: string): { sort: string; dir: SortDir } {
  const def = ENTITY_DEFS[entity];
  return { sort: sort && def.listColumns.includes(sort) ? sort : def.sortColumn, dir: dir === 'asc' ? 'asc' : 'desc' };
}

export async function listRecords(db: QueryDb, viewer: SessionUser, entity: RecordEntity, opts: { q?: string; page?: number; stage?: string; ownerId?: number; sort?: string; dir?: string }): Promise<{ rows: RecordRow[]; total: number; page: number; sort: string; dir: SortDir }> {
  const { def, src, alias, scope } = base(entity, viewer, 'write');
  const page = Math.max(1, Math.min(10_000, Math.floor(opts.page ?? 1)));
  // Only a listed column (checked against the kind's definition) reaches the SQL as an identifier.
  const { sort, dir } = listSort(entity, opts.sort, opts.dir);
  // Empty cells last whichever way; the default order keeps Postgres' own so its index serves it.
  const nullsClause = sort === def.sortColumn ? '' : dir === 'desc' ? ' nulls last' : ' nulls first';
  const conds: SQL[] = [scope];
  const q = opts.q?.trim().slice(0, 100);
  if (q) {
    const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conds.push(sql`(${sql.join(def.search.map((c) => sql`${alias}.${sql.raw(c)}::text ilike ${like}`), sql` or `)})`);
  }
  // Filters narrow within the scope above; they never widen it.
  if (opts.stage && entity === 'deals') conds.push(sql`${alias}.stage = ${opts.stage}`);
  if (opts.ownerId && src.owner) conds.push(sql`${src.owner} = ${opts.ownerId}`);
  const where = sql.join(conds, sql` and `);
  const cols = sql.join(def.listColumns.map((c) => sql`${sql.raw(listColumnSql(def, src.alias, c))} as ${sql.identifier(c)}`), sql`, `);
  // The owner's name, so a list shows whose records these are (null for kinds without owners).
  const ownerName = src.owner ? sql`(select ou.name from users ou where ou.id = ${src.owner})` : sql`null::text`;
  const [rows, [{ n }]] = await Promise.all([
    queryRows<RecordRow>(db, sql`select ${alias}.id, ${cols}, ${ownerName} as owner_name from ${src.from} where ${where}
      order by ${sql.raw(listColumnSql(def, src.alias, sort))} ${sql.raw(dir)}${sql.raw(nullsClause)}, ${alias}.id ${sql.raw(dir)} limit ${LIST_PAGE_SIZE} offset ${(page - 1) * LIST_PAGE_SIZE}`),
    queryRows<{ n: number }>(db, sql`select count(*)::int as n from ${src.from} where ${where}`),
  ]);
  return { rows, total: n, page, sort, dir };
}

interface RecordDetail {
  row: RecordRow;
  title: string;
  ownerName: string | null;
  /** The owner's team, for the write check (mayWriteRecord). */
  ownerTeamId: number | null;
  /** Whether the viewer may edit it (the write scope; a teammate's record is read-only for a member). */
  writable: boolean;
  accountName: string | null;
}

/** The record with its owner's and account's names, or null when missing or out of scope. */
export async function getRecord(db: QueryDb, viewer: SessionUser, entity: RecordEntity, id: number): Promise<RecordDetail | null> {
  if (!Number.isSafeInteger(id) || id <= 0) return null;
  const { def, src, alias, scope } = base(entity, viewer);
  const owner = src.owner ? sql`(select u.name from users u where u.id = ${src.owner})` : sql`null::text`;
  const ownerTeam = src.owner ? sql`(select u.team_id from users u where u.id = ${src.owner})` : sql`null::int`;
  const account = src.account && entity !== 'accounts' ? sql`(select a2.name from accounts a2 where a2.id = ${src.account})` : sql`null::text`;
  const writable = visibleRecords(src.kind, viewer, 'write');
  const [r] = await queryRows<{ rec: RecordRow; title: string; owner_name: string | null; owner_team_id: number | null; account_name: string | null; writable: boolean }>(db, sql`
    select to_jsonb(${alias}) as rec, ${sql.raw(def.title(src.alias))}::text as title, ${owner} as owner_name, ${ownerTeam} as owner_team_id, ${account} as account_name,
      coalesce((${writable}), false) as writable
    from ${src.from} where ${alias}.id = ${id} and ${scope}`);
  if (!r) return null;
  const rec = typeof r.rec === 'string' ? (JSON.parse(r.rec) as RecordRow) : r.rec;
  return { row: rec, title: r.title, ownerName: r.owner_name, ownerTeamId: r.owner_team_id, accountName: r.account_name, writable: r.writable === true };
}

interface Related { entity: RecordEntity; rows: RecordRow[]; total: number }

/** The kinds that point at a record through a column, shown on its page. */
const RELATED: Partial<Record<RecordEntity, { entity: RecordEntity; column: string }[]>> = {
  accounts: [
    { entity: 'deals', column: 'account_id' }, { entity: 'orders', column: 'account_id' }, { entity: 'tickets', column: 'account_id' },
    { entity: 'survey_responses', column: 'account_id' }, { entity: 'leads', column: 'account_id' },
  ],
  tickets: [{ entity: 'survey_responses', column: 'ticket_id' }],
  campaigns: [{ entity: 'leads', column: 'campaign_id' }, { entity: 'deals', column: 'campaign_id' }],
};

/** The records pointing at record `id` of `entity` (each kind scoped to the viewer), newest first, 10 of each. */
export async function relatedRecords(db: QueryDb, viewer: SessionUser, entity: RecordEntity, id: number): Promise<(Related & { column: string })[]> {
  return Promise.all((RELATED[entity] ?? []).map(async ({ entity: kind, column }) => {
    const { def, src, alias, scope } = base(kind, viewer);
    const where = sql`${alias}.${sql.raw(column)} = ${id} and ${scope}`;
    const cols = sql.join(def.listColumns.map((c) => sql`${sql.raw(listColumnSql(def, src.alias, c))} as ${sql.identifier(c)}`), sql`, `);
    const [rows, [{ n }]] = await Promise.all([
      queryRows<RecordRow>(db, sql`select ${alias}.id, ${cols} from ${src.from} where ${where} order by ${alias}.${sql.raw(def.sortColumn)} desc, ${alias}.id desc limit 10`),
      queryRows<{ n: number }>(db, sql`select count(*)::int as n from ${src.from} where ${where}`),
    ]);
    return { entity: kind, column, rows, total: n };
  }));
}

interface ReferenceNames {
  campaign?: { id: number; name: string };
  /** null when the ticket exists but is outside the viewer's scope (its id is not a link then). */
  ticket?: { id: number; title: string | null };
}

/**
 * Names for a record's campaign and ticket references. Campaign names are company-wide marketing facts
 * (the forms offer them to everyone); a ticket is named only when the viewer may open it.
 */
export async function referenceNames(db: QueryDb, viewer: SessionUser, row: RecordRow): Promise<ReferenceNames> {
  const out: ReferenceNames = {};
  if (typeof row.campaign_id === 'number') {
    const [c] = await queryRows<{ name: string }>(db, sql`select name from campaigns where id = ${row.campaign_id}`);
    if (c) out.campaign = { id: row.campaign_id, name: c.name };
  }
  if (typeof row.ticket_id === 'number') {
    const { alias, src, scope } = base('tickets', viewer);
    const [t] = await queryRows<{ title: string }>(db, sql`select ${sql.raw(ENTITY_DEFS.tickets.title(src.alias))} as title from ${src.from} where ${alias}.id = ${row.ticket_id} and ${scope}`);
    out.ticket = { id: row.ticket_id, title: t?.title ?? null };
  }
  return out;
}
