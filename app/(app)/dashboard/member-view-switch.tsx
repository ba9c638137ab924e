// A member's switch between their own numbers and their team's (product.md), held in the URL as
// `view=team` so a view can be bookmarked and shared. Links, not client state: the server decides
// what each view opens (lib/access/view), and a member's owner or team filter is dropped on switching.
import Link from 'next/link';
import { viewSearch, type DashboardView } from '@/lib/kpi/view';
import styles from './member-view-switch.module.css';

export function MemberViewSwitch({ view, path }: { view: DashboardView; path: string }) {
  if (!view.memberView) return null;
  const current = view.filters.owner ? 'mine' : 'team';
  const links = [
    { key: 'mine', label: 'Mine', href: viewSearch({ ...view, memberView: 'mine' }, { owner: null, team: null, view: null }) },
    { key: 'team', label: 'My team', href: viewSearch({ ...view, memberView: 'team' }, { owner: null, team: null }) },
  ] as const;
  return (
    <nav className={styles.switch} aria-label="Whose numbers" data-testid="member-view-switch">
      {links.map((l) => (
        <Link key={l.key} prefetch={false} href={`${path}${l.href}`} aria-current={current === l.key ? 'page' : undefined}
          className={current === l.key ? styles.on : undefined}>{l.label}</Link>
      ))}
    </nav>
  );
}
