// accounts.csv: customers and prospects.
import { z } from 'zod';
import { ALWAYS, columnsOf, date, email, issue, isStr, text } from './fields';

export const accountShape = {
  external_id: text({ required: true }),
  name: text({ required: true }),
  segment: text(),
  industry: text(),
  region: text(),
  owner_email: email({ references: 'users' }),
  customer_since: date(),
  churned_at: date(),
};

export function accountRules(a: Partial<Record<keyof typeof accountShape, unknown>>, ctx: z.RefinementCtx): void {
  // 'YYYY-MM-DD' strings compare in calendar order.
  if (isStr(a.churned_at) && isStr(a.customer_since) && a.churned_at < a.customer_since) {
    issue(ctx, 'churned_at', `must not be before customer_since (${a.customer_since})`);
  }
}

export const accountSchema = z.object(accountShape).superRefine(accountRules, ALWAYS);
export const accountColumns = columnsOf(accountShape);
