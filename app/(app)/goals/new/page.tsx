// Create a goal: managers (for their teams and members) and admins. Members get the 403 page.
import type { Metadata } from 'next';
import Link from 'next/link';
import { requirePermission } from '@/lib/auth/session';
import { isKpiKey } from '@/lib/kpi';
import { parseParams, textParam } from '@/lib/validation/params';
import { ParamProblems } from '../../../_components/param-problems';
import { PageHeader } from '../../../_components/ui/page-header';
import { createGoalAction } from '../actions';
import { GoalForm } from '../_components/goal-form';
import { formPageData, newGoalValues } from '../_components/form-page-data';

export const metadata: Metadata = { title: 'New goal' };

export default async function NewGoalPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePermission('goals.write');
  const sp = await searchParams;
  // ?kpi= pre-selects the KPI (the KPI page's "Set a goal" link); an unknown one is named, not guessed.
  const { values, problems } = parseParams({ kpi: textParam(100).refine(isKpiKey, 'Not a known KPI') }, sp);
  const kpi = values.kpi ?? '';
  const { options, filterChoices } = await formPageData(user);
  return (
    <>
      <p className="subtle"><Link href="/goals">← Goals</Link></p>
      <PageHeader title="New goal" description="A SMART goal on a KPI: what should change, by how much, for whom and by when. The app checks the target against the KPI's last 12 months." />
      <ParamProblems problems={problems} />
      <GoalForm action={createGoalAction} initial={newGoalValues(user, options, kpi)} options={options} filterChoices={filterChoices} submitLabel="Create goal" departmentFromUser={!!user.department} />
    </>
  );
}
