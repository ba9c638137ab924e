// [GOALS][WRITE] Who may write which goals, enforced inside the mutations (a member calling them
// directly is refused too), the form schema's field errors, the stretch rule, audit rows and the split.
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { auditLog, goals } from '@/db/schema';
import { FORBIDDEN_MESSAGE, protectedAction } from '@/lib/actions/protected-action';
import { changeGoalState, createGoal, updateGoal } from '@/lib/goals/mutations';
import { splitGoal, teamMembers } from '@/lib/goals/split';
import { goalSchema, type GoalInput } from '@/lib/validation/goals';
import { createTestDb, type TestDb } from '@/tests/helpers/test-db';
import { frtForm, seedGoalFixture, type GoalFixture } from './fixture';

let h: TestDb;
let f: GoalFixture;
const NOW = new Date('2025-03-01T00:00:00Z');

beforeAll(async () => {
  h = await createTestDb();
  f = await seedGoalFixture(h.db);
});
afterAll(async () => h?.close());

const input = (over: Record<string, string> = {}): GoalInput => goalSchema.parse(frtForm(f, over));
const goalCount = async () => (await h.db.select({ n: count() }).from(goals))[0].n;
const errorsOf = (raw: Record<string, string>) => {
  const r = goalSchema.safeParse(raw);
  expect(r.success).toBe(false);
  return z.flattenError(r.error! as z.ZodError<Record<string, unknown>>).fieldErrors as Record<string, string[] | undefined>;
};

describe('[GOALS][WRITE] permissions inside the mutations', () => {
  it('a member cannot create a goal, even calling createGoal directly', async () => {
    const before = await goalCount();
    const r = await createGoal(h.db, f.agent, input(), NOW);
    expect(r).toEqual({ ok: false, error: FORBIDDEN_MESSAGE });
    expect(await goalCount()).toBe(before);
  });

  it('nor through the server action wrapper (refused before the handler)', async () => {
    const action = protectedAction('goals.write', goalSchema, async (i, u) => createGoal(h.db, u, i, NOW), { getUser: async () => f.agent });
    const fd = new FormData();
    for (const [k, v] of Object.entries(frtForm(f))) fd.append(k, v);
    expect(await action(null, fd)).toMatchObject({ ok: false, error: FORBIDDEN_MESSAGE });
  });

  it('a manager cannot create a goal for another team, one of its members, or the company', async () => {
    const before = await goalCount();
    const other = await createGoal(h.db, f.alphaManager, input({ team_id: String(f.betaId) }), NOW);
    expect(other).toMatchObject({ ok: false, error: FORBIDDEN_MESSAGE, fieldErrors: { team_id: ['You may set goals only for your teams and their members.'] } });
    const member = await createGoal(h.db, f.alphaManager, input({ scope: 'user', user_id: String(f.betaAgent.id) }), NOW);
    expect(member).toMatchObject({ ok: false, error: FORBIDDEN_MESSAGE });
    const company = await createGoal(h.db, f.alphaManager, input({ scope: 'company' }), NOW);
    expect(company).toMatchObject({ ok: false, fieldErrors: { scope: ['Only admins set company goals.'] } });
    expect(await goalCount()).toBe(before);
  });

  it('a manager creates a goal for their team, with an audit row in the same write', async () => {
    const r = await createGoal(h.db, f.alphaManager, input(), NOW);
    expect(r).toMatchObject({ ok: true });
    const id = Number((r as { id: number }).id);
    const [row] = await h.db.select().from(goals).where(eq(goals.id, id));
    expect(row).toMatchObject({ title: 'Faster first responses', kpiKey: 'first_response_time', baseline: 8, target: 4, scope: 'team',
      scopeTeamId: f.alphaId, department: 'support', startDate: '2025-01-01', dueDate: '2025-07-01', createdById: f.alphaManager.id, state: 'active' });
    expect(row.stretch).toContain('better than the best month');
    const audit = await h.db.select().from(auditLog).where(eq(auditLog.entityId, String(id)));
    expect(audit.map((a) => [a.action, a.entity, a.userId])).toEqual([['create', 'goals', f.alphaManager.id]]);
  });

  it('members and other teams’ managers cannot edit, close or archive it; its manager and admins can', async () => {
    const created = await createGoal(h.db, f.alphaManager, input({ title: 'Edit me' }), NOW);
    const id = Number((created as { id: number }).id);
    expect(await updateGoal(h.db, f.agent, id, input({ title: 'Hacked' }), NOW)).toEqual({ ok: false, error: FORBIDDEN_MESSAGE });
    expect(await updateGoal(h.db, f.betaManager, id, input({ title: 'Hacked' }), NOW)).toEqual({ ok: false, error: FORBIDDEN_MESSAGE });
    expect(await changeGoalState(h.db, f.agent, id, 'close', NOW)).toEqual({ ok: false, error: FORBIDDEN_MESSAGE });
    expect(await changeGoalState(h.db, f.betaManager, id, 'archive', NOW)).toEqual({ ok: false, error: FORBIDDEN_MESSAGE });
    const [unchanged] = await h.db.select().from(goals).where(eq(goals.id, id));
    expect([unchanged.title, unchanged.state]).toEqual(['Edit me', 'active']);

    expect(await updateGoal(h.db, f.alphaManager, id, input({ title: 'Edited', target: '5' }), NOW)).toMatchObject({ ok: true });
    expect(await changeGoalState(h.db, f.admin, id, 'close', NOW)).toMatchObject({ ok: true });
    const [after] = await h.db.select().from(goals).where(eq(goals.id, id));
    expect([after.title, after.target, after.state, after.closedAt?.toISOString()]).toEqual(['Edited', 5, 'closed', NOW.toISOString()]);
    const actions = await h.db.select({ a: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, String(id)));
    expect(actions.map((a) => a.a).sort()).toEqual(['close', 'create', 'update']);
  });

  it('an admin can create a company goal', async () => {
    const r = await createGoal(h.db, f.admin, input({ scope: 'company', team_id: '' , owner_id: String(f.admin.id) }), NOW);
    expect(r).toMatchObject({ ok: true });
  });
});

describe('[GOALS][WRITE] field errors', () => {
  it('due date before the start, target equal to the baseline, a KPI that does not exist', () => {
    expect(errorsOf(frtForm(f, { start_date: '2025-07-01', due_date: '2025-01-01' })).due_date)
      .toEqual(['The due date must be after the start date.']);
    expect(errorsOf(frtForm(f, { target: '8' })).target).toEqual(['The target must differ from the baseline.']);
    expect(errorsOf(frtForm(f, { kpi_key: 'happiness_index' })).kpi_key).toEqual(['There is no such KPI.']);
  });

  it('all at once, with the direction and filter rules', () => {
    const e = errorsOf(frtForm(f, { title: '', target: '9', due_date: '2024-12-01', filter_source: 'web', scope: 'team', team_id: '' }));
    expect(e).toEqual({
      title: ['Give the goal a title.'],
      target: ['Lower is better for this KPI, so the target must be below the baseline.'],
      due_date: ['The due date must be after the start date.'],
      filter_source: ['First response time cannot be filtered by source.'],
      team_id: ['Choose the team.'],
    });
  });

  it('a target beyond the history needs the stretch flag (checked on the server)', async () => {
    const r = await createGoal(h.db, f.alphaManager, input({ stretch: '' }), NOW);
    expect(r).toMatchObject({ ok: false });
    const msg = (r as { fieldErrors: Record<string, string[]> }).fieldErrors.stretch[0];
    expect(msg).toContain('The target 4.0 h is better than the best month of the last 12 months (7.5 h, in 2025-02).');
    expect(msg).toContain('Tick “Stretch goal” to save it anyway.');
    // Within the history (7.5 h was reached) it saves without the flag: 9 h → 7.5 h over six months.
    expect(await createGoal(h.db, f.alphaManager, input({ stretch: '', baseline: '9', target: '7.5' }), NOW)).toMatchObject({ ok: true });
  });
});

describe('[GOALS][WRITE] split into member goals', () => {
  it('creates one goal per member with their own baseline; other teams’ and other departments’ people are refused', async () => {
    const team = await createGoal(h.db, f.alphaManager, input({
      title: 'Won revenue Q1', kpi_key: 'won_revenue', baseline: '2700', target: '5000', department: 'sales',
      start_date: '2025-01-01', due_date: '2025-04-01', stretch: 'on',
    }), NOW);
    const id = Number((team as { id: number }).id);
    expect(await splitGoal(h.db, f.agent, id, [{ userId: f.rep.id, target: 3000 }], NOW)).toEqual({ ok: false, error: FORBIDDEN_MESSAGE });
    const bad = await splitGoal(h.db, f.alphaManager, id, [{ userId: f.betaAgent.id, target: 1 }], NOW);
    expect(bad).toMatchObject({ ok: false, fieldErrors: { [`target_${f.betaAgent.id}`]: ['Not an active member of this team in the goal’s department.'] } });
    // Ann is in the Alpha team but in support: a sales goal is not hers to carry.
    const support = await splitGoal(h.db, f.alphaManager, id, [{ userId: f.rep.id, target: 3000 }, { userId: f.agent.id, target: 2000 }], NOW);
    expect(support).toMatchObject({ ok: false, fieldErrors: { [`target_${f.agent.id}`]: ['Not an active member of this team in the goal’s department.'] } });
    expect((await teamMembers(h.db, f.alphaId, 'sales')).map((m) => m.name)).toEqual(['Rick Rep']);
    const ok = await splitGoal(h.db, f.alphaManager, id, [{ userId: f.rep.id, target: 3000 }], NOW);
    expect(ok).toMatchObject({ ok: true });
    const children = await h.db.select().from(goals).where(eq(goals.parentGoalId, id));
    // Rick's won revenue in [2024-10-03, 2025-01-01) (the 90 days before): the 700 deal.
    expect(children).toHaveLength(1);
    expect(children[0]).toMatchObject({ scope: 'user', ownerId: f.rep.id, baseline: 700, target: 3000, kpiKey: 'won_revenue' });
    // The member goal's Achievable text is about Rick's own target and months, not the team's $5,000.
    // (the team goal's text: "The target $5,000 is better than the best month …").
    expect(children[0].stretch).toBe('Part of a stretch team goal; this target is within the member’s own last 12 months.');
    // Splitting again updates the targets instead of adding goals.
    await splitGoal(h.db, f.alphaManager, id, [{ userId: f.rep.id, target: 3500 }], NOW);
    const again = await h.db.select().from(goals).where(eq(goals.parentGoalId, id));
    expect(again.map((c) => c.target)).toEqual([3500]);
    expect(again[0].stretch).not.toContain('5,000');
    // Beyond Rick's own months: his goal says so with his target.
    await splitGoal(h.db, f.alphaManager, id, [{ userId: f.rep.id, target: 50_000 }], NOW);
    const [beyond] = await h.db.select().from(goals).where(eq(goals.parentGoalId, id));
    expect(beyond.stretch).toContain('The target $50,000 ($16,910 per month');
  });
});
