// Cascading: a team goal split into member goals (one per member given a target), and the rolled-up
// view of them. A member goal copies the team goal's KPI, filters, department and dates; its baseline is
// the member's own KPI over the period before the start (the team's when the member has no data).
import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { queryRows, type Db } from '@/db/client';
import { goals } from '@/db/schema';
import { can, goalView, mayManageGoal, type SessionUser } from '@/lib/access';
import { writeAudit } from '@/lib/audit';
import { formatKpiValue, getKpi, type KpiKey } from '@/lib/kpi';
import type { QueryDb } from '@/db/client';
import { assessTarget, monthlyHistory, needsStretch, proposeBaseline } from './history';
import type { AchievabilityResult } from './achievability';
import { goalsChanged, loadGoal, scopeRef } from './mutations';
import { validateGoalMath } from './goal-rules';
import { now as clockNow } from '@/lib/clock';
import { FORBIDDEN_MESSAGE, type WriteResult } from '@/lib/write-result';

interface TeamMember { id: number; name: string; email: string }

/**
 * The active members of a team a goal can be split to: with `department`, only those of the goal's
 * department (a Sales goal is not split to the team's support agent; users without a department stay).
 */
export async function teamMembers(db: QueryDb, teamId: number, department?: string): Promise<TeamMember[]> {
  const dept = department ? sql` and (department = ${department} or department is null)` : sql``;
  return queryRows<TeamMember>(db, sql`select id, name, email from users where team_id = ${teamId} and active${dept} order by name`);
}

/**
 * The member goal's Achievable text: what the member's own last 12 months say of the member's target
 * (the team goal's text quotes the team's target, which means nothing on a member's page). Null when
 * the target is within the member's history and the team goal is no stretch.
 */
function memberStretchText(check: AchievabilityResult | null, parentStretch: boolean): string | null {
  if (check && check.messages.length && (needsStretch(check) || parentStretch)) return check.messages.join(' ');
  return parentStretch ? 'Part of a stretch team goal; this target is within the member’s own last 12 months.' : null;
}

export async function splitGoal(db: Db, user: SessionUser, id: number, targets: { userId: number; target: number }[], now: Date = clockNow()): Promise<WriteResult> {
  if (!can(user, 'goals.write')) return { ok: false, error: FORBIDDEN_MESSAGE };
  const parent = await loadGoal(db, id);
  if (!parent || !mayManageGoal(user, scopeRef(parent))) return { ok: false, error: FORBIDDEN_MESSAGE };
  if (parent.scope !== 'team' || parent.scopeTeamId == null || parent.state !== 'active') {
    return { ok: false, error: 'Only an active team goal can be split into member goals.' };
  }
  const kpi = getKpi(parent.kpiKey);
  if (!kpi) return { ok: false, error: 'The goal’s KPI no longer exists.' };
  const members = new Map((await teamMembers(db, parent.scopeTeamId, parent.department)).map((m) => [m.id, m]));
  const fieldErrors: Record<string, string[]> = {};
  const planned: { member: TeamMember; target: number; baseline: number; stretch: string | null }[] = [];
  for (const t of targets) {
    const member = members.get(t.userId);
    if (!member) { fieldErrors[`target_${t.userId}`] = ['Not an active member of this team in the goal’s department.']; continue; }
    const memberView = goalView(null, { filters: parent.filters, scope: 'user', scopeTeamId: null, scopeTeamName: null, scopeUserId: member.id, scopeUserEmail: member.email });
    const own = await proposeBaseline(db, memberView, kpi.key as KpiKey, parent.startDate, parent.dueDate);
    // Additive: the member's share of last period's total; level: the member's own level.
    const baseline = own ?? (kpi.aggregation === 'additive' ? 0 : parent.baseline);
    const problems = validateGoalMath({ baseline, target: t.target, direction: kpi.direction, startDate: parent.startDate, dueDate: parent.dueDate });
    if (problems.length) fieldErrors[`target_${t.userId}`] = problems.map((p) => `${p} (baseline ${formatKpiValue(baseline, kpi.unit)})`);
    else {
      const history = await monthlyHistory(db, memberView, kpi.key as KpiKey, now);
      const check = assessTarget(kpi.key as KpiKey, history, { baseline, target: t.target, startDate: parent.startDate, dueDate: parent.dueDate }, (v) => formatKpiValue(v, kpi.unit));
      planned.push({ member, target: t.target, baseline, stretch: memberStretchText(check, !!parent.stretch) });
    }
  }
  if (Object.keys(fieldErrors).length) return { ok: false, error: 'Some targets need attention.', fieldErrors };

  await db.transaction(async (tx) => {
    const existing = await tx.select({ id: goals.id, userId: goals.scopeUserId, target: goals.target }).from(goals)
      .where(and(eq(goals.parentGoalId, id), eq(goals.state, 'active')));
    for (const p of planned) {
      const prev = existing.find((e) => e.userId === p.member.id);
      if (prev) {
        if (prev.target === p.target) continue;
        await tx.update(goals).set({ target: p.target, stretch: p.stretch, updatedAt: now }).where(eq(goals.id, prev.id));
        await writeAudit(tx, { userId: user.id, action: 'update', entity: 'goals', entityId: prev.id, before: { target: prev.target }, after: { target: p.target } });
        continue;
      }
      const [row] = await tx.insert(goals).values({
        title: `${parent.title} — ${p.member.name}`,
        description: parent.description ? `Part of the team goal “${parent.title}”. ${parent.description}` : `Part of the team goal “${parent.title}”.`,
        kpiKey: parent.kpiKey, filters: parent.filters, baseline: p.baseline, target: p.target,
        scope: 'user', scopeUserId: p.member.id, department: parent.department,
        startDate: parent.startDate, dueDate: parent.dueDate, ownerId: p.member.id, createdById: user.id,
        parentGoalId: id, stretch: p.stretch,
      }).returning();
      await writeAudit(tx, { userId: user.id, action: 'split', entity: 'goals', entityId: row.id, after: row });
    }
  });
  goalsChanged();
  return { ok: true, id, message: `Member goals saved (${planned.length}).` };
}

