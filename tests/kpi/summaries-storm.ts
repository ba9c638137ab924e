// A seeded random storm of writes over the golden data, through every write path: raw SQL (inserts,
// updates, deletes of every summarised kind, an account's owner and segment, a ticket's assignee, a
// user moved to another team, a lead converting later), the record forms (lib/records/write-record.ts)
// and the CSV import (lib/import). Each operation is checked to have done something, so the storm
// cannot pass by writing nothing.
import { Readable } from 'node:stream';
import { sql, type SQL } from 'drizzle-orm';
import { expect } from 'vitest';
import { queryRows, type Db } from '@/db/client';
import { protectedAction } from '@/lib/actions/protected-action';
import type { SessionUser } from '@/lib/access';
import { importFile } from '@/lib/import';
import type { RecordEntity } from '@/lib/records/entities';
import { RECORD_FORMS } from '@/lib/records/form-defs';
import { saveRecord } from '@/lib/records/write-record';
import { formData } from '@/tests/helpers/seeded-demo';

type Rnd = () => number;

export interface Storm { db: Db; rnd: Rnd; admin: SessionUser; counts: Record<string, number> }

const pick = <T>(r: Rnd, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
const START = Date.UTC(2024, 5, 1);
const SPAN = Date.UTC(2026, 5, 1) - START;
const at = (r: Rnd) => new Date(START + Math.floor(r() * SPAN));
const later = (r: Rnd, d: Date) => new Date(d.getTime() + Math.floor(r() * 40 * 86_400_000));
const iso = (d: Date | null) => (d ? d.toISOString() : null);
const PRODUCTS = ['Pro', 'pro', 'Core', 'Suite', null] as const;

async function ids(db: Db, table: string, where = 'true'): Promise<number[]> {
  return (await queryRows<{ id: number }>(db, sql.raw(`select id from ${table} where ${where} order by id`))).map((r) => r.id);
}
async function run(s: Storm, name: string, q: SQL): Promise<void> {
  await s.db.execute(q);
  s.counts[name] = (s.counts[name] ?? 0) + 1;
}
const owner = async (s: Storm) => (s.rnd() < 0.1 ? null : pick(s.rnd, await ids(s.db, 'users')));
const account = async (s: Storm) => pick(s.rnd, await ids(s.db, 'accounts'));

export const SQL_OPS: Record<string, (s: Storm) => Promise<void>> = {
  async insertDeals(s) {
    const r = s.rnd;
    for (let i = 0; i < 1 + Math.floor(r() * 4); i++) {
      const stage = pick(r, ['won', 'won', 'lost', 'proposal'] as const);
      const created = at(r);
      await run(s, 'sql insert deal', sql`insert into deals (external_id, name, account_id, owner_id, product, type, amount, stage, created_at, closed_at, contract_months)
        values (${`storm-d-${r()}`}, 'Storm deal', ${await account(s)}, ${await owner(s)}, ${pick(r, PRODUCTS)}, 'new', ${Math.round(r() * 1e7) / 100}, ${stage},
        ${iso(created)}::timestamptz, ${stage === 'proposal' ? null : iso(later(r, created))}::timestamptz, ${r() < 0.5 ? 12 : null})`);
    }
  },
  async updateDeals(s) {
    const r = s.rnd;
    const id = pick(r, await ids(s.db, 'deals'));
    if (r() < 0.5) await run(s, 'sql deal owner', sql`update deals set owner_id = ${await owner(s)} where id = ${id}`);
    else await run(s, 'sql deal won', sql`update deals set stage = 'won', closed_at = created_at + interval '3 days', amount = amount + 1 where id = ${id}`);
  },
  async campaignDeal(s) {
    // A deal attributed to a campaign is won: campaign ROI changes in every view, whoever owns the deal
    // (it reads deals inside the campaigns pass, unfiltered), so the cache must not keep it by owner.
    const r = s.rnd;
    const campaign = pick(r, await ids(s.db, 'campaigns'));
    const id = pick(r, await ids(s.db, 'deals'));
    await run(s, 'sql campaign deal won', sql`update deals set campaign_id = ${campaign}, stage = 'won', closed_at = coalesce(closed_at, created_at + interval '5 days'),
      amount = amount + 1000 where id = ${id}`);
  },
  async deleteDeals(s) {
    await run(s, 'sql delete deal', sql`delete from deals where id = ${pick(s.rnd, await ids(s.db, 'deals'))}`);
  },
  async insertLeads(s) {
    const r = s.rnd;
    const created = at(r);
    await run(s, 'sql insert lead', sql`insert into leads (external_id, created_at, source, owner_id, first_contacted_at, mql_at, sql_at)
      values (${`storm-l-${r()}`}, ${iso(created)}::timestamptz, ${pick(r, ['web', 'email', 'referral'])}, ${await owner(s)},
      ${r() < 0.6 ? iso(later(r, created)) : null}::timestamptz, ${iso(later(r, created))}::timestamptz, ${r() < 0.4 ? iso(later(r, created)) : null}::timestamptz)`);
  },
  async convertLead(s) {
    // A cohort outcome arriving later: the lead's creation day's row changes.
    const id = pick(s.rnd, await ids(s.db, 'leads', 'converted_at is null and disqualified_at is null'));
    await run(s, 'sql lead converts', sql`update leads set converted_at = now(), account_id = ${await account(s)}, first_contacted_at = coalesce(first_contacted_at, created_at + interval '2 hours') where id = ${id}`);
  },
  async updateLeadOwner(s) {
    await run(s, 'sql lead owner', sql`update leads set owner_id = ${await owner(s)}, source = 'event' where id = ${pick(s.rnd, await ids(s.db, 'leads'))}`);
  },
  async deleteLeads(s) {
    await run(s, 'sql delete lead', sql`delete from leads where id = ${pick(s.rnd, await ids(s.db, 'leads'))}`);
  },
  async insertOrders(s) {
    const r = s.rnd;
    for (let i = 0; i < 1 + Math.floor(r() * 5); i++) {
      const amount = Math.round(r() * 1e6) / 100;
      await run(s, 'sql insert order', sql`insert into orders (external_id, account_id, ordered_at, amount, cost, product)
        values (${`storm-o-${r()}`}, ${await account(s)}, ${iso(at(r))}::timestamptz, ${amount}, ${r() < 0.5 ? amount / 2 : null}, ${pick(r, PRODUCTS)})`);
    }
  },
  async updateOrders(s) {
    await run(s, 'sql order moved', sql`update orders set account_id = ${await account(s)}, amount = amount * 2, ordered_at = ordered_at - interval '1 day'
      where id = ${pick(s.rnd, await ids(s.db, 'orders'))}`);
  },
  async upsertOrders(s) {
    // One INSERT … ON CONFLICT DO UPDATE that both updates an order and inserts another for the same
    // account (both statement triggers fire, each seeing only its half): the order chains must hold.
    const r = s.rnd;
    const id = pick(r, await ids(s.db, 'orders'));
    const [o] = await queryRows<{ external_id: string; account_id: number }>(s.db, sql`select external_id, account_id from orders where id = ${id}`);
    await run(s, 'sql upsert orders', sql`insert into orders (external_id, account_id, ordered_at, amount, cost, product)
      values (${o.external_id}, ${o.account_id}, ${iso(at(r))}::timestamptz, 10, null, 'Core'),
             (${`storm-o-${r()}`}, ${o.account_id}, ${iso(at(r))}::timestamptz, 20, 5, 'Pro')
      on conflict (external_id) do update set ordered_at = excluded.ordered_at, cost = excluded.cost, amount = excluded.amount`);
  },
  async orderCosts(s) {
    // Costs dropped and set on one account's orders: its chain of costed orders changes.
    const [{ account_id: account }] = await queryRows<{ account_id: number }>(s.db, sql`select account_id from orders where id = ${pick(s.rnd, await ids(s.db, 'orders'))}`);
    await run(s, 'sql order costs', sql`update orders set cost = case when cost is null then amount / 4 end where account_id = ${account}`);
  },
  async deleteOrders(s) {
    await run(s, 'sql delete order', sql`delete from orders where id = ${pick(s.rnd, await ids(s.db, 'orders'))}`);
  },
  async insertTickets(s) {
    const r = s.rnd;
    const created = at(r);
    await run(s, 'sql insert ticket', sql`insert into tickets (external_id, account_id, assignee_id, channel, category, created_at, first_response_at, resolved_at, contacts, handle_minutes)
      values (${`storm-t-${r()}`}, ${await account(s)}, ${await owner(s)}, ${pick(r, ['email', 'chat', 'phone'])}, ${pick(r, ['complaint', 'problem'])},
      ${iso(created)}::timestamptz, ${iso(later(r, created))}::timestamptz, ${r() < 0.7 ? iso(later(r, created)) : null}::timestamptz, ${r() < 0.5 ? 1 : 2}, ${r() < 0.5 ? 12.5 : null})`);
  },
  async ticketAssignee(s) {
    // Moves the ticket and its survey responses to another owner.
    const id = pick(s.rnd, await ids(s.db, 'tickets', 'id in (select ticket_id from survey_responses)'));
    await run(s, 'sql ticket assignee', sql`update tickets set assignee_id = ${await owner(s)} where id = ${id}`);
  },
  async deleteTickets(s) {
    const id = pick(s.rnd, await ids(s.db, 'tickets', 'id in (select ticket_id from survey_responses)'));
    await run(s, 'sql delete ticket', sql`delete from tickets where id = ${id}`);
  },
  async insertSurveys(s) {
    const r = s.rnd;
    const ticket = r() < 0.5 ? pick(r, await ids(s.db, 'tickets')) : null;
    const kind = pick(r, ['csat', 'nps', 'ces'] as const);
    await run(s, 'sql insert survey', sql`insert into survey_responses (external_id, kind, score, responded_at, account_id, ticket_id)
      values (${`storm-s-${r()}`}, ${kind}, ${kind === 'nps' ? Math.floor(r() * 11) : 1 + Math.floor(r() * 5)}, ${iso(at(r))}::timestamptz, ${await account(s)}, ${ticket})`);
  },
  async deleteSurveys(s) {
    await run(s, 'sql delete survey', sql`delete from survey_responses where id = ${pick(s.rnd, await ids(s.db, 'survey_responses'))}`);
  },
  async accountOwner(s) {
    // Moves the account's orders and ticketless responses; its segment changes too.
    await run(s, 'sql account owner+segment', sql`update accounts set owner_id = ${await owner(s)}, segment = ${pick(s.rnd, ['SMB', 'enterprise', null])} where id = ${await account(s)}`);
  },
  async accountRegion(s) {
    // Only its region: moves its responses between the survey months' region keys (spellings differ in case).
    await run(s, 'sql account region', sql`update accounts set region = ${pick(s.rnd, ['EMEA', 'emea', 'APAC', 'NA', null])} where id = ${await account(s)}`);
  },
  async deleteAccount(s) {
    // An account with orders (deleted by the cascade) and no converted lead (whose check would refuse it).
    const free = await ids(s.db, 'accounts', 'id not in (select account_id from leads where converted_at is not null) and id in (select account_id from orders)');
    const id = free.length ? pick(s.rnd, free) : (await ids(s.db, 'accounts', 'id not in (select account_id from leads where converted_at is not null)'))[0];
    if (id != null) await run(s, 'sql delete account', sql`delete from accounts where id = ${id}`);
  },
  // Customer states (customer_days): a prospect becomes a customer, a customer churns, a churned one
  // comes back, a start moves; churned_at stays on or after customer_since (the table's CHECK).
  async accountStarts(s) {
    await run(s, 'sql account becomes customer', sql`update accounts set customer_since = ${iso(at(s.rnd))!.slice(0, 10)}::date, churned_at = null where id = ${await account(s)}`);
  },
  async accountChurns(s) {
    const since = iso(at(s.rnd))!.slice(0, 10);
    await run(s, 'sql account churns', sql`update accounts set customer_since = coalesce(customer_since, ${since}::date),
      churned_at = coalesce(customer_since, ${since}::date) + ${Math.floor(s.rnd() * 400)}::int where id = ${await account(s)}`);
  },
  async accountReturns(s) {
    await run(s, 'sql account returns', sql`update accounts set churned_at = null where id = ${pick(s.rnd, await ids(s.db, 'accounts', 'churned_at is not null'))}`);
  },
  async accountStartMoves(s) {
    const since = iso(at(s.rnd))!.slice(0, 10);
    await run(s, 'sql account start moves', sql`update accounts set customer_since = ${since}::date, churned_at = greatest(churned_at, ${since}::date)
      where id = ${pick(s.rnd, await ids(s.db, 'accounts', 'customer_since is not null'))}`);
  },
  async insertAccounts(s) {
    const r = s.rnd;
    const since = r() < 0.7 ? iso(at(r))!.slice(0, 10) : null;
    await run(s, 'sql insert account', sql`insert into accounts (external_id, name, owner_id, segment, customer_since, churned_at)
      values (${`storm-a-${r()}`}, 'Storm account', ${await owner(s)}, 'SMB', ${since}::date, ${since && r() < 0.4 ? since : null}::date + ${Math.floor(r() * 200)}::int)`);
  },
  async moveUser(s) {
    await run(s, 'sql user to another team', sql`update users set team_id = (select id from teams order by random() limit 1) where id = ${pick(s.rnd, await ids(s.db, 'users'))}`);
  },
};

const save = (s: Storm, entity: RecordEntity, o: Record<string, string>) =>
  protectedAction('records.write', RECORD_FORMS[entity].schema, (input, who) => saveRecord(s.db, who, entity, input), { getUser: async () => s.admin })(null, formData(o));

async function formOp(s: Storm): Promise<void> {
  const r = s.rnd;
  const op = pick(r, ['create deal', 'edit deal', 'create order', 'edit account'] as const);
  let res;
  if (op === 'create deal') {
    const created = at(r);
    res = await save(s, 'deals', { name: 'Form deal', amount: String(Math.round(r() * 1e5)), stage: 'won', type: 'new', product: 'Pro',
      created_at: iso(created)!.slice(0, 10), closed_at: iso(later(r, created))!.slice(0, 10), owner_id: String(pick(r, await ids(s.db, 'users', 'active'))), account_id: String(await account(s)) });
  } else if (op === 'edit deal') {
    const [d] = await queryRows<Record<string, string>>(s.db, sql`select id::text, name, amount::text, stage, type, coalesce(product, '') as product,
      to_char(created_at at time zone 'UTC', 'YYYY-MM-DD') as created_at, to_char(closed_at at time zone 'UTC', 'YYYY-MM-DD') as closed_at, account_id::text
      from deals where stage = 'won' and account_id is not null order by id limit 1 offset ${Math.floor(r() * 5)}`);
    res = await save(s, 'deals', { ...d, owner_id: String(pick(r, await ids(s.db, 'users', 'active'))), amount: String(Number(d.amount) + 7) });
  } else if (op === 'create order') {
    res = await save(s, 'orders', { account_id: String(await account(s)), ordered_at: iso(at(r))!.slice(0, 10), amount: '123.45', cost: '', product: 'Core' });
  } else {
    const [a] = await queryRows<Record<string, string>>(s.db, sql`select id::text, name, coalesce(industry, '') as industry, coalesce(region, '') as region,
      coalesce(customer_since::text, '') as customer_since, coalesce(churned_at::text, '') as churned_at from accounts where id in (select account_id from orders)
      order by id limit 1 offset ${Math.floor(r() * 5)}`);
    res = await save(s, 'accounts', { ...a, segment: pick(r, ['SMB', 'Mid-market']), owner_id: String(pick(r, await ids(s.db, 'users', 'active'))) });
  }
  expect(res, `form ${op}`).toMatchObject({ ok: true });
  s.counts[`form ${op}`] = (s.counts[`form ${op}`] ?? 0) + 1;
}

async function importOp(s: Storm): Promise<void> {
  const r = s.rnd;
  const emails = (await queryRows<{ email: string }>(s.db, sql`select email from users where active order by id`)).map((u) => u.email);
  const accts = (await queryRows<{ external_id: string }>(s.db, sql`select external_id from accounts order by id`)).map((a) => a.external_id);
  const existing = (await queryRows<{ external_id: string; created: string }>(s.db, sql`select external_id, created_at::text as created from deals order by id limit 5 offset ${Math.floor(r() * 20)}`));
  const rows = ['external_id,name,account_external_id,owner_email,product,type,amount,stage,created_at,closed_at,contract_months'];
  for (const d of existing) rows.push(`${d.external_id},Imported ${d.external_id},${pick(r, accts)},${pick(r, emails)},Suite,new,${Math.round(r() * 1e5)},Won,2025-03-01T10:00:00Z,2025-05-0${1 + Math.floor(r() * 9)}T12:00:00Z,24`);
  for (let i = 0; i < 3; i++) rows.push(`storm-imp-${Math.floor(r() * 1e9)},New import,${pick(r, accts)},${pick(r, emails)},Pro,new,${Math.round(r() * 1e5)},Lost,2025-06-01T10:00:00Z,2025-07-15T08:00:00Z,`);
  const res = await importFile(s.db, { entity: 'deals', stream: Readable.from([Buffer.from(`${rows.join('\n')}\n`)]), fileName: 'storm-deals.csv' });
  expect(res.ok, JSON.stringify(res).slice(0, 500)).toBe(true);
  s.counts['import deals'] = (s.counts['import deals'] ?? 0) + 1;
}

/** Every raw-SQL operation once, then `rounds` random ones: two thirds raw SQL, the rest forms and imports. */
export async function storm(s: Storm, rounds: number): Promise<void> {
  const names = Object.keys(SQL_OPS);
  // Every SQL path once, then a random mix.
  for (const name of names) await SQL_OPS[name](s);
  for (let i = 0; i < rounds; i++) await stormStep(s);
}

/** One random operation: two thirds raw SQL, the rest forms and imports. Returns its path. */
export async function stormStep(s: Storm): Promise<'sql' | 'form' | 'import'> {
  const x = s.rnd();
  if (x < 0.67) await SQL_OPS[pick(s.rnd, Object.keys(SQL_OPS))](s);
  else if (x < 0.9) await formOp(s);
  else await importOp(s);
  return x < 0.67 ? 'sql' : x < 0.9 ? 'form' : 'import';
}
