// Creating and editing CRM records from the UI, for every kind: product.md's matrix enforced here, on
// the server, for whatever the form sent. A member writes only records they own (and owns what they
// create), a manager their teams', an admin any. "Owns" is the same rule as the drill-down's scope
// (lib/access/ownership): an order belongs to its account's owner, a survey response to its ticket's assignee
// or else its account's owner. So the rule is checked on the record as it is before the write (may I
// touch it?) and as it is after (is it still mine?), inside the write's transaction: a write that would
// hand the record out of the writer's scope rolls back. The change, its audit_log row (before/after)
// and an activity row commit together. Takes (db, user, entity, input) so tests need no request context.
import { kpiDataChanged, type DataChange } from '@/lib/kpi/result-cache';
import { derivedChanges, recordChange } from './change-notice';
import { randomUUID } from 'node:crypto';
import { eq, getTableColumns, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { queryRows, type Db } from '@/db/client';
import { accounts, campaigns, deals, leads, orders, surveyResponses, tickets } from '@/db/schema';
import { DERIVED_COLUMNS } from '@/db/schema/crm';
import { mayCreateRecordKind, mayWriteRecord, recordScope, visibleRecords, type SessionUser } from '@/lib/access';
import { recordActivity, writeAudit } from '@/lib/audit';
import type { QueryDb } from '@/db/client';
import { recordSql, kindHasOwner } from './record-sql';
import { fieldsRefused, refused, type WriteResult } from '@/lib/write-result';
import { ENTITY_DEFS, type RecordEntity } from './entities';
import { RECORD_FORMS, type RecordFormInput } from './form-defs';

export const NOT_FOUND_MESSAGE = 'This record does not exist or you may not edit it.';
export const KIND_FORBIDDEN_MESSAGE = 'Only administrators create and edit records of this kind.';

const TABLES: Record<RecordEntity, PgTable> = {
  accounts, leads, deals, orders, campaigns, tickets, survey_responses: surveyResponses,
};

/** Generated external ids say where the record came from and never collide with an import's. */
function newExternalId(prefix: string): string {
  return `ui-${prefix}-${randomUUID().slice(0, 8)}`;
}

/** Thrown inside the transaction to roll a write back; becomes a field error. */
class OutOfScope extends Error {}

export function mayCreate(user: SessionUser, entity: RecordEntity): boolean {
  return mayCreateRecordKind(user, kindHasOwner(entity));
}

/** Is record `id` of `entity` within what `user` may see and write (the drill-down's scope)? */
async function inScope(db: QueryDb, user: SessionUser, entity: RecordEntity, id: number): Promise<boolean> {
  const src = recordSql(entity);
  const rows = await queryRows<{ id: number }>(db, sql`select ${sql.raw(src.alias)}.id from ${src.from} where ${sql.raw(src.alias)}.id = ${id} and ${visibleRecords(src.kind, user)}`);
  return rows.length > 0;
}

/** The owner a write gives the record, or the field error that refuses it. */
async function resolveOwner(db: Db, user: SessionUser, sent: unknown): Promise<{ id: number | null } | { error: string }> {
  const scope = recordScope(user);
  // A member always owns what they write; a manager defaults to themselves; an admin may leave it empty.
  const wanted = scope.kind === 'owner' ? user.id : typeof sent === 'number' ? sent : scope.kind === 'all' ? null : user.id;
  if (wanted == null) return { id: null };
  const [u] = await queryRows<{ id: number; team_id: number | null }>(db, sql`select id, team_id from users where id = ${wanted} and active`);
  if (!u) return { error: 'is not an active user' };
  if (!mayWriteRecord(user, { id: u.id, teamId: u.team_id })) return { error: 'is outside the teams you may assign' };
  return { id: u.id };
}

/** The record's stored references, by form field name (empty for a new record or a missing one). */
async function storedReferences(db: Db, entity: RecordEntity, id: unknown): Promise<Record<string, unknown>> {
  if (typeof id !== 'number') return {};
  const table = TABLES[entity];
  const [row] = (await db.select().from(table).where(eq(getTableColumns(table).id, id))) as Record<string, unknown>[];
  return row ? { account_id: row.accountId, ticket_id: row.ticketId } : {};
}

/**
 * Field errors for references the writer may not point at (an account or ticket out of their scope).
 * A reference the record already holds is not checked again: a rep's own deal may belong to an account
 * another rep owns, and saving the deal's new stage must not be refused for a link the rep did not make.
 */
async function referenceErrors(db: Db, user: SessionUser, entity: RecordEntity, input: RecordFormInput): Promise<Record<string, string[]>> {
  const errors: Record<string, string[]> = {};
  const stored = await storedReferences(db, entity, input.id);
  const check = async (field: string, refEntity: RecordEntity, message: string) => {
    const v = input[field];
    if (typeof v === 'number' && v !== stored[field] && !(await inScope(db, user, refEntity, v))) errors[field] = [message];
  };
  await check('account_id', 'accounts', 'is not an account you may see');
  await check('ticket_id', 'tickets', 'is not a ticket you may see');
  // Campaigns are company-wide marketing facts: anyone may attribute a lead or deal to one.
  if (typeof input.campaign_id === 'number') {
    const [c] = await queryRows<{ id: number }>(db, sql`select id from campaigns where id = ${input.campaign_id}`);
    if (!c) errors.campaign_id = ['is not a campaign'];
  }
  return errors;
}

const sameUtcDay = (a: unknown, b: unknown) => a instanceof Date && b instanceof Date && a.toISOString().slice(0, 10) === b.toISOString().slice(0, 10);

/** Creates (input.id null) or updates a record. A missing or out-of-scope record is refused as "not found". */
export async function saveRecord(db: Db, user: SessionUser, entity: RecordEntity, input: RecordFormInput): Promise<WriteResult> {
  const form = RECORD_FORMS[entity];
  const def = ENTITY_DEFS[entity];
  if (!mayCreate(user, entity)) return refused(KIND_FORBIDDEN_MESSAGE);
  const fields: Record<string, unknown> = { ...input };
  delete fields.id;
  if (form.ownerColumn) {
    const owner = await resolveOwner(db, user, input[form.ownerColumn]);
    if ('error' in owner) return fieldsRefused({ [form.ownerColumn]: [owner.error] });
    fields[form.ownerColumn] = owner.id;
  }
  const refErrors = await referenceErrors(db, user, entity, input);
  if (Object.keys(refErrors).length > 0) return fieldsRefused(refErrors);

  const table = TABLES[entity];
  // Form fields are named like the database columns; drizzle wants its property names.
  const columns = Object.entries(getTableColumns(table)).filter(([, c]) => c.name in fields && c.name !== 'id');
  const dayFields = new Set(form.fields.filter((f) => f.kind === 'day').map((f) => f.name));
  // A datetime entered as a day keeps its stored time (to the microsecond) when the day did not change:
  // the column is left out of the update.
  const valuesFor = (before?: Record<string, unknown>) => Object.fromEntries(columns
    .filter(([key, c]) => !(before && dayFields.has(c.name) && sameUtcDay(before[key], fields[c.name])))
    .map(([key, c]) => [key, fields[c.name]]));
  const scopeError = () => fieldsRefused({ [form.scopeField ?? 'id']: ['would put this record outside the records you may edit'] });
  const noun = def.singular;

  try {
    let changes: DataChange[] = [{ table: def.table }];
    const result = await db.transaction(async (tx): Promise<WriteResult> => {
      const q = tx as unknown as Db;
      let id: number;
      let before: Record<string, unknown> | undefined;
      let after: Record<string, unknown>;
      if (input.id == null) {
        // drizzle's insert type is per table; the values were validated against this table's columns above.
        const [row] = (await tx.insert(table).values({ ...valuesFor(), externalId: newExternalId(form.idPrefix) } as never).returning()) as Record<string, unknown>[];
        id = row.id as number;
        after = row;
      } else {
        id = input.id;
        const idCol = getTableColumns(table).id;
        // Lock the row, then check the right to it as it is now (its current owner), not as the form says.
        [before] = (await tx.select().from(table).where(eq(idCol, id)).for('update')) as Record<string, unknown>[];
        if (!before || !(await inScope(q, user, entity, id))) return refused(NOT_FOUND_MESSAGE);
        [after] = (await tx.update(table).set({ ...valuesFor(before), updatedAt: new Date() } as never).where(eq(idCol, id)).returning()) as Record<string, unknown>[];
      }
      // Columns the database derives (a survey response's owner, an order's chain) are set by the
      // statement's triggers after RETURNING gave the row: the audit and the change notice read it back.
      if (DERIVED_COLUMNS[def.table]) [after] = (await tx.select().from(table).where(eq(getTableColumns(table).id, id))) as Record<string, unknown>[];
      if (!(await inScope(q, user, entity, id))) throw new OutOfScope();
      await writeAudit(tx, { userId: user.id, action: before ? 'update' : 'create', entity: def.table, entityId: id, before, after });
      await recordActivity(tx, { userId: user.id, kind: before ? 'update' : 'create', entity: def.table, entityId: id });
      changes = [await recordChange(q, def.table, table, [before, after]), ...await derivedChanges(q, def.table, before, after)];
      return { ok: true, id, message: before ? `${noun} saved.` : `${noun} created.` };
    });
    // The record's table (its owners before and after) and the activity log (the saver's row) changed.
    if (result.ok) kpiDataChanged([...changes, { table: 'activities', owners: new Map([[user.id, user.teamId]]) }]);
    return result;
  } catch (err) {
    if (err instanceof OutOfScope) return scopeError();
    throw err;
  }
}
