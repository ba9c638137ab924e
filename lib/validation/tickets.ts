// tickets.csv: support tickets.
import { z } from 'zod';
import { TICKET_CATEGORIES, TICKET_CHANNELS, TICKET_PRIORITIES } from '@/db/schema/enums';
import { ALWAYS, columnsOf, datetime, decimal, email, enumOf, integer, issue, isDate, reference, text } from './fields';

export const ticketShape = {
  external_id: text({ required: true }),
  subject: text(),
  account_external_id: reference('accounts'),
  assignee_email: email({ references: 'users' }),
  channel: enumOf(TICKET_CHANNELS),
  priority: enumOf(TICKET_PRIORITIES, { default: 'normal' }),
  category: enumOf(TICKET_CATEGORIES),
  created_at: datetime({ required: true }),
  first_response_at: datetime(),
  resolved_at: datetime(),
  contacts: integer({ min: 1 }),
  handle_minutes: decimal(),
};

export function ticketRules(t: Partial<Record<keyof typeof ticketShape, unknown>>, ctx: z.RefinementCtx): void {
  if (!isDate(t.created_at)) return;
  for (const k of ['first_response_at', 'resolved_at'] as const) {
    const v = t[k];
    if (isDate(v) && v < t.created_at) issue(ctx, k, `must not be before created_at (${t.created_at.toISOString()})`);
  }
}

export const ticketSchema = z.object(ticketShape).superRefine(ticketRules, ALWAYS);
export const ticketColumns = columnsOf(ticketShape);
