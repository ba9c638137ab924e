// Why a KPI part reads the raw rows rather than an exact summary (`Part.rawBecause`): one wording per
// reason, so the parts sharing a reason say it alike and docs/architecture.md ("Exact summaries") can
// list them. lib/kpi/calc/parts.test.ts fails for a part that declares neither a summary nor a reason.

export const RAW = {
  /** L, and the ratios whose numerator it is (S beside it in the same pass). */
  lostCustomers: 'customers at the start who churned in the period: both dates at once (customer_since before from, churned_at in the period), which no count by one day gives; accounts read whole',
  /** Active customers with an order, ticket or response in the period. */
  engagedAccounts: 'active customers with an order, ticket or response in the period: a lookup per account, accounts read whole',
  /** Accounts with at least one (or two) of some records in the period. */
  distinctAccounts: 'distinct accounts with records in the period: not additive over days, so no day or month sum gives it',
  /** Deals open at the period's end. */
  /** Campaigns: a few hundred rows. */
  campaigns: 'campaigns: a few hundred rows read whole (only the channel filter reaches them)',
  /** Expenses: a few hundred rows, never filtered. */
  expenses: 'expenses: a few hundred monthly spend lines, never filtered, read by their date range',
  /** Users: one row per user. */
  users: 'users: one row per user (tens), read whole with an exists over their activities in the period',
  /** Every record, whatever its date. */
  allRecords: 'every account whatever its date: one small table, read whole with the other account parts',
  /** The account's converting lead, looked up per new customer. */
  convertingLead: "the account's converting lead, looked up per new customer (accounts read whole)",
} as const;
