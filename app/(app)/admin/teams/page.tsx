// Placeholder: the admin module fills this page. The permission check stays first.
import type { Metadata } from 'next';
import { requirePermission } from '@/lib/auth/session';
import { PageHeader } from '../../../_components/ui/page-header';

export const metadata: Metadata = { title: 'Teams' };

export default async function AdminTeamsPage() {
  await requirePermission('admin.teams');
  return <PageHeader title="Teams" description="Teams and their managers." />;
}
