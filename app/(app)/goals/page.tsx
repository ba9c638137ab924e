// The goals list: the goals the viewer may see, with live status and progress, filtered by status,
// scope, department and owner (in the URL), sorted by due date.
import type { Metadata } from 'next';
import { DEPARTMENTS } from '@/db/schema/enums';
import { getReadDb } from '@/db/client';
import { can } from '@/lib/access';
import { requirePermission } from '@/lib/auth/session';
import { GOAL_STATUSES } from '@/lib/goals/labels';
import type { GoalStatus } from '@/lib/goals/types';
import { listGoals, visibleGoalOwners, type GoalListFilters } from '@/lib/goals/queries';
import { firstParam, idParam, oneOfParam, parseParams } from '@/lib/validation/params';
import { ParamProblems } from '../../_components/param-problems';
import { ButtonLink } from '../../_components/ui/button';
import { PageHeader } from '../../_components/ui/page-header';
import { GoalFilters, GoalListItem } from './_components/goal-list';
import styles from './_components/goals.module.css';

export const metadata: Metadata = { title: 'Goals' };

type Search = Record<string, string | string[] | undefined>;
const first = (v: string | string[] | undefined) => firstParam(v) ?? '';

export default async function GoalsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const user = await requirePermission('goals.read');
  const sp = await searchParams;
  const raw = { status: first(sp.status), scope: first(sp.scope), department: first(sp.department), owner: first(sp.owner), state: first(sp.state) };
  // Each filter parsed strictly; a malformed one is dropped and named above the list (never a 500).
  const { values: v, problems } = parseParams({
    status: oneOfParam(GOAL_STATUSES as [GoalStatus, ...GoalStatus[]]),
    scope: oneOfParam(['company', 'team', 'user'] as const),
    department: oneOfParam(DEPARTMENTS),
    owner: idParam,
    state: oneOfParam(['open', 'active', 'closed', 'archived', 'all'] as const),
  }, sp);
  const filters: GoalListFilters = { status: v.status, scope: v.scope, department: v.department, ownerId: v.owner, state: v.state };
  const db = await getReadDb();
  const [items, owners] = await Promise.all([listGoals(db, user, filters), visibleGoalOwners(db, user)]);
  const who = user.role === 'admin' ? 'Every goal in the company.' : user.role === 'manager'
    ? 'Goals for the company, your teams and their members.' : 'Goals for the company, your team and you.';
  return (
    <>
      <PageHeader title="Goals" description={`${who} Progress and status come from the live KPIs.`}
        actions={can(user, 'goals.write') ? <ButtonLink href="/goals/new" variant="primary">New goal</ButtonLink> : null} />
      <ParamProblems problems={problems} />
      <GoalFilters raw={raw} owners={owners} />
      {items.length === 0 ? <div className={`card ${styles.empty}`}>No goals match these filters.</div> : (
        <ul className={styles.list} data-testid="goal-list">
          {items.map((item) => <GoalListItem key={item.goal.id} item={item} />)}
        </ul>
      )}
    </>
  );
}
