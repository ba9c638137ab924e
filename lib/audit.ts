// The audit trail and the app's own CRM activities. Every admin action, import and record change
// calls writeAudit inside the same transaction as the change, so the trail cannot miss a write.
import { activities, auditLog } from '@/db/schema';
import type { Db } from '@/db/client';

type Writer = Pick<Db, 'insert'>;

export interface AuditEntry {
  userId: number | null;
  /** e.g. 'create', 'update', 'deactivate', 'import', 'reset_password' */
  action: string;
  /** table or area, e.g. 'deals', 'users', 'imports' */
  entity: string;
  entityId?: string | number | null;
  before?: unknown;
  after?: unknown;
}

export async function writeAudit(db: Writer, entry: AuditEntry): Promise<void> {
  await db.insert(auditLog).values({
    userId: entry.userId,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId == null ? null : String(entry.entityId),
    before: entry.before ?? null,
    after: entry.after ?? null,
  });
}

/** The app's own usage, counted by crm_adoption_rate like imported activity history. */
export async function recordActivity(
  db: Writer,
  a: { userId: number; kind: 'login' | 'create' | 'update' | 'other'; entity?: string; entityId?: number; at?: Date },
): Promise<void> {
  await db.insert(activities).values({
    userId: a.userId,
    kind: a.kind,
    entity: a.entity ?? null,
    entityId: a.entityId ?? null,
    occurredAt: a.at ?? new Date(),
  });
}
