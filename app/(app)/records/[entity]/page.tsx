// A record list: the records of one kind that the viewer may open, searchable and paginated.
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getReadDb } from '@/db/client';
import { requirePermission } from '@/lib/auth/session';
import { ENTITY_CATALOGUE, recordEntityOfSlug, recordHref } from '@/lib/entities/catalogue';
import { ENTITY_DEFS } from '@/lib/records/entities';
import { DEAL_STAGES } from '@/db/schema/enums';
import { ownerOptions } from '@/lib/records/form-options';
import { LIST_PAGE_SIZE, listRecords } from '@/lib/records/read';
import { mayCreate } from '@/lib/records/write-record';
import { idParam, oneOfParam, pageParam, parseParams, textParam } from '@/lib/validation/params';
import { ParamProblems } from '../../../_components/param-problems';
import { ButtonLink } from '../../../_components/ui/button';
import { PageHeader } from '../../../_components/ui/page-header';
import { display, isNumeric } from '../../../_components/records/format';
import { RecordSearch, SortHeader } from '../_components/record-list-parts';
import styles from '../records.module.css';

type Params = { entity: string };
type Search = Record<string, string | string[] | undefined>;

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  const entity = recordEntityOfSlug((await params).entity);
  return { title: entity ? ENTITY_DEFS[entity].label : 'Records' };
}

export default async function RecordListPage({ params, searchParams }: { params: Promise<Params>; searchParams: Promise<Search> }) {
  const user = await requirePermission('records.read');
  const entity = recordEntityOfSlug((await params).entity);
  if (!entity) notFound();
  const sp = await searchParams;
  const def = ENTITY_DEFS[entity];
  // Each parameter parsed strictly; a malformed one is dropped and named above the list (never a 500).
  const { values: v, problems } = parseParams({
    q: textParam(200), stage: oneOfParam(DEAL_STAGES), owner: idParam, page: pageParam(10_000),
    sort: oneOfParam(def.listColumns as [string, ...string[]]), dir: oneOfParam(['asc', 'desc'] as const),
  }, sp);
  const q = v.q ?? '';
  const stage = entity === 'deals' ? v.stage ?? '' : '';
  const owner = v.owner ? String(v.owner) : '';
  const hasOwner = ENTITY_CATALOGUE[entity].ownerPath != null;
  const db = await getReadDb();
  const [{ rows, total, page, sort, dir }, owners] = await Promise.all([
    listRecords(db, user, entity, { q, stage: stage || undefined, ownerId: v.owner, page: v.page ?? 1, sort: v.sort, dir: v.dir }),
    hasOwner && user.role !== 'member' ? ownerOptions(db, user) : Promise.resolve([]),
  ]);
  const pages = Math.max(1, Math.ceil(total / LIST_PAGE_SIZE));
  const link = (p: number, order: { sort: string; dir: string } = { sort, dir }) =>
    `?${new URLSearchParams({ ...(q ? { q } : {}), ...(stage ? { stage } : {}), ...(owner ? { owner } : {}), sort: order.sort, dir: order.dir, page: String(p) }).toString()}`;
  const scope = user.role === 'admin' ? 'All records.' : user.role === 'manager' ? 'The records of your teams.' : 'The records you own.';
  return (
    <>
      <PageHeader title={def.label} description={`${scope} ${total.toLocaleString('en-US')} in all.`}
        actions={mayCreate(user, entity) ? <ButtonLink href={recordHref(entity, 'new')}>New {def.singular.toLowerCase()}</ButtonLink> : undefined} />
      <ParamProblems problems={problems} />
      <RecordSearch entity={entity} def={def} q={q} stage={stage} owner={owner} owners={owners} />
      {rows.length === 0 ? <p className="muted">No {def.label.toLowerCase()} {q ? 'match this search' : 'to show'}.</p> : (
        <div className="table-wrap">
          <table className={`table ${styles.list}`} data-testid="record-list">
            <thead>
              <tr>
                {def.listColumns.map((c) => <SortHeader key={c} column={c} sort={sort} dir={dir} href={(o) => link(1, o)} />)}
                {hasOwner ? <th scope="col">Owner</th> : null}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={String(r.id)}>
                  {def.listColumns.map((c, i) => (
                    <td key={c} className={isNumeric(r[c]) ? 'num' : undefined}>
                      {i === 0 ? <Link href={recordHref(entity, String(r.id))}>{display(r[c], c)}</Link> : display(r[c], c)}
                    </td>
                  ))}
                  {hasOwner ? <td data-testid="owner-cell">{display(r.owner_name)}</td> : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {pages > 1 ? (
        <nav aria-label="Pages" className="cluster" style={{ justifyContent: 'space-between', marginTop: '0.75rem' }}>
          {page > 1 ? <Link href={link(page - 1)}>← Previous</Link> : <span />}
          <span className="muted">Page {page} of {pages.toLocaleString('en-US')}</span>
          {page < pages ? <Link href={link(page + 1)}>Next →</Link> : <span />}
        </nav>
      ) : null}
    </>
  );
}
