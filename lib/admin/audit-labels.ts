// What an audit row is about, in words and with a link: "Import #2 (deals)" to the import history, a
// user's or team's name, a goal's title, a record's name (not "deals #2", which reads like a deal id).
// Ids inside before/after (ownerId, teamId, managerIds, …) are shown with the name they stand for.
// One query per kind of thing on the page (50 rows at most), never one per row.
import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '@/db/client';
import { ENTITY_CATALOGUE, RECORD_ENTITIES, isEntityName, recordHref, type RecordEntity } from '@/lib/entities/catalogue';
import { ENTITY_DEFS } from '@/lib/records/entities';

export interface AuditSubject { label: string; href: string | null }

/** An audit `entity` (a table name, the catalogue's name) that has record pages, else null. */
function recordKind(entity: string): RecordEntity | null {
  return isEntityName(entity) && ENTITY_CATALOGUE[entity].recordPage ? (entity as RecordEntity) : null;
}
const TABLE_OF: Record<string, SQL> = {
  users: sql`users`, teams: sql`teams`, goals: sql`goals`,
  ...Object.fromEntries(RECORD_ENTITIES.map((e) => [e, sql.raw(ENTITY_CATALOGUE[e].table)])),
};
const NAME_OF: Record<string, SQL> = { users: sql`name`, teams: sql`name`, goals: sql`title` };

/** Keys in before/after that hold a user id or a team id (or a list of them). */
export const USER_KEYS = new Set(['userId', 'user_id', 'ownerId', 'owner_id', 'assignee_id', 'assigneeId', 'createdById', 'scopeUserId', 'managerIds']);
export const TEAM_KEYS = new Set(['teamId', 'team_id', 'scopeTeamId']);

const ids = (v: unknown): number[] => (Array.isArray(v) ? v : [v]).filter((x): x is number => Number.isInteger(x));

async function namesOf(db: Db, entity: string, wanted: Iterable<number>): Promise<Map<number, string>> {
  const list = [...new Set(wanted)];
  const table = TABLE_OF[entity];
  if (!list.length || !table) return new Map();
  const kind = recordKind(entity);
  // A record is named as its page titles it (lib/records/entities), over the table's own name.
  const name = NAME_OF[entity] ?? (kind ? sql.raw(ENTITY_DEFS[kind].title(ENTITY_CATALOGUE[kind].table)) : sql`id::text`);
  const rows = await queryRows<{ id: number; name: string }>(db, sql`select id, ${name} as name from ${table} where id in (${sql.join(list.map((i) => sql`${i}`), sql`, `)})`);
  return new Map(rows.map((r) => [Number(r.id), r.name]));
}

export interface AuditRowRef { action: string; entity: string; entityId: string | null; before: unknown; after: unknown }

/** The names every row of a page needs: its subject, and the users and teams its values mention. */
export async function auditNames(db: Db, rows: AuditRowRef[]) {
  const byEntity = new Map<string, Set<number>>();
  const want = (entity: string, id: number) => { if (!byEntity.has(entity)) byEntity.set(entity, new Set()); byEntity.get(entity)!.add(id); };
  for (const r of rows) {
    const id = Number(r.entityId);
    if (r.action !== 'import' && Number.isInteger(id)) want(r.entity, id);
    for (const side of [r.before, r.after]) {
      if (!side || typeof side !== 'object' || Array.isArray(side)) continue;
      for (const [k, v] of Object.entries(side)) {
        if (USER_KEYS.has(k)) ids(v).forEach((i) => want('users', i));
        if (TEAM_KEYS.has(k)) ids(v).forEach((i) => want('teams', i));
      }
    }
  }
  const entries = await Promise.all([...byEntity].map(async ([e, s]) => [e, await namesOf(db, e, s)] as const));
  return new Map(entries);
}

export type AuditNames = Awaited<ReturnType<typeof auditNames>>;

/** "Import #2 (deals)", "Deal “Acme renewal”", "User Rick Rep", with the page to open. */
export function auditSubject(r: AuditRowRef, names: AuditNames): AuditSubject {
  if (r.action === 'import') return { label: `Import #${r.entityId} (${r.entity.replace(/_/g, ' ')})`, href: `/admin/imports#import-${r.entityId}` };
  const id = Number(r.entityId);
  const name = Number.isInteger(id) ? names.get(r.entity)?.get(id) : undefined;
  const gone = (kind: string) => ({ label: `${kind} #${r.entityId ?? '?'}${Number.isInteger(id) ? ' (deleted)' : ''}`, href: null });
  if (r.entity === 'users') return name ? { label: `User ${name}`, href: `/admin/users/${id}` } : gone('User');
  if (r.entity === 'teams') return name ? { label: `Team ${name}`, href: '/admin/teams' } : gone('Team');
  if (r.entity === 'goals') return name ? { label: `Goal “${name}”`, href: `/goals/${id}` } : gone('Goal');
  const kind = recordKind(r.entity);
  if (kind) return name ? { label: `${ENTITY_DEFS[kind].singular} “${name}”`, href: recordHref(kind, id) } : gone(ENTITY_DEFS[kind].singular);
  return { label: `${r.entity}${r.entityId ? ` #${r.entityId}` : ''}`, href: null };
}

/** A before/after value with the names of the users and teams it holds: "Rick Rep (#5)". */
export function auditValue(key: string, value: string, names: AuditNames): string {
  const table = USER_KEYS.has(key) ? 'users' : TEAM_KEYS.has(key) ? 'teams' : null;
  if (!table || value === '' || value === 'null') return value;
  let parsed: unknown;
  try { parsed = JSON.parse(value); } catch { return value; }
  const list = ids(parsed);
  if (!list.length) return value;
  return list.map((i) => `${names.get(table)?.get(i) ?? 'unknown'} (#${i})`).join(', ');
}
