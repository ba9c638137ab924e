// [GOALS][LIVE] Progress from the live KPI on known data: an additive goal (won revenue) and a level
// goal (first response time), the proposed baseline, the monthly history, visibility and the cards' map.
import { trustedView } from '@/lib/access';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activeGoalsByKpi } from '@/lib/goals/active-goals';
import { monthlyHistory, proposeBaseline } from '@/lib/goals/history';
import { liveProgress } from '@/lib/goals/live';
import { createGoal, updateGoal } from '@/lib/goals/mutations';
import { goalDetail, listGoals } from '@/lib/goals/queries';
import { splitGoal } from '@/lib/goals/split';
import { goalSchema } from '@/lib/validation/goals';
import { createTestDb, type TestDb } from '@/tests/helpers/test-db';
import { withLocalCache } from '@/tests/helpers/local-cache';
import { frtForm, seedGoalFixture, type GoalFixture } from './fixture';

let h: TestDb;
let f: GoalFixture;
let revenueId = 0;
let frtId = 0;

beforeAll(async () => {
  h = await createTestDb();
  f = await seedGoalFixture(h.db);
  const create = async (over: Record<string, string>) => {
    const r = await createGoal(h.db, f.alphaManager, goalSchema.parse(frtForm(f, over)), new Date('2025-01-01T00:00:00Z'));
    if (!r.ok) throw new Error(JSON.stringify(r));
    return Number(r.id);
  };
  revenueId = await create({ title: 'Won revenue Q1', kpi_key: 'won_revenue', baseline: '2700', target: '5000', department: 'sales',
    start_date: '2025-01-01', due_date: '2025-04-01' });
  frtId = await create({});
});
afterAll(async () => h?.close());

const row = async (id: number) => (await goalDetail(h.db, f.admin, id, new Date('2025-02-15T00:00:00Z')))!.goal;

describe('[GOALS][LIVE] progress from the KPI', () => {
  it('additive: won revenue over [start, now) = 1 000 + 2 000; progress 3 000 ÷ 5 000; projection × 90 ÷ 45', async () => {
    const { result } = await liveProgress(h.db, await row(revenueId), new Date('2025-02-15T00:00:00Z'));
    expect(result.current).toBe(3000); // not the deal before the start, after now, nor Beta's
    expect(result.progress).toBe(0.6);
    expect(result.projection).toBe(6000);
    expect(result.status).toBe('on_track');
    expect(result.explanation).toContain('Projection = current × (duration ÷ elapsed) = $3,000 × (90 ÷ 45) = $6,000');
  });

  it('the window is whole days, today included: at 08:00 a deal won at 10:00 the same day already counts', async () => {
    const live = await liveProgress(h.db, await row(revenueId), new Date('2025-02-01T08:00:00Z'));
    expect(live.currentPeriod).toEqual({ from: new Date('2025-01-01T00:00:00Z'), to: new Date('2025-02-02T00:00:00Z') });
    expect(live.result.current).toBe(3000); // deal 2 (1 Feb 10:00) is today's, as on the dashboard's "this month"
    // Pacing still measures time to the instant: 31 days and 8 hours of 90.
    expect(live.result.projection).toBeCloseTo(3000 * 90 / (31 + 8 / 24), 6);
    const dayBefore = await liveProgress(h.db, await row(revenueId), new Date('2025-01-31T23:00:00Z'));
    expect(dayBefore.result.current).toBe(1000);
  });

  it('additive after the due date: final total 3 000 + 9 000 = 12 000 reaches 5 000: achieved', async () => {
    const { result } = await liveProgress(h.db, await row(revenueId), new Date('2025-06-01T00:00:00Z'));
    expect(result.current).toBe(12000);
    expect(result.status).toBe('achieved');
  });

  it('level: current = mean over the last 30 days (7.5 h); projection = the weekly trend line at the due date', async () => {
    const now = new Date('2025-03-01T00:00:00Z');
    const live = await liveProgress(h.db, await row(frtId), now, { withSeries: true });
    expect(live.currentPeriod).toEqual({ from: new Date('2025-01-30T00:00:00Z'), to: now });
    expect(live.result.current).toBe(7.5);
    expect(live.result.progress).toBe(0.125); // (7.5 − 8) ÷ (4 − 8)
    // Weekly values: 8 h in the week of Jan 6 (midpoint Jan 9 12:00), 7.5 h in the week of Feb 10
    // (midpoint Feb 13 12:00): a line falling 0.5 h in 35 days, read at Jul 1 (172.5 days after the first).
    expect(live.actual.filter((p) => p.value !== null).map((p) => [p.start.slice(0, 10), p.value])).toEqual([['2025-01-06', 8], ['2025-02-10', 7.5]]);
    expect(live.result.projection).toBeCloseTo(8 - (0.5 / 35) * 172.5, 10); // 5.536
    expect(live.result.status).toBe('off_track'); // misses 4 h by 1.54 h > 10 % of the 4 h gap
  });

  it('level before the start: not started, no KPI read', async () => {
    const live = await liveProgress(h.db, await row(frtId), new Date('2024-12-01T00:00:00Z'));
    expect(live.result.status).toBe('not_started');
    expect(live.currentPeriod).toBeNull();
  });

  it('proposes the baseline from the period of the same length before the start, and shows 12 months of history', async () => {
    // [2024-07-01, 2025-01-01): only the 9 h ticket of December.
    expect(await proposeBaseline(h.db, await trustedView(h.db, { team: 'Alpha' }), 'first_response_time', '2025-01-01', '2025-07-01')).toBe(9);
    const history = await monthlyHistory(h.db, await trustedView(h.db, { team: 'Alpha' }), 'first_response_time', new Date('2025-03-10T00:00:00Z'));
    expect(history).toHaveLength(12);
    expect(history[0].month).toBe('2024-03');
    expect(history.filter((m) => m.value !== null)).toEqual([
      { month: '2024-12', value: 9 }, { month: '2025-01', value: 8 }, { month: '2025-02', value: 7.5 },
    ]);
  });
});

describe('[GOALS][LIVE] visibility, the list, roll-up and the cards', () => {
  it('members see their team’s goals, not another team’s; the Beta manager sees none of Alpha’s', async () => {
    const at = new Date('2025-02-15T00:00:00Z');
    expect((await listGoals(h.db, f.agent, {}, at)).map((i) => i.goal.id).sort()).toEqual([revenueId, frtId].sort());
    expect(await listGoals(h.db, f.betaAgent, {}, at)).toEqual([]);
    expect(await listGoals(h.db, f.betaManager, {}, at)).toEqual([]);
    expect(await goalDetail(h.db, f.betaAgent, frtId, at)).toBeNull();
    const onTrack = await listGoals(h.db, f.admin, { status: 'on_track' }, at);
    expect(onTrack.map((i) => i.goal.id)).toEqual([revenueId]);
    expect(onTrack[0].canManage).toBe(true);
    expect((await listGoals(h.db, f.agent, {}, at))[0].canManage).toBe(false);
  });

  it('rolls member goals up into the team goal and checks that targets add up', async () => {
    const at = new Date('2025-02-15T00:00:00Z');
    // Only the team's sales members carry a sales goal (Ann, in support, is not offered).
    await splitGoal(h.db, f.alphaManager, revenueId, [{ userId: f.rep.id, target: 3000 }], at);
    const d = (await goalDetail(h.db, f.alphaManager, revenueId, at))!;
    expect(d.children.map((c) => [c.goal.scopeUserName, c.live.result.current])).toEqual([['Rick Rep', 3000]]);
    expect(d.rollup).toEqual({ current: 3000, progress: 0.6, targets: { sum: 3000, difference: -2000, addsUp: false } });
  });

  it('the dashboard cards get the goal for the viewed team, with its live status', async () => {
    const cards = await activeGoalsByKpi(h.db, f.agent, { department: 'support', teamId: f.alphaId }, new Date('2025-03-01T00:00:00Z'));
    expect(cards.get('first_response_time')).toEqual({
      id: frtId, title: 'Faster first responses', target: 4, status: 'off_track', progress: 0.125, scopeLabel: 'Alpha team',
    });
    // Viewing as the member: their own goal beats the team's.
    const mine = await activeGoalsByKpi(h.db, f.rep, { department: 'sales', userId: f.rep.id }, new Date('2025-02-15T00:00:00Z'));
    expect(mine.get('won_revenue')).toMatchObject({ title: 'Won revenue Q1 — Rick Rep', target: 3000, progress: 1, status: 'achieved' });
    expect((await activeGoalsByKpi(h.db, f.betaAgent, { department: 'support', teamId: f.betaId }, new Date('2025-03-01T00:00:00Z'))).size).toBe(0);
  });

  it('the cards share goal rows and progress through the result cache; a goal saved here drops them at once', async () => {
    await withLocalCache(async (local) => {
      const at = new Date('2025-03-01T09:30:00Z');
      const view = { department: 'support' as const, teamId: f.alphaId };
      const first = await activeGoalsByKpi(h.db, f.agent, view, at);
      const misses = local.misses;
      // Another viewer of the team's goal, later the same day: rows are the viewer's own, the progress is shared.
      const other = await activeGoalsByKpi(h.db, f.alphaManager, view, new Date('2025-03-01T17:00:00Z'));
      expect(other.get('first_response_time')!.progress).toBe(first.get('first_response_time')!.progress);
      expect(local.misses - misses).toBe(1); // the manager's goal rows; the KPI over [30 Jan, 2 Mar) was held
      const again = await activeGoalsByKpi(h.db, f.agent, view, at);
      expect(local.misses - misses).toBe(1);
      expect(again.get('first_response_time')).toEqual(first.get('first_response_time'));
      const r = await updateGoal(h.db, f.alphaManager, frtId, goalSchema.parse(frtForm(f, { title: 'Faster first responses, renamed' })), at);
      expect(r.ok).toBe(true);
      expect((await activeGoalsByKpi(h.db, f.agent, view, at)).get('first_response_time')!.title).toBe('Faster first responses, renamed');
      await updateGoal(h.db, f.alphaManager, frtId, goalSchema.parse(frtForm(f, {})), at);
    });
  });
});
