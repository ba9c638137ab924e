// Creating and editing a deal from the UI: the matrix of product.md enforced here, on the server, for
// whatever the form sent (a member writes only their own deals and owns what they create; a manager
// their teams'; an admin any), with the change, its audit_log row (before/after) and an activity row in
// one transaction. Takes (db, user, input) so tests call it without Next's request context.
import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { queryRows, type Db } from '@/db/client';
import { deals } from '@/db/schema';
import type { ActionResult } from '@/lib/actions/protected-action';
import { mayWriteRecord, recordScope, type SessionUser } from '@/lib/auth/permissions';
import { recordActivity, writeAudit } from '@/lib/audit';
import { scopeCondition } from '@/lib/kpi/scope';
import { SOURCES } from '@/lib/kpi/sql/sources';
import type { DealFormInput } from './deal-form';

export const NOT_FOUND_MESSAGE = 'This record does not exist or you may not edit it.';

interface OwnerRow { id: number; team_id: number | null }

async function ownerOf(db: Db, userId: number | null): Promise<OwnerRow | null> {
  if (userId == null) return null;
  const [u] = await queryRows<OwnerRow>(db, sql`select id, team_id from users where id = ${userId} and active`);
  return u ?? null;
}

/** Generated external ids say where the record came from and never collide with an import's. */
export function newExternalId(prefix: string): string {
  return `ui-${prefix}-${randomUUID().slice(0, 8)}`;
}

function fail(fieldErrors: Record<string, string[]>, values?: Record<string, string>): ActionResult {
  return { ok: false, error: 'Some fields need attention.', fieldErrors, values };
}

/** Creates (input.id null) or updates a deal. Out-of-scope or missing deal: refused as "not found". */
export async function saveDeal(db: Db, user: SessionUser, input: DealFormInput): Promise<ActionResult> {
  const { id, owner_id, account_id, ...fields } = input;
  // A member always owns what they write; others default to themselves when no owner is picked.
  const ownerId = recordScope(user).kind === 'owner' ? user.id : (owner_id ?? user.id);
  const owner = await ownerOf(db, ownerId);
  if (!owner) return fail({ owner_id: ['is not an active user'] });
  if (!mayWriteRecord(user, { id: owner.id, teamId: owner.team_id })) return fail({ owner_id: ['is outside the teams you may assign'] });
  if (account_id != null) {
    const [acc] = await queryRows<{ id: number }>(db, sql`select a.id from accounts a where a.id = ${account_id} and ${scopeCondition(SOURCES.accounts, user)}`);
    if (!acc) return fail({ account_id: ['is not an account you may see'] });
  }
  const values = {
    name: fields.name, ownerId: owner.id, accountId: account_id, product: fields.product, type: fields.type ?? 'new',
    amount: fields.amount, stage: fields.stage, createdAt: fields.created_at, closedAt: fields.closed_at, contractMonths: fields.contract_months,
  };
  return db.transaction(async (tx) => {
    if (id == null) {
      const [row] = await tx.insert(deals).values({ ...values, externalId: newExternalId('deal') }).returning();
      await writeAudit(tx, { userId: user.id, action: 'create', entity: 'deals', entityId: row.id, after: row });
      await recordActivity(tx, { userId: user.id, kind: 'create', entity: 'deals', entityId: row.id });
      return { ok: true, id: row.id, message: 'Deal created.' };
    }
    // Lock the row and check the right to it as it is now (its current owner), not as the form says.
    const [before] = await tx.select().from(deals).where(eq(deals.id, id)).for('update');
    const current = before ? await ownerOf(tx as unknown as Db, before.ownerId) : null;
    const allowed = before && (recordScope(user).kind === 'all' || (before.ownerId != null && mayWriteRecord(user, { id: before.ownerId, teamId: current?.team_id ?? null })));
    if (!allowed) return { ok: false, error: NOT_FOUND_MESSAGE };
    const [after] = await tx.update(deals).set({ ...values, updatedAt: new Date() }).where(eq(deals.id, id)).returning();
    await writeAudit(tx, { userId: user.id, action: 'update', entity: 'deals', entityId: id, before, after });
    await recordActivity(tx, { userId: user.id, kind: 'update', entity: 'deals', entityId: id });
    return { ok: true, id, message: 'Deal saved.' };
  });
}
