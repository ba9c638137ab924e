// Teams: create, rename, choose managers (team_managers), see members.
import type { Metadata } from 'next';
import Link from 'next/link';
import { getReadDb } from '@/db/client';
import { teamsPage } from '@/lib/admin/queries';
import { requirePermission } from '@/lib/auth/session';
import { Card } from '../../../_components/ui';
import { PageHeader } from '../../../_components/ui/page-header';
import { CreateTeamForm, TeamEditor } from './team-forms';
import styles from './teams.module.css';

export const metadata: Metadata = { title: 'Teams' };

export default async function AdminTeamsPage() {
  const viewer = await requirePermission('admin.teams');
  const { teams, candidates } = await teamsPage(await getReadDb(), viewer);
  return (
    <>
      <PageHeader title="Teams" description="Create and rename teams, choose their managers, see who is in each team." />
      <Card><CreateTeamForm /></Card>
      <div className={styles.teams}>
        {teams.map((t) => (
          <Card key={t.id} title={t.name} description={`${t.members.length} member${t.members.length === 1 ? '' : 's'}`} data-testid="team-card">
            <TeamEditor team={t} candidates={candidates} />
            <h3 className="field-label">Members</h3>
            <ul className={styles.members}>
              {t.members.map((m) => <li key={m.id}><Link href={`/admin/users/${m.id}`}>{m.name}</Link> <span className="subtle">{m.role}{m.active ? '' : ', deactivated'}</span></li>)}
              {t.members.length === 0 ? <li className="muted">No members.</li> : null}
            </ul>
          </Card>
        ))}
      </div>
    </>
  );
}
