// Deals: the acquisition deal of each account opened in the two years (won = the account became a
// customer that day), expansion deals of customers (upsell, cross-sell, renewal, new), new-business deals
// of prospects (lost or still open), both spread over accounts in proportion to how long they were
// customers or prospects during history, and a few early deals with no account yet. A deal whose close date
// is after now is still open, in the stage its elapsed share of the cycle suggests.
import { businessHoursSql } from './calendar';
import { insertNumbered, type SeedContext } from './context';
import { campaignIdSql } from './marketing';
import { apportionSql } from './revenue';
import { pick, pickSlot } from './sql-rand';

const COLUMNS = 'name, account_id, owner_id, campaign_id, product, type, amount, stage, created_at, closed_at, contract_months';

export async function insertDeals(ctx: SeedContext, acquisitionCount: number): Promise<void> {
  const others = Math.max(0, ctx.targets.deals - acquisitionCount);
  const nCustomer = Math.round(others * 0.6);
  const nNoAccount = Math.round(others * 0.02);
  const nProspect = others - nCustomer - nNoAccount;
  const s = dealSql(ctx);
  await insertNumbered(ctx, 'deals', 'DEAL', COLUMNS, [
    acquisitionDeals(s), customerDeals(ctx, s, nCustomer), prospectDeals(ctx, s, nProspect), accountlessDeals(ctx, s, nNoAccount),
  ]);
}

/** SQL pieces every kind of deal uses: its stage and close date from its dates, its amount and term. */
function dealSql(ctx: SeedContext) {
  const { rand: r, now } = ctx;
  return {
    r, now, day: `interval '1 day'`,
    stage: (stages: number) => `case when close_at <= ${now} then case when won then 'won' else 'lost' end
    else (ARRAY['prospecting', 'qualification', 'proposal', 'negotiation'])[least(${stages},
      1 + floor(${stages} * extract(epoch from ${now} - created_at) / greatest(1, extract(epoch from close_at - created_at))))::int] end`,
    closed: `case when close_at <= ${now} then close_at end`,
    amount: (acv: string, key: string, salt: number) =>
      `round((${acv} * coalesce(months, 12) / 12.0 * ${r.lognormal(key, salt, 1, 0.25)})::numeric, -1)`,
    newMonths: (key: string, salt: number) => pick(r.u(key, salt), [12, 24, 36, null], [55, 20, 15, 10], '::int[]'),
  };
}
type DealSql = ReturnType<typeof dealSql>;

/** 1. Acquisition deals (one per account opened during history). */
function acquisitionDeals({ r, stage, closed, newMonths }: DealSql): string {
  return `
    select id as k, name || ' - ' || product as name, id as account_id, owner_id, lead_campaign as campaign_id,
      case when ${r.u('id', 301)} < 0.04 then null else product end as product, 'new' as type,
      round((acv * coalesce(months, 12) / 12.0)::numeric, -1) as amount,
      ${stage(4)} as stage, created_at, ${closed} as closed_at, months as contract_months
    from (
      select a.*, opened_at as created_at, acq_close as close_at, acq_state = 'won' as won, ${newMonths('id', 302)} as months
      from demo_acc a where not legacy
    ) x`;
}

/** 2. Expansion and renewal deals of customers, created while they were customers. */
function customerDeals(ctx: SeedContext, { r, now, day, stage, closed, amount, newMonths }: DealSql, nCustomer: number): string {
  const suffix = `case type when 'renewal' then ' renewal' when 'upsell' then ' upgrade' when 'cross_sell' then ' add-on' else '' end`;
  const k2 = '(a.id::bigint * 100000 + j)';
  return `
    select k, ac.name || ' - ' || coalesce(product, 'Platform') || ${suffix} as name, account_id, z.owner_id, campaign_id,
      product, type, amount, ${stage(4)} as stage, created_at, ${closed} as closed_at, months as contract_months
    from (
      select y.*, ${amount('y.acv * case type when \'renewal\' then 1.05 when \'upsell\' then 0.35 when \'cross_sell\' then 0.5 else 0.8 end', 'k', 310)} as amount,
        created_at + (1 + ${r.lognormal('k', 311, "case type when 'renewal' then 20 when 'upsell' then 30 when 'cross_sell' then 35 else 50 end", 0.6)}) * ${day} as close_at
      from (
        select x.*,
          case when ${r.u('k', 312)} < 0.04 then null
            when type = 'upsell' then case x.base_product when 'Core' then 'Pro' else 'Suite' end
            when type = 'cross_sell' then ${pick(r.u('k', 313), ['Analytics', 'Support Plus'])}
            else x.base_product end as product,
          case type when 'renewal' then ${pick(r.u('k', 314), [12, 24, null], [80, 15, 5], '::int[]')}
            when 'new' then ${newMonths('k', 314)} else ${pick(r.u('k', 314), [12, null], [60, 40], '::int[]')} end as months,
          case when type <> 'renewal' and ${r.u('k', 315)} < 0.15 then ${campaignIdSql(ctx, 'email', 'created_at')} end as campaign_id,
          ${r.u('k', 316)} < case type when 'renewal' then 0.65 when 'upsell' then 0.35 when 'cross_sell' then 0.28 else 0.22 end as won_draw
        from (
          select ${k2} as k, a.id as account_id, a.acv, a.product as base_product, a.churned_at,
            case when ${r.u(k2, 317)} < 0.85 then a.owner_id else ${pickSlot(r.u(k2, 318), ctx.people.slots.sales)} end as owner_id,
            ${pick(r.u(k2, 319), ['renewal', 'upsell', 'cross_sell', 'new'], [30, 30, 20, 20])} as type,
            least(greatest(a.lo, ${businessHoursSql(`(a.lo + ${r.u(k2, 320)} * (a.hi - a.lo))`, r.u(k2, 321), r.u(k2, 322))}),
              ${now} - interval '1 hour') as created_at
          from ${apportionSql('(select *, days as weight from demo_active)', nCustomer)} a
          cross join lateral generate_series(1, a.n) as j
        ) x offset 0
      ) y offset 0
    ) z
    cross join lateral (select z.won_draw and (z.churned_at is null or z.close_at < z.churned_at) as won) w
    join accounts ac on ac.id = z.account_id`;
}

/** 3. New-business deals of prospects: lost, or still open. */
function prospectDeals(ctx: SeedContext, { r, now, day, stage, closed, amount, newMonths }: DealSql, nProspect: number): string {
  const k3 = '(p.id::bigint * 100000 + j)';
  return `
    select k, ac.name || ' - ' || coalesce(product, 'Platform') as name, account_id, y.owner_id, campaign_id, product,
      'new' as type, amount, ${stage(4)} as stage, created_at, ${closed} as closed_at, months as contract_months
    from (
      select x.*, ${amount('x.acv * 0.9', 'k', 330)} as amount, false as won,
        created_at + (1 + ${r.lognormal('k', 331, 40, 0.6)}) * ${day} as close_at
      from (
        select ${k3} as k, p.id as account_id, p.acv,
          case when ${r.u(k3, 332)} < 0.04 then null else p.product end as product,
          case when ${r.u(k3, 333)} < 0.85 then p.owner_id else ${pickSlot(r.u(k3, 334), ctx.people.slots.sales)} end as owner_id,
          ${newMonths(k3, 335)} as months,
          p.lo + ${r.u(k3, 336)} * (${now} - p.lo) as created_at
        from ${apportionSql(`(select *, greatest(1, round(extract(epoch from ${now} - lo) / 86400))::bigint as weight from demo_prospect)`, nProspect)} p
        cross join lateral generate_series(1, p.n) as j
      ) x offset 0
    ) y
    cross join lateral (select case when ${r.u('y.k', 338)} < 0.25 then
      ${campaignIdSql(ctx, 'paid', 'y.created_at')} end as campaign_id) c
    join accounts ac on ac.id = y.account_id`;
}

/** 4. Early deals with no account yet (recent; open, or lost quickly). */
function accountlessDeals(ctx: SeedContext, { r, now, day, stage, closed }: DealSql, nNoAccount: number): string {
  const k4 = '(8000000000 + g)';
  return `
    select k, 'New opportunity - ' || product as name, null::int as account_id, owner_id, null::int as campaign_id, product,
      'new' as type, amount, ${stage(2)} as stage, created_at, ${closed} as closed_at, 12 as contract_months
    from (
      select x.*, x.created_at + (1 + ${r.lognormal('k', 340, 12, 0.6)}) * ${day} as close_at
      from (
        select ${k4} as k, ${pick(r.u(k4, 341), ['Core', 'Pro'])} as product,
          ${pickSlot(r.u(k4, 342), ctx.people.slots.sales)} as owner_id,
          round((${r.lognormal(k4, 343, 9000, 0.6)})::numeric, -1) as amount,
          greatest(${ctx.start}, ${now} - ${r.lognormal(k4, 344, 20, 1)} * ${day}) as created_at,
          false as won
        from generate_series(1, ${nNoAccount}) as g
      ) x offset 0
    ) y`;
}
