// campaigns.csv: marketing campaigns with their cost and funnel counts (unique counts).
import { z } from 'zod';
import { CAMPAIGN_CHANNELS } from '@/db/schema/enums';
import { ALWAYS, columnsOf, date, enumOf, integer, issue, isNum, isStr, money, text } from './fields';

export const campaignShape = {
  external_id: text({ required: true }),
  name: text({ required: true }),
  channel: enumOf(CAMPAIGN_CHANNELS, { required: true }),
  started_at: date({ required: true }),
  ended_at: date(),
  cost: money({ required: true }),
  sent: integer(),
  delivered: integer(),
  opens: integer(),
  clicks: integer(),
  unsubscribes: integer(),
  impressions: integer(),
  engagements: integer(),
};

export function campaignRules(c: Partial<Record<keyof typeof campaignShape, unknown>>, ctx: z.RefinementCtx): void {
  if (isStr(c.ended_at) && isStr(c.started_at) && c.ended_at < c.started_at) {
    issue(ctx, 'ended_at', `must not be before started_at (${c.started_at})`);
  }
  if (isNum(c.delivered) && isNum(c.sent) && c.delivered > c.sent) {
    issue(ctx, 'delivered', `must not exceed sent (${c.sent})`);
  }
  for (const k of ['opens', 'clicks', 'unsubscribes'] as const) {
    const v = c[k];
    if (isNum(v) && isNum(c.delivered) && v > c.delivered) issue(ctx, k, `must not exceed delivered (${c.delivered})`);
  }
  if (isNum(c.engagements) && isNum(c.impressions) && c.engagements > c.impressions) {
    issue(ctx, 'engagements', `must not exceed impressions (${c.impressions})`);
  }
}

export const campaignSchema = z.object(campaignShape).superRefine(campaignRules, ALWAYS);
export const campaignColumns = columnsOf(campaignShape);
