// One user: change role, department and team; deactivate or reactivate; reset the password; recent audit.
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getReadDb } from '@/db/client';
import { userEditor } from '@/lib/admin/queries';
import { requirePermission } from '@/lib/auth/session';
import { parseId } from '@/lib/validation/params';
import { Card } from '../../../../_components/ui';
import { PageHeader } from '../../../../_components/ui/page-header';
import { ActiveForm, EditUserForm, ResetPasswordForm } from './user-forms';

export const metadata: Metadata = { title: 'User' };

export default async function AdminUserPage({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await requirePermission('admin.users');
  const id = parseId((await params).id);
  if (id === null) notFound();
  const found = await userEditor(await getReadDb(), viewer, { id });
  if (!found) notFound();
  const { user: u, teams } = found;
  return (
    <>
      <PageHeader title={u.name} description={u.email} actions={<Link href={`/admin/audit?entity=users&entityId=${u.id}`}>Audit history</Link>} />
      <div className="grid" style={{ ['--min' as string]: '280px' }}>
        <Card title="Role, department, team"><EditUserForm user={u} teams={teams} /></Card>
        <Card title="Access"><ActiveForm user={u} /></Card>
        <Card title="Password"><ResetPasswordForm userId={u.id} /></Card>
      </div>
      <p><Link href="/admin/users">← All users</Link></p>
    </>
  );
}
