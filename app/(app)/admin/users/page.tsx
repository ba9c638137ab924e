// Placeholder: the admin module fills this page. The permission check stays first.
import type { Metadata } from 'next';
import { requirePermission } from '@/lib/auth/session';
import { PageHeader } from '../../../_components/ui/page-header';

export const metadata: Metadata = { title: 'Users' };

export default async function AdminUsersPage() {
  await requirePermission('admin.users');
  return <PageHeader title="Users" description="Create users, set roles, departments and teams, deactivate accounts, reset passwords." />;
}
