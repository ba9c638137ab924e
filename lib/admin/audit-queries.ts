// The audit log browser's query: filters (user, action, entity, entity id, date range), keyset-free
// offset pagination (the log is append-only and indexed by created_at), and the before/after diff.
import { and, asc, count, desc, eq, gte, lt, type SQL } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { auditLog, users } from '@/db/schema';
import { assertCan, type SessionUser } from '@/lib/access';
import { DAY_MS } from '@/lib/clock';
import { auditNames } from './audit-labels';

export interface AuditFilters { userId?: number; action?: string; entity?: string; entityId?: string; from?: string; to?: string; page: number }
export const AUDIT_PAGE_SIZE = 50;

function where(f: AuditFilters): SQL | undefined {
  const c: (SQL | undefined)[] = [];
  if (f.userId) c.push(eq(auditLog.userId, f.userId));
  if (f.action) c.push(eq(auditLog.action, f.action));
  if (f.entity) c.push(eq(auditLog.entity, f.entity));
  if (f.entityId) c.push(eq(auditLog.entityId, f.entityId));
  if (f.from) c.push(gte(auditLog.createdAt, new Date(`${f.from}T00:00:00Z`)));
  // `to` is inclusive: up to the end of that day (UTC).
  if (f.to) c.push(lt(auditLog.createdAt, new Date(new Date(`${f.to}T00:00:00Z`).getTime() + DAY_MS)));
  return and(...c);
}

async function listAudit(db: Db, f: AuditFilters) {
  const w = where(f);
  const [rows, [{ n }]] = await Promise.all([
    db.select({
      id: auditLog.id, at: auditLog.createdAt, action: auditLog.action, entity: auditLog.entity, entityId: auditLog.entityId,
      before: auditLog.before, after: auditLog.after, userId: auditLog.userId, userName: users.name, userEmail: users.email,
    }).from(auditLog).leftJoin(users, eq(users.id, auditLog.userId)).where(w)
      .orderBy(desc(auditLog.createdAt), desc(auditLog.id)).limit(AUDIT_PAGE_SIZE).offset((f.page - 1) * AUDIT_PAGE_SIZE),
    db.select({ n: count() }).from(auditLog).where(w),
  ]);
  return { rows, total: Number(n) };
}

/** Everything the audit page shows: one page of entries, the filter choices and the names the entries mention. Admins only. */
export async function auditPage(db: Db, viewer: SessionUser, f: AuditFilters) {
  assertCan(viewer, 'admin.audit');
  const [{ rows, total }, facets, people] = await Promise.all([
    listAudit(db, f), auditFacets(db), db.select({ id: users.id, name: users.name }).from(users).orderBy(asc(users.name)),
  ]);
  return { rows, total, facets, people, names: await auditNames(db, rows) };
}

async function auditFacets(db: Db) {
  const [actions, entities] = await Promise.all([
    db.selectDistinct({ v: auditLog.action }).from(auditLog).orderBy(auditLog.action),
    db.selectDistinct({ v: auditLog.entity }).from(auditLog).orderBy(auditLog.entity),
  ]);
  return { actions: actions.map((r) => r.v), entities: entities.map((r) => r.v) };
}

interface DiffLine { key: string; before: string; after: string; changed: boolean }

const show = (v: unknown) => (v === undefined ? '' : v === null ? 'null' : typeof v === 'string' ? v : JSON.stringify(v));
const asObject = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : v == null ? {} : { value: v });

/** Field by field: every key of either side, marked when it changed. */
export function auditDiff(before: unknown, after: unknown): DiffLine[] {
  const b = asObject(before);
  const a = asObject(after);
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  return keys.map((key) => ({ key, before: show(b[key]), after: show(a[key]), changed: JSON.stringify(b[key]) !== JSON.stringify(a[key]) }));
}
