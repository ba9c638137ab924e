// Writing goals: create, edit, close, archive, reopen. Every function checks the caller's right to the
// goal itself (members never; managers for their teams and members; admins all), whoever calls it, and
// writes the change and its audit row in one transaction.
import 'server-only';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { queryRows, type Db } from '@/db/client';
import { goals } from '@/db/schema';
import { can, mayManageGoal, type SessionUser } from '@/lib/access';
import { writeAudit } from '@/lib/audit';
import { kpiDataChanged } from '@/lib/kpi/result-cache';
import { formatKpiValue, getKpi, type KpiKey } from '@/lib/kpi';
import type { GoalInput } from '@/lib/validation/goals';
import { assessTarget, monthlyHistory, needsStretch, resolveScope, scopeView, type ResolvedScope } from './history';
import { selectGoals, type GoalRow } from './rows';
import { now as clockNow } from '@/lib/clock';
import { FORBIDDEN_MESSAGE, fieldsRefused, refused, type WriteRefused, type WriteResult } from '@/lib/write-result';

type Fail = WriteRefused;
const forbidden = refused;
const fieldError = (field: string, message: string): Fail => fieldsRefused({ [field]: [message] });

export async function loadGoal(db: Db, id: number): Promise<GoalRow | null> {
  const [row] = await selectGoals(db, eq(goals.id, id));
  return row ?? null;
}

/** A goal row's scope as mayManageGoal takes it. */
export function scopeRef(g: GoalRow) {
  return { scope: g.scope, teamId: g.scopeTeamId, userTeamId: g.scopeUserTeamId, userId: g.scopeUserId };
}

/** Every check that needs the database, in the order a manager would fix them. */
async function checkInput(db: Db, user: SessionUser, input: GoalInput, now: Date, selfId?: number): Promise<{ scope: ResolvedScope; stretch: string | null } | Fail> {
  const scope = await resolveScope(db, input);
  if (!scope) return fieldError(input.scope === 'user' ? 'user_id' : 'team_id', 'There is no such team or active member.');
  if (!mayManageGoal(user, { scope: scope.scope, teamId: scope.teamId, userTeamId: scope.userTeamId })) {
    const field = input.scope === 'company' ? 'scope' : input.scope === 'team' ? 'team_id' : 'user_id';
    return { ...fieldError(field, input.scope === 'company' ? 'Only admins set company goals.' : 'You may set goals only for your teams and their members.'), error: FORBIDDEN_MESSAGE };
  }
  const [owner] = await queryRows<{ id: number; team_id: number | null }>(db, sql`select id, team_id from users where id = ${input.ownerId} and active`);
  const ownerOk = owner && (owner.id === user.id || user.role === 'admin' || (owner.team_id != null && user.managedTeamIds.includes(owner.team_id)));
  if (!ownerOk) return fieldError('owner_id', 'Choose yourself or a member of a team you manage.');
  if (input.parentGoalId != null) {
    const parent = await loadGoal(db, input.parentGoalId);
    if (!parent || parent.id === selfId || parent.kpiKey !== input.kpiKey || !mayManageGoal(user, scopeRef(parent))) {
      return fieldError('parent_goal_id', 'The parent must be a goal on the same KPI that you manage.');
    }
  }
  // Achievable: a target beyond the history is saved only as an acknowledged stretch goal.
  const key = input.kpiKey as KpiKey;
  const history = await monthlyHistory(db, scopeView(scope, input.filters), key, now);
  const check = assessTarget(key, history, input, (v) => formatKpiValue(v, getKpi(key).unit));
  if (needsStretch(check) && !input.stretch) {
    return fieldError('stretch', `${check!.messages.join(' ')} Tick “Stretch goal” to save it anyway.`);
  }
  const stretch = input.stretch ? (check && check.messages.length ? check.messages.join(' ') : 'Set as a stretch goal.') : null;
  return { scope, stretch };
}

function values(input: GoalInput, scope: ResolvedScope, stretch: string | null) {
  return {
    title: input.title, description: input.description, kpiKey: input.kpiKey, filters: input.filters,
    baseline: input.baseline, target: input.target, scope: scope.scope, scopeTeamId: scope.teamId, scopeUserId: scope.userId,
    department: input.department, startDate: input.startDate, dueDate: input.dueDate, ownerId: input.ownerId,
    parentGoalId: input.parentGoalId, stretch,
  };
}

export async function createGoal(db: Db, user: SessionUser, input: GoalInput, now: Date = clockNow()): Promise<WriteResult> {
  if (!can(user, 'goals.write')) return forbidden();
  const checked = await checkInput(db, user, input, now);
  if ('ok' in checked) return checked;
  const id = await db.transaction(async (tx) => {
    const [row] = await tx.insert(goals).values({ ...values(input, checked.scope, checked.stretch), createdById: user.id }).returning();
    await writeAudit(tx, { userId: user.id, action: 'create', entity: 'goals', entityId: row.id, after: row });
    return row.id;
  });
  goalsChanged();
  return { ok: true, id, message: 'Goal created.' };
}

export async function updateGoal(db: Db, user: SessionUser, id: number, input: GoalInput, now: Date = clockNow()): Promise<WriteResult> {
  if (!can(user, 'goals.write')) return forbidden();
  const goal = await loadGoal(db, id);
  if (!goal || !mayManageGoal(user, scopeRef(goal))) return forbidden();
  if (goal.state !== 'active') return forbidden('Only active goals can be edited: reopen it first.');
  const checked = await checkInput(db, user, input, now, id);
  if ('ok' in checked) return checked;
  await db.transaction(async (tx) => {
    const [row] = await tx.update(goals).set({ ...values(input, checked.scope, checked.stretch), updatedAt: now }).where(eq(goals.id, id)).returning();
    await writeAudit(tx, { userId: user.id, action: 'update', entity: 'goals', entityId: id, before: stripJoins(goal), after: row });
  });
  goalsChanged();
  return { ok: true, id, message: 'Goal saved.' };
}

const NEXT_STATE = { close: 'closed', archive: 'archived', reopen: 'active' } as const;
type GoalStateChange = keyof typeof NEXT_STATE;

/** Close (done with it, kept in lists), archive (hidden by default) or reopen; member goals follow their team goal. */
export async function changeGoalState(db: Db, user: SessionUser, id: number, change: GoalStateChange, now: Date = clockNow()): Promise<WriteResult> {
  if (!can(user, 'goals.write')) return forbidden();
  const goal = await loadGoal(db, id);
  if (!goal || !mayManageGoal(user, scopeRef(goal))) return forbidden();
  const state = NEXT_STATE[change];
  if (goal.state === state) return { ok: true, id, message: `The goal is already ${state}.` };
  await db.transaction(async (tx) => {
    const set = { state, closedAt: state === 'active' ? null : now, updatedAt: now };
    const children = await tx.select({ id: goals.id, state: goals.state }).from(goals)
      .where(and(eq(goals.parentGoalId, id), eq(goals.state, goal.state)));
    const ids = [id, ...children.map((c) => c.id)];
    await tx.update(goals).set(set).where(inArray(goals.id, ids));
    for (const gid of ids) {
      await writeAudit(tx, { userId: user.id, action: change, entity: 'goals', entityId: gid, before: { state: goal.state }, after: { state } });
    }
  });
  goalsChanged();
  const done = { close: 'Goal closed.', archive: 'Goal archived.', reopen: 'Goal reopened.' }[change];
  return { ok: true, id, message: done };
}

/**
 * A goal was written here: drop the shared goal rows now (lib/goals/active-goals.ts) rather than when the
 * database's notice arrives, so the page a form redirects to already shows it.
 */
export function goalsChanged(): void {
  kpiDataChanged(['goals']);
}

/** The goals table's own columns of a joined row (for audit rows). */
function stripJoins(g: GoalRow) {
  const { scopeTeamName: _a, scopeUserEmail: _b, scopeUserName: _c, scopeUserTeamId: _d, ownerName: _e, ownerEmail: _f, createdByName: _g, ...rest } = g;
  return rest;
}
