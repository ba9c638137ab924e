// Why a KPI part reads the raw rows rather than an exact summary (`Part.rawBecause`): one wording per
// reason, so the parts sharing a reason say it alike and docs/architecture.md ("Exact summaries") can
// list them. lib/kpi/calc/parts.test.ts fails for a part that declares neither a summary nor a reason.

export const RAW = {
  /** Campaigns: a few hundred rows. */
  campaigns: 'campaigns: a few hundred rows read whole (only the channel filter reaches them)',
  /** Campaign ROI's R: per campaign, its won deals' whole months from a summary, the rest raw. */
  campaignRevenue: 'campaigns: a few hundred rows read whole; each one\'s won deals from campaign_won_months for the whole months before `to`, from raw rows after',
  /** Expenses: a few hundred rows, never filtered. */
  expenses: 'expenses: a few hundred monthly spend lines, never filtered, read by their date range',
  /** Users: one row per user. */
  users: 'users: one row per user (tens), read whole with an exists over their activities in the period',
} as const;
