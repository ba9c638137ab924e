// The signed-in header: brand, navigation, who is signed in (name, role, department), sign-out.
import { can, type SessionUser } from '@/lib/access/roles';
import { RoleBadge } from '../ui/badge';
import { Brand } from './brand';
import { MainNav } from './main-nav';
import { SignOutButton } from './sign-out-button';

export function AppHeader({ user }: { user: SessionUser }) {
  return (
    <header className="app-header">
      <div className="app-header-inner">
        <Brand />
        <MainNav showAdmin={can(user, 'admin.users')} />
        <div className="user-box" data-testid="user-box">
          <div className="user-id">
            <span className="user-name">
              <span data-testid="user-name">{user.name}</span>
              <RoleBadge role={user.role} data-testid="user-role" />
            </span>
            {user.department ? <span className="user-dept" data-testid="user-department">{user.department}</span> : null}
          </div>
          <SignOutButton />
        </div>
      </div>
    </header>
  );
}
