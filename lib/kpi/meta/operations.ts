import { F, type KpiMetaInput } from './shared';

export const OPERATIONS_META = [
  { key: 'crm_adoption_rate', name: 'CRM adoption rate', unit: 'percent', direction: 'higher', aggregation: 'level',
    definition: 'Share of the active users with at least one activity in the CRM in the period.',
    filters: F.users, breakdowns: F.users, drillEntity: 'users' },
  { key: 'data_completeness', name: 'Data completeness', unit: 'percent', direction: 'higher', aggregation: 'level',
    definition: 'Filled ÷ all of these fields over all current records: account segment, industry, region and owner; lead owner; deal owner and product.',
    filters: [...F.accounts, 'product', 'source'], breakdowns: F.users, drillEntity: 'mixed',
    filterNote: 'Not tied to the period. Segment, region and industry reach accounts and deals, product only deals, source only leads.' },
] as const satisfies readonly KpiMetaInput[];
