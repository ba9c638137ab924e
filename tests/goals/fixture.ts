// A small company for the goal tests: two teams, a manager each, members, an admin, and a handful of
// deals and tickets whose KPI values are worked out by hand in the tests.
import { deals, teamManagers, teams, tickets, users } from '@/db/schema';
import type { Db } from '@/db/client';
import type { SessionUser } from '@/lib/access';
import { loadSessionUser } from '@/lib/auth/session-user';

export interface GoalFixture {
  admin: SessionUser;
  alphaManager: SessionUser;
  betaManager: SessionUser;
  agent: SessionUser;
  rep: SessionUser;
  betaAgent: SessionUser;
  alphaId: number;
  betaId: number;
}

const at = (iso: string) => new Date(iso);
const hoursAfter = (d: Date, h: number) => new Date(d.getTime() + h * 3_600_000);

export async function seedGoalFixture(db: Db): Promise<GoalFixture> {
  const [alpha, beta] = await db.insert(teams).values([{ name: 'Alpha' }, { name: 'Beta' }]).returning();
  const rows = await db.insert(users).values([
    { email: 'admin@g.test', name: 'Ada Admin', role: 'admin', department: 'executive' },
    { email: 'alice@g.test', name: 'Alice Manager', role: 'manager', department: 'support', teamId: alpha.id },
    { email: 'bob@g.test', name: 'Bob Manager', role: 'manager', department: 'sales', teamId: beta.id },
    { email: 'agent@g.test', name: 'Ann Agent', role: 'member', department: 'support', teamId: alpha.id },
    { email: 'rep@g.test', name: 'Rick Rep', role: 'member', department: 'sales', teamId: alpha.id },
    { email: 'beta-agent@g.test', name: 'Bea Agent', role: 'member', department: 'support', teamId: beta.id },
  ]).returning();
  const id = (email: string) => rows.find((r) => r.email === email)!.id;
  await db.insert(teamManagers).values([{ teamId: alpha.id, userId: id('alice@g.test') }, { teamId: beta.id, userId: id('bob@g.test') }]);

  // Won deals (won_revenue, additive). Alpha within [2025-01-01, 2025-02-15): 1 000 + 2 000.
  const deal = (n: number, owner: string, amount: number, closed: string) => ({
    externalId: `D${n}`, name: `Deal ${n}`, ownerId: id(owner), amount, stage: 'won', type: 'new',
    createdAt: at('2024-11-01T00:00:00Z'), closedAt: at(closed),
  });
  await db.insert(deals).values([
    deal(1, 'rep@g.test', 1000, '2025-01-10T10:00:00Z'),
    deal(2, 'rep@g.test', 2000, '2025-02-01T10:00:00Z'),
    deal(3, 'rep@g.test', 700, '2024-12-20T10:00:00Z'), // before the start
    deal(4, 'rep@g.test', 9000, '2025-02-20T10:00:00Z'), // after "now"
    deal(5, 'bob@g.test', 5000, '2025-01-15T10:00:00Z'), // the other team
  ]);

  // Tickets (first_response_time, level, hours). Alpha: Dec 2024 9 h; week of 2025-01-06: 8 h;
  // week of 2025-02-10: 8 h and 7 h (mean 7.5). Beta: 1 h in both weeks (never counted for Alpha).
  const ticket = (n: number, assignee: string, created: string, hours: number) => ({
    externalId: `T${n}`, assigneeId: id(assignee), channel: 'email', priority: 'normal', category: 'question',
    createdAt: at(created), firstResponseAt: hoursAfter(at(created), hours),
  });
  await db.insert(tickets).values([
    ticket(1, 'agent@g.test', '2024-12-10T09:00:00Z', 9),
    ticket(2, 'agent@g.test', '2025-01-07T09:00:00Z', 8),
    ticket(3, 'agent@g.test', '2025-02-11T09:00:00Z', 8),
    ticket(4, 'agent@g.test', '2025-02-12T09:00:00Z', 7),
    ticket(5, 'beta-agent@g.test', '2025-01-07T09:00:00Z', 1),
    ticket(6, 'beta-agent@g.test', '2025-02-11T09:00:00Z', 1),
  ]);

  const session = async (email: string) => (await loadSessionUser(db, { uid: id(email), sv: 0 }))!;
  return {
    admin: await session('admin@g.test'),
    alphaManager: await session('alice@g.test'),
    betaManager: await session('bob@g.test'),
    agent: await session('agent@g.test'),
    rep: await session('rep@g.test'),
    betaAgent: await session('beta-agent@g.test'),
    alphaId: alpha.id,
    betaId: beta.id,
  };
}

/** Form fields of a valid Alpha team goal on first response time (8 h → 4 h), overridable. */
export function frtForm(f: GoalFixture, over: Record<string, string> = {}): Record<string, string> {
  return {
    title: 'Faster first responses', description: 'Answer every ticket sooner.', kpi_key: 'first_response_time',
    baseline: '8', target: '4', scope: 'team', team_id: String(f.alphaId), department: 'support',
    start_date: '2025-01-01', due_date: '2025-07-01', owner_id: String(f.alphaManager.id), stretch: 'on', ...over,
  };
}
