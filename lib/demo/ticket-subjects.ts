// Plausible ticket subjects by category for the demo company. Picked in SQL by a seeded draw (one
// array lookup per row), so the seed stays one INSERT … SELECT and the same seed gives the same subjects.
import { pick } from './sql-rand';

const PRODUCT_AREAS = ['invoices', 'the dashboard', 'the mobile app', 'reports', 'the API', 'user permissions', 'exports', 'notifications'];

const BY_CATEGORY: Record<string, string[]> = {
  question: [
    'How do I add a new user?', 'Where can I download past invoices?', 'Can we change our billing date?',
    'How do I export data to Excel?', 'Is there an API rate limit?', 'How do I set up single sign-on?',
    'Which plan includes audit logs?', 'Can two people share one seat?', 'How do I reset a colleague’s password?',
    'Does the mobile app work offline?',
  ],
  problem: [
    'Cannot log in after password reset', 'Dashboard does not load', 'Export stops at 10,000 rows',
    'Sync with the CRM fails overnight', 'Mobile app crashes on start', 'Reports show yesterday’s numbers',
    'Two-factor code never arrives', 'API returns 500 on large requests', 'Notifications are sent twice',
    'Invoice PDF is blank',
  ],
  complaint: [
    'Charged twice this month', 'Still waiting for a reply', 'Outage during our busiest hour',
    'Renewal price went up without notice', 'Issue closed but not solved', 'Support hung up on me',
    'Data lost after the last update', 'Promised feature still missing',
  ],
  request: [
    'Please add three more seats', 'Change the account owner', 'Upgrade us to the annual plan',
    'Add a VAT number to our invoices', 'Remove a former employee’s access', 'Extend our trial by two weeks',
    'Send a copy of the signed contract', 'Move our data to the EU region',
  ],
  feedback: [
    'Love the new reports', 'Suggestion: dark mode for the app', 'The new navigation is confusing',
    'Please keep the old export format', 'Great onboarding call, thank you', 'Search could be faster',
    'Idea: weekly summary e-mail',
  ],
};

/**
 * A subject for a ticket of `category` (a SQL expression), drawn with the uniform draw `u`. Tickets
 * without a category get a subject naming a product area; about 3 % get none, as in real exports, so
 * the "Ticket <external_id>" fallback shows too.
 */
export function ticketSubjectSql(category: string, u: string, uArea: string, uNone: string): string {
  const cases = Object.entries(BY_CATEGORY).map(([c, subjects]) => `when '${c}' then ${pick(u, subjects)}`).join(' ');
  const other = `'Question about ' || ${pick(uArea, PRODUCT_AREAS)}`;
  return `case when ${uNone} < 0.03 then null else case ${category} ${cases} else ${other} end end`;
}
