// Edit a goal: only who may manage it (its team's manager, an admin); others get the 403 page.
import type { Metadata } from 'next';
import Link from 'next/link';
import { forbidden, notFound } from 'next/navigation';
import { getReadDb } from '@/db/client';
import { requirePermission } from '@/lib/auth/session';
import { mayManageGoal } from '@/lib/access';
import { visibleGoal } from '@/lib/goals/rows';
import { parseId } from '@/lib/validation/params';
import { Alert } from '../../../../_components/ui/alert';
import { PageHeader } from '../../../../_components/ui/page-header';
import { updateGoalAction } from '../../actions';
import { GoalForm } from '../../_components/goal-form';
import { formPageData, goalValues } from '../../_components/form-page-data';

export const metadata: Metadata = { title: 'Edit goal' };

export default async function EditGoalPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission('goals.write');
  const id = parseId((await params).id);
  if (id === null) notFound();
  const goal = await visibleGoal(await getReadDb(), user, id);
  if (!goal) notFound();
  if (!mayManageGoal(user, { scope: goal.scope, teamId: goal.scopeTeamId, userTeamId: goal.scopeUserTeamId })) forbidden();
  const { options, filterChoices } = await formPageData(user);
  return (
    <>
      <p className="subtle"><Link href={`/goals/${goal.id}`}>← {goal.title}</Link></p>
      <PageHeader title="Edit goal" description={goal.title} />
      {goal.state !== 'active' ? <Alert tone="warning">This goal is {goal.state}: reopen it on its page before editing.</Alert> : (
        <GoalForm action={updateGoalAction} initial={goalValues(goal)} options={options} filterChoices={filterChoices} submitLabel="Save changes" />
      )}
    </>
  );
}
