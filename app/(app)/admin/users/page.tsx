// Users: search and filter, open one to change it, create a new one (with a one-time link or a password).
import type { Metadata } from 'next';
import Link from 'next/link';
import { getReadDb } from '@/db/client';
import { DEPARTMENTS, ROLES } from '@/db/schema/enums';
import { usersPage, type UserFilters } from '@/lib/admin/queries';
import { requirePermission } from '@/lib/auth/session';
import { idParam, oneOfParam, parseParams, textParam } from '@/lib/validation/params';
import { ParamProblems } from '../../../_components/param-problems';
import { Badge, Button, Card, Field, RoleBadge } from '../../../_components/ui';
import { PageHeader } from '../../../_components/ui/page-header';
import type { Role } from '@/db/schema/enums';
import { CreateUserForm } from './create-user-form';
import styles from './users.module.css';

export const metadata: Metadata = { title: 'Users' };

type Search = Record<string, string | string[] | undefined>;

/** On a phone the e-mail wraps after the @ ("aisha.khan@ / demo.test"), not mid-word; the text stays the same. */
function emailWithBreak(email: string) {
  const at = email.indexOf('@');
  return at < 0 ? email : <>{email.slice(0, at + 1)}<wbr />{email.slice(at + 1)}</>;
}

export default async function AdminUsersPage({ searchParams }: { searchParams: Promise<Search> }) {
  const viewer = await requirePermission('admin.users');
  const sp = await searchParams;
  // Each filter parsed strictly; a malformed one is dropped and named above the table (never a 500).
  const { values: v, problems } = parseParams({
    q: textParam(100), role: oneOfParam(ROLES), department: oneOfParam(DEPARTMENTS), team: idParam, active: oneOfParam(['true', 'false'] as const),
  }, sp);
  const f: UserFilters = { q: v.q || undefined, role: v.role, department: v.department, teamId: v.team, active: v.active };
  const { rows, teams } = await usersPage(await getReadDb(), viewer, f);
  return (
    <>
      <PageHeader title="Users" description="Create users, set roles, departments and teams, deactivate accounts, reset passwords." />
      <ParamProblems problems={problems} />
      <div className={styles.layout}>
        <div>
          <form className={styles.filters} method="get" role="search" aria-label="Filter users">
            <Field label="Search" name="q" id="filter-q" className={styles.search}><input type="search" defaultValue={f.q} placeholder="Name or e-mail" /></Field>
            <Field label="Role" name="role" id="filter-role"><select defaultValue={f.role ?? ''}><option value="">All</option>{ROLES.map((r) => <option key={r}>{r}</option>)}</select></Field>
            <Field label="Department" name="department" id="filter-department"><select defaultValue={f.department ?? ''}><option value="">All</option>{DEPARTMENTS.map((d) => <option key={d}>{d}</option>)}</select></Field>
            <Field label="Team" name="team" id="filter-team"><select defaultValue={f.teamId ?? ''}><option value="">All</option>{teams.map((t) => <option key={t.id} value={t.id}>{t.name}</option>)}</select></Field>
            <Field label="Status" name="active" id="filter-active"><select defaultValue={f.active ?? ''}><option value="">All</option><option value="true">Active</option><option value="false">Deactivated</option></select></Field>
            <div><Button type="submit">Filter</Button></div>
          </form>
          <div className="table-wrap">
            <table className={`table ${styles.usersTable}`} data-testid="users-table">
              <caption className="sr-only">Users ({rows.length})</caption>
              <thead><tr><th>Name</th><th>Role</th><th className={styles.wide}>Department</th><th className={styles.wide}>Team</th><th>Status</th></tr></thead>
              <tbody>
                {rows.map((u) => (
                  <tr key={u.id} className={u.active ? undefined : styles.inactive}>
                    <td className={styles.person}>
                      <Link href={`/admin/users/${u.id}`}>{u.name}</Link><div className={styles.email}>{emailWithBreak(u.email)}</div>
                      {/* On a phone the department and team columns give way to this line. */}
                      <div className={styles.narrowMeta}>{[u.department, u.teamName].filter(Boolean).join(' · ') || '—'}</div>
                    </td>
                    <td><RoleBadge role={u.role as Role} /></td>
                    <td className={styles.wide}>{u.department ?? '—'}</td>
                    <td className={styles.wide}>{u.teamName ?? '—'}</td>
                    <td>{u.active ? <Badge tone="success">Active</Badge> : <Badge tone="neutral">Deactivated</Badge>}</td>
                  </tr>
                ))}
                {rows.length === 0 ? <tr><td colSpan={5} className="muted">No users match these filters.</td></tr> : null}
              </tbody>
            </table>
          </div>
        </div>
        <Card title="New user"><CreateUserForm teams={teams} /></Card>
      </div>
    </>
  );
}
