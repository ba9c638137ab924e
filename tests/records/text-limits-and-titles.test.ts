// [RECORDS] Text lengths through a record form (the same zod fields as the import: a field error,
// nothing written) and the ticket's subject as its title on its page and in the list.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '@/db/client';
import { protectedAction, type ActionState } from '@/lib/actions/protected-action';
import { authorizeView, type SessionUser } from '@/lib/access';
import type { RecordEntity } from '@/lib/records/entities';
import { RECORD_FORMS } from '@/lib/records/form-defs';
import { getRecord, listRecords } from '@/lib/records/read';
import { kpiDrilldown } from '@/lib/kpi/drilldown';
import { recordHeading } from '@/lib/records/titles';
import { saveRecord } from '@/lib/records/write-record';
import { createSeededDemo, formData } from '@/tests/helpers/seeded-demo';
import type { TestDb } from '@/tests/helpers/test-db';

let h: TestDb;
let admin: SessionUser, member: SessionUser;

const save = (u: SessionUser, entity: RecordEntity, o: Record<string, string>): Promise<ActionState> =>
  protectedAction('records.write', RECORD_FORMS[entity].schema, (input, who) => saveRecord(h.db, who, entity, input), { getUser: async () => u })(null, formData(o));
const count = async (q: ReturnType<typeof sql>) => (await queryRows<{ n: number }>(h.db, q))[0].n;

beforeAll(async () => {
  ({ h, admin, member } = await createSeededDemo());
}, 180_000);
afterAll(async () => h?.close());

describe('[RECORDS] text length limits in the forms', () => {
  it('a 100,000-character account name is a field error and nothing is written', async () => {
    const before = await count(sql`select count(*)::int as n from accounts`);
    const audit = await count(sql`select count(*)::int as n from audit_log`);
    const r = await save(member, 'accounts', { name: 'A'.repeat(100_000), region: 'EMEA' });
    expect(r).toMatchObject({ ok: false, fieldErrors: { name: ['must be at most 200 characters (it has 100,000)'] } });
    expect(await count(sql`select count(*)::int as n from accounts`)).toBe(before);
    expect(await count(sql`select count(*)::int as n from audit_log`)).toBe(audit);
    const ok = await save(member, 'accounts', { name: 'B'.repeat(200), region: 'EMEA' });
    expect(ok).toMatchObject({ ok: true });
  });

  it('a ticket subject over 200 characters is refused on the form', async () => {
    const r = await save(member, 'tickets', { subject: 's'.repeat(201), created_at: '2026-06-01T12:00' });
    expect(r).toMatchObject({ ok: false, fieldErrors: { subject: ['must be at most 200 characters (it has 201)'] } });
  });
});

describe('[RECORDS] ticket subject as its title', () => {
  it('the ticket form asks for the subject first', () => {
    expect(RECORD_FORMS.tickets.fields[0]).toMatchObject({ name: 'subject', kind: 'text', required: false });
  });

  it('the record page is titled by the subject, or "Ticket <external_id>" without one', async () => {
    const withSubject = await save(member, 'tickets', { subject: 'Export stops at 10,000 rows', created_at: '2026-06-01T12:00', channel: 'email' });
    const without = await save(member, 'tickets', { created_at: '2026-06-02T12:00', channel: 'chat' });
    const [a, b] = [withSubject, without].map((r) => (r && r.ok ? Number(r.id) : 0));
    const recA = await getRecord(h.db, member, 'tickets', a);
    expect(recA?.title).toBe('Export stops at 10,000 rows');
    expect(recordHeading('Ticket', recA!.title)).toBe('Ticket: Export stops at 10,000 rows');
    const recB = await getRecord(h.db, member, 'tickets', b);
    expect(recB?.title).toBe(`Ticket ${String(recB!.row.external_id)}`);
    expect(recordHeading('Ticket', recB!.title)).toBe(`Ticket ${String(recB!.row.external_id)}`);
  });

  it('the ticket list shows the title first and finds a ticket by its subject', async () => {
    const list = await listRecords(h.db, member, 'tickets', { q: 'Export stops at' });
    expect(list.total).toBeGreaterThanOrEqual(1);
    expect(Object.keys(list.rows[0])).toContain('title');
    expect(list.rows.every((r) => String(r.title).startsWith('Export stops at'))).toBe(true);
    const byTitle = await listRecords(h.db, member, 'tickets', { sort: 'title', dir: 'asc' });
    // Sorting by the title column works (its SQL is the title expression, not a column of the table).
    expect(byTitle.sort).toBe('title');
    expect(byTitle.rows.length).toBeGreaterThan(1);
  });

  it('a ticket drill-down opens on the ticket title (its subject, else "Ticket <external_id>")', async () => {
    const from = new Date(Date.UTC(2000, 0, 1));
    const to = new Date(Date.UTC(2100, 0, 1));
    const d = await kpiDrilldown(h.db, await authorizeView(h.db, admin, {}), 'first_response_time', { from, to, pageSize: 200 });
    expect(d.columns[0]).toMatchObject({ key: 'title', label: 'Ticket' });
    const expected = await queryRows<{ id: number; title: string }>(h.db, sql`select id, coalesce(subject, 'Ticket ' || external_id) as title from tickets`);
    const byId = new Map(expected.map((r) => [r.id, r.title]));
    expect(d.rows.length).toBeGreaterThan(50);
    for (const r of d.rows) expect(r.title).toBe(byId.get(Number(r.id)));
    expect(d.rows.some((r) => !String(r.title).startsWith('Ticket '))).toBe(true);
  });
});
