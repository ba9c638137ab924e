// Create a record. Deals have a form; other kinds are created by import for now (404 here).
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requirePermission } from '@/lib/auth/session';
import { ENTITY_DEFS, isRecordEntity } from '@/lib/records/entities';
import { PageHeader } from '../../../../_components/ui/page-header';
import { DealFormPage } from '../../_components/deal-form-page';

export const metadata: Metadata = { title: 'New record' };

export default async function NewRecordPage({ params }: { params: Promise<{ entity: string }> }) {
  const user = await requirePermission('records.write');
  const { entity } = await params;
  if (!isRecordEntity(entity) || entity !== 'deals') notFound();
  return (
    <>
      <p className="subtle" style={{ margin: '0 0 0.5rem' }}><Link href={`/records/${entity}`}>← {ENTITY_DEFS[entity].label}</Link></p>
      <PageHeader title={`New ${ENTITY_DEFS[entity].singular.toLowerCase()}`} />
      <DealFormPage user={user} />
    </>
  );
}
