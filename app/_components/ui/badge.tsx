// Small labels: statuses, roles, tags.
import type { HTMLAttributes } from 'react';
import type { Role } from '@/db/schema/enums';

export type BadgeTone = 'neutral' | 'primary' | 'info' | 'success' | 'warning' | 'danger';

export interface BadgeProps extends HTMLAttributes<HTMLSpanElement> {
  tone?: BadgeTone;
}

export function Badge({ tone = 'neutral', className, ...rest }: BadgeProps) {
  return <span className={['badge', tone === 'neutral' ? '' : `badge-${tone}`, className].filter(Boolean).join(' ')} {...rest} />;
}

const ROLE_TONE: Record<Role, BadgeTone> = { admin: 'danger', manager: 'primary', member: 'neutral' };

export function RoleBadge({ role, ...rest }: { role: Role } & Omit<BadgeProps, 'tone'>) {
  return <Badge tone={ROLE_TONE[role]} data-role={role} {...rest}>{role}</Badge>;
}
