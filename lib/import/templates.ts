// A CSV template per entity: the contract's columns (in the schema's order) and one example row that
// imports as it is when the templates are imported together in dependency order (the example rows
// name each other: the deal's account is the account's external_id, the owner is the user).
import { ENTITIES, type EntityName } from '@/lib/validation';

const EXAMPLES: Record<EntityName, Record<string, string>> = {
  users: { email: 'ana@example.com', name: 'Ana Silva', role: 'manager', department: 'sales', team: 'EMEA sales', active: 'true' },
  accounts: { external_id: 'ACC-1', name: 'Acme GmbH', segment: 'Mid-Market', industry: 'Manufacturing', region: 'EMEA', owner_email: 'ana@example.com', customer_since: '2025-02-01' },
  campaigns: { external_id: 'CMP-1', name: 'Spring newsletter', channel: 'email', started_at: '2025-03-01', ended_at: '2025-03-31', cost: '1200.00', sent: '5000', delivered: '4900', opens: '2100', clicks: '340', unsubscribes: '12' },
  leads: { external_id: 'LEAD-1', created_at: '2025-03-02T09:30:00Z', source: 'email', campaign_external_id: 'CMP-1', owner_email: 'ana@example.com', first_contacted_at: '2025-03-02T11:00:00Z', mql_at: '2025-03-05T10:00:00Z', sql_at: '2025-03-10T10:00:00Z', converted_at: '2025-03-20T10:00:00Z', account_external_id: 'ACC-1' },
  deals: { external_id: 'DEAL-1', name: 'Acme GmbH - annual licence', account_external_id: 'ACC-1', owner_email: 'ana@example.com', campaign_external_id: 'CMP-1', product: 'Suite', type: 'new', amount: '24000.00', stage: 'won', created_at: '2025-03-10T10:00:00Z', closed_at: '2025-04-15T16:00:00Z', contract_months: '12' },
  orders: { external_id: 'ORD-1', account_external_id: 'ACC-1', ordered_at: '2025-04-16T08:00:00Z', amount: '24000.00', cost: '6000.00', product: 'Suite' },
  tickets: { external_id: 'TCK-1', subject: 'Cannot export the report', account_external_id: 'ACC-1', assignee_email: 'ana@example.com', channel: 'email', priority: 'normal', category: 'problem', created_at: '2025-05-02T09:00:00Z', first_response_at: '2025-05-02T10:15:00Z', resolved_at: '2025-05-03T12:00:00Z', contacts: '2', handle_minutes: '35' },
  survey_responses: { external_id: 'SRV-1', kind: 'csat', score: '5', responded_at: '2025-05-03T13:00:00Z', account_external_id: 'ACC-1', ticket_external_id: 'TCK-1' },
  expenses: { external_id: 'EXP-1', incurred_on: '2025-03-31', category: 'marketing', amount: '1200.00', description: 'Spring newsletter tool' },
  activities: { external_id: 'ACT-1', user_email: 'ana@example.com', occurred_at: '2025-05-02T08:55:00Z', kind: 'login' },
};

const cell = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** The template file: header row and one example row (CRLF-free, UTF-8). */
export function templateCsv(entity: EntityName): string {
  const cols = ENTITIES[entity].columns.map((c) => c.name);
  return `${cols.join(',')}\n${cols.map((c) => cell(EXAMPLES[entity][c] ?? '')).join(',')}\n`;
}
