// Drill-down paging and sorting as they travel in the URL (KPI page and its CSV export read the same).
import { z } from 'zod';

/** A ratio's drill-down set (`set=numerator|denominator`); without it, the numerator's records. */
export const drillSetSchema = z.enum(['numerator', 'denominator']);

export const drillParamsSchema = z.object({
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
  sort: z.string().regex(/^[a-z_]{1,40}$/).optional().catch(undefined),
  dir: z.enum(['asc', 'desc']).optional().catch(undefined),
  set: drillSetSchema.optional().catch(undefined),
});

export const DRILL_PAGE_SIZE = 25;

export const RECORD_PAGES = new Set(['accounts', 'leads', 'deals', 'orders', 'campaigns', 'tickets', 'survey-responses']);
