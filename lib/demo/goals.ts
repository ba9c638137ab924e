// The demo company's goals, set the way its managers would: baselines from the KPI over the period
// before the start (lib/kpi, like the app's own proposal), targets a realistic step from there. One
// company goal, a North team goal on won revenue split into its sellers' goals (targets adding up), a South support
// goal, and an Enterprise CSAT goal that ended last month and was closed.
import { trustedView } from '@/lib/access';
import { sql } from 'drizzle-orm';
import { queryRows } from '@/db/client';
import { goals } from '@/db/schema';
import { computeKpis, previousPeriod, type KpiKey } from '@/lib/kpi';
import { DAY_MS } from '@/lib/clock';
import type { Tx } from './context';

const iso = (d: Date) => d.toISOString().slice(0, 10);
const monthStart = (d: Date, add = 0) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + add, 1));
/** Rounded to a multiple of `step` (1000 for money, 0.1 for hours and points), without float noise. */
const round = (v: number, step: number) => (step >= 1 ? Math.round(v / step) * step : Math.round(v / step) / Math.round(1 / step));

/** The KPI over the period of the same length before [start, due): the baseline a manager is proposed. */
async function baselineOf(tx: Tx, key: KpiKey, filters: Record<string, string>, start: Date, due: Date): Promise<number | null> {
  const prev = previousPeriod(start, due);
  return (await computeKpis(tx, await trustedView(tx, filters), { from: prev.from, to: prev.to, keys: [key] }))[key];
}

export async function insertDemoGoals(tx: Tx, now: Date): Promise<number> {
  const people = await queryRows<{ id: number; email: string; name: string; role: string; department: string; team: string | null; team_id: number | null }>(tx,
    sql`select u.id, u.email, u.name, u.role, u.department, t.name as team, u.team_id from users u left join teams t on t.id = u.team_id where u.active`);
  const byEmail = (email: string) => people.find((p) => p.email === email)!;
  const byName = (name: string) => people.find((p) => p.name === name)!;
  const teamId = (name: string) => people.find((p) => p.team === name)!.team_id!;
  const admin = byEmail('admin@demo.test');
  const manager = byEmail('manager@demo.test');
  let count = 0;
  const insert = async (values: typeof goals.$inferInsert) => {
    count++;
    return (await tx.insert(goals).values(values).returning({ id: goals.id }))[0].id;
  };

  // 1. Company: won revenue this quarter 15 % above last quarter's.
  const q0 = monthStart(now, -(now.getUTCMonth() % 3));
  const q1 = monthStart(q0, 3);
  const companyBase = (await baselineOf(tx, 'won_revenue', {}, q0, q1)) ?? 500_000;
  await insert({
    title: 'Grow won revenue 15 % this quarter', description: 'Every team contributes: more deals closed at healthy sizes.',
    kpiKey: 'won_revenue', baseline: companyBase, target: round(companyBase * 1.15, 1000), scope: 'company', department: 'executive',
    startDate: iso(q0), dueDate: iso(q1), ownerId: admin.id, createdById: admin.id,
  });

  // 2. North: the quarter's won revenue, split among the team's deal owners (sales, the manager included
  // as a player-coach, and success, whose accounts' deals are theirs), so member targets add up to the team's.
  const sellers = people.filter((p) => p.team === 'North' && (p.department === 'sales' || p.department === 'success'));
  const repGoals = await Promise.all(sellers.map(async (rep) => {
    const base = (await baselineOf(tx, 'won_revenue', { owner: rep.email }, q0, q1)) ?? 0;
    return { rep, base, target: round(Math.max(base * 1.1, 20_000), 1000) };
  }));
  const northBase = (await baselineOf(tx, 'won_revenue', { team: 'North' }, q0, q1)) ?? 0;
  // Each target is at least 10 % above its owner's last quarter, so the sum is above the team's too.
  const northTarget = repGoals.reduce((s, g) => s + g.target, 0);
  const northId = await insert({
    title: 'North: close more revenue this quarter', description: 'Split among the team’s sellers; the team target is the sum of theirs.',
    kpiKey: 'won_revenue', baseline: northBase, target: northTarget, scope: 'team',
    scopeTeamId: teamId('North'), department: 'sales', startDate: iso(q0), dueDate: iso(q1), ownerId: manager.id, createdById: manager.id,
  });
  for (const g of repGoals) {
    await insert({
      title: `North: close more revenue this quarter — ${g.rep.name}`, description: 'Part of the team goal “North: close more revenue this quarter”.',
      kpiKey: 'won_revenue', baseline: g.base, target: g.target, scope: 'user', scopeUserId: g.rep.id,
      department: 'sales', startDate: iso(q0), dueDate: iso(q1), ownerId: g.rep.id, createdById: manager.id, parentGoalId: northId,
    });
  }

  // 3. South support: resolution time down 20 % over six months that started two months ago.
  const s0 = monthStart(now, -2);
  const s1 = monthStart(s0, 6);
  const tom = byName('Tom Becker');
  const southBase = (await baselineOf(tx, 'resolution_time', { team: 'South' }, s0, s1)) ?? 30;
  await insert({
    title: 'South: resolve tickets 20 % faster', description: 'Fewer hand-offs between agents; a macro library for the common questions.',
    kpiKey: 'resolution_time', baseline: round(southBase, 0.1), target: round(southBase * 0.8, 0.1), scope: 'team', scopeTeamId: teamId('South'),
    department: 'support', startDate: iso(s0), dueDate: iso(s1), ownerId: tom.id, createdById: tom.id,
  });

  // 4. Enterprise success: CSAT up 3 points over the half-year that ended last month; closed since.
  const e1 = monthStart(now, -1);
  const e0 = monthStart(e1, -6);
  const lucas = byName('Lucas Silva');
  // Kept under 97 so the target (at most 100 %) stays above it.
  const csatBase = Math.min(96, (await baselineOf(tx, 'csat', { team: 'Enterprise' }, e0, e1)) ?? 80);
  await insert({
    title: 'Enterprise: lift CSAT by 3 points', description: 'Quarterly business reviews with every enterprise account.',
    kpiKey: 'csat', baseline: round(csatBase, 0.1), target: Math.min(100, round(csatBase + 3, 0.1)), scope: 'team', scopeTeamId: teamId('Enterprise'),
    department: 'success', startDate: iso(e0), dueDate: iso(e1), ownerId: lucas.id, createdById: lucas.id,
    state: 'closed', closedAt: new Date(e1.getTime() + 2 * DAY_MS),
  });
  return count;
}
