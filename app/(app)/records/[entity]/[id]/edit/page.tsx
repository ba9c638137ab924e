// Edit a record within the viewer's scope: out of scope or missing is 404 (the form's action checks the
// right again on the server, against the record as it is when the write runs).
import type { Metadata } from 'next';
import Link from 'next/link';
import { forbidden, notFound } from 'next/navigation';
import { getReadDb } from '@/db/client';
import { requirePermission } from '@/lib/auth/session';
import { parseId } from '@/lib/validation/params';
import { recordEntityOfSlug, recordHref } from '@/lib/entities/catalogue';
import { ENTITY_DEFS } from '@/lib/records/entities';
import { getRecord } from '@/lib/records/read';
import { mayCreate } from '@/lib/records/write-record';
import { PageHeader } from '../../../../../_components/ui/page-header';
import { RecordFormPage } from '../../../_components/record-form-page';

export const metadata: Metadata = { title: 'Edit record' };

export default async function EditRecordPage({ params }: { params: Promise<{ entity: string; id: string }> }) {
  const user = await requirePermission('records.write');
  const { entity: slug, id } = await params;
  const entity = recordEntityOfSlug(slug);
  if (!entity || !mayCreate(user, entity) || parseId(id) === null) notFound();
  // A record the viewer may not open is 404; one they may read but not edit (a teammate's, for a
  // member) is 403. The save action checks the write scope again on the server.
  const rec = await getRecord(await getReadDb(), user, entity, Number(id));
  if (!rec) notFound();
  if (!rec.writable) forbidden();
  return (
    <>
      <p className="subtle" style={{ margin: '0 0 0.5rem' }}><Link href={recordHref(entity, id)}>← {rec.title}</Link></p>
      <PageHeader title={`Edit ${ENTITY_DEFS[entity].singular.toLowerCase()}: ${rec.title}`} />
      <RecordFormPage user={user} entity={entity} row={rec.row} />
    </>
  );
}
