// Why a link was not followed, in words: a team or owner out of the viewer's scope (the 403 page
// says it), or a department the viewer may not switch to (the dashboard notes it). Pure.
import { DEPARTMENTS, type Department } from '@/db/schema/enums';
import type { SessionUser } from '@/lib/access';
import { capitalize } from '@/lib/intl-format';

/** What a viewer's role lets them see, to follow "You may not view team "South"." */
export function scopeReason(user: Pick<SessionUser, 'role'>): string {
  if (user.role === 'member') return 'A member sees their own numbers and their own team’s, not other teams’ or colleagues’ alone.';
  if (user.role === 'manager') return 'A manager sees the teams they manage and those teams’ members.';
  return 'There is no such team or user.';
}

/** Why the link's `dept` was not followed (null when it was, or when there was none). */
export function departmentRefusal(user: Pick<SessionUser, 'role'>, requested: string | undefined, shown: Department): string | null {
  if (!requested || requested === shown) return null;
  const clipped = requested.slice(0, 30);
  if (!(DEPARTMENTS as readonly string[]).includes(requested)) {
    return `The link asked for a "${clipped}" dashboard, which does not exist: this is your ${capitalize(shown)} dashboard.`;
  }
  return `The link asked for the ${capitalize(requested)} dashboard, but a member sees their own department’s dashboard only (managers and administrators switch): this is your ${capitalize(shown)} dashboard.`;
}
