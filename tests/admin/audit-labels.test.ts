// [ADMIN][AUDIT] The audit log names what a row is about and links it: an import reads "Import #2
// (deals)" (not "deals #2", which reads like a deal id), users, teams, goals and records by name, and
// the ids inside before/after with the names they stand for.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deals, teams, tickets, users } from '@/db/schema';
import { auditNames, auditSubject, auditValue, type AuditRowRef } from '@/lib/admin/audit-labels';
import { createTestDb, type TestDb } from '@/tests/helpers/test-db';

let h: TestDb;
let rick: number;
let red: number;
let deal: number;
let ticket: number;

beforeAll(async () => {
  h = await createTestDb();
  const [t] = await h.db.insert(teams).values({ name: 'Red' }).returning();
  red = t.id;
  const [u] = await h.db.insert(users).values({ email: 'rick@a.test', name: 'Rick Rep', role: 'member', department: 'sales', teamId: red }).returning();
  rick = u.id;
  const [d] = await h.db.insert(deals).values({ externalId: 'D-1', name: 'Acme renewal', ownerId: rick, amount: 1200, stage: 'prospecting', type: 'new', createdAt: new Date('2026-11-02T00:00:00Z') }).returning();
  deal = d.id;
  const [k] = await h.db.insert(tickets).values({ externalId: 'T-9', assigneeId: rick, createdAt: new Date('2026-11-02T00:00:00Z') }).returning();
  ticket = k.id;
}, 60_000);
afterAll(async () => { await h?.close(); });

describe('[ADMIN][AUDIT] auditSubject', () => {
  it('names and links each kind of row', async () => {
    const rows: AuditRowRef[] = [
      { action: 'import', entity: 'deals', entityId: '2', before: null, after: { fileName: 'deals.csv' } },
      { action: 'update', entity: 'deals', entityId: String(deal), before: { owner_id: null }, after: { owner_id: rick } },
      { action: 'create', entity: 'tickets', entityId: String(ticket), before: null, after: null },
      { action: 'update', entity: 'users', entityId: String(rick), before: { teamId: null }, after: { teamId: red } },
      { action: 'set_managers', entity: 'teams', entityId: String(red), before: { managerIds: [] }, after: { managerIds: [rick] } },
      { action: 'update', entity: 'deals', entityId: '999999', before: null, after: null },
    ];
    const names = await auditNames(h.db, rows);
    expect(rows.map((r) => auditSubject(r, names))).toEqual([
      { label: 'Import #2 (deals)', href: '/admin/imports#import-2' },
      { label: 'Deal “Acme renewal”', href: `/records/deals/${deal}` },
      { label: 'Ticket “Ticket T-9”', href: `/records/tickets/${ticket}` },
      { label: 'User Rick Rep', href: `/admin/users/${rick}` },
      { label: 'Team Red', href: '/admin/teams' },
      { label: 'Deal #999999 (deleted)', href: null },
    ]);
    expect(auditValue('owner_id', String(rick), names)).toBe(`Rick Rep (#${rick})`);
    expect(auditValue('teamId', String(red), names)).toBe(`Red (#${red})`);
    expect(auditValue('managerIds', JSON.stringify([rick]), names)).toBe(`Rick Rep (#${rick})`);
    expect(auditValue('amount', '1200', names)).toBe('1200');
    expect(auditValue('owner_id', 'null', names)).toBe('null');
  });
});
