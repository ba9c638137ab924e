// Placeholder: the admin module fills this page. The permission check stays first.
import type { Metadata } from 'next';
import { requirePermission } from '@/lib/auth/session';
import { PageHeader } from '../../../_components/ui/page-header';

export const metadata: Metadata = { title: 'Audit log' };

export default async function AdminAuditPage() {
  await requirePermission('admin.audit');
  return <PageHeader title="Audit log" description="Every admin action and import." />;
}
