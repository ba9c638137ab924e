// Audit log: every admin action, import and record change; filters, pages, before/after per field.
import type { Metadata } from 'next';
import Link from 'next/link';
import { asc } from 'drizzle-orm';
import { getReadDb } from '@/db/client';
import { users } from '@/db/schema';
import { auditDiff, auditFacets, AUDIT_PAGE_SIZE, listAudit, type AuditFilters } from '@/lib/admin/audit-queries';
import { requirePermission } from '@/lib/auth/session';
import { Button, Field } from '../../../_components/ui';
import { PageHeader } from '../../../_components/ui/page-header';
import styles from './audit.module.css';

export const metadata: Metadata = { title: 'Audit log' };

type Search = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => ((Array.isArray(v) ? v[0] : v) ?? '').trim().slice(0, 100);
const isoDay = (v: string) => (/^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v)) ? v : undefined);

export default async function AdminAuditPage({ searchParams }: { searchParams: Promise<Search> }) {
  await requirePermission('admin.audit');
  const sp = await searchParams;
  const f: AuditFilters = {
    userId: Number(one(sp.user)) || undefined, action: one(sp.action) || undefined, entity: one(sp.entity) || undefined,
    entityId: one(sp.entityId) || undefined, from: isoDay(one(sp.from)), to: isoDay(one(sp.to)),
    page: Math.max(1, Math.min(100_000, Number(one(sp.page)) || 1)),
  };
  const db = await getReadDb();
  const [{ rows, total }, facets, people] = await Promise.all([
    listAudit(db, f), auditFacets(db), db.select({ id: users.id, name: users.name }).from(users).orderBy(asc(users.name)),
  ]);
  const pages = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
  const pageHref = (p: number) => {
    const q = new URLSearchParams(Object.entries({ ...f, page: p }).filter(([, v]) => v != null && v !== '').map(([k, v]) => [k === 'userId' ? 'user' : k, String(v)]));
    return `/admin/audit?${q}`;
  };
  return (
    <>
      <PageHeader title="Audit log" description="Who changed what and when, with the values before and after." />
      <form className={styles.filters} method="get" aria-label="Filter the audit log">
        <Field label="User" name="user"><select defaultValue={f.userId ?? ''}><option value="">All</option>{people.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}</select></Field>
        <Field label="Action" name="action"><select defaultValue={f.action ?? ''}><option value="">All</option>{facets.actions.map((a) => <option key={a}>{a}</option>)}</select></Field>
        <Field label="Entity" name="entity"><select defaultValue={f.entity ?? ''}><option value="">All</option>{facets.entities.map((e) => <option key={e}>{e}</option>)}</select></Field>
        <Field label="From" name="from"><input type="date" defaultValue={f.from} /></Field>
        <Field label="To" name="to"><input type="date" defaultValue={f.to} /></Field>
        {f.entityId ? <input type="hidden" name="entityId" value={f.entityId} /> : null}
        <div><Button type="submit">Filter</Button></div>
      </form>
      <div className="table-wrap">
        <table className="table" data-testid="audit-table">
          <caption className="sr-only">{total} audit entries</caption>
          <thead><tr><th>When</th><th>Who</th><th>Action</th><th>What</th><th>Changes</th></tr></thead>
          <tbody>
            {rows.map((r) => {
              const diff = auditDiff(r.before, r.after);
              return (
                <tr key={r.id}>
                  <td className={styles.when}>{r.at.toISOString().slice(0, 19).replace('T', ' ')}</td>
                  <td>{r.userName ?? 'system'}</td>
                  <td>{r.action}</td>
                  <td>{r.entity}{r.entityId ? ` #${r.entityId}` : ''}</td>
                  <td>
                    {diff.length ? (
                      <details className={styles.diffToggle}>
                        <summary>{diff.filter((d) => d.changed).length} field(s)</summary>
                        <table className={styles.diff}>
                          <thead><tr><th>Field</th><th>Before</th><th>After</th></tr></thead>
                          <tbody>{diff.map((d) => <tr key={d.key} className={d.changed ? styles.changed : undefined}><td>{d.key}</td><td>{d.before}</td><td>{d.after}</td></tr>)}</tbody>
                        </table>
                      </details>
                    ) : <span className="muted">—</span>}
                  </td>
                </tr>
              );
            })}
            {rows.length === 0 ? <tr><td colSpan={5} className="muted">No entries match these filters.</td></tr> : null}
          </tbody>
        </table>
      </div>
      <nav className={styles.pager} aria-label="Pages">
        <span className="muted">{total} entries · page {f.page} of {pages}</span>
        <span className="cluster">
          {f.page > 1 ? <Link href={pageHref(f.page - 1)}>← Newer</Link> : null}
          {f.page < pages ? <Link href={pageHref(f.page + 1)}>Older →</Link> : null}
        </span>
      </nav>
    </>
  );
}
