// Placeholder: the department dashboards replace this page.
import type { Metadata } from 'next';
import { requirePermission } from '@/lib/auth/session';
import { PageHeader } from '../../_components/ui/page-header';

export const metadata: Metadata = { title: 'Dashboard' };

export default async function DashboardPage() {
  const user = await requirePermission('dashboard.view');
  const dept = user.department ?? 'executive';
  return <PageHeader title="Dashboard" description={<span style={{ textTransform: 'capitalize' }}>{dept} department</span>} />;
}
