// The app's navigation, one list for the header (and anything else that links to sections).
import { ENTITY_CATALOGUE, recordHref, type RecordEntity } from '@/lib/entities/catalogue';

export interface NavItem { href: string; label: string }

// The record kinds in the order the header lists them (the catalogue's is the import's dependency order).
const RECORD_NAV_ORDER: RecordEntity[] = ['accounts', 'leads', 'deals', 'orders', 'campaigns', 'tickets', 'survey_responses'];

export const RECORD_NAV: NavItem[] = RECORD_NAV_ORDER.map((e) => ({ href: recordHref(e), label: ENTITY_CATALOGUE[e].plural }));

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
