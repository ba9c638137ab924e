// leads.csv: marketing and sales leads with their funnel timestamps.
import { z } from 'zod';
import { LEAD_SOURCES } from '@/db/schema/enums';
import { ALWAYS, columnsOf, datetime, email, enumOf, issue, isDate, reference, text } from './fields';

export const leadShape = {
  external_id: text({ required: true }),
  created_at: datetime({ required: true }),
  source: enumOf(LEAD_SOURCES, { required: true }),
  campaign_external_id: reference('campaigns'),
  owner_email: email({ references: 'users' }),
  first_contacted_at: datetime(),
  mql_at: datetime(),
  sql_at: datetime(),
  converted_at: datetime(),
  account_external_id: reference('accounts'),
  disqualified_at: datetime(),
};

export function leadRules(l: Partial<Record<keyof typeof leadShape, unknown>>, ctx: z.RefinementCtx): void {
  if (isDate(l.created_at)) {
    for (const k of ['first_contacted_at', 'mql_at', 'sql_at', 'converted_at'] as const) {
      const v = l[k];
      if (isDate(v) && v < l.created_at) issue(ctx, k, `must not be before created_at (${l.created_at.toISOString()})`);
    }
  }
  // `l.account_external_id === null`: the cell is empty (a failed parse would not be null).
  if (isDate(l.converted_at) && l.account_external_id == null) {
    issue(ctx, 'account_external_id', 'is required when converted_at is set (the account the lead became)');
  }
  if (isDate(l.converted_at) && isDate(l.disqualified_at)) {
    issue(ctx, 'disqualified_at', 'must be empty when converted_at is set (a lead is not both converted and disqualified)');
  }
}

export const leadSchema = z.object(leadShape).superRefine(leadRules, ALWAYS);
export const leadColumns = columnsOf(leadShape);
