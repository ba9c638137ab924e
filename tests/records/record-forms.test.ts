// [RECORDS] The forms of every record kind: fields derived from the import's schema, the import's rules
// reported on the form's field names, the matrix enforced on kinds owned through another record (an
// order through its account, a survey response through its ticket), campaigns admin-only, nothing
// written on refusal, and a datetime entered as a day keeping its time of day on edit.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '@/db/client';
import { protectedAction, type ActionState } from '@/lib/actions/protected-action';
import type { SessionUser } from '@/lib/access';
import type { RecordEntity } from '@/lib/records/entities';
import { RECORD_FORMS } from '@/lib/records/form-defs';
import { KIND_FORBIDDEN_MESSAGE, NOT_FOUND_MESSAGE, saveRecord } from '@/lib/records/write-record';
import { ENTITIES } from '@/lib/validation';
import { createSeededDemo, formData } from '@/tests/helpers/seeded-demo';
import type { TestDb } from '@/tests/helpers/test-db';

let h: TestDb;
let admin: SessionUser, manager: SessionUser, member: SessionUser;

const one = async <T>(q: ReturnType<typeof sql>) => (await queryRows<T>(h.db, q))[0];
const n = async (q: ReturnType<typeof sql>) => (await one<{ n: number }>(q)).n;
const totals = async () => one<Record<string, number>>(sql`select
  (select count(*)::int from accounts) as accounts, (select count(*)::int from leads) as leads, (select count(*)::int from orders) as orders,
  (select count(*)::int from campaigns) as campaigns, (select count(*)::int from tickets) as tickets, (select count(*)::int from survey_responses) as surveys,
  (select count(*)::int from audit_log) as audit, (select count(*)::int from activities) as activities`);
const save = (u: SessionUser, entity: RecordEntity, o: Record<string, string>): Promise<ActionState> =>
  protectedAction('records.write', RECORD_FORMS[entity].schema, (input, who) => saveRecord(h.db, who, entity, input), { getUser: async () => u })(null, formData(o));
const errorsOf = (r: ActionState) => (r && !r.ok ? r.fieldErrors ?? {} : {});
const idOf = (r: ActionState) => (r && r.ok ? Number(r.id) : 0);

const ownAccount = () => n(sql`select min(id)::int as n from accounts where owner_id = ${member.id}`);
const othersAccount = () => n(sql`select min(a.id)::int as n from accounts a join users u on u.id = a.owner_id where u.id <> ${member.id}`);

beforeAll(async () => {
  ({ h, admin, manager, member } = await createSeededDemo());
}, 180_000);
afterAll(async () => h?.close());

describe('[RECORDS] form definitions', () => {
  it("every kind's form has the import's columns, references as ids, and no external id", () => {
    const csv: Record<RecordEntity, keyof typeof ENTITIES> = {
      accounts: 'accounts', leads: 'leads', deals: 'deals', orders: 'orders', campaigns: 'campaigns', tickets: 'tickets', survey_responses: 'survey_responses',
    };
    const asForm = (c: string) => ({ owner_email: 'owner_id', assignee_email: 'assignee_id', account_external_id: 'account_id', campaign_external_id: 'campaign_id', ticket_external_id: 'ticket_id' } as Record<string, string>)[c] ?? c;
    for (const [entity, name] of Object.entries(csv) as [RecordEntity, keyof typeof ENTITIES][]) {
      const expected = ENTITIES[name].columns.map((c) => c.name).filter((c) => c !== 'external_id').map(asForm).sort();
      expect(RECORD_FORMS[entity].fields.map((f) => f.name).sort(), entity).toEqual(expected);
    }
    expect(RECORD_FORMS.tickets.fields.find((f) => f.name === 'created_at')?.kind).toBe('datetime');
    expect(RECORD_FORMS.deals.fields.find((f) => f.name === 'created_at')?.kind).toBe('day');
    expect(RECORD_FORMS.leads.fields.find((f) => f.name === 'source')).toMatchObject({ kind: 'enum', required: true, values: expect.arrayContaining(['web', 'referral']) });
  });
});

describe('[RECORDS] accounts and leads', () => {
  it('a member creates an account they own; a churn before the start is a field error and writes nothing', async () => {
    const before = await totals();
    const bad = await save(member, 'accounts', { name: 'Bad dates Ltd', customer_since: '2026-05-01', churned_at: '2026-04-01' });
    expect(errorsOf(bad)).toEqual({ churned_at: ['must not be before Customer since (2026-05-01)'] });
    expect(bad).toMatchObject({ values: { name: 'Bad dates Ltd' } });
    expect(await totals()).toEqual(before);
    const ok = await save(member, 'accounts', { name: 'Form Test Ltd', segment: 'smb', region: 'EMEA', customer_since: '2026-05-01', owner_id: String(admin.id) });
    const row = await one<{ owner_id: number; external_id: string; customer_since: string }>(sql`select owner_id, external_id, customer_since::text from accounts where id = ${idOf(ok)}`);
    expect(row).toMatchObject({ owner_id: member.id, customer_since: '2026-05-01' });
    expect(row.external_id).toMatch(/^ui-account-[0-9a-f]{8}$/);
    expect(await totals()).toMatchObject({ accounts: before.accounts + 1, audit: before.audit + 1, activities: before.activities + 1 });
  });

  it("the import's lead rules come back on the form's field names (account_id, not account_external_id)", async () => {
    const before = await totals();
    const res = await save(member, 'leads', { source: 'web', created_at: '2026-03-10T10:00', mql_at: '2026-03-09T10:00', converted_at: '2026-03-20T10:00' });
    expect(Object.keys(errorsOf(res)).sort()).toEqual(['account_id', 'mql_at']);
    expect(errorsOf(res).account_id?.[0]).toMatch(/required when Converted is set/);
    expect(await totals()).toEqual(before);
  });

  it('a lead converted into an account of theirs, attributed to a campaign, is saved with UTC times', async () => {
    const campaign = await n(sql`select min(id)::int as n from campaigns`);
    const res = await save(member, 'leads', { source: 'paid', created_at: '2026-03-10T10:00', mql_at: '2026-03-11T09:30', converted_at: '2026-03-20T16:45', account_id: String(await ownAccount()), campaign_id: String(campaign) });
    expect(res).toMatchObject({ ok: true });
    const row = await one<{ owner_id: number; campaign_id: number; converted: string }>(sql`select owner_id, campaign_id, to_char(converted_at at time zone 'UTC', 'YYYY-MM-DD HH24:MI') as converted from leads where id = ${idOf(res)}`);
    expect(row).toEqual({ owner_id: member.id, campaign_id: campaign, converted: '2026-03-20 16:45' });
  });

  it("a member may not point a lead at someone else's account", async () => {
    const res = await save(member, 'leads', { source: 'web', created_at: '2026-03-10T10:00', converted_at: '2026-03-12T10:00', account_id: String(await othersAccount()) });
    expect(errorsOf(res)).toEqual({ account_id: ['is not an account you may see'] });
  });
});

describe('[RECORDS] references the record already holds', () => {
  it("a member saves their own deal that belongs to another rep's account, but may not move it to one", async () => {
    const deal = await n(sql`select min(id)::int as n from deals where owner_id = ${member.id}`);
    const theirs = await othersAccount();
    await h.db.execute(sql`update deals set account_id = ${theirs} where id = ${deal}`);
    const d = await one<{ name: string; amount: string; created: string }>(sql`select name, amount::text as amount, to_char(created_at at time zone 'UTC', 'YYYY-MM-DD') as created from deals where id = ${deal}`);
    const fields = { id: String(deal), name: d.name, stage: 'negotiation', amount: '4321.00', created_at: d.created, type: 'new' };
    const kept = await save(member, 'deals', { ...fields, account_id: String(theirs) });
    expect(kept).toMatchObject({ ok: true });
    expect(await one(sql`select account_id, amount::text as amount, stage from deals where id = ${deal}`)).toEqual({ account_id: theirs, amount: '4321.00', stage: 'negotiation' });
    const other = await n(sql`select max(a.id)::int as n from accounts a where a.owner_id <> ${member.id} and a.id <> ${theirs}`);
    const moved = await save(member, 'deals', { ...fields, account_id: String(other) });
    expect(errorsOf(moved)).toEqual({ account_id: ['is not an account you may see'] });
    expect(await n(sql`select account_id as n from deals where id = ${deal}`)).toBe(theirs);
  });
});

describe('[RECORDS] orders (owned through their account)', () => {
  it('a member records an order on their own account, and not on anyone else’s', async () => {
    const before = await totals();
    const refused = await save(member, 'orders', { account_id: String(await othersAccount()), ordered_at: '2026-04-02', amount: '120.00' });
    expect(errorsOf(refused)).toEqual({ account_id: ['is not an account you may see'] });
    expect(await totals()).toEqual(before);
    const res = await save(member, 'orders', { account_id: String(await ownAccount()), ordered_at: '2026-04-02', amount: '1200.50', cost: '300', product: 'Pro' });
    expect(res).toMatchObject({ ok: true });
    expect(await one(sql`select amount::float8 as amount, cost::float8 as cost, product from orders where id = ${idOf(res)}`)).toEqual({ amount: 1200.5, cost: 300, product: 'Pro' });
  });

  it("editing an order of another member's account is refused as not found and changes nothing", async () => {
    const id = await n(sql`select min(o.id)::int as n from orders o join accounts a on a.id = o.account_id where a.owner_id <> ${member.id}`);
    const was = await one(sql`select amount::text, account_id from orders where id = ${id}`);
    const res = await save(member, 'orders', { id: String(id), account_id: String(await ownAccount()), ordered_at: '2026-04-02', amount: '1' });
    expect(res).toMatchObject({ ok: false, error: NOT_FOUND_MESSAGE });
    expect(await one(sql`select amount::text, account_id from orders where id = ${id}`)).toEqual(was);
  });

  it("a manager may move their team's order to another of the team's accounts", async () => {
    const teams = sql.join(manager.managedTeamIds.map((t) => sql`${t}::int`), sql`, `);
    const [o] = await queryRows<{ id: number; ordered_at: string; amount: string }>(h.db, sql`select o.id, to_char(o.ordered_at, 'YYYY-MM-DD') as ordered_at, o.amount::text as amount from orders o join accounts a on a.id = o.account_id join users u on u.id = a.owner_id where u.team_id in (${teams}) order by o.id limit 1`);
    const target = await n(sql`select max(a.id)::int as n from accounts a join users u on u.id = a.owner_id where u.team_id in (${teams})`);
    const res = await save(manager, 'orders', { id: String(o.id), account_id: String(target), ordered_at: o.ordered_at, amount: o.amount });
    expect(res).toMatchObject({ ok: true, id: o.id });
    expect(await n(sql`select account_id as n from orders where id = ${o.id}`)).toBe(target);
  });
});

describe('[RECORDS] campaigns (owned by nobody: admins only)', () => {
  it('members and managers are refused; an admin creates one; delivered above sent is a field error', async () => {
    const before = await totals();
    for (const u of [member, manager]) {
      expect(await save(u, 'campaigns', { name: 'X', channel: 'email', started_at: '2026-01-01', cost: '10' })).toMatchObject({ ok: false, error: KIND_FORBIDDEN_MESSAGE });
    }
    expect(errorsOf(await save(admin, 'campaigns', { name: 'X', channel: 'email', started_at: '2026-01-01', cost: '10', sent: '100', delivered: '120' }))).toEqual({ delivered: ['must not exceed Sent (100)'] });
    expect(await totals()).toEqual(before);
    const res = await save(admin, 'campaigns', { name: 'Winter push', channel: 'email', started_at: '2026-01-01', ended_at: '2026-01-31', cost: '2500', sent: '1000', delivered: '950', opens: '400', clicks: '80' });
    expect(await one(sql`select name, channel, cost::float8 as cost, delivered from campaigns where id = ${idOf(res)}`)).toEqual({ name: 'Winter push', channel: 'email', cost: 2500, delivered: 950 });
  });
});

describe('[RECORDS] tickets and survey responses', () => {
  it('a member opens a ticket assigned to themselves; a first response before opening is a field error', async () => {
    const bad = await save(member, 'tickets', { created_at: '2026-06-01T12:00', first_response_at: '2026-06-01T11:00' });
    expect(errorsOf(bad)).toEqual({ first_response_at: ['must not be before Opened (2026-06-01T12:00:00.000Z)'] });
    const res = await save(member, 'tickets', { created_at: '2026-06-01T12:00', first_response_at: '2026-06-01T12:30', channel: 'email', category: 'problem', assignee_id: String(admin.id), contacts: '1', handle_minutes: '12.5' });
    expect(res).toMatchObject({ ok: true });
    expect(await one(sql`select assignee_id, priority, handle_minutes::float8 as handle_minutes, extract(epoch from first_response_at - created_at)::int as wait from tickets where id = ${idOf(res)}`))
      .toEqual({ assignee_id: member.id, priority: 'normal', handle_minutes: 12.5, wait: 1800 });
  });

  it("a survey response on the member's own ticket is theirs; one tied to nothing of theirs rolls back", async () => {
    const ticket = await n(sql`select min(id)::int as n from tickets where assignee_id = ${member.id}`);
    expect(errorsOf(await save(member, 'survey_responses', { kind: 'csat', score: '6', responded_at: '2026-06-02', ticket_id: String(ticket) }))).toEqual({ score: ['must be between 1 and 5 for csat (got 6)'] });
    const ok = await save(member, 'survey_responses', { kind: 'nps', score: '9', responded_at: '2026-06-02', ticket_id: String(ticket) });
    expect(ok).toMatchObject({ ok: true });
    const before = await totals();
    // Valid on its own, but owned by nobody the member may write for: the write happens, then rolls back.
    const orphan = await save(member, 'survey_responses', { kind: 'nps', score: '9', responded_at: '2026-06-02' });
    expect(errorsOf(orphan)).toEqual({ ticket_id: ['would put this record outside the records you may edit'] });
    expect(await totals()).toEqual(before);
    expect(await save(admin, 'survey_responses', { kind: 'ces', score: '7', responded_at: '2026-06-02' })).toMatchObject({ ok: true });
  });
});

describe('[RECORDS] editing keeps what the form does not show', () => {
  it("a deal's created time of day survives an edit that leaves its day unchanged", async () => {
    const [d] = await queryRows<{ id: number; name: string; amount: string; stage: string; day: string; at: string }>(h.db, sql`
      select id, name, amount::text, stage, to_char(created_at at time zone 'UTC', 'YYYY-MM-DD') as day, created_at::text as at
      from deals where owner_id = ${member.id} and stage not in ('won', 'lost') and extract(hour from created_at at time zone 'UTC') > 0 order by id limit 1`);
    expect(d).toBeDefined();
    expect(await save(member, 'deals', { id: String(d.id), name: `${d.name} (renamed)`, amount: d.amount, stage: d.stage, created_at: d.day })).toMatchObject({ ok: true });
    expect(await one(sql`select name, created_at::text as at from deals where id = ${d.id}`)).toEqual({ name: `${d.name} (renamed)`, at: d.at });
  });
});
