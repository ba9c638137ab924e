// Placeholder: the admin module fills this page. The permission check stays first.
import type { Metadata } from 'next';
import { requirePermission } from '@/lib/auth/session';
import { PageHeader } from '../../../_components/ui/page-header';

export const metadata: Metadata = { title: 'Imports' };

export default async function AdminImportsPage() {
  await requirePermission('admin.imports');
  return <PageHeader title="Imports" description="Import CRM data from CSV files." />;
}
