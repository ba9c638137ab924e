// Edit a record within the viewer's scope: out of scope or missing is 404 (the form's action checks the
// right again on the server, against the record's current owner).
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { mayWriteRecord } from '@/lib/auth/permissions';
import { requirePermission } from '@/lib/auth/session';
import { ENTITY_DEFS, isRecordEntity } from '@/lib/records/entities';
import { getRecord } from '@/lib/records/read';
import { PageHeader } from '../../../../../_components/ui/page-header';
import { DealFormPage } from '../../../_components/deal-form-page';

export const metadata: Metadata = { title: 'Edit record' };

export default async function EditRecordPage({ params }: { params: Promise<{ entity: string; id: string }> }) {
  const user = await requirePermission('records.write');
  const { entity, id } = await params;
  if (!isRecordEntity(entity) || entity !== 'deals' || !/^\d{1,10}$/.test(id)) notFound();
  const rec = await getRecord(user, entity, Number(id));
  if (!rec || !mayWriteRecord(user, { id: typeof rec.row.owner_id === 'number' ? rec.row.owner_id : null, teamId: rec.ownerTeamId })) notFound();
  return (
    <>
      <p className="subtle" style={{ margin: '0 0 0.5rem' }}><Link href={`/records/${entity}/${id}`}>← {rec.title}</Link></p>
      <PageHeader title={`Edit ${ENTITY_DEFS[entity].singular.toLowerCase()}: ${rec.title}`} />
      <DealFormPage user={user} row={rec.row} />
    </>
  );
}
