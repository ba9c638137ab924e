// Operations and data KPIs (kpi-catalog.md, "Operations and data").
import { sql } from 'drizzle-orm';
import { inP } from '../sql/period-sql';
import { RAW } from './raw-reasons';
import type { SummaryKey } from '@/db/schema/summary-defs';
import { ACCOUNT_CHECKED, DEAL_CHECKED, LEAD_CHECKED, filledCount } from '@/db/schema/completeness';
import { cur, pct, ratioKpi, type Cond, type DrillDef, type KpiCalc, type Part } from './define';

const all: Cond = () => sql`true`;

/** The fields data_completeness checks, per record kind, as "number of filled fields" of a record. */
const CHECKED: { source: 'accounts' | 'leads' | 'deals'; fields: readonly string[] }[] = [
  { source: 'accounts', fields: ACCOUNT_CHECKED },
  { source: 'leads', fields: LEAD_CHECKED },
  { source: 'deals', fields: DEAL_CHECKED },
];
const filled = (fields: readonly string[]) => sql.raw(`(${filledCount(fields)})`);

/**
 * Every kind reads all-time counts from its summary (every lead counts on its creation day in
 * lead_created_days, every deal on its opening in deal_open_days, every account once in account_days,
 * each with how many of its checked fields are filled). A filter no summary keys (an account's segment,
 * region or industry) reads the raw rows.
 */
const SUMMARISED: Record<'accounts' | 'leads' | 'deals', { table: SummaryKey; filled: string; count: string }> = {
  accounts: { table: 'account_days', filled: 'filled', count: 'n' },
  leads: { table: 'lead_created_days', filled: 'owned', count: 'n' },
  deals: { table: 'deal_open_days', filled: 'filled', count: 'opened' },
};
const read = (source: keyof typeof SUMMARISED, measure: 'filled' | 'count'): Pick<Part, 'summary'> => {
  const s = SUMMARISED[source];
  return { summary: { table: s.table, measure: s[measure], allTime: true } };
};

const completeness = CHECKED.map(({ source, fields }) => ({
  fields,
  filled: { source, agg: 'sum', where: all, value: () => filled(fields), ...read(source, 'filled') } satisfies Part as Part,
  count: { source, agg: 'count', where: all, ...read(source, 'count') } satisfies Part as Part,
}));

export const OPERATIONS = {
  crm_adoption_rate: ratioKpi('users', all,
    (p) => sql`exists (select 1 from activities ua where ua.user_id = u.id and ${inP(sql`ua.occurred_at`, p)})`, 'name', RAW.users),
  data_completeness: {
    parts: completeness.flatMap((c) => [cur(c.filled), cur(c.count)]),
    compute: (g) => {
      let f = 0;
      let n = 0;
      for (const c of completeness) {
        f += g(c.filled) ?? 0;
        n += (g(c.count) ?? 0) * c.fields.length;
      }
      return pct(f, n);
    },
    // Every checked record with its filled and checked field counts: Σ filled ÷ Σ checked is the value.
    drill: completeness.map((c): DrillDef => ({
      source: c.filled.source, where: () => sql`true`, value: () => filled(c.fields), valueLabel: 'Fields filled',
      weight: () => sql.raw(String(c.fields.length)), weightLabel: 'Fields checked', check: 'ratioOfSums', defaultSort: 'value', defaultDir: 'asc',
      counts: { total: c.count },
    })),
  },
} satisfies Record<string, KpiCalc>;
