// [GOALS][ACCESS] A product decision made explicit (issue 11 item 11): a company goal applies to
// everyone, so a member sees its company-wide value and progress; but the company-wide numbers and
// records behind it stay the admin's: a member's KPI view and drill-down are their own (and their
// team's), never the company's. The goal page says "Company goal" and why.
import { sql } from 'drizzle-orm';
import { isValidElement, type ReactElement, type ReactNode } from 'react';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { queryRows } from '@/db/client';
import { KpiForbiddenError, type SessionUser } from '@/lib/access';
import { goalKpiFilters } from '@/lib/goals/live';
import { createGoal } from '@/lib/goals/mutations';
import { goalDetail } from '@/lib/goals/queries';
import { kpiDrilldown, authorizedFilters } from '@/tests/helpers/engine-views';
import { goalSchema } from '@/lib/validation/goals';
import { createTestDb, type TestDb } from '@/tests/helpers/test-db';
import { frtForm, seedGoalFixture, type GoalFixture } from './fixture';

const NOW = new Date('2025-03-01T00:00:00Z');
const holder: { h?: TestDb; viewer?: SessionUser } = {};
vi.mock('@/db/client', async (orig) => ({
  ...(await orig<typeof import('@/db/client')>()),
  getDb: async () => holder.h!.db,
  getReadDb: async () => holder.h!.db,
}));
vi.mock('@/lib/auth/session', () => ({
  getCurrentUser: async () => holder.viewer,
  requireUser: async () => holder.viewer,
  requirePermission: async () => holder.viewer,
}));
vi.mock('@/lib/clock', async (orig) => ({ ...(await orig<typeof import('@/lib/clock')>()), now: () => NOW }));

let f: GoalFixture;
let goalId: number;

beforeAll(async () => {
  holder.h = await createTestDb();
  f = await seedGoalFixture(holder.h.db);
  const input = goalSchema.parse(frtForm(f, {
    title: 'Company won revenue', kpi_key: 'won_revenue', baseline: '1000', target: '20000', scope: 'company', team_id: '',
    department: 'sales', owner_id: String(f.admin.id), stretch: '',
  }));
  const r = await createGoal(holder.h.db, f.admin, input, NOW);
  expect(r).toMatchObject({ ok: true });
  goalId = (r as { id: number }).id;
});
afterAll(async () => holder.h?.close());

/** Won revenue of the whole company from the goal's start to NOW, from the deals themselves. */
async function companyWonRevenue(): Promise<number> {
  const [{ v }] = await queryRows<{ v: number }>(holder.h!.db, sql`select coalesce(sum(amount), 0)::float8 as v from deals
    where stage = 'won' and closed_at >= '2025-01-01' and closed_at < ${NOW.toISOString()}`);
  return v;
}

describe('[GOALS][ACCESS] a company goal seen by a member', () => {
  it("shows the member the company's value, the same the admin sees", async () => {
    const company = await companyWonRevenue();
    expect(company).toBe(1000 + 2000 + 9000 + 5000); // Alpha's rep and Beta's manager
    const asAdmin = await goalDetail(holder.h!.db, f.admin, goalId, NOW);
    const asMember = await goalDetail(holder.h!.db, f.rep, goalId, NOW);
    expect(asAdmin!.live.result.current).toBe(company);
    expect(asMember!.live.result.current).toBe(company);
    expect(asMember!.live.result.progressPercent).toBe(asAdmin!.live.result.progressPercent);
  });

  it('but gives the member no company-wide drill-down: only their own and their team’s records', async () => {
    const db = holder.h!.db;
    const detail = (await goalDetail(db, f.rep, goalId, NOW))!;
    const period = detail.live.currentPeriod!;
    const filters = goalKpiFilters(detail.goal);
    expect(filters).toEqual({}); // no team, no owner: the whole company
    const asAdmin = await kpiDrilldown(db, 'won_revenue', { ...period, filters, viewer: f.admin, pageSize: 100 });
    const asMember = await kpiDrilldown(db, 'won_revenue', { ...period, filters, viewer: f.rep, pageSize: 100 });
    expect(asAdmin.total).toBe(4);
    expect(asMember.total).toBe(3); // Beta's deal (5 000) is not the member's to open
    expect(asMember.rows.map((r) => r.id).sort()).toEqual(asAdmin.rows.filter((r) => r.owner !== 'Bob Manager').map((r) => r.id).sort());

    // The KPI page's scope for a member is never the company: their own numbers, or their team's.
    expect(await authorizedFilters(db, f.rep, filters)).toMatchObject({ owner: 'rep@g.test' });
    expect(await authorizedFilters(db, f.rep, filters, 'team')).toMatchObject({ team: 'Alpha' });
    await expect(authorizedFilters(db, f.rep, { ...filters, team: 'Beta' })).rejects.toBeInstanceOf(KpiForbiddenError);
  });

  it('the goal page says "Company goal" and that company goals apply to everyone', async () => {
    holder.viewer = f.rep;
    const GoalPage = (await import('@/app/(app)/goals/[id]/page')).default;
    const tree = await GoalPage({ params: Promise.resolve({ id: String(goalId) }), searchParams: Promise.resolve({}) });
    expect(text(byTestId(tree, 'company-goal'))).toBe('Company goal');
    expect(text(byTestId(tree, 'company-goal-note'))).toBe(
      'Company goal. Company goals apply to everyone, so everyone sees the company’s progress toward them. Its records, and the KPI page, show only the records you may open.',
    );
  });
});

type El = ReactElement<{ children?: ReactNode; 'data-testid'?: string; description?: ReactNode }>;
function byTestId(node: ReactNode, id: string): El | null {
  if (Array.isArray(node)) {
    for (const n of node) {
      const x = byTestId(n, id);
      if (x) return x;
    }
    return null;
  }
  if (!isValidElement(node)) return null;
  const el = node as El;
  if (el.props['data-testid'] === id) return el;
  return byTestId(el.props.children, id) ?? byTestId(el.props.description, id);
}
function text(node: ReactNode): string {
  if (node == null || typeof node === 'boolean') return '';
  if (typeof node === 'string' || typeof node === 'number') return String(node);
  if (Array.isArray(node)) return node.map(text).join('');
  if (isValidElement(node)) return text((node as El).props.children);
  return '';
}
