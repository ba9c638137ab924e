// A record list's search form (text, a deal's stage, an owner) and its sortable column headers.
import Link from 'next/link';
import { DEAL_STAGES } from '@/db/schema/enums';
import type { RecordEntity } from '@/lib/records/entities';
import { label } from '../../../_components/records/format';

export function RecordSearch({ entity, def, q, stage, owner, owners }: {
  entity: RecordEntity; def: { label: string; search: readonly string[] }; q: string; stage: string; owner: string; owners: { id: number; name: string }[];
}) {
  return (
    <form method="get" className="cluster" style={{ marginBottom: '1rem' }} role="search">
      <label className="sr-only" htmlFor="q">Search {def.label.toLowerCase()}</label>
      <input id="q" name="q" className="input" defaultValue={q} placeholder={`Search by ${def.search.join(', ').replace(/_/g, ' ')}`} style={{ maxWidth: 360 }} />
      {entity === 'deals' ? (
        <select name="stage" className="input" defaultValue={stage} aria-label="Stage" style={{ width: 'auto' }}>
          <option value="">All stages</option>
          {DEAL_STAGES.map((st) => <option key={st} value={st}>{st}</option>)}
        </select>
      ) : null}
      {owners.length > 1 ? (
        <select name="owner" className="input" defaultValue={owner} aria-label="Owner" style={{ width: 'auto' }}>
          <option value="">All owners</option>
          {owners.map((o) => <option key={o.id} value={o.id}>{o.name}</option>)}
        </select>
      ) : null}
      <button className="btn btn-secondary" type="submit">Search</button>
    </form>
  );
}

/** One column's header: a link that sorts by it (largest/newest first), or flips the order when it is the sort. */
export function SortHeader({ column: c, sort, dir, href }: { column: string; sort: string; dir: string; href: (order: { sort: string; dir: string }) => string }) {
  const active = sort === c;
  // A new column starts with the largest/newest first; the active one flips.
  const next = active && dir === 'desc' ? 'asc' : 'desc';
  return (
    <th scope="col" aria-sort={active ? (dir === 'asc' ? 'ascending' : 'descending') : undefined}>
      <Link href={href({ sort: c, dir: next })} scroll={false}>{label(c)}{active ? (dir === 'asc' ? ' ↑' : ' ↓') : ''}</Link>
    </th>
  );
}
