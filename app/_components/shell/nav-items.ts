// The app's navigation, one list for the header (and anything else that links to sections).
export interface NavItem { href: string; label: string }

export const RECORD_NAV: NavItem[] = [
  { href: '/records/accounts', label: 'Accounts' },
  { href: '/records/leads', label: 'Leads' },
  { href: '/records/deals', label: 'Deals' },
  { href: '/records/orders', label: 'Orders' },
  { href: '/records/campaigns', label: 'Campaigns' },
  { href: '/records/tickets', label: 'Tickets' },
  { href: '/records/survey-responses', label: 'Survey responses' },
];

export const ADMIN_NAV: NavItem[] = [
  { href: '/admin/users', label: 'Users' },
  { href: '/admin/teams', label: 'Teams' },
  { href: '/admin/imports', label: 'Imports' },
  { href: '/admin/audit', label: 'Audit log' },
];

/** Is `pathname` this section or inside it? */
export function isActive(pathname: string, href: string): boolean {
  return pathname === href || pathname.startsWith(`${href}/`);
}
