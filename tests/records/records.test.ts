// [RECORDS] Record lists and pages are scoped like the drill-downs (member: own, manager: teams', admin:
// all; out of scope = not found), and the deal form's action enforces the matrix, refuses invalid input
// without writing, and writes the record, its audit row and an activity row together.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '@/db/client';
import { protectedAction } from '@/lib/actions/protected-action';
import type { SessionUser } from '@/lib/access';
import { RECORD_FORMS } from '@/lib/records/form-defs';
import { getRecord, listRecords, referenceNames, relatedRecords } from '@/lib/records/read';
import { saveRecord } from '@/lib/records/write-record';
import { createSeededDemo, formData } from '@/tests/helpers/seeded-demo';
import type { TestDb } from '@/tests/helpers/test-db';

let h: TestDb;
let admin: SessionUser, manager: SessionUser, member: SessionUser;

const n = async (q: ReturnType<typeof sql>) => (await queryRows<{ n: number }>(h.db, q))[0].n;
const counts = async () => ({
  deals: await n(sql`select count(*)::int as n from deals`),
  audit: await n(sql`select count(*)::int as n from audit_log`),
  activities: await n(sql`select count(*)::int as n from activities`),
});
const actionFor = (u: SessionUser) => protectedAction('records.write', RECORD_FORMS.deals.schema, (input, who) => saveRecord(h.db, who, 'deals', input), { getUser: async () => u });
const otherMembersDeal = async () => (await queryRows<{ id: number }>(h.db, sql`select d.id from deals d join users u on u.id = d.owner_id where u.role = 'member' and u.id <> ${member.id} order by d.id limit 1`))[0].id;

beforeAll(async () => {
  ({ h, admin, manager, member } = await createSeededDemo());
}, 180_000);
afterAll(async () => h?.close());

describe('[RECORDS] scoping', () => {
  it('a member lists and opens only their own leads and deals', async () => {
    for (const [entity, table] of [['leads', 'leads'], ['deals', 'deals']] as const) {
      const own = await n(sql`select count(*)::int as n from ${sql.raw(table)} where owner_id = ${member.id}`);
      const list = await listRecords(h.db, member, entity, {});
      expect(own).toBeGreaterThan(0);
      expect(list.total).toBe(own);
      for (const r of list.rows) expect((await getRecord(h.db, member, entity, Number(r.id)))?.row.owner_id).toBe(member.id);
    }
    expect(await getRecord(h.db, member, 'deals', await otherMembersDeal())).toBeNull();
  });

  it("a manager sees their teams' deals only; an admin all; campaigns (no owner) are admin-only", async () => {
    const teams = sql.join(manager.managedTeamIds.map((t) => sql`${t}::int`), sql`, `);
    const teamDeals = await n(sql`select count(*)::int as n from deals d join users u on u.id = d.owner_id where u.team_id in (${teams}) or u.id = ${manager.id}`);
    const all = await n(sql`select count(*)::int as n from deals`);
    expect((await listRecords(h.db, manager, 'deals', {})).total).toBe(teamDeals);
    expect(teamDeals).toBeLessThan(all);
    expect((await listRecords(h.db, admin, 'deals', {})).total).toBe(all);
    const outside = await n(sql`select min(d.id)::int as n from deals d join users u on u.id = d.owner_id where u.team_id is not null and u.team_id not in (${teams}) and u.id <> ${manager.id}`);
    expect(await getRecord(h.db, manager, 'deals', outside)).toBeNull();
    expect(await getRecord(h.db, admin, 'deals', outside)).not.toBeNull();
    expect((await listRecords(h.db, member, 'campaigns', {})).total).toBe(0);
    expect((await listRecords(h.db, admin, 'campaigns', {})).total).toBe(await n(sql`select count(*)::int as n from campaigns`));
  });
});

describe('[RECORDS] deal form action', () => {
  it('invalid input returns field errors and the typed values, and writes nothing', async () => {
    const before = await counts();
    const res = await actionFor(member)(null, formData({ name: '', amount: 'lots', stage: 'won', created_at: '2026-01-05', closed_at: '' }));
    expect(res).toMatchObject({ ok: false, values: { amount: 'lots', stage: 'won' } });
    const errs = res && !res.ok ? res.fieldErrors ?? {} : {};
    expect(Object.keys(errs).sort()).toEqual(['amount', 'closed_at', 'name']);
    expect(await counts()).toEqual(before);
  });

  it("a member cannot edit another member's deal, even calling the action with its id", async () => {
    const id = await otherMembersDeal();
    const [row] = await queryRows<{ amount: string; owner_id: number }>(h.db, sql`select amount::text, owner_id from deals where id = ${id}`);
    const before = await counts();
    const res = await actionFor(member)(null, formData({ id: String(id), name: 'Hijack', amount: '1', stage: 'prospecting', created_at: '2026-01-05', owner_id: String(member.id) }));
    expect(res).toMatchObject({ ok: false });
    expect(await counts()).toEqual(before);
    expect((await queryRows<{ amount: string; owner_id: number }>(h.db, sql`select amount::text, owner_id from deals where id = ${id}`))[0]).toEqual(row);
  });

  it('a valid edit writes the deal, an audit row with before/after and an activity row', async () => {
    const [d] = await queryRows<{ id: number; name: string; external_id: string }>(h.db, sql`select id, name, external_id from deals where owner_id = ${member.id} and stage not in ('won', 'lost') order by id limit 1`);
    const before = await counts();
    const res = await actionFor(member)(null, formData({ id: String(d.id), name: d.name, amount: '43210.50', stage: 'won', created_at: '2026-01-05', closed_at: '2026-02-01' }));
    expect(res).toMatchObject({ ok: true, id: d.id });
    const [after] = await queryRows<{ amount: number; stage: string; owner_id: number; external_id: string }>(h.db, sql`select amount::float8 as amount, stage, owner_id, external_id from deals where id = ${d.id}`);
    expect(after).toEqual({ amount: 43210.5, stage: 'won', owner_id: member.id, external_id: d.external_id });
    expect(await counts()).toEqual({ ...before, audit: before.audit + 1, activities: before.activities + 1 });
    const [audit] = await queryRows<{ user_id: number; action: string; before: { stage: string }; after: { stage: string; amount: number } }>(h.db, sql`select user_id, action, before, after from audit_log where entity = 'deals' and entity_id = ${String(d.id)} order by id desc limit 1`);
    expect(audit).toMatchObject({ user_id: member.id, action: 'update', after: { stage: 'won', amount: 43210.5 } });
    expect(audit.before.stage).not.toBe('won');
    const [act] = await queryRows<{ kind: string; entity: string }>(h.db, sql`select kind, entity from activities where user_id = ${member.id} and entity_id = ${d.id} order by id desc limit 1`);
    expect(act).toEqual({ kind: 'update', entity: 'deals' });
  });

  it('a member creates a deal they own (owner forced) with a generated external id; a manager cannot assign outside their teams', async () => {
    const other = (await queryRows<{ id: number }>(h.db, sql`select id from users where email = 'admin@demo.test'`))[0].id;
    const res = await actionFor(member)(null, formData({ name: 'Records test deal', amount: '900', stage: 'proposal', created_at: '2026-03-01', owner_id: String(other) }));
    expect(res).toMatchObject({ ok: true });
    const id = res && res.ok ? Number(res.id) : 0;
    const [row] = await queryRows<{ owner_id: number; external_id: string; type: string }>(h.db, sql`select owner_id, external_id, type from deals where id = ${id}`);
    expect(row.owner_id).toBe(member.id);
    expect(row.external_id).toMatch(/^ui-deal-[0-9a-f]{8}$/);
    expect(row.type).toBe('new');
    const before = await counts();
    const refused = await actionFor(manager)(null, formData({ name: 'Outside', amount: '5', stage: 'proposal', created_at: '2026-03-01', owner_id: String(other) }));
    expect(refused).toMatchObject({ ok: false, fieldErrors: { owner_id: ['is outside the teams you may assign'] } });
    expect(await counts()).toEqual(before);
  });
});

describe('[RECORDS] list order', () => {
  it('sorts by a listed column either way, and ignores a column that is not listed', async () => {
    const asc = await listRecords(h.db, admin, 'deals', { sort: 'amount', dir: 'asc' });
    const desc = await listRecords(h.db, admin, 'deals', { sort: 'amount', dir: 'desc' });
    const amounts = (r: typeof asc) => r.rows.map((x) => Number(x.amount));
    expect(amounts(asc)).toEqual([...amounts(asc)].sort((a, b) => a - b));
    expect(amounts(desc)).toEqual([...amounts(desc)].sort((a, b) => b - a));
    expect(amounts(asc)[0]).toBe(await n(sql`select min(amount)::float8 as n from deals`));
    expect(amounts(desc)[0]).toBe(await n(sql`select max(amount)::float8 as n from deals`));
    const injected = await listRecords(h.db, admin, 'deals', { sort: 'amount; drop table deals', dir: 'sideways' });
    expect({ sort: injected.sort, dir: injected.dir }).toEqual({ sort: 'created_at', dir: 'desc' });
  });
});

describe('[RECORDS] related records', () => {
  it("an account's page lists its records of every kind within the viewer's scope; a response names its ticket by its subject", async () => {
    const acc = await n(sql`select a.id as n from accounts a where a.owner_id = ${member.id} and exists (select 1 from deals d where d.account_id = a.id) order by a.id limit 1`);
    const related = await relatedRecords(h.db, member, 'accounts', acc);
    expect(related.map((r) => r.entity)).toEqual(['deals', 'orders', 'tickets', 'survey_responses', 'leads']);
    const deals = related.find((r) => r.entity === 'deals')!;
    expect(deals.total).toBe(await n(sql`select count(*)::int as n from deals where account_id = ${acc} and owner_id = ${member.id}`));
    expect(deals.rows.length).toBe(Math.min(10, deals.total));
    const [resp] = await queryRows<{ id: number; ticket_id: number; ext: string }>(h.db, sql`select s.id, s.ticket_id, coalesce(t.subject, 'Ticket ' || t.external_id) as ext from survey_responses s join tickets t on t.id = s.ticket_id where t.assignee_id = ${member.id} order by s.id limit 1`);
    const ticketRelated = await relatedRecords(h.db, member, 'tickets', resp.ticket_id);
    expect(ticketRelated[0].rows.map((r) => r.id)).toContain(resp.id);
    const rec = await getRecord(h.db, member, 'survey_responses', resp.id);
    expect(await referenceNames(h.db, member, rec!.row)).toEqual({ ticket: { id: resp.ticket_id, title: resp.ext } });
  });
});
