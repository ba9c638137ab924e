// [KPI][SCOPE] Row-level scoping: a member's drill-down holds only their own and their team's records
// (the team's read-only, product.md) and a manager's only their teams', whatever filters they pass;
// authorizeView keeps numbers within the role matrix and opens a member on their own numbers.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '@/db/client';
import { KpiForbiddenError, type SessionUser } from '@/lib/access';
import { loadSessionUser } from '@/lib/auth/session-user';
import { KPI_KEYS, type DrillRow, type KpiFilters, type KpiKey } from '@/lib/kpi';
import { kpiDrilldown, authorizedFilters } from '@/tests/helpers/engine-views';
import { createTestDb, type TestDb } from '@/tests/helpers/test-db';
import { day, importGolden } from './golden-data';

let h: TestDb;
const users = new Map<string, SessionUser>();
const period = { from: day('2024-01-01'), to: day('2026-07-01') };
const ATTEMPTS: KpiFilters[] = [
  {}, { team: 'Alpha' }, { team: 'beta' }, { team: 'Gamma' }, { owner: 'user0@example.com' }, { owner: 'USER1@example.com' },
  { owner: 'user3@example.com' }, { segment: 'Enterprise' }, { channel: 'email' }, { team: 'Beta', owner: 'user3@example.com' },
];

beforeAll(async () => {
  h = await createTestDb();
  await importGolden(h.db);
  for (const { id, email } of await queryRows<{ id: number; email: string }>(h.db, sql`select id, email from users`)) {
    const u = await loadSessionUser(h.db, { uid: id, sv: 0 });
    if (u) users.set(email, u);
  }
});
afterAll(async () => h?.close());

const viewer = (email: string) => users.get(email)!;

/** Who owns a drill-down row, looked up independently of the engine. */
async function ownerOf(row: DrillRow): Promise<number | null> {
  const q = {
    leads: sql`select owner_id as o from leads where id = ${row.id}`,
    deals: sql`select owner_id as o from deals where id = ${row.id}`,
    orders: sql`select a.owner_id as o from orders x join accounts a on a.id = x.account_id where x.id = ${row.id}`,
    tickets: sql`select assignee_id as o from tickets where id = ${row.id}`,
    'survey-responses': sql`select case when s.ticket_id is not null then t.assignee_id else a.owner_id end as o
      from survey_responses s left join tickets t on t.id = s.ticket_id left join accounts a on a.id = s.account_id where s.id = ${row.id}`,
    accounts: sql`select owner_id as o from accounts where id = ${row.id}`,
    users: sql`select id as o from users where id = ${row.id}`,
    campaigns: sql`select null::int as o`,
    expenses: sql`select null::int as o`,
  }[row.entity];
  const [r] = await queryRows<{ o: number | null }>(h.db, q);
  return r.o == null ? null : Number(r.o);
}

/** The drill-down's rows: for a ratio both of its sets (numerator and denominator), each row once. */
async function rowsFor(v: SessionUser, key: KpiKey, filters: KpiFilters): Promise<DrillRow[]> {
  // A filter out of the viewer's scope is refused before any row is read (the page answers 403): no rows.
  const d = await kpiDrilldown(h.db, key, { ...period, filters, viewer: v, pageSize: 500 }).catch((err: unknown) => {
    if (err instanceof KpiForbiddenError) return null;
    throw err;
  });
  if (!d) return [];
  expect(d.rows.length).toBe(d.total);
  if (!d.sets) return d.rows;
  const den = await kpiDrilldown(h.db, key, { ...period, filters, viewer: v, pageSize: 500, set: 'denominator' });
  expect(den.rows.length).toBe(den.total);
  const seen = new Set(d.rows.map((r) => `${r.entity}/${r.id}`));
  return [...d.rows, ...den.rows.filter((r) => !seen.has(`${r.entity}/${r.id}`))];
}

/**
 * Whether one of `owners` owns the row, or (upsell rate) a won upsell or cross-sell deal of the
 * account: the card counts an account by its deal's owner, so the drill-down lists it for them.
 */
async function reachable(key: KpiKey, row: DrillRow, owners: Set<number>): Promise<boolean> {
  const o = await ownerOf(row);
  if (o != null && owners.has(o)) return true;
  if (key !== 'upsell_cross_sell_rate' || row.entity !== 'accounts' || owners.size === 0) return false;
  const ids = sql.join([...owners].map((id) => sql`${id}::int`), sql`, `);
  const [r] = await queryRows<{ n: number }>(h.db, sql`select count(*)::int as n from deals where account_id = ${row.id}
    and type in ('upsell', 'cross_sell') and stage = 'won' and owner_id in (${ids})`);
  return r.n > 0;
}

describe('[KPI][SCOPE] drill-down rows', () => {
  it("a member sees only their own and their team's records, whatever filters they pass, for every KPI", async () => {
    const member = viewer('user3@example.com');
    const team = new Set((await queryRows<{ id: number }>(h.db, sql`select id from users where team_id = ${member.teamId}`)).map((r) => Number(r.id)));
    let own = 0;
    let teammates = 0;
    for (const key of KPI_KEYS) {
      for (const filters of ATTEMPTS) {
        for (const row of await rowsFor(member, key, filters)) {
          expect(await reachable(key, row, team), `${key} ${JSON.stringify(filters)} ${row.entity}/${row.id}`).toBe(true);
          if ((await ownerOf(row)) === member.id) own++; else teammates++;
        }
      }
    }
    // Not vacuous: the member owns records, and the team view reaches their teammates' too.
    expect(own).toBeGreaterThan(50);
    expect(teammates).toBeGreaterThan(0);
    // Their own view (an owner filter on themselves) lists their records only.
    for (const row of await rowsFor(member, 'win_rate', { owner: member.email })) expect(await ownerOf(row)).toBe(member.id);
  });

  it("a manager sees their teams' records only, and all of them", async () => {
    const manager = viewer('user1@example.com');
    const admin = viewer('user0@example.com');
    const beta = new Set((await queryRows<{ id: number }>(h.db, sql`select u.id from users u join teams t on t.id = u.team_id where t.name = 'Beta'`)).map((r) => Number(r.id)));
    expect(beta.has(manager.id)).toBe(true);
    for (const key of KPI_KEYS) {
      for (const filters of ATTEMPTS) {
        for (const row of await rowsFor(manager, key, filters)) {
          expect(await reachable(key, row, beta), `${key} ${JSON.stringify(filters)} ${row.entity}/${row.id}`).toBe(true);
        }
      }
      // Exactly the admin's rows owned by the team.
      const mine = (await rowsFor(manager, key, {})).map((r) => `${r.entity}/${r.id}`).sort();
      const all = await rowsFor(admin, key, {});
      const teams: string[] = [];
      for (const r of all) if (beta.has((await ownerOf(r)) ?? -1)) teams.push(`${r.entity}/${r.id}`);
      // The upsell rate also lists accounts of other owners with the team's upsell deals (checked above).
      if (key === 'upsell_cross_sell_rate') expect(mine, key).toEqual(expect.arrayContaining(teams));
      else expect(mine, key).toEqual(teams.sort());
    }
  });

  it('records without an owner are for admins only', async () => {
    const admin = viewer('user0@example.com');
    const rows = await rowsFor(admin, 'pipeline_value', {});
    const unowned = [];
    for (const r of rows) if ((await ownerOf(r)) == null) unowned.push(r);
    expect(unowned.length).toBeGreaterThan(0);
    expect((await rowsFor(admin, 'customer_service_cost', {})).length).toBeGreaterThan(0);
    expect(await rowsFor(viewer('user1@example.com'), 'customer_service_cost', {})).toEqual([]);
    expect(await rowsFor(viewer('user3@example.com'), 'campaign_roi', {})).toEqual([]);
  });
});

describe('[KPI][SCOPE] authorizeView', () => {
  it("a member gets their own numbers by default, their team's in the team view, and nothing else", async () => {
    const m = viewer('user3@example.com');
    expect(await authorizedFilters(h.db, m, {})).toEqual({ owner: 'user3@example.com' });
    expect(await authorizedFilters(h.db, m, {}, 'mine')).toEqual({ owner: 'user3@example.com' });
    expect(await authorizedFilters(h.db, m, {}, 'team')).toEqual({ team: 'Alpha' });
    expect(await authorizedFilters(h.db, m, { segment: 'SMB' }, 'team')).toEqual({ team: 'Alpha', segment: 'SMB' });
    expect(await authorizedFilters(h.db, m, { team: 'ALPHA', segment: 'SMB' })).toEqual({ team: 'Alpha', segment: 'SMB' });
    expect(await authorizedFilters(h.db, m, { owner: 'User3@Example.com' })).toEqual({ owner: 'user3@example.com' });
    for (const f of [{ team: 'Beta' }, { owner: 'user0@example.com' }, { team: 'Nope' }, { owner: 'ghost@example.com' }]) {
      await expect(authorizedFilters(h.db, m, f), JSON.stringify(f)).rejects.toBeInstanceOf(KpiForbiddenError);
    }
  });

  it('a manager gets their teams and their members, an admin anything', async () => {
    const mgr = viewer('user1@example.com');
    expect(await authorizedFilters(h.db, mgr, {})).toEqual({ team: 'Beta' });
    expect(await authorizedFilters(h.db, mgr, {}, 'mine')).toEqual({ team: 'Beta' }); // the member views are a member's
    expect(await authorizedFilters(h.db, mgr, { owner: 'user4@example.com' })).toEqual({ owner: 'user4@example.com' });
    await expect(authorizedFilters(h.db, mgr, { team: 'Alpha' })).rejects.toBeInstanceOf(KpiForbiddenError);
    await expect(authorizedFilters(h.db, mgr, { owner: 'user3@example.com' })).rejects.toBeInstanceOf(KpiForbiddenError);
    const admin = viewer('user0@example.com');
    expect(await authorizedFilters(h.db, admin, {})).toEqual({});
    expect(await authorizedFilters(h.db, admin, { team: 'Gamma', owner: 'x@y.z' })).toEqual({ team: 'Gamma', owner: 'x@y.z' });
  });
});
