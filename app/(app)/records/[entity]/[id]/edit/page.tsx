// Edit a record within the viewer's scope: out of scope or missing is 404 (the form's action checks the
// right again on the server, against the record as it is when the write runs).
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requirePermission } from '@/lib/auth/session';
import { ENTITY_DEFS, isRecordEntity } from '@/lib/records/entities';
import { getRecord } from '@/lib/records/read';
import { mayCreate } from '@/lib/records/write-record';
import { PageHeader } from '../../../../../_components/ui/page-header';
import { RecordFormPage } from '../../../_components/record-form-page';

export const metadata: Metadata = { title: 'Edit record' };

export default async function EditRecordPage({ params }: { params: Promise<{ entity: string; id: string }> }) {
  const user = await requirePermission('records.write');
  const { entity, id } = await params;
  if (!isRecordEntity(entity) || !mayCreate(user, entity) || !/^\d{1,10}$/.test(id)) notFound();
  // Read scope and write scope are the same rule (product.md): a record the viewer can open, they may edit.
  const rec = await getRecord(user, entity, Number(id));
  if (!rec) notFound();
  return (
    <>
      <p className="subtle" style={{ margin: '0 0 0.5rem' }}><Link href={`/records/${entity}/${id}`}>← {rec.title}</Link></p>
      <PageHeader title={`Edit ${ENTITY_DEFS[entity].singular.toLowerCase()}: ${rec.title}`} />
      <RecordFormPage user={user} entity={entity} row={rec.row} />
    </>
  );
}
