// [GOALS][DEMO] The seed's goals: valid, measurable from the demo data, and the North split adds up.
import { eq, isNotNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { goals } from '@/db/schema';
import { seedDemo } from '@/lib/demo/seed';
import { listGoals } from '@/lib/goals/queries';
import { loadSessionUser } from '@/lib/auth/session-user';
import { targetsAddUp } from '@/lib/goals/progress';
import { createTestDb, type TestDb } from '@/tests/helpers/test-db';

let h: TestDb;
beforeAll(async () => {
  h = await createTestDb();
  await seedDemo(h.db, { scale: 'small' });
}, 180_000);
afterAll(async () => h?.close());

describe('[GOALS][DEMO] seeded goals', () => {
  it('are all measurable (no invalid status), and cover company, team and member scopes', async () => {
    const rows = await h.db.select().from(goals);
    const admin = (await loadSessionUser(h.db, { uid: rows[0].createdById, sv: 0 }))!;
    const list = await listGoals(h.db, { ...admin, role: 'admin' }, { state: 'all' });
    expect(list).toHaveLength(9);
    expect(list.filter((i) => i.live.result.status === 'invalid')).toEqual([]);
    expect(new Set(list.map((i) => i.goal.scope))).toEqual(new Set(['company', 'team', 'user']));
    expect(list.filter((i) => i.goal.state === 'closed').map((i) => i.goal.title)).toEqual(['Enterprise: lift CSAT by 3 points']);
  });

  it('split the North team goal into 5 member goals whose targets add up to the team target', async () => {
    const children = await h.db.select().from(goals).where(isNotNull(goals.parentGoalId));
    expect(children).toHaveLength(5);
    const [parent] = await h.db.select().from(goals).where(eq(goals.id, children[0].parentGoalId!));
    expect(parent.title).toBe('North: close more revenue this quarter');
    expect(targetsAddUp(parent.target, children.map((c) => c.target)).addsUp).toBe(true);
    expect(parent.target).toBeGreaterThan(parent.baseline);
  });
});
