// Why a link was refused, in words, for the page that shows the refusal. A dashboard link naming a team
// or owner out of the viewer's scope gets the 403 page (refused, never widened); that page is rendered
// in the same request, so the reason is kept in a per-request slot (React cache) for it to read.
// A `dept` the viewer may not switch to keeps their own dashboard, with a notice saying so.
import 'server-only';
import { cache } from 'react';
import { DEPARTMENTS, type Department } from '@/db/schema/enums';
import type { SessionUser } from '@/lib/auth/permissions';
import { capitalize } from '@/lib/intl-format';

const slot = cache(() => ({ message: null as string | null }));

/** Remembers why this request is refused (read by app/forbidden.tsx). */
export function noteRefusal(message: string): void {
  slot().message = message;
}

/** Why this request was refused, or null (a 403 from elsewhere: the generic text stays). */
export function refusalReason(): string | null {
  return slot().message;
}

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
