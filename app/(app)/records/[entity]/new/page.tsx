// Create a record of any kind the viewer may write (campaigns, owned by nobody, are for admins).
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requirePermission } from '@/lib/auth/session';
import { recordEntityOfSlug, recordHref } from '@/lib/entities/catalogue';
import { ENTITY_DEFS } from '@/lib/records/entities';
import { mayCreate } from '@/lib/records/write-record';
import { PageHeader } from '../../../../_components/ui/page-header';
import { RecordFormPage } from '../../_components/record-form-page';

export const metadata: Metadata = { title: 'New record' };

export default async function NewRecordPage({ params }: { params: Promise<{ entity: string }> }) {
  const user = await requirePermission('records.write');
  const entity = recordEntityOfSlug((await params).entity);
  if (!entity || !mayCreate(user, entity)) notFound();
  return (
    <>
      <p className="subtle" style={{ margin: '0 0 0.5rem' }}><Link href={recordHref(entity)}>← {ENTITY_DEFS[entity].label}</Link></p>
      <PageHeader title={`New ${ENTITY_DEFS[entity].singular.toLowerCase()}`} />
      <RecordFormPage user={user} entity={entity} />
    </>
  );
}
