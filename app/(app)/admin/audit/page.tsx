// Audit log: every admin action, import and record change; filters, pages, before/after per field.
import type { Metadata } from 'next';
import Link from 'next/link';
import { getReadDb } from '@/db/client';
import { auditSubject, auditValue } from '@/lib/admin/audit-labels';
import { auditDiff, auditPage, AUDIT_PAGE_SIZE, type AuditFilters } from '@/lib/admin/audit-queries';
import { requirePermission } from '@/lib/auth/session';
import { formatNumber } from '@/lib/intl-format';
import { dayParam, idParam, pageParam, parseParams, textParam } from '@/lib/validation/params';
import { ParamProblems } from '../../../_components/param-problems';
import { Button, Field } from '../../../_components/ui';
import { PageHeader } from '../../../_components/ui/page-header';
import styles from './audit.module.css';

export const metadata: Metadata = { title: 'Audit log' };

type Search = Record<string, string | string[] | undefined>;

export default async function AdminAuditPage({ searchParams }: { searchParams: Promise<Search> }) {
  const viewer = await requirePermission('admin.audit');
  const sp = await searchParams;
  // Each filter parsed strictly; a malformed one is dropped and named above the table (never a 500).
  const { values: v, problems } = parseParams({
    user: idParam, action: textParam(100), entity: textParam(100), entityId: textParam(100), from: dayParam, to: dayParam, page: pageParam(100_000),
  }, sp);
  const f: AuditFilters = {
    userId: v.user, action: v.action || undefined, entity: v.entity || undefined, entityId: v.entityId || undefined,
    from: v.from, to: v.to, page: v.page ?? 1,
  };
  const { rows, total, facets, people, names } = await auditPage(await getReadDb(), viewer, f);
  const pages = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
  const pageHref = (p: number) => {
    const q = new URLSearchParams(Object.entries({ ...f, page: p }).filter(([, v]) => v != null && v !== '').map(([k, v]) => [k === 'userId' ? 'user' : k, String(v)]));
    return `/admin/audit?${q}`;
  };
  return (
    <>
      <PageHeader title="Audit log" description="Who changed what and when, with the values before and after." />
      <ParamProblems problems={problems} />
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
          <caption className="sr-only">{formatNumber(total)} audit entries</caption>
          <thead><tr><th>When</th><th>Who</th><th>Action</th><th>What</th><th>Changes</th></tr></thead>
          <tbody>
            {rows.map((r) => {
              const diff = auditDiff(r.before, r.after);
              const subject = auditSubject(r, names);
              return (
                <tr key={r.id}>
                  <td className={styles.when}>{r.at.toISOString().slice(0, 19).replace('T', ' ')}</td>
                  <td>{r.userId != null && r.userName ? <Link href={`/admin/users/${r.userId}`}>{r.userName}</Link> : 'system'}</td>
                  <td>{r.action}</td>
                  <td data-testid="audit-subject">{subject.href ? <Link href={subject.href}>{subject.label}</Link> : subject.label}</td>
                  <td>
                    {diff.length ? (
                      <details className={styles.diffToggle}>
                        <summary>{diff.filter((d) => d.changed).length} field(s)</summary>
                        <table className={styles.diff}>
                          <thead><tr><th>Field</th><th>Before</th><th>After</th></tr></thead>
                          <tbody>{diff.map((d) => <tr key={d.key} className={d.changed ? styles.changed : undefined}><td>{d.key}</td><td>{auditValue(d.key, d.before, names)}</td><td>{auditValue(d.key, d.after, names)}</td></tr>)}</tbody>
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
        <span className="muted">{formatNumber(total)} entries · page {formatNumber(f.page)} of {formatNumber(pages)}</span>
        <span className="cluster">
          {f.page > 1 ? <Link href={pageHref(f.page - 1)}>← Newer</Link> : null}
          {f.page < pages ? <Link href={pageHref(f.page + 1)}>Older →</Link> : null}
        </span>
      </nav>
    </>
  );
}
