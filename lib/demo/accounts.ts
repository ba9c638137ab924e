// Accounts and their life: opened (a lead converted), won (customer_since) or not, churned or not.
// The life of each account is kept in the temp table demo_acc, which leads, deals, orders, tickets and
// surveys read so that every record fits its account's timeline.
import { calendarTimeSql } from './calendar';
import { exec, externalIdSql, type SeedContext } from './context';
import { leadCampaignSql } from './leads';
import { pick, pickSlot } from './sql-rand';

const ADJ = ['Blue', 'North', 'Bright', 'Silver', 'Summit', 'Pioneer', 'Harbor', 'Apex', 'Evergreen', 'Granite', 'Nova',
  'Atlas', 'Crescent', 'Vertex', 'Maple', 'Orion', 'Cobalt', 'Redwood', 'Lumen', 'Sterling', 'Horizon', 'Polar', 'Swift',
  'Golden', 'Iron', 'Clearwater', 'Bold', 'Prime', 'Echo', 'Falcon'];
const NOUN = ['Logistics', 'Analytics', 'Health', 'Foods', 'Systems', 'Energy', 'Retail', 'Labs', 'Capital', 'Media',
  'Works', 'Dynamics', 'Networks', 'Solutions', 'Partners', 'Robotics', 'Pharma', 'Textiles', 'Motors', 'Studios'];
const SUFFIX = ['Inc', 'Ltd', 'GmbH', 'Group', 'LLC', 'SA', 'BV', 'Co'];
const CITIES = ['Berlin', 'London', 'Austin', 'Toronto', 'Lyon', 'Madrid', 'Chicago', 'Oslo', 'Denver', 'Milan', 'Dublin',
  'Boston', 'Sydney', 'Seattle', 'Vienna', 'Lisbon', 'Zurich', 'Atlanta', 'Porto', 'Munich', 'Osaka', 'Seoul'];
const COMBOS = ADJ.length * NOUN.length * SUFFIX.length;

export const SEGMENTS = ['SMB', 'Mid-Market', 'Enterprise'] as const;
export const PRODUCTS = ['Core', 'Pro', 'Suite', 'Analytics', 'Support Plus'] as const;

/**
 * SQL: a distinct company name per id (a permutation of word combinations, then a city, then a number
 * past the combinations with cities: xlarge's million accounts). bigint: id * 7919 passes 2^31 there.
 */
export function nameSql(seed: number): string {
  const c = `(((id::bigint + ${seed % COMBOS}) * 7919) % ${COMBOS})`;
  const a = `(ARRAY[${ADJ.map((x) => `'${x}'`).join(',')}])[1 + ${c} % ${ADJ.length}]`;
  const n = `(ARRAY[${NOUN.map((x) => `'${x}'`).join(',')}])[1 + (${c} / ${ADJ.length}) % ${NOUN.length}]`;
  const s = `(ARRAY[${SUFFIX.map((x) => `'${x}'`).join(',')}])[1 + ${c} / ${ADJ.length * NOUN.length}]`;
  const city = `(ARRAY[${CITIES.map((x) => `'${x}'`).join(',')}])[1 + ((id - 1) / ${COMBOS}) % ${CITIES.length}]`;
  const withCities = COMBOS * CITIES.length;
  const nth = `case when id > ${withCities} then ' ' || (1 + (id - 1) / ${withCities}) else '' end`;
  return `${a} || ' ' || ${n} || ' ' || ${s} || case when id > ${COMBOS} then ' ' || ${city} else '' end || ${nth}`;
}

export async function insertAccounts(ctx: SeedContext, seed: number): Promise<void> {
  const { rand: r, cal, targets } = ctx;
  const u = (salt: number) => r.u('id', 100 + salt);
  const segCase = (smb: number | string, mm: number | string, ent: number | string) =>
    `(case seg when 'SMB' then ${smb} when 'Mid-Market' then ${mm} else ${ent} end)`;
  const day = `interval '1 day'`;
  await exec(ctx, `
    create temp table demo_acc on commit drop as
    select s3.*, case when churn_at <= ${ctx.now} then churn_at end as churned_at
    from (
      select s2.*, cs + greatest(30, life_months * 30.44) * ${day} as churn_at
      from (
        select s1.*,
          case when legacy then case when wu < 0.85 then opened_at + (${ctx.start} - opened_at) * (0.05 + 0.9 * ${u(14)}) end
               when wu < p_win and acq_close <= ${ctx.now} then acq_close end as cs,
          case when legacy then null when acq_close > ${ctx.now} then 'open' when wu < p_win then 'won' else 'lost' end as acq_state,
          ${leadCampaignSql(ctx, 'lead_source', 'lead_created', u(15))} as lead_campaign
        from (
          select s0.*,
            opened_at - journey_days * ${day} as lead_created,
            ${segCase(0.55, 0.5, 0.45)} as p_win,
            -ln(1.0 - ${u(16)}) / ${segCase(0.03, 0.017, 0.008)} as life_months,
            round((${r.lognormal('id', 117, segCase(9000, 32000, 110000), 0.45)})::numeric, -1) as acv,
            case seg when 'SMB' then ${pick(u(18), ['Core', 'Pro'], [60, 40])}
              when 'Mid-Market' then ${pick(u(18), ['Pro', 'Suite'], [60, 40])}
              else ${pick(u(18), ['Suite', 'Pro'], [80, 20])} end as product,
            opened_at + (1 + ${r.lognormal('id', 119, segCase(20, 44, 80), 0.5)}) * ${day} as acq_close
          from (
            select id, ${u(1)} < 0.3 as legacy,
              ${pick(u(2), SEGMENTS, [60, 30, 10])} as seg,
              ${pick(u(4), ['Software', 'Finance', 'Health', 'Retail', 'Manufacturing', 'Education', 'Logistics', 'Media',
                'Energy', 'Public Sector', null], [18, 12, 11, 12, 14, 6, 8, 6, 5, 4, 7])} as industry,
              ${pick(u(5), ['NA', 'EMEA', 'APAC', 'LATAM', null], [38, 35, 17, 6, 4])} as region,
              ${pickSlot(u(6), ctx.people.slots.accounts)} as owner_id,
              ${nameSql(seed)} as name,
              case when ${u(1)} < 0.3 then ${ctx.start} - (30 + 1065 * ${u(7)}) * ${day} - 10 * ${u(8)} * interval '1 hour'
                -- A few opened shortly before history starts: deals and conversions flow from day one.
                when ${u(19)} < 0.06 then ${ctx.start} - 90 * ${u(7)} * ${day} + 10 * ${u(8)} * interval '1 hour'
                else ${calendarTimeSql(cal, u(7), u(8), u(9))} end as opened_at,
              ${u(10)} as wu,
              ${u(3)} < 0.05 as segment_blank,
              0.5 + ${r.lognormal('id', 111, 25, 0.6)} as journey_days,
              ${pick(u(12), ['referral', 'web', 'outbound', 'email', 'event', 'paid', 'social', 'other'], [20, 22, 14, 10, 10, 10, 9, 5])} as lead_source,
              ${r.lognormal('id', 113, 3, 1.0)} as lead_resp_hours
            from generate_series(1, ${targets.accounts}) as id
          ) s0 offset 0
        ) s1 offset 0
      ) s2 offset 0
    ) s3`);
  await exec(ctx, `create index on demo_acc (id)`);

  await exec(ctx, `
    insert into accounts (id, external_id, name, segment, industry, region, owner_id, customer_since, churned_at)
    select id, ${externalIdSql('ACC', 'id', 6)}, name, case when segment_blank then null else seg end, industry, region,
      owner_id, cs::date, churned_at::date
    from demo_acc order by id`);

  // Customers during history, with the span they were customers in (dates, as the KPIs count them).
  await exec(ctx, `
    create temp table demo_active on commit drop as
    select row_number() over (order by id) as rn, id, seg, acv, product, owner_id, lo, hi, churned_at,
      greatest(1, round(extract(epoch from hi - lo) / 86400))::bigint as days
    from (
      select id, seg, acv, product, owner_id, churned_at, greatest(cs::date::timestamptz, ${ctx.start}) as lo,
        least(coalesce(churned_at::date::timestamptz, ${ctx.now}), ${ctx.now}) as hi
      from demo_acc where cs is not null
    ) x where hi > lo + interval '1 day'`);
  await exec(ctx, `create index on demo_active (rn)`);
  await exec(ctx, `
    create temp table demo_prospect on commit drop as
    select row_number() over (order by id) as rn, id, seg, acv, product, owner_id, greatest(opened_at, ${ctx.start}) as lo
    from demo_acc where cs is null and opened_at < ${ctx.now} - interval '1 day'`);
  await exec(ctx, `create index on demo_prospect (rn)`);
  await exec(ctx, `
    create temp table demo_legacy on commit drop as
    select row_number() over (order by id) as rn, id, owner_id from demo_acc where legacy and cs is not null`);
  await exec(ctx, `create index on demo_legacy (rn)`);
}
