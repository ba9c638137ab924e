// Leads and their funnel: created -> contacted -> MQL -> SQL -> converted (or disqualified).
// Three kinds: the lead that opened each account (converted the day the account opened), leads that
// converted into an existing customer (new contacts there), and the rest, which mostly never convert.
// A stage that would fall after now has not happened yet (null), so recent leads sit early in the funnel.
import { calendarTimeSql } from './calendar';
import { insertNumbered, type SeedContext } from './context';
import { campaignIdSql } from './marketing';
import { pick, pickSlot } from './sql-rand';

/** SQL: the campaign a lead of `source` created at `tsExpr` came from (85% of campaign channels, 30% of web). */
export function leadCampaignSql(ctx: SeedContext, sourceExpr: string, tsExpr: string, uExpr: string): string {
  const c = (channel: string) => campaignIdSql(ctx, channel, tsExpr);
  return `(case ${sourceExpr}
    when 'email' then case when ${uExpr} < 0.85 then ${c('email')} end
    when 'social' then case when ${uExpr} < 0.85 then ${c('social')} end
    when 'paid' then case when ${uExpr} < 0.85 then ${c('paid')} end
    when 'event' then case when ${uExpr} < 0.85 then ${c('event')} end
    when 'web' then case when ${uExpr} < 0.3 then ${c('content')} end end)`;
}

const SOURCES = ['web', 'paid', 'social', 'email', 'outbound', 'event', 'referral', 'other'];
const COLUMNS = 'created_at, source, campaign_id, owner_id, first_contacted_at, mql_at, sql_at, converted_at, account_id, disqualified_at';

export async function insertLeads(ctx: SeedContext): Promise<void> {
  const s = leadSql(ctx);
  const extra = Math.round(ctx.targets.leads * 0.045);
  await insertNumbered(ctx, 'leads', 'LEAD', COLUMNS, [openingLeads(s), contactLeads(ctx, s, extra), otherLeads(ctx, s, extra)]);
}

/** SQL pieces every kind of lead uses. */
function leadSql(ctx: SeedContext) {
  const { rand: r, cal, now } = ctx;
  return { r, cal, now, day: `interval '1 day'`, hour: `interval '1 hour'`, ifPast: (t: string) => `case when ${t} <= ${now} then ${t} end` };
}
type LeadSql = ReturnType<typeof leadSql>;

/** 1. The lead that opened each account of the two years. */
function openingLeads({ r, day, hour }: LeadSql): string {
  return `
    select id as k, lead_created as created_at, lead_source as source, lead_campaign as campaign_id, owner_id,
      lead_created + least(lead_resp_hours, journey_days * 24 * 0.15) * ${hour} as first_contacted_at,
      lead_created + journey_days * (0.2 + 0.2 * ${r.u('id', 201)}) * ${day} as mql_at,
      lead_created + journey_days * (0.5 + 0.3 * ${r.u('id', 202)}) * ${day} as sql_at,
      opened_at as converted_at, id as account_id, null::timestamptz as disqualified_at
    from demo_acc where not legacy`;
}

/** 2. New contacts at existing customers, converted into that account. */
function contactLeads(ctx: SeedContext, { r, cal, now, day, hour, ifPast }: LeadSql, extra: number): string {
  const k2 = `(2000000000 + g)`;
  return `
    select k, created_at, source, ${leadCampaignSql(ctx, 'source', 'created_at', r.u('k', 210))} as campaign_id,
      coalesce(case when ${r.u('k', 211)} < 0.7 then a.owner_id end, ${pickSlot(r.u('k', 212), ctx.people.slots.sales)}) as owner_id,
      ${ifPast('c')} as first_contacted_at, ${ifPast('m')} as mql_at, ${ifPast('s')} as sql_at, ${ifPast('v')} as converted_at,
      case when v <= ${now} then a.id end as account_id, null::timestamptz as disqualified_at
    from (
      select x.*, c + ${r.lognormal('k', 213, 5, 0.6)} * ${day} as m,
        c + ${r.lognormal('k', 213, 5, 0.6)} * ${day} + ${r.lognormal('k', 214, 6, 0.6)} * ${day} as s,
        c + (${r.lognormal('k', 213, 5, 0.6)} + ${r.lognormal('k', 214, 6, 0.6)} + ${r.lognormal('k', 215, 6, 0.6)}) * ${day} as v
      from (
        select ${k2} as k, ${calendarTimeSql(cal, r.u(k2, 216), r.u(k2, 217), r.u(k2, 218))} as created_at,
          ${pick(r.u(k2, 219), SOURCES, [20, 8, 8, 12, 15, 10, 22, 5])} as source,
          ${calendarTimeSql(cal, r.u(k2, 216), r.u(k2, 217), r.u(k2, 218))} + ${r.lognormal(k2, 220, 4, 1)} * ${hour} as c,
          1 + floor(${r.u(k2, 221)} * (select count(*) from demo_legacy))::int as rn
        from generate_series(1, ${extra}) as g
      ) x offset 0
    ) y join demo_legacy a on a.rn = y.rn`;
}

/** 3. Everyone else: contacted or not, some qualify, few reach SQL, none convert; many are disqualified. */
function otherLeads(ctx: SeedContext, { r, cal, day, hour, ifPast }: LeadSql, extra: number): string {
  const { targets } = ctx;
  const k3 = `(4000000000 + g)`;
  const pMql = `(case source when 'referral' then 0.6 when 'event' then 0.5 when 'web' then 0.45 when 'email' then 0.4
    when 'paid' then 0.35 else 0.3 end)`;
  return `
    select k, created_at, source, ${leadCampaignSql(ctx, 'source', 'created_at', r.u('k', 230))} as campaign_id,
      ${pickSlot(r.u('k', 231), ctx.people.slots.sales)} as owner_id,
      ${ifPast('c')} as first_contacted_at, ${ifPast('m')} as mql_at, ${ifPast('s')} as sql_at,
      null::timestamptz as converted_at, null::int as account_id, ${ifPast('d')} as disqualified_at
    from (
      select z.*,
        case when s is not null then case when ${r.u('k', 232)} < 0.85 then s + ${r.lognormal('k', 233, 20, 0.6)} * ${day} end
          when m is not null then case when ${r.u('k', 232)} < 0.7 then m + ${r.lognormal('k', 233, 25, 0.6)} * ${day} end
          when c is not null then case when ${r.u('k', 232)} < 0.6 then c + ${r.lognormal('k', 233, 12, 0.6)} * ${day} end
          else case when ${r.u('k', 232)} < 0.4 then created_at + ${r.lognormal('k', 233, 30, 0.5)} * ${day} end end as d
      from (
        select y.*, case when is_sql then m + ${r.lognormal('k', 234, 6, 0.6)} * ${day} end as s
        from (
          select x.*, case when is_mql then c + ${r.lognormal('k', 235, 4, 0.7)} * ${day} end as m
          from (
            select w.*,
              case when contacted then created_at + ${r.lognormal('k', 236, "case when source = 'outbound' then 0.3 else 5 end", 1.1)}
                * (1.15 - 0.3 * extract(epoch from created_at - ${ctx.start}) / (730 * 86400)) * ${hour} end as c,
              contacted and ${r.u('k', 237)} < ${pMql} as is_mql,
              contacted and ${r.u('k', 237)} < ${pMql} and ${r.u('k', 238)} < 0.22 as is_sql
            from (
            select w0.*, (w0.source = 'outbound' or ${r.u('w0.k', 244)} < 0.8) as contacted from (
              select ${k3} as k, ${calendarTimeSql(cal, r.u(k3, 240), r.u(k3, 241), r.u(k3, 242))} as created_at,
                ${pick(r.u(k3, 243), SOURCES, [30, 15, 14, 14, 10, 7, 5, 5])} as source
              from generate_series(1, ${targets.leads} - ${extra} - (select count(*) from demo_acc where not legacy)) as g
            ) w0 offset 0
            ) w
          ) x offset 0
        ) y offset 0
      ) z offset 0
    ) q`;
}
