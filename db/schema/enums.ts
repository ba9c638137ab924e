// The enumerations of data-contract.md. One list each: the schema's check constraints, the zod
// schemas and the UI's select boxes all read them from here.
import { sql, type SQL, type AnyColumn } from 'drizzle-orm';

export const ROLES = ['admin', 'manager', 'member'] as const;
export const DEPARTMENTS = ['executive', 'sales', 'marketing', 'support', 'success', 'operations'] as const;
export const LEAD_SOURCES = ['web', 'email', 'social', 'paid', 'referral', 'event', 'outbound', 'other'] as const;
export const DEAL_TYPES = ['new', 'upsell', 'cross_sell', 'renewal'] as const;
export const DEAL_STAGES = ['prospecting', 'qualification', 'proposal', 'negotiation', 'won', 'lost'] as const;
export const OPEN_DEAL_STAGES = ['prospecting', 'qualification', 'proposal', 'negotiation'] as const;
export const CAMPAIGN_CHANNELS = ['email', 'social', 'paid', 'event', 'content', 'other'] as const;
export const TICKET_CHANNELS = ['email', 'phone', 'chat', 'web', 'social'] as const;
export const TICKET_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export const TICKET_CATEGORIES = ['question', 'problem', 'complaint', 'request', 'feedback'] as const;
export const SURVEY_KINDS = ['csat', 'nps', 'ces'] as const;
export const EXPENSE_CATEGORIES = ['marketing', 'sales', 'support', 'other'] as const;
export const ACTIVITY_KINDS = ['login', 'create', 'update', 'other'] as const;
export const GOAL_SCOPES = ['company', 'team', 'user'] as const;
export const GOAL_STATES = ['active', 'closed', 'archived'] as const;
export const IMPORT_STATES = ['pending', 'running', 'succeeded', 'failed', 'interrupted', 'undone'] as const;

export type Role = (typeof ROLES)[number];
export type Department = (typeof DEPARTMENTS)[number];

/** `column IN ('a','b')` for a check constraint; values are our own constants, never user input. */
export function oneOf(column: AnyColumn, values: readonly string[]): SQL {
  return sql`${column} in (${sql.raw(values.map((v) => `'${v}'`).join(', '))})`;
}
