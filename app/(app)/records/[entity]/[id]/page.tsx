// A record page: every field, its owner, account, campaign and ticket, and the records that point at it
// (an account's deals, orders, tickets, responses and leads; a ticket's responses; a campaign's leads
// and deals). Out of the viewer's scope = 404, also when the URL is typed.
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getReadDb } from '@/db/client';
import { requirePermission } from '@/lib/auth/session';
import { parseId } from '@/lib/validation/params';
import { recordEntityOfSlug, recordHref } from '@/lib/entities/catalogue';
import { ENTITY_DEFS } from '@/lib/records/entities';
import { recordHeading } from '@/lib/records/titles';
import { getRecord, referenceNames, relatedRecords } from '@/lib/records/read';
import { can } from '@/lib/access';
import { mayCreate } from '@/lib/records/write-record';
import { ButtonLink } from '../../../../_components/ui/button';
import { Alert } from '../../../../_components/ui/alert';
import { Card } from '../../../../_components/ui/card';
import { PageHeader } from '../../../../_components/ui/page-header';
import { display, label } from '../../../../_components/records/format';

type Params = { entity: string; id: string };
export const metadata: Metadata = { title: 'Record' };

const HIDDEN = new Set(['id', 'updated_at']);

export default async function RecordPage({ params, searchParams }: { params: Promise<Params>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePermission('records.read');
  const { entity: slug, id } = await params;
  const entity = recordEntityOfSlug(slug);
  if (!entity || parseId(id) === null) notFound();
  const db = await getReadDb();
  const rec = await getRecord(db, user, entity, Number(id));
  if (!rec) notFound();
  const def = ENTITY_DEFS[entity];
  const [related, refs] = await Promise.all([relatedRecords(db, user, entity, Number(id)), referenceNames(db, user, rec.row)]);
  const accountId = rec.row.account_id;
  const saved = (await searchParams).saved === '1';
  // A member reads their team's records but edits only their own (product.md): `writable` is the write scope.
  const editable = can(user, 'records.write') && mayCreate(user, entity) && rec.writable;
  return (
    <>
      <p className="subtle" style={{ margin: '0 0 0.5rem' }}><Link href={recordHref(entity)}>← {def.label}</Link></p>
      <PageHeader title={recordHeading(def.singular, rec.title)} description={rec.ownerName ? `Owner: ${rec.ownerName}` : undefined}
        actions={editable ? <ButtonLink href={`${recordHref(entity, id)}/edit`}>Edit</ButtonLink> : undefined} />
      {!rec.writable ? <p className="subtle" data-testid="read-only">Read-only: {rec.ownerName ? `${rec.ownerName}’s record` : 'a record'} in your team, behind your team’s numbers. You may edit your own records.</p> : null}
      {saved ? <Alert tone="success" style={{ marginBottom: '1rem' }}>Saved.</Alert> : null}
      <Card title="Details">
        <dl className="record-fields" data-testid="record-fields" style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(min(100%, 260px), 1fr))', gap: '0.75rem 1.5rem', margin: 0 }}>
          {Object.entries(rec.row).filter(([k]) => !HIDDEN.has(k)).map(([k, v]) => (
            <div key={k}>
              <dt className="subtle">{label(k)}</dt>
              <dd style={{ margin: 0, overflowWrap: 'anywhere' }}>
                {k === 'account_id' && typeof accountId === 'number' ? <Link href={`/records/accounts/${accountId}`}>{rec.accountName ?? `#${accountId}`}</Link>
                  : k === 'owner_id' || k === 'assignee_id' ? (rec.ownerName ?? display(v))
                    : k === 'campaign_id' && refs.campaign ? (user.role === 'admin' ? <Link href={`/records/campaigns/${refs.campaign.id}`}>{refs.campaign.name}</Link> : refs.campaign.name)
                      : k === 'ticket_id' && refs.ticket ? (refs.ticket.title ? <Link href={`/records/tickets/${refs.ticket.id}`}>{refs.ticket.title}</Link> : `#${refs.ticket.id}`)
                        : display(v, k)}
              </dd>
            </div>
          ))}
        </dl>
      </Card>
      {related.map((rel) => (
        <section key={rel.entity} style={{ marginTop: '1.25rem' }}>
          <h2 style={{ fontSize: '1.05rem' }}>
            {ENTITY_DEFS[rel.entity].label} <span className="muted">({rel.total.toLocaleString('en-US')})</span>
            {rel.total > rel.rows.length ? <span className="subtle" style={{ fontWeight: 400 }}> · the {rel.rows.length} newest shown</span> : null}
          </h2>
          {rel.rows.length === 0 ? <p className="muted">None you may see.</p> : (
            <div className="table-wrap">
              <table className="table">
                <thead><tr>{ENTITY_DEFS[rel.entity].listColumns.map((c) => <th key={c} scope="col">{label(c)}</th>)}</tr></thead>
                <tbody>
                  {rel.rows.map((r) => (
                    <tr key={String(r.id)}>
                      {ENTITY_DEFS[rel.entity].listColumns.map((c, i) => (
                        <td key={c}>{i === 0 ? <Link href={recordHref(rel.entity, String(r.id))}>{display(r[c], c)}</Link> : display(r[c], c)}</td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      ))}
    </>
  );
}
