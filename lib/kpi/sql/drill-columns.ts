// The columns a drill-down shows per record kind: `sort` is the raw expression (so ORDER BY can use
// the indexes), `out` what the row carries (timestamps as UTC ISO text, money as float8, so both
// drivers give identical rows). Owners show as names (people know each other by name, not e-mail);
// the key columns come first (what the record is, its amount, its state), so a phone shows them
// before the table scrolls sideways inside its card.
import { sql, type SQL } from 'drizzle-orm';
import { ticketTitleSql } from '@/lib/records/titles';
import type { SourceKey } from './sources';

export type DrillColumnType = 'text' | 'integer' | 'number' | 'money' | 'datetime' | 'date' | 'boolean';

export interface DrillColumnDef {
  key: string;
  label: string;
  type: DrillColumnType;
  sort: SQL;
  out: SQL;
}

const iso = (e: SQL) => sql`to_char(${e} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;

function col(key: string, label: string, type: DrillColumnType, expr: string): DrillColumnDef {
  const e = sql.raw(expr);
  const out = type === 'datetime' ? iso(e) : type === 'date' ? sql`${e}::text` : type === 'money' || type === 'number' ? sql`${e}::float8` : e;
  return { key, label, type, sort: e, out };
}
const accountName = (ref: string) => col('account', 'Account', 'text', `(select xa.name from accounts xa where xa.id = ${ref})`);
const userName = (key: string, label: string, ref: string) => col(key, label, 'text', `(select xu.name from users xu where xu.id = ${ref})`);

export const DRILL_COLUMNS: Record<SourceKey, DrillColumnDef[]> = {
  leads: [
    col('external_id', 'External id', 'text', 'l.external_id'), col('created_at', 'Created', 'datetime', 'l.created_at'),
    col('source', 'Source', 'text', 'l.source'), userName('owner', 'Owner', 'l.owner_id'),
    col('first_contacted_at', 'First contacted', 'datetime', 'l.first_contacted_at'), col('mql_at', 'MQL', 'datetime', 'l.mql_at'),
    col('sql_at', 'SQL', 'datetime', 'l.sql_at'), col('converted_at', 'Converted', 'datetime', 'l.converted_at'),
  ],
  deals: [
    col('name', 'Name', 'text', 'd.name'), col('amount', 'Amount', 'money', 'd.amount'), col('stage', 'Stage', 'text', 'd.stage'),
    userName('owner', 'Owner', 'd.owner_id'), accountName('d.account_id'),
    col('created_at', 'Created', 'datetime', 'd.created_at'), col('closed_at', 'Closed', 'datetime', 'd.closed_at'),
    col('product', 'Product', 'text', 'd.product'), col('type', 'Type', 'text', 'd.type'), col('external_id', 'External id', 'text', 'd.external_id'),
  ],
  orders: [
    col('external_id', 'External id', 'text', 'o.external_id'), col('amount', 'Amount', 'money', 'o.amount'), accountName('o.account_id'),
    col('ordered_at', 'Ordered', 'datetime', 'o.ordered_at'),
    userName('owner', 'Account owner', '(select xa.owner_id from accounts xa where xa.id = o.account_id)'),
    col('cost', 'Cost', 'money', 'o.cost'), col('product', 'Product', 'text', 'o.product'),
  ],
  tickets: [
    col('title', 'Ticket', 'text', ticketTitleSql('t')),
    col('external_id', 'External id', 'text', 't.external_id'), accountName('t.account_id'), userName('owner', 'Assignee', 't.assignee_id'),
    col('channel', 'Channel', 'text', 't.channel'), col('priority', 'Priority', 'text', 't.priority'), col('category', 'Category', 'text', 't.category'),
    col('created_at', 'Created', 'datetime', 't.created_at'), col('first_response_at', 'First response', 'datetime', 't.first_response_at'),
    col('resolved_at', 'Resolved', 'datetime', 't.resolved_at'), col('contacts', 'Contacts', 'integer', 't.contacts'),
    col('handle_minutes', 'Handling minutes', 'number', 't.handle_minutes'),
  ],
  survey_responses: [
    col('external_id', 'External id', 'text', 's.external_id'), col('kind', 'Kind', 'text', 's.kind'), col('score', 'Score', 'integer', 's.score'),
    col('responded_at', 'Responded', 'datetime', 's.responded_at'), accountName('s.account_id'),
    col('ticket', 'Ticket', 'text', `(select ${ticketTitleSql('xt')} from tickets xt where xt.id = s.ticket_id)`),
  ],
  accounts: [
    col('external_id', 'External id', 'text', 'a.external_id'), col('name', 'Name', 'text', 'a.name'), col('segment', 'Segment', 'text', 'a.segment'),
    col('industry', 'Industry', 'text', 'a.industry'), col('region', 'Region', 'text', 'a.region'), userName('owner', 'Owner', 'a.owner_id'),
    col('customer_since', 'Customer since', 'date', 'a.customer_since'), col('churned_at', 'Churned', 'date', 'a.churned_at'),
  ],
  campaigns: [
    col('external_id', 'External id', 'text', 'c.external_id'), col('name', 'Name', 'text', 'c.name'), col('channel', 'Channel', 'text', 'c.channel'),
    col('started_at', 'Started', 'date', 'c.started_at'), col('cost', 'Cost', 'money', 'c.cost'), col('delivered', 'Delivered', 'integer', 'c.delivered'),
    col('opens', 'Opens', 'integer', 'c.opens'), col('clicks', 'Clicks', 'integer', 'c.clicks'),
    col('unsubscribes', 'Unsubscribes', 'integer', 'c.unsubscribes'), col('impressions', 'Impressions', 'integer', 'c.impressions'),
    col('engagements', 'Engagements', 'integer', 'c.engagements'),
  ],
  expenses: [
    col('external_id', 'External id', 'text', 'e.external_id'), col('amount', 'Amount', 'money', 'e.amount'), col('incurred_on', 'Incurred on', 'date', 'e.incurred_on'),
    col('category', 'Category', 'text', 'e.category'), col('description', 'Description', 'text', 'e.description'),
  ],
  users: [
    col('email', 'E-mail', 'text', 'u.email'), col('name', 'Name', 'text', 'u.name'),
    col('team', 'Team', 'text', '(select xt.name from teams xt where xt.id = u.team_id)'), col('department', 'Department', 'text', 'u.department'),
  ],
};

/** Columns shared by every kind, for drill-downs listing several kinds (data completeness). */
export const COMMON_COLUMNS: Record<SourceKey, { external_id: string; name: string; owner: string }> = {
  leads: { external_id: 'l.external_id', name: 'l.external_id', owner: 'l.owner_id' },
  deals: { external_id: 'd.external_id', name: 'd.name', owner: 'd.owner_id' },
  orders: { external_id: 'o.external_id', name: 'o.external_id', owner: '(select xa.owner_id from accounts xa where xa.id = o.account_id)' },
  tickets: { external_id: 't.external_id', name: ticketTitleSql('t'), owner: 't.assignee_id' },
  survey_responses: { external_id: 's.external_id', name: 's.external_id', owner: 's.owner_id' },
  accounts: { external_id: 'a.external_id', name: 'a.name', owner: 'a.owner_id' },
  campaigns: { external_id: 'c.external_id', name: 'c.name', owner: 'null::int' },
  expenses: { external_id: 'e.external_id', name: 'e.description', owner: 'null::int' },
  users: { external_id: 'u.email', name: 'u.name', owner: 'u.id' },
};
