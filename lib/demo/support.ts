// Support tickets (mostly from customers, bigger accounts file more) and survey responses: CSAT and CES
// after resolved tickets (slow resolutions score worse), NPS from customers (worse shortly before churn).
import { businessHoursSql, calendarTimeSql } from './calendar';
import { exec, externalIdSql, type SeedContext } from './context';
import { pick, pickSlot } from './sql-rand';
import { apportionSql } from './revenue';
import { ticketSubjectSql } from './ticket-subjects';

const TICKET_COLUMNS = 'account_id, assignee_id, channel, priority, category, created_at, first_response_at, resolved_at, contacts, handle_minutes';

export async function insertTickets(ctx: SeedContext): Promise<void> {
  const { rand: r, cal, targets, now } = ctx;
  const noAccount = Math.round(targets.tickets * 0.08);
  const hour = `interval '1 hour'`;
  const ka = '(a.id::bigint * 100000 + j)';
  const kn = '(9000000000 + g)';
  const fromAccounts = `
    select ${ka} as k, a.id as account_id,
      least(a.hi, greatest(a.lo, ${businessHoursSql(`(a.lo + ${r.u(ka, 501)} * (a.hi - a.lo))`, r.u(ka, 502), r.u(ka, 503))})) as created_at
    from ${apportionSql(`(select *, days * case seg when 'SMB' then 1 when 'Mid-Market' then 2 else 4 end as weight from demo_active)`, targets.tickets - noAccount)} a
    cross join lateral generate_series(1, a.n) as j`;
  const withoutAccount = `
    select ${kn} as k, null::int as account_id, ${calendarTimeSql(cal, r.u(kn, 504), r.u(kn, 505), r.u(kn, 506))} as created_at
    from generate_series(1, ${noAccount}) as g`;
  const trend = `(1.1 - 0.25 * extract(epoch from created_at - ${ctx.start}) / (730 * 86400))`;
  const ifPast = (t: string) => `case when ${t} <= ${now} then ${t} end`;
  await exec(ctx, `
    insert into tickets (id, external_id, subject, ${TICKET_COLUMNS})
    select row_number() over (order by created_at, k), ${externalIdSql('TCK', 'row_number() over (order by created_at, k)', 7)},
      ${ticketSubjectSql('category', r.u('k', 530), r.u('k', 531), r.u('k', 532))},
      account_id, assignee_id, channel, priority, category, created_at,
      case when not no_response then ${ifPast('fr')} end,
      ${ifPast('res')},
      case when res <= ${now} then contacts end,
      case when res <= ${now} then handle_minutes end
    from (
      select y.*, created_at + fr_hours * ${hour} as fr,
        case when not unresolved then created_at + greatest(res_hours, fr_hours + 0.1) * ${hour} end as res,
        round((${r.lognormal('k', 510, 9, 0.5)} * (1 + 0.6 * (contacts - 1)))::numeric, 1) as handle_minutes0
      from (
        select x.*,
          ${r.lognormal('k', 511, `case priority when 'urgent' then 0.4 when 'high' then 1.5 when 'normal' then 4 else 9 end
            * case channel when 'chat' then 0.25 when 'phone' then 0.15 when 'email' then 1.2 when 'social' then 0.8 else 1 end`, 0.8)}
            * ${trend} as fr_hours,
          ${r.lognormal('k', 512, `case priority when 'urgent' then 5 when 'high' then 14 when 'normal' then 30 else 60 end
            * case category when 'complaint' then 1.4 when 'problem' then 1.3 when 'question' then 0.6 when 'feedback' then 0.5 else 1 end`, 0.9)}
            * ${trend} as res_hours,
          ${r.u('k', 513)} < 0.02 as no_response,
          ${r.u('k', 514)} < case when category = 'complaint' then 0.08 else 0.03 end as unresolved,
          case when ${r.u('k', 515)} < 0.05 then null else
            case when category in ('problem', 'complaint') then ${pick(r.u('k', 516), [1, 2, 3, 4, 5], [55, 25, 12, 5, 3], '::int[]')}
              else ${pick(r.u('k', 516), [1, 2, 3], [82, 14, 4], '::int[]')} end end as contacts
        from (
          select t.k, t.account_id, t.created_at,
            ${pickSlot(r.u('t.k', 520), ctx.people.slots.support)} as assignee_id,
            ${pick(r.u('t.k', 521), ['email', 'chat', 'phone', 'web', 'social'], [35, 25, 20, 15, 5])} as channel,
            ${pick(r.u('t.k', 522), ['low', 'normal', 'high', 'urgent'], [25, 50, 18, 7])} as priority,
            ${pick(r.u('t.k', 523), ['question', 'problem', 'request', 'complaint', 'feedback', null], [34, 30, 15, 10, 8, 3])} as category
          from (${fromAccounts} union all ${withoutAccount}) t
        ) x offset 0
      ) y offset 0
    ) z
    cross join lateral (select case when ${r.u('z.k', 517)} < 0.06 then null else z.handle_minutes0 end as handle_minutes) h`);
}

export async function insertSurveyResponses(ctx: SeedContext): Promise<void> {
  const { rand: r, targets, now } = ctx;
  const nCsat = Math.round(targets.surveyResponses * 0.5);
  const nCes = Math.round(targets.surveyResponses * 0.2);
  const nNps = targets.surveyResponses - nCsat - nCes;
  const slow = `(resolved_at - created_at > interval '72 hours' or category = 'complaint')`;
  const afterTickets = `
    select k, kind, case kind
        when 'csat' then case when ${slow} then ${pick(r.u('k', 601), [1, 2, 3, 4, 5], [10, 12, 18, 30, 30], '::int[]')}
          else ${pick(r.u('k', 601), [1, 2, 3, 4, 5], [3, 4, 10, 33, 50], '::int[]')} end
        else case when ${slow} then ${pick(r.u('k', 602), [1, 2, 3, 4, 5, 6, 7], [8, 10, 14, 18, 22, 18, 10], '::int[]')}
          else ${pick(r.u('k', 602), [1, 2, 3, 4, 5, 6, 7], [3, 5, 8, 14, 25, 27, 18], '::int[]')} end end as score,
      resolved_at + (0.5 + 47.5 * ${r.u('k', 603)}) * interval '1 hour' as responded_at, account_id, id as ticket_id
    from (
      select t.*, t.id::bigint as k, case when row_number() over (order by ${r.u('t.id', 604)}) <= ${nCsat} then 'csat' else 'ces' end as kind
      from tickets t where resolved_at < ${now} - interval '2 days'
      order by ${r.u('t.id', 604)} limit ${nCsat + nCes}
    ) x`;
  const kn = '(10000000000 + g)';
  const nps = `
    select k, 'nps' as kind,
      case when at_risk then ${pick(r.u('k', 610), [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10], [6, 5, 7, 9, 10, 13, 15, 14, 10, 6, 5], '::int[]')}
        else ${pick(r.u('k', 610), [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10], [1, 1, 1, 2, 2, 4, 6, 12, 18, 25, 28], '::int[]')} end as score,
      responded_at, account_id, null::int as ticket_id
    from (
      select y.*, churned_at is not null and churned_at - responded_at < interval '120 days' as at_risk
      from (
        select ${kn} as k, a.id as account_id, a.churned_at,
          least(a.hi, ${now}, greatest(a.lo, ${businessHoursSql(`(a.lo + ${r.u(kn, 611)} * (a.hi - a.lo))`, r.u(kn, 612), r.u(kn, 613))})) as responded_at
        from generate_series(1, ${nNps}) as g
        join demo_active a on a.rn = 1 + floor(${r.u(kn, 614)} * (select count(*) from demo_active))::int
      ) y
    ) z`;
  // The derived owner (DERIVED survey_owner in lib/kpi/summary/sql-gen.ts) is written with the row, so
  // the seed's derived-column pass finds nothing to update.
  await exec(ctx, `
    insert into survey_responses (id, external_id, kind, score, responded_at, account_id, ticket_id, owner_id)
    select row_number() over (order by s.responded_at, s.k), ${externalIdSql('SRV', 'row_number() over (order by s.responded_at, s.k)', 7)},
      s.kind, s.score, s.responded_at, s.account_id, s.ticket_id, case when s.ticket_id is not null then st.assignee_id else sa.owner_id end
    from (${afterTickets} union all ${nps}) s left join tickets st on st.id = s.ticket_id left join accounts sa on sa.id = s.account_id`);
}
