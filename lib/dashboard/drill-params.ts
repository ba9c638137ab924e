// Drill-down paging and sorting as they travel in the URL (KPI page and its CSV export read the same).
import { z } from 'zod';
import { ENTITY_CATALOGUE, RECORD_ENTITIES } from '@/lib/entities/catalogue';

/** A ratio's drill-down set (`set=numerator|denominator`); without it, the numerator's records. */
export const drillSetSchema = z.enum(['numerator', 'denominator']);

export const drillParamsSchema = z.object({
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
  sort: z.string().regex(/^[a-z_]{1,40}$/).optional().catch(undefined),
  dir: z.enum(['asc', 'desc']).optional().catch(undefined),
  set: drillSetSchema.optional().catch(undefined),
});

export const DRILL_PAGE_SIZE = 25;

/** The slugs with record pages (/records/<slug>): a drill-down row of one of them links to its record. */
export const RECORD_PAGES: ReadonlySet<string> = new Set(RECORD_ENTITIES.map((e) => ENTITY_CATALOGUE[e].slug));
