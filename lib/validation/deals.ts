// deals.csv: sales opportunities; closed_at is set exactly when the stage is final (won or lost).
import { z } from 'zod';
import { DEAL_STAGES, DEAL_TYPES } from '@/db/schema/enums';
import { ALWAYS, columnsOf, datetime, email, enumOf, integer, issue, isDate, isStr, money, reference, text } from './fields';

export const dealShape = {
  external_id: text({ required: true }),
  name: text({ required: true }),
  account_external_id: reference('accounts'),
  owner_email: email({ references: 'users' }),
  campaign_external_id: reference('campaigns'),
  product: text(),
  type: enumOf(DEAL_TYPES, { default: 'new' }),
  amount: money({ required: true }),
  stage: enumOf(DEAL_STAGES, { required: true }),
  created_at: datetime({ required: true }),
  closed_at: datetime(),
  contract_months: integer({ min: 1 }),
};

export function dealRules(d: Partial<Record<keyof typeof dealShape, unknown>>, ctx: z.RefinementCtx): void {
  if (isStr(d.stage)) {
    const final = d.stage === 'won' || d.stage === 'lost';
    if (final && d.closed_at === null) issue(ctx, 'closed_at', `is required when the stage is ${d.stage}`);
    if (!final && isDate(d.closed_at)) issue(ctx, 'closed_at', `must be empty while the stage is open (${d.stage})`);
  }
  if (isDate(d.closed_at) && isDate(d.created_at) && d.closed_at < d.created_at) {
    issue(ctx, 'closed_at', `must not be before created_at (${d.created_at.toISOString()})`);
  }
}

export const dealSchema = z.object(dealShape).superRefine(dealRules, ALWAYS);
export const dealColumns = columnsOf(dealShape);
